"""Several people on one guide, through the views: a revision saved meanwhile announced by the
heartbeat, a refused save that comes back as a merge (and a second save that can only save the
merge), the publish form with unsaved text, and text kept across an expired session or a
refused CSRF token."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from guides.content.typography import french_spacing
from guides.editorial import workflow
from guides.models import Guide
from guides.views.staff import unsent
from tests.staff_fixtures import edit_form_data

pytestmark = pytest.mark.django_db

BODY = "Ouvrez Thunderbird.\n\nAjoutez le compte.\n\nVérifiez l'envoi."


@pytest.fixture
def guide(editor):
    """The Thunderbird guide, with a known body and no revision yet (as shipped): the first
    save keeps this text as revision 1 and adds revision 2."""
    Guide.objects.filter(language="fr", key="thunderbird").update(body=BODY)
    return Guide.objects.get(language="fr", key="thunderbird")


def edit_url(guide) -> str:
    return reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk})


def presence_url(guide) -> str:
    return reverse("guides:staff_presence", kwargs={"pk": guide.pk})


class EditorForm(HTMLParser):
    """The fields of the page's editor form as a browser would post them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._inside = self._select = self._textarea = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._inside = "editor-form" in (attrs.get("class") or "")
        if tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value") or ""
        if not self._inside or "name" not in attrs:
            return
        if tag == "input" and attrs.get("type") not in ("checkbox", "submit"):
            self.fields[attrs["name"]] = attrs.get("value") or ""
        elif tag == "input" and attrs.get("type") == "checkbox" and "checked" in attrs:
            self.fields[attrs["name"]] = "on"
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.fields[self._textarea] = ""
        elif tag == "select":
            self._select = attrs["name"]
            self.fields.setdefault(self._select, "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            # A browser drops the newline right after <textarea>.
            self.fields[self._textarea] = self.fields[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._inside = False


def posted_back(response, **changes) -> dict:
    return EditorForm(response.content.decode()).fields | {"action": "save"} | changes


def textarea(html: str, name: str) -> str:
    return re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', html, re.S).group(1)


def refused(client, guide, contributor, editor, *, theirs: dict, yours: dict):
    """Camille and Edith open revision 1; Edith saves `theirs`, then Camille saves `yours`."""
    opened_by_both = edit_form_data(guide)
    client.force_login(editor)
    assert client.post(edit_url(guide), opened_by_both | theirs).status_code == 302
    client.force_login(contributor)
    response = client.post(edit_url(guide), opened_by_both | yours)
    assert response.status_code == 409
    return opened_by_both | yours, response


def test_changes_to_different_places_come_back_merged_onto_the_colleagues_revision(
    client, contributor, editor, guide
):
    mine, response = refused(
        client,
        guide,
        contributor,
        editor,
        theirs={"body": BODY.replace("Ouvrez", "Lancez"), "slug": "thunderbird-115"},
        yours={"body": BODY.replace("l'envoi.", "l'envoi et la réception."), "title": "Neuf"},
    )
    html = response.content.decode()
    merged = "Lancez Thunderbird.\n\nAjoutez le compte.\n\nVérifiez l&#x27;envoi et la réception."
    assert textarea(html, "body") == merged
    assert 'name="base" value="2"' in html
    assert french_spacing("portent sur des passages différents :") in html
    form = EditorForm(html).fields
    assert (form["title"], form["slug"]) == ("Neuf", "thunderbird-115")

    # The same stale form sent again (a second click, a resubmission) is refused again.
    again = client.post(edit_url(guide), mine)
    assert again.status_code == 409
    assert guide.revisions.count() == 2

    # The merge, saved as the form shows it, keeps both people's changes.
    assert client.post(edit_url(guide), posted_back(response)).status_code == 302
    head = workflow.head_revision(guide)
    assert (head.number, head.title, head.slug) == (3, "Neuf", "thunderbird-115")
    assert head.body == merged.replace("&#x27;", "'")


def test_a_passage_both_changed_must_be_resolved_before_the_merge_saves(
    client, contributor, editor, guide
):
    _mine, response = refused(
        client,
        guide,
        contributor,
        editor,
        theirs={"body": "La version d'Edith.", "title": "Titre d'Edith"},
        yours={"body": "La version de Camille,\nsur deux lignes.", "title": "Titre de Camille"},
    )
    html = response.content.decode()
    assert "Votre enregistrement a été refusé" in html
    assert "L'autre version (révision 2)" in html
    assert "<del>− La version d&#x27;Edith.</del>" in html
    assert "<ins>+ La version de Camille,</ins>" in html
    assert textarea(html, "body").splitlines() == [
        "&lt;&lt;&lt;&lt;&lt;&lt;&lt; révision 2 de edith",
        "La version d&#x27;Edith.",
        "=======",
        "La version de Camille,",
        "sur deux lignes.",
        "&gt;&gt;&gt;&gt;&gt;&gt;&gt; votre version",
    ]
    assert (
        french_spacing(
            "Titre : le formulaire garde « Titre d&#x27;Edith » (révision 2) ; "
            "vous aviez écrit « Titre de Camille »."
        )
        in html
    )
    assert EditorForm(html).fields["title"] == "Titre d'Edith"

    # Saving the merge as it is: refused where the marks are, nothing overwritten.
    second = client.post(edit_url(guide), posted_back(response))
    assert second.status_code == 200
    assert french_spacing("Lignes 1 à 6 : deux versions en conflit") in second.content.decode()
    assert guide.revisions.count() == 2
    assert workflow.head_revision(guide).body == "La version d'Edith."

    resolved = "La version d'Edith.\nLa version de Camille."
    assert client.post(edit_url(guide), posted_back(second, body=resolved)).status_code == 302
    assert workflow.head_revision(guide).body == resolved


def test_the_heartbeat_announces_a_revision_saved_since_the_form_was_opened(
    client, contributor, editor, guide, django_assert_num_queries
):
    client.force_login(contributor)
    page = client.get(edit_url(guide)).content.decode()
    assert 'hx-include="#id_base, #presence-shown"' in page
    client.force_login(editor)
    client.post(edit_url(guide), edit_form_data(guide, body=BODY.replace("compte", "compte IMAP")))

    client.force_login(contributor)
    with django_assert_num_queries(7):  # session, user, permissions (2), guide, 2 revisions
        beat = client.post(presence_url(guide), {"base": 0, "shown": ""})
    html = beat.content.decode()
    assert "edith a enregistré la révision 2" in html
    assert "de la révision 1, celle de votre formulaire, à la révision 2" in html
    assert "<del>− Ajoutez le compte.</del>" in html
    assert "<ins>+ Ajoutez le compte IMAP.</ins>" in html
    shown = re.search(r'name="shown" value="([^"]*)"', html).group(1)

    # Nothing new since the last beat: 204, htmx leaves the region as it is.
    again = client.post(presence_url(guide), {"base": 0, "shown": shown})
    assert again.status_code == 204
    up_to_date = client.post(presence_url(guide), {"base": 2, "shown": ""})
    assert "a enregistré la révision" not in up_to_date.content.decode()


def test_without_javascript_the_preview_button_announces_the_newer_revision(
    client, contributor, editor, guide
):
    stale = edit_form_data(guide, action="preview", body=BODY + "\n\nEn cours.")
    client.force_login(editor)
    client.post(edit_url(guide), edit_form_data(guide, body=BODY + "\n\nD'Edith."))
    client.force_login(contributor)
    response = client.post(edit_url(guide), stale)
    html = response.content.decode()
    assert "edith a enregistré la révision 2" in html
    assert "<ins>+ D&#x27;Edith.</ins>" in html
    assert "En cours." in textarea(html, "body")


def test_the_publish_form_asks_first_when_the_page_holds_unsaved_text(editor_client, guide):
    editor_client.post(edit_url(guide), edit_form_data(guide, body="Brouillon."))
    saved = editor_client.get(edit_url(guide)).content.decode()
    assert 'data-unsaved="false"' in saved
    assert "data-unsaved-ack" not in saved
    assert re.search(r'class="publish-form" novalidate', saved)

    posted = editor_client.post(edit_url(guide), edit_form_data(guide, action="preview", body="X"))
    html = posted.content.decode()
    assert 'data-unsaved="true"' in html
    assert re.search(
        r'<input type="checkbox" id="publish-unsaved" required data-unsaved-ack>', html
    )
    assert not re.search(r'class="publish-form" novalidate', html)
    assert "sans les modifications non enregistrées du formulaire" in html


def test_the_default_button_of_the_form_previews(editor_client, guide):
    """Enter in a one-line field presses the form's first button: without JavaScript it only
    updates the preview (static/js/editor-guard.js makes it do nothing)."""
    html = editor_client.get(edit_url(guide)).content.decode()
    form = html[html.index('class="editor-form"') :]
    first = re.search(r'<button type="submit" name="action" value="(\w+)"', form).group(1)
    assert first == "preview"
    steps = len(re.findall(r'class="step-form"', html))
    data = posted_back(editor_client.get(edit_url(guide)), action=first)
    response = editor_client.post(edit_url(guide), data)
    assert len(re.findall(r'class="step-form"', response.content.decode())) == steps
    assert guide.revisions.count() == 0


def test_a_save_after_the_session_expired_comes_back_after_signing_in(client, contributor, guide):
    client.force_login(contributor)
    client.get(edit_url(guide))
    client.logout()
    typed = edit_form_data(guide, body=BODY + "\n\nTapé pendant que la session expirait.")
    response = client.post(edit_url(guide), typed)
    assert response.status_code == 302
    assert response.url == f"/fr/accounts/login/?next={edit_url(guide)}"

    client.post(response.url, {"username": "camille", "password": "correct horse battery"})
    page = client.get(edit_url(guide)).content.decode()
    assert "Tapé pendant que la session expirait." in textarea(page, "body")
    assert "Voici le texte que vous aviez envoyé quand la session a expiré" in page
    assert 'data-unsaved="true"' in page
    assert guide.revisions.count() == 0  # nothing saved until they save
    assert "expirait" not in client.get(edit_url(guide)).content.decode()  # shown once


def test_an_htmx_request_after_the_session_expired_says_so_in_place(client, guide):
    preview = client.post(
        reverse("guides:staff_preview"),
        edit_form_data(guide),
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{edit_url(guide)}"},
    )
    assert preview.status_code == 286  # htmx swaps it, and stops polling the heartbeat
    html = preview.content.decode()
    assert "Votre session a expiré" in html
    assert f'href="/fr/accounts/login/?next={edit_url(guide)}" target="_blank"' in html
    assert "<html" not in html
    beat = client.post(presence_url(guide), headers={"HX-Request": "true"})
    assert "Votre session a expiré" in beat.content.decode()

    step = client.post(
        edit_url(guide), edit_form_data(guide, action="add_step"), headers={"HX-Request": "true"}
    )
    assert step["HX-Redirect"] == f"/fr/accounts/login/?next={edit_url(guide)}"
    assert client.session[unsent.SESSION_KEY]["path"] == edit_url(guide)


def test_a_refused_csrf_token_shows_the_portals_page_and_keeps_the_text(contributor, guide):
    client = Client(enforce_csrf_checks=True)
    client.force_login(contributor)
    client.get(edit_url(guide))
    typed = edit_form_data(guide, title="Titre tapé", body="Texte tapé avant la reconnexion.")
    response = client.post(edit_url(guide), typed | {"csrfmiddlewaretoken": "périmé"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "CSRF verification failed" not in html
    assert "Ce formulaire n'est plus valable" in html
    assert "Votre texte n'est pas perdu" in html
    assert f'<a class="button" href="{edit_url(guide)}">Reprendre mon texte' in html
    assert "Texte tapé avant la reconnexion." in html

    page = client.get(edit_url(guide)).content.decode()
    assert textarea(page, "body") == "Texte tapé avant la reconnexion."
    assert EditorForm(page).fields["title"] == "Titre tapé"
    assert guide.revisions.count() == 0


def test_signed_out_the_csrf_page_leads_to_signing_in_and_back(guide):
    client = Client(enforce_csrf_checks=True)
    typed = edit_form_data(guide, body="Texte d'une session perdue.")
    response = client.post(edit_url(guide), typed)
    assert response.status_code == 403
    login = f"/fr/accounts/login/?next={edit_url(guide)}"
    assert f'href="{login}">Me connecter et reprendre mon texte' in response.content.decode()


def test_what_another_site_sent_is_refused_and_not_kept(contributor, guide):
    client = Client(enforce_csrf_checks=True)
    client.force_login(contributor)
    typed = edit_form_data(guide, body="Texte d'un autre site.")
    response = client.post(edit_url(guide), typed, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Ce formulaire n'est plus valable" in html
    assert "Texte d&#x27;un autre site." not in html
    assert "Texte d&#x27;un autre site." not in client.get(edit_url(guide)).content.decode()
