"""Sources: seed files, folders, URLs, feeds and seed lists -> `Seed` values.

Other stages call `load.load_seeds`, `seeds.read_seed` and `seeds.scan`.
"""
