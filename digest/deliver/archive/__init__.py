"""`digest archive`: the recorded editions as a static web archive (pages and an Atom feed)."""
