"""The checks before publishing: each problem found where it is, errors refusing publication
and warnings an editor may accept."""

import pytest
from django.urls import reverse

from guides.content.typography import french_spacing
from guides.editorial import checks, workflow
from guides.editorial.checks import Severity
from guides.editorial.revisions import GuideContent
from guides.models import Guide, GuideStatus, RevisionState
from tests.staff_fixtures import edit_form_data

pytestmark = pytest.mark.django_db


def findings_of(body="", steps=(), *, language="fr", key="thunderbird", title="Titre"):
    content = GuideContent(slug="x", title=title, body=body, steps=tuple(steps))
    return [
        (finding.severity, finding.where, finding.message)
        for finding in checks.check_guide(content=content, language=language, key=key)
    ]


def test_a_clean_guide_has_nothing_to_report():
    body = (
        "Serveur {{ imap_host }}, voir [Outlook](guide:outlook-2013).\n\n"
        "![Logo](/static/img/favicon.svg)"
    )
    assert findings_of(body, [("Ouvrir", "Cliquez sur {{ email }}.")]) == []


def test_each_error_says_where_it_is():
    body = (
        "Intro.\n\nVoir [ce guide](guide:nexiste-pas) et {{ imap_hots }}.\n"
        "![x](/static/img/absente.png)"
    )
    found = findings_of(body, [("Étape", french_spacing("Ouvrez ![y](/media/captures/nulle.png)"))])
    assert (
        Severity.ERROR,
        "Texte, ligne 3",
        french_spacing(
            "Le lien vers le guide « nexiste-pas » ne mène à aucun guide de cette langue."
        ),
    ) in found
    assert (
        Severity.ERROR,
        "Texte, ligne 3",
        french_spacing(
            "La valeur « {{ imap_hots }} » n'existe pas : elle s'afficherait telle quelle."
        ),
    ) in found
    assert (
        Severity.ERROR,
        "Texte, ligne 4",
        french_spacing("L'image « /static/img/absente.png » est introuvable sur le portail."),
    ) in found
    assert (
        Severity.ERROR,
        french_spacing("Étape 1 « Étape », ligne 1"),
        french_spacing("L'image « /media/captures/nulle.png » est introuvable sur le portail."),
    ) in found
    assert all(severity == Severity.ERROR for severity, _where, _message in found)


def test_external_and_climbing_image_paths_are_errors():
    found = findings_of("![a](https://example.com/a.png) ![b](/static/../settings.py)")
    assert [severity for severity, *_ in found] == [Severity.ERROR, Severity.ERROR]


def test_an_empty_step_and_a_french_guide_without_english_twin_are_warnings():
    Guide.objects.filter(language="en", key="thunderbird").delete()
    found = findings_of("Texte.", [("Ouvrir", "Cliquez."), ("Valider", "  ")])
    assert found == [
        (
            Severity.WARNING,
            french_spacing("Étape 2 « Valider »"),
            french_spacing("Cette étape n'a pas de texte : le lecteur ne saura pas quoi faire."),
        ),
        (
            Severity.WARNING,
            "Traductions",
            french_spacing(
                "Ce guide n'a pas de version anglaise : les lecteurs anglophones ne le verront pas."
            ),
        ),
    ]


def test_a_link_to_a_guide_not_online_is_a_warning_and_errors_come_first():
    Guide.objects.filter(language="fr", key="outlook-2013").update(status=GuideStatus.DRAFT)
    found = findings_of("[a](guide:outlook-2013)\n{{ nope }}")
    assert [(severity, where) for severity, where, _m in found] == [
        (Severity.ERROR, "Texte, ligne 2"),
        (Severity.WARNING, "Texte, ligne 1"),
    ]


def test_the_editor_offers_placeholders_and_guide_keys():
    assert checks.valid_placeholders(language="fr")["imap_host"] == "ssl0.ovh.net"
    assert ("thunderbird", "Configurer Thunderbird") in checks.guide_keys(language="fr")


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


def test_the_live_preview_lists_the_findings(editor_client, guide):
    response = editor_client.post(
        reverse("guides:staff_preview"),
        edit_form_data(guide, body="Voir {{ inconnue }}.") | {"key": guide.key},
    )
    html = response.content.decode()
    assert "Vérifications avant publication" in html
    assert french_spacing("La valeur « {{ inconnue }} » n&#x27;existe pas") in html


def test_publishing_with_an_error_is_refused_with_the_list(editor_client, guide):
    response = editor_client.post(
        reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk}),
        edit_form_data(guide, body="Voir [ici](guide:disparu).", action="publish"),
        follow=True,
    )
    html = response.content.decode()
    assert french_spacing("Publication refusée : corrigez d&#x27;abord ces erreurs.") in html
    assert french_spacing("Texte, ligne 1 : Le lien vers le guide « disparu »") in html
    head = workflow.head_revision(guide)
    assert head.state == RevisionState.DRAFT  # saved, not published
    guide.refresh_from_db()
    assert "disparu" not in guide.body


def test_a_warning_holds_publication_until_the_editor_accepts_it(editor_client, guide):
    steps = [("Ouvrir", "Cliquez."), ("Valider", "")]
    url = reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk})
    editor_client.post(url, edit_form_data(guide, steps=steps, action="publish"))
    assert workflow.head_revision(guide).state == RevisionState.DRAFT
    publish = reverse("guides:staff_publish", kwargs={"pk": guide.pk})
    head = workflow.head_revision(guide)
    editor_client.post(publish, {"revision": head.number, "accept_warnings": "on"})
    assert workflow.head_revision(guide).state == RevisionState.PUBLISHED


def test_merge_marks_left_in_the_text_are_errors_at_their_lines():
    body = "Intro.\n<<<<<<< edith\nSa version.\n=======\nLa mienne.\n>>>>>>> vous\nFin."
    found = findings_of(body)
    assert [(severity, where) for severity, where, _message in found] == [
        (Severity.ERROR, "Texte, ligne 2"),
        (Severity.ERROR, "Texte, ligne 6"),
    ]
    assert "marque de fusion" in found[0][2]
