"""HTML extraction: the article's paragraphs come out, page furniture does not."""

from __future__ import annotations

from streams.enrich.html import clean_html

PARAGRAPHS = [
    "The city council voted on Monday to close the old harbour bridge to cars from next spring, "
    "ending a debate that has divided residents for almost a decade.",
    "Supporters say the bridge, built in 1911, can no longer carry heavy traffic safely, while shop "
    "owners on the east bank fear that fewer customers will make the trip.",
    "The council will spend the savings on a new ferry line and on widening the cycle lanes that "
    "lead to the bridge, according to the plan adopted by a narrow majority.",
]


def _page() -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Bridge closes</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<article><h1>Harbour bridge to close</h1>{body}<p>Share this article</p></article>"
        "<footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>"
    )


def test_article_paragraphs_extracted_without_furniture() -> None:
    result = clean_html(_page(), url="https://example.com/news/bridge")
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    assert "Home" not in result.text
    assert "All rights reserved" not in result.text
    assert "Share this article" not in result.text


def test_empty_html_gives_empty_text() -> None:
    assert clean_html("").text == ""
    assert clean_html("   ").text == ""
