"""The English staff area is entirely English: every staff page, rendered in English with data
in every state, shows no French interface word, no French spacing and dates in the English
format. What the team wrote (French guides' titles, the French texts of known replies) is
content, and stays as written."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from guides.editorial import workflow
from guides.editorial.revisions import GuideContent
from guides.models import Guide, KnownReply
from tests.staff_fixtures import team_at_work

pytestmark = pytest.mark.django_db

FRENCH_WORDS = [
    "Brouillon",
    "brouillon",
    "Publié",
    "Publiée",
    "publiée",
    "Programmée",
    "Programmé",
    "Catégorie",
    "Rubrique",
    "Référence",
    "Logiciels",
    "Français",
    "français",
    "Anglais",
    "révision",
    "Révision",
    "Enregistrer",
    "Modifier",
    "relecture",
    "Aucun",
    "Aucune",
    "Tableau",
    "Traduire",
    "Langue",
    "Recherche",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
]
FRENCH_WORD = re.compile(r"(?<!\w)(" + "|".join(FRENCH_WORDS) + r")(?!\w)")
# French puts a (no-break) space before : ; ! ? and inside « »; English never does.
FRENCH_SPACING = re.compile(r"\w[ \u00a0\u202f][:;!?](?!\w)|[\u00a0\u202f]|«|»")


class VisibleText(HTMLParser):
    """The interface text a reader sees: not scripts, styles, what was typed (text areas) or
    written (the guide in the preview, its text in diffs), nor what is marked as in another
    language than the page (the language switcher's "Français", the French source's lines)."""

    SKIPPED = {"script", "style", "textarea", "title", "pre", "article"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "use"}
    # Where a reader sees a break between two texts; inline elements join theirs.
    BLOCKS = {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "option", "label", "legend"}
    BLOCKS |= {"summary", "section", "caption", "figcaption", "dt", "dd", "button", "br"}

    def __init__(self) -> None:
        super().__init__()
        self.language = ""
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")
        if tag in self.VOID:
            return
        language = dict(attrs).get("lang")
        if tag == "html":
            self.language = language
        foreign = language is not None and language != self.language
        self.stack.append(tag in self.SKIPPED or foreign or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return " ".join("".join(parser.parts).split())


def content_written_in_french() -> list[str]:
    """What the team wrote in French and English pages show as such, longest first."""
    texts = set(Guide.objects.filter(language="fr").values_list("title", flat=True))
    for reply in KnownReply.objects.all():
        texts |= {reply.title, reply.explanation, reply.action}
    return sorted((text for text in texts if text), key=len, reverse=True)


def interface_text(html: str, content: list[str]) -> str:
    text = VisibleText.of(html)
    for written in content:
        text = text.replace(" ".join(written.split()), " ")
    return text


@pytest.fixture
def every_state(editor, contributor):
    """Audit details are written in the language of the person acting: here, English."""
    with translation.override("en"):
        return team_at_work(editor=editor, contributor=contributor)


def staff_pages(guides: dict) -> list[str]:
    english, french = guides["english"], guides["french"]
    yesterday = timezone.localtime() - datetime.timedelta(days=1)
    with translation.override("en"):
        confirm = reverse("guides:staff_publish_confirm", kwargs={"pk": english.pk})
        return [
            reverse("guides:staff_dashboard"),
            reverse("guides:staff_dashboard") + "?days=7&sort=query",
            reverse("guides:staff_guides"),
            reverse("guides:staff_guides") + "?status=scheduled",
            reverse("guides:staff_guides") + "?status=draft&language=fr",
            reverse("guides:staff_scheduled"),
            reverse("guides:staff_submissions"),
            reverse("guides:staff_review_due"),
            reverse("guides:staff_translations"),
            reverse("guides:staff_audit"),
            reverse("guides:staff_guide_edit", kwargs={"pk": english.pk}),
            reverse("guides:staff_guide_edit", kwargs={"pk": guides["scheduled"].pk}),
            reverse("guides:staff_history", kwargs={"pk": english.pk}),
            reverse("guides:staff_history", kwargs={"pk": french.pk}),
            reverse("guides:staff_guide_new"),
            reverse("guides:staff_guide_new") + f"?from={french.pk}",
            f"{confirm}?revision=2&publish_at={yesterday:%Y-%m-%dT%H:%M}",
            reverse("guides:staff_replies"),
            reverse("guides:staff_reply_new"),
        ]


def test_every_staff_page_in_english_shows_no_french(editor_client, every_state):
    content = content_written_in_french()
    pages = staff_pages(every_state)
    assert all(page.startswith("/en/staff/") for page in pages)
    for page in pages:
        response = editor_client.get(page)
        assert response.status_code == 200, page
        text = interface_text(response.content.decode(), content)
        assert not FRENCH_WORD.findall(text), (page, FRENCH_WORD.findall(text))
        spacing = [
            text[max(0, m.start() - 30) : m.end() + 10] for m in FRENCH_SPACING.finditer(text)
        ]
        assert not spacing, (page, spacing)


def test_the_checker_would_catch_french(editor_client, every_state):
    """The test above can fail: the same pages in French are full of what it looks for."""
    content = content_written_in_french()
    page = editor_client.get(reverse("guides:staff_scheduled")).content.decode()
    assert "Programmée" in FRENCH_WORD.findall(interface_text(page, content))
    edit = reverse("guides:staff_guide_edit", kwargs={"pk": every_state["english"].pk})
    text = interface_text(editor_client.get(edit).content.decode(), content)
    assert FRENCH_SPACING.search(text)  # "Texte, ligne 1 : La valeur…"


def test_english_pages_show_dates_in_the_english_format(editor_client, every_state):
    scheduled = every_state["scheduled"].revisions.scheduled().get()
    with translation.override("en"):
        expected = formats.date_format(
            timezone.localtime(scheduled.publish_at), "SHORT_DATETIME_FORMAT"
        )
        page = editor_client.get(reverse("guides:staff_scheduled")).content.decode()
    assert expected == "12/24/2030 9:30 a.m."
    assert expected in page


def test_the_checks_and_their_messages_read_as_english(editor_client, every_state):
    english = every_state["english"]
    edit = reverse("guides:staff_guide_edit", kwargs={"pk": english.pk}).replace("/fr/", "/en/")
    html = editor_client.get(edit).content.decode()
    assert re.search(r"<strong>Text, line \d+</strong>: The value", html)
    with translation.override("en"):
        publish = reverse("guides:staff_publish", kwargs={"pk": english.pk})
    response = editor_client.post(publish, {"revision": 2}, follow=True)
    assert re.search(r"Text, line \d+: The value", VisibleText.of(response.content.decode()))


def test_a_schedule_is_confirmed_with_an_english_date(editor_client, every_state):
    english = every_state["english"]
    later = timezone.localtime() + datetime.timedelta(days=3)
    with translation.override("en"):
        publish = reverse("guides:staff_publish", kwargs={"pk": english.pk})
        shown = formats.date_format(later.replace(second=0, microsecond=0), "SHORT_DATETIME_FORMAT")
    response = editor_client.post(
        publish,
        {"revision": 2, "publish_at": f"{later:%Y-%m-%dT%H:%M}", "accept_warnings": "on"},
        follow=True,
    )
    assert response.status_code == 200
    # The unknown value is an error: nothing is scheduled, and the refusal is English.
    assert "Publication refused: fix these errors first." in response.content.decode()
    draft = GuideContent(**workflow.editable_content(english, None).revision_fields())
    workflow.save_draft(guide=english, content=draft, author=None, base_number=2)
    response = editor_client.post(
        publish,
        {"revision": 3, "publish_at": f"{later:%Y-%m-%dT%H:%M}", "accept_warnings": "on"},
        follow=True,
    )
    assert f"Publication scheduled for {shown}." in response.content.decode()


def test_known_replies_are_listed_by_their_english_title(editor_client):
    reply = KnownReply.objects.exclude(title_en="").first()
    untranslated = KnownReply.objects.create(
        key="sans-anglais",
        code="550",
        actor="sender",
        title="Seulement en français",
        explanation="x",
        action="y",
    )
    with translation.override("en"):
        page = editor_client.get(reverse("guides:staff_replies")).content.decode()
    assert reply.title_en in page and f">{reply.title}</a>" not in page
    assert untranslated.title in page  # nothing else to show
