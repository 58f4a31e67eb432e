"""export_guides and import_guides: the same files byte for byte after a round trip, every
change kept as a revision, a bad file named with its line and nothing written, no deletion
unless asked."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from guides.content.typography import french_spacing
from guides.editorial import workflow
from guides.editorial.revisions import GuideContent
from guides.models import AuditAction, AuditLog, Guide, GuideStatus, RevisionState

pytestmark = pytest.mark.django_db


def export(directory: Path) -> dict[str, bytes]:
    call_command("export_guides", str(directory), stdout=StringIO())
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*.md"))}


def run_import(directory: Path, *options: str) -> str:
    out = StringIO()
    call_command("import_guides", str(directory), *options, stdout=out)
    return out.getvalue()


def change(guide: Guide, **fields) -> None:
    content = workflow.editable_content(guide, workflow.head_revision(guide))
    revision = workflow.save_draft(
        guide=guide,
        content=GuideContent(**content.revision_fields() | fields),
        author=None,
        base_number=workflow.head_number(workflow.head_revision(guide)),
    )
    workflow.publish(guide=guide, revision=revision, author=None)


def test_export_writes_every_guide_in_both_languages(tmp_path):
    files = export(tmp_path)
    assert len(files) == Guide.objects.count()
    text = files["fr/configurer-thunderbird.md"].decode()
    assert text.startswith(
        "---\nkey: thunderbird\ncategory: clients\nslug: configurer-thunderbird\n"
    )
    assert "=== step: " in text
    english = Guide.objects.get(language="en", key="thunderbird")
    assert f"en/{english.slug}.md" in files
    assert files[f"en/{english.slug}.md"].startswith(b"---\nkey: thunderbird\n")


def test_export_import_export_gives_the_same_bytes(tmp_path):
    first = export(tmp_path / "a")
    # The database drifts away from the files...
    thunderbird = Guide.objects.get(language="fr", key="thunderbird")
    change(thunderbird, title="Autre titre", slug="autre-adresse", steps=(("Seule", "étape"),))
    Guide.objects.get(language="en", key="thunderbird").delete()
    workflow.create_guide(
        language="fr",
        key="en-trop",
        content=GuideContent(slug="en-trop", title="En trop"),
        author=None,
    )
    Guide.objects.filter(language="fr", key="account-settings").update(review_by=None)
    # ...and the import brings it back, to the byte.
    run_import(tmp_path / "a", "--delete-missing")
    assert export(tmp_path / "b") == first
    # The change went through a revision, published, and the old address still works.
    head = workflow.head_revision(thunderbird)
    assert (head.message, head.state, head.author) == (
        "Import de fr/configurer-thunderbird.md",
        RevisionState.PUBLISHED,
        None,
    )
    assert head.title == "Configurer Thunderbird"
    assert AuditLog.objects.filter(action=AuditAction.IMPORT).exists()


def test_an_import_into_an_empty_database_gives_the_same_files(tmp_path):
    first = export(tmp_path / "a")
    Guide.objects.all().delete()
    output = run_import(tmp_path / "a")
    assert f"{len(first)} created" in output
    assert export(tmp_path / "b") == first
    assert Guide.objects.get(language="fr", key="thunderbird").is_published


def test_drafts_travel_as_drafts(tmp_path):
    workflow.create_guide(
        language="fr",
        key="brouillon",
        content=GuideContent(slug="brouillon", title="Pas encore publié", body="Texte."),
        author=None,
    )
    files = export(tmp_path / "a")
    assert b"\nstatus: draft\n" in files["fr/brouillon.md"]
    Guide.objects.filter(key="brouillon").delete()
    run_import(tmp_path / "a")
    assert Guide.objects.get(key="brouillon").status == GuideStatus.DRAFT
    assert export(tmp_path / "b") == files


def test_unchanged_files_write_nothing(tmp_path):
    export(tmp_path)
    output = run_import(tmp_path)
    assert "0 created, 0 updated" in output
    assert not AuditLog.objects.exists()
    assert not Guide.objects.get(language="fr", key="thunderbird").revisions.exists()


@pytest.mark.parametrize(
    ("edit", "line", "message"),
    [
        (lambda text: text.replace("category: clients", "category: autres"), 3, "unknown category"),
        (
            lambda text: text.replace("client: thunderbird", "client: mutt"),
            8,
            "unknown mail client",
        ),
        (lambda text: text.replace("review_by: 2027-06-01", "review_by: bientôt"), 9, "date"),
        (
            lambda text: text.replace("slug: configurer-thunderbird", "slug: Mauvaise Adresse"),
            4,
            "'slug'",
        ),
        (lambda text: text.replace("---\nCe guide", "Ce guide", 1), 10, "unknown front matter"),
        (lambda text: text.replace("order: 140", "ordre: 140"), 7, "unknown front matter"),
        (lambda text: re.sub("=== step: Ouvrir.*", "=== step: ", text), None, "needs a title"),
        (lambda text: text.replace("order: 140", "order: ²"), 7, "whole number"),
        (lambda text: text.replace("key: thunderbird", "key: Thunder_bird"), 2, "'key'"),
        (lambda text: text.replace("Ce guide", "Ce\x00guide", 1), None, "control character"),
    ],
)
def test_a_bad_file_is_named_with_its_line_and_nothing_is_written(tmp_path, edit, line, message):
    export(tmp_path)
    good = tmp_path / "fr/parametres-des-comptes.md"
    good.write_text(good.read_text().replace("title: ", "title: Changé : "))
    bad = tmp_path / "fr/configurer-thunderbird.md"
    bad.write_text(edit(bad.read_text()))
    with pytest.raises(CommandError) as refused:
        run_import(tmp_path)
    error = str(refused.value)
    assert "nothing was imported" in error
    assert "fr/configurer-thunderbird.md:" in error and message in error
    if line is not None:
        assert f"fr/configurer-thunderbird.md:{line}:" in error
    assert not Guide.objects.filter(title__startswith="Changé").exists()
    assert not AuditLog.objects.exists()


def test_duplicate_keys_and_slugs_are_refused(tmp_path):
    export(tmp_path)
    source = tmp_path / "fr/configurer-thunderbird.md"
    (tmp_path / "fr/copie.md").write_text(source.read_text())
    with pytest.raises(CommandError) as refused:
        run_import(tmp_path)
    assert (
        "fr/copie.md:2: key 'thunderbird' is already used by fr/configurer-thunderbird.md"
        in str(refused.value)
    )


def test_nothing_is_deleted_unless_asked(tmp_path):
    export(tmp_path)
    (tmp_path / "fr/configurer-thunderbird.md").unlink()
    output = run_import(tmp_path)
    assert french_spacing("configurer-thunderbird : absent des fichiers, gardé.") in output
    assert Guide.objects.filter(language="fr", key="thunderbird").exists()
    run_import(tmp_path, "--delete-missing")
    assert not Guide.objects.filter(language="fr", key="thunderbird").exists()
    assert Guide.objects.filter(language="en", key="thunderbird").exists()


def test_an_import_over_a_pending_draft_keeps_it_in_the_history(tmp_path, editor):
    export(tmp_path)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    workflow.save_draft(
        guide=guide,
        content=GuideContent(
            **workflow.editable_content(guide, None).revision_fields() | {"body": "En cours."}
        ),
        author=editor,
        base_number=0,
    )
    path = tmp_path / "fr/configurer-thunderbird.md"
    path.write_text(path.read_text().replace("title: Configurer Thunderbird", "title: Thunderbird"))
    output = run_import(tmp_path)
    assert "le brouillon en attente (révision 2) reste dans l'historique" in output
    guide.refresh_from_db()
    assert guide.title == "Thunderbird"
    assert guide.revisions.filter(body="En cours.").exists()


def test_export_removes_files_of_guides_that_are_gone(tmp_path):
    export(tmp_path)
    stale = tmp_path / "fr/ancien-guide.md"
    stale.write_text("---\n")
    export(tmp_path)
    assert not stale.exists()


@pytest.mark.parametrize("make", ["directory", "dangling link"])
def test_a_path_that_is_no_readable_file_is_named_and_nothing_is_written(tmp_path, make):
    export(tmp_path)
    odd = tmp_path / "fr/zz-odd.md"
    if make == "directory":
        odd.mkdir()
    else:
        odd.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(CommandError) as refused:
        run_import(tmp_path)
    assert "fr/zz-odd.md:1: cannot be read" in str(refused.value)
    assert not AuditLog.objects.exists()
