"""Warning, note and tip boxes in guide texts: the container syntax, titles in the guide's
language, and nothing else let through."""

import pytest

from guides.content.markdown import render_markdown

WARNING = "::: warning\nNe **décochez** pas « garder les messages ».\n:::"


def test_a_callout_becomes_a_box_with_its_title_in_the_guide_language():
    assert render_markdown(WARNING, language="fr") == (
        '<div class="callout callout-warning"><p class="callout-title">'
        "<strong>Attention</strong></p>\n"
        "<p>Ne <strong>décochez</strong> pas « garder les messages ».</p>\n</div>\n"
    )
    english = render_markdown("::: tip\nText.\n:::", language="en")
    assert '<div class="callout callout-tip">' in english and "<strong>Tip</strong>" in english
    assert "<strong>Note</strong>" in render_markdown("::: note\nText.\n:::", language="en")


def test_a_custom_title_is_escaped_text():
    source = '::: note Bon à savoir <img src=x onerror="alert(1)">\nx\n:::'
    html = render_markdown(source, language="fr")
    assert "<strong>Bon à savoir &lt;img" in html and "<img" not in html


@pytest.mark.parametrize(
    "source",
    [
        "::: danger\nx\n:::",  # not a callout kind: stays text
        '<div class="callout callout-warning" onclick="alert(1)">x</div>',  # raw HTML stays text
    ],
)
def test_only_the_three_kinds_make_boxes(source):
    html = render_markdown(source, language="fr")
    assert "<div" not in html


def test_the_sanitiser_keeps_only_the_callout_classes():
    from guides.content.markdown import sanitise_html

    html = sanitise_html('<div class="callout evil" style="x" id="y"><p class="big">x</p></div>')
    assert html.startswith('<div class="callout"><p') and "big" not in html
