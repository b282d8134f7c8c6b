"""Properties on arbitrary text: the summarizer never raises and never rewrites text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
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
