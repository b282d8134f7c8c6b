"""A story's identity: its canonical URL, so one article from two section feeds is one story."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# courlan (trafilatura's URL library) drops the common trackers (utm_*, fbclid, gclid, mc_cid,
# ref, source...); these are the few section-feed markers it keeps.
_EXTRA_TRACKERS = {"partner", "cmpid", "ocid", "feed", "rss", "sr_share", "smid"}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters."""
    from courlan import normalize_url

    try:
        normal = normalize_url(url.strip())
    except ValueError:  # a URL courlan cannot parse is still an identity, as written
        normal = url.strip()
    parts = urlsplit(normal)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if _kept(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def _kept(key: str) -> bool:
    return key.lower() not in _EXTRA_TRACKERS
