"""Markdown from staff is rendered through a sanitiser: the usual XSS payloads must not
survive, neither in the live preview nor on the public page, while the formatting a guide
needs (headings, lists, tables, links, images, code, emphasis) stays."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from guides.content.markdown import ALLOWED_TAGS, render_markdown, sanitise_html
from guides.editorial import workflow
from guides.models import Guide
from tests.staff_fixtures import edit_form_data

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">clic</a>',
    '<p style="background:url(javascript:alert(1))">stylé</p>',
    "<style>body{display:none}</style>",
    '<form action="https://evil.example"><input name="password"></form>',
    '<details open ontoggle="alert(1)">x</details>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](&#106;avascript:alert(1))",
    "[clic](java%0ascript:alert(1))",
    "[clic](vbscript:msgbox(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![image](javascript:alert(1))",
    '[clic](https://ok.example "titre" onmouseover="alert(1)")',
    '<https://ok.example/" onmouseover="alert(1)>',
    '[clic](guide:account-settings" onmouseover="alert(1))',
    '<a href="guide:account-settings" onclick="alert(1)">x</a>',
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "<!-- <script>alert(1)</script> -->",
    "<<script>script>alert(1)<</script>/script>",
    "{{ email }}<script>alert(1)</script>",
    '<a href="java&#09;script:alert(1)">tab</a>',
    '<a href="&#14;javascript:alert(1)">contrôle</a>',
    '<a href="jav&#x0A;ascript:alert(1)">saut</a>',
    "[clic](<java\tscript:alert(1)>)",
    '<img src="https://ok.example/x.png" onerror=alert(1)>',
]
SAFE_SCHEMES = ("http:", "https:", "mailto:", "/", "#")
C0_AND_SPACE = "".join(chr(code) for code in range(0x21))
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}


class Inspector(HTMLParser):
    """Collects every tag and attribute, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc"}:
                self.problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value is not None:
                # As a browser reads it: outer controls and spaces, and any tab or newline, go.
                url = re.sub(r"[\t\n\r]", "", value.strip(C0_AND_SPACE)).lower()
                scheme = re.match(r"[a-z][a-z0-9+.-]*:", url)
                if scheme and not url.startswith(SAFE_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}>")


def inspect(html: str) -> Inspector:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector


def assert_harmless(
    html: str,
    *,
    # the page's own markup around the guide: its frame, an icon, a filled-in value and the
    # break points of a long one
    allowed=ALLOWED_TAGS
    | {"article", "header", "footer", "h1", "div", "span", "svg", "use", "wbr"},
):
    found = inspect(html)
    assert not found.problems, found.problems
    assert set(found.tags) <= set(allowed), set(found.tags) - set(allowed)


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives_the_renderer(payload):
    assert_harmless(render_markdown(payload, language="fr"), allowed=ALLOWED_TAGS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_sanitiser_alone_removes_raw_html_payloads(payload):
    assert_harmless(sanitise_html(payload), allowed=ALLOWED_TAGS)


@pytest.mark.django_db
def test_formatting_a_guide_needs_is_kept():
    html = render_markdown(
        "## Titre\n\n- un\n- deux\n\n1. premier\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "[lien](https://www.ovh.com/) ![écran](https://example.org/i.png) `code` *em* "
        "**fort** ~~barré~~\n\n```\nbloc\n```\n\n> citation",
        language="fr",
    )
    for fragment in (
        "<h2>Titre</h2>",
        "<ul>",
        "<ol>",
        "<table>",
        "<td>1</td>",
        'href="https://www.ovh.com/"',
        'src="https://example.org/i.png"',
        'alt="écran"',
        "<code>code</code>",
        "<em>em</em>",
        "<strong>fort</strong>",
        "<s>barré</s>",
        "<pre><code>bloc",
        "<blockquote>",
    ):
        assert fragment in html, fragment


ALL_PAYLOADS = "\n\n".join(PAYLOADS)


def article(html: str) -> str:
    return re.search(r'<article class="guide".*?</article>', html, re.S).group(0)


@pytest.mark.django_db
def test_payloads_are_harmless_in_the_live_preview(editor_client):
    guide = Guide.objects.get(language="fr", key="thunderbird")
    data = edit_form_data(
        guide,
        title="<script>alert('titre')</script>",
        summary='"><img src=x onerror=alert(1)>',
        body=ALL_PAYLOADS,
        steps=[("<b onmouseover=alert(1)>étape</b>", ALL_PAYLOADS)],
    )
    response = editor_client.post(reverse("guides:staff_preview"), data)
    assert response.status_code == 200
    html = response.content.decode()
    # The checks before publishing are listed above the article, in a section with badges.
    assert_harmless(
        html,
        allowed=ALLOWED_TAGS
        | {"article", "header", "footer", "h1", "section", "span", "svg", "use", "wbr"},
    )
    assert "&lt;script&gt;alert(&#x27;titre&#x27;)" in html  # shown as text, not run


@pytest.mark.django_db
def test_payloads_are_harmless_on_the_public_page(client, editor):
    guide = Guide.objects.get(language="fr", key="thunderbird")
    content = workflow.editable_content(guide, None)
    revision = workflow.save_draft(
        guide=guide,
        content=workflow.GuideContent(
            **content.revision_fields()
            | {
                "title": "<script>alert('titre')</script>",
                "body": ALL_PAYLOADS,
                "steps": (("<b onmouseover=alert(1)>étape</b>", ALL_PAYLOADS),),
            }
        ),
        author=editor,
        base_number=0,
    )
    workflow.publish(guide=guide, revision=revision, author=editor)
    html = client.get("/fr/guides/configurer-thunderbird/").content.decode()
    assert_harmless(article(html))
    assert "<script>alert" not in html
