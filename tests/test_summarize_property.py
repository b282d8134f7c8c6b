"""Properties on arbitrary text: the summarizer never raises and never rewrites text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from digest.model import Seed
from digest.summarize import summarize
from digest.summarize.blocks import norm

# Pieces of page-like text, so random pages reach the quote, byline and Q&A rules.
_PIECES = st.sampled_from(
    [
        "By Ana Ruiz",
        "POSTED BY JO LEE on 2024-01-02",
        "12 March 2024",
        "Photo: Getty Images",
        '"We will open the bridge in spring, whatever it costs," Ms Ruiz said.',
        "\u201cThe river has never been this low in living memory,\u201d she told reporters.",
        "RUIZ: I think the council underestimated the cost of the repairs badly.",
        "Q: What happened next?",
        "\u2014 Ana Ruiz (@ana) March 1, 2024",
        "Related Posts",
        "3 days ago",
        "Share",
        "The council met on Tuesday and voted to repair the old bridge over the river.",
        'var x = "a string that looks like a long quote in code";',
        "\u201c",
        '"',
        ":",
        "\u2014",
    ]
)
_PAGE = st.lists(st.one_of(_PIECES, st.text(max_size=80)), max_size=25).map(
    lambda parts: "\n\n".join(parts)
)
_TEXT = st.one_of(
    st.text(max_size=400), _PAGE, st.text(alphabet=' \n"\u201c\u201d:.,aA\u2014', max_size=200)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_summarize_never_raises_and_returns_seed_text(text: str) -> None:
    story = summarize(Seed(source="random.txt", text=text))
    seed_text = norm(text)
    assert norm(story.headline) in seed_text
    for paragraph in story.lead:
        assert paragraph and paragraph in seed_text
    for quote in story.quotes:
        assert quote.text and quote.text in seed_text


# A quote in front matter: a piece of the page (sourced) or words the page may not hold.
_FRONT_QUOTE = st.one_of(
    st.none(),
    _PIECES,
    st.text(alphabet=" aAbB.,\u201c\u201d'\u2019", min_size=1, max_size=40),
)


def _email_quotes(html: str) -> list[str]:
    """The text of every pull quote the built email shows, without its quotation marks."""
    import lxml.html

    cells = lxml.html.fromstring(html).xpath('//td[contains(@class, "q")]')
    return [cell.xpath("string(text())").strip().strip("\u201c\u201d") for cell in cells]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _FRONT_QUOTE)
@example(",", ",")  # a quote with no words is no quote (it rendered as empty marks)
@example("He said: \u201cwe will open\x0cthe bridge\u201d", "we will open\x0cthe bridge")
def test_every_quote_in_the_built_email_is_in_its_article(text: str, quote: str | None) -> None:
    """Whatever the page and the front matter hold, the email quotes only the article."""
    import datetime as dt

    from digest.build import assemble
    from digest.config import Config
    from digest.model import FrontMatter
    from digest.render.compose import render
    from digest.render.sanitize import sanitize
    from digest.summarize import summarize_seed
    from digest.summarize.verbatim import occurs

    seed = Seed(source="random.md", text=text, meta=FrontMatter(title="A story", quote=quote))
    story = summarize_seed(seed)
    config = Config()
    email = render(assemble([sanitize(story)], config, dt.date(2026, 1, 5)), config)
    shown = _email_quotes(email.html)
    assert len(shown) <= 1
    for words in shown:
        assert occurs(words, text), words
    if quote and not occurs(quote, text):
        assert story.unsourced and all(q.text != quote for q in story.quotes)
