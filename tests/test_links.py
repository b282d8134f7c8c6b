"""Which links the email may carry: http(s), mailto, or one ESP merge tag."""

from __future__ import annotations

import pytest

from digest.links import is_allowed_href, safe_href


@pytest.mark.parametrize(
    "href",
    [
        "https://news.example/a?b=1&c=2",
        "HTTP://NEWS.EXAMPLE",
        "mailto:desk@news.example",
        "*|UNSUB|*",
        "{{{unsubscribe}}}",
        "{{{ pm:unsubscribe }}}",
        "%unsubscribe_url%",
        "{{ UnsubscribeURL }}",
        "{{amazonSESUnsubscribeUrl}}",
    ],
)
def test_allowed(href: str) -> None:
    assert is_allowed_href(href)
    kept = safe_href(href)
    assert kept is not None and kept.lower() == href.lower()  # a scheme may be lower-cased


@pytest.mark.parametrize(
    "href",
    ["", " ", "javascript:alert(1)", "data:text/html,x", "http://", "/path", "#top", "ftp://x.y"],
)
def test_refused(href: str) -> None:
    assert not is_allowed_href(href)
    assert safe_href(href) is None
