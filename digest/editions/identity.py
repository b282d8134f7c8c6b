"""A story's identity: its canonical URL, so one article from two section feeds is one story."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that say how a reader arrived, not which article it is: campaign tags
# (utm_*, Mailchimp's mc_*, Matomo's pk_*/mtm_*), click IDs and section or partner markers.
_TRACKING = re.compile(
    r"(?:utm|mc|pk|mtm|ga|_hs|hsa|oly|vero|at)_\w*"
    r"|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|wbraid|gbraid|_ga|_gl"
    r"|ref|ref_src|ref_url|referrer|partner|cmpid|ocid|smid|sr_share|feature|src|source",
    re.I,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a malformed port: the URL as written is still an identity
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.fullmatch(key)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(sorted(query)), ""))
