"""Minifying never changes what a mail client shows, and never touches Outlook's code."""

from __future__ import annotations

from digest.render.minify import minify_css, minify_html

MSO = '<!--[if mso | IE]><table role="presentation" width="600"><tr>\n  <td><![endif]-->'


def test_layout_white_space_goes_and_text_spaces_stay() -> None:
    html = "<div>\n  <p>One <b>two</b> <i>three</i></p>\n  <p>a   b</p>\n</div>"
    assert minify_html(html) == "<div><p>One <b>two</b> <i>three</i></p><p>a b</p></div>"


def test_conditional_comments_are_kept_byte_for_byte() -> None:
    html = f"<body>\n{MSO}\n<!--[if !mso]><!--><p>x</p><!--<![endif]-->\n<!-- note --></body>"
    out = minify_html(html)
    assert MSO in out and "<!--[if !mso]><!-->" in out and "<!--<![endif]-->" in out
    assert "note" not in out


def test_pre_is_kept() -> None:
    html = "<pre>a\n   b</pre>\n  <p>x</p>"
    assert minify_html(html) == "<pre>a\n   b</pre><p>x</p>"


def test_style_blocks_and_attributes_shrink_but_selectors_keep_their_meaning() -> None:
    css = "/* c */ [data-ogsc] .card h2 , .x > p { color: #fff !important ; }"
    assert minify_css(css) == "[data-ogsc] .card h2,.x>p{color:#fff !important}"
    out = minify_html('<p style="margin: 0; color: red">x</p>')
    assert out == '<p style="margin: 0;color: red">x</p>'


def test_a_space_between_inline_tags_stays_a_word_gap() -> None:
    html = "<p><b>By</b>\n   <a href='x'>Maria</a></p>\n\n<table>\n <tr>\n <td>x</td></tr></table>"
    assert (
        minify_html(html)
        == "<p><b>By</b> <a href='x'>Maria</a></p><table><tr><td>x</td></tr></table>"
    )


def test_attribute_values_are_never_changed() -> None:
    html = '<a href="{{  odd   tag }}" title="two  spaces">x</a>'
    assert minify_html(html) == html
