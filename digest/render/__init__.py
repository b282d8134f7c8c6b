"""Render: summarized `Story` values -> the finished, inlined `Email`, and its checks.

Other stages call `sanitize.sanitize`, `utm.tag_links`, `compose.render`, and `check.check_html`.
"""
