"""The images guides show travel with export_guides and import_guides: written beside the
guide files, brought back into a portal that lacks them, refused when missing or altered."""

import dataclasses
import json
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from guides.editorial import workflow
from guides.models import Guide, GuideImage
from tests.test_images import picture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def shown_image(editor):
    """An uploaded screenshot that the French Thunderbird guide shows."""
    from guides.editorial import images

    image = images.store_image(upload=picture(), alt="La fenêtre d'ajout", author=editor)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    head = workflow.head_revision(guide)
    content = workflow.editable_content(guide, head)
    content = dataclasses.replace(content, body=content.body + "\n\n" + image.markdown + "\n")
    revision = workflow.save_draft(
        guide=guide, content=content, author=editor, base_number=workflow.head_number(head)
    )
    workflow.publish(guide=guide, revision=revision, author=editor)
    return image


def export(directory):
    out = StringIO()
    call_command("export_guides", str(directory), stdout=out)
    return out.getvalue()


def run_import(directory):
    out = StringIO()
    call_command("import_guides", str(directory), stdout=out)
    return out.getvalue()


def forget(image):
    default_storage.delete(image.file.name)
    GuideImage.objects.all().delete()


def test_the_export_carries_the_images_the_guides_show(tmp_path, shown_image):
    assert "1 image files" in export(tmp_path / "out")
    folder = tmp_path / "out" / "images"
    name = shown_image.file.name.removeprefix("guides/")
    assert sorted(path.name for path in folder.iterdir()) == [name, "images.json"]
    with default_storage.open(shown_image.file.name, "rb") as stored:
        assert (folder / name).read_bytes() == stored.read()
    index = json.loads((folder / "images.json").read_text(encoding="utf-8"))
    assert index == [{"file": name, "alt": "La fenêtre d'ajout"}]


def test_an_image_not_shown_any_more_leaves_the_export(tmp_path, shown_image, editor):
    export(tmp_path / "out")
    Guide.objects.filter(language="fr", key="thunderbird").update(body="Plus d'image.")
    export(tmp_path / "out")
    assert list((tmp_path / "out" / "images").iterdir()) == []


def test_a_portal_without_the_image_gets_it_back_with_its_description(tmp_path, shown_image):
    export(tmp_path / "out")
    forget(shown_image)
    assert "1 images added" in run_import(tmp_path / "out")
    restored = GuideImage.objects.get()
    assert restored.file.name == shown_image.file.name
    assert (restored.alt, restored.width, restored.height) == ("La fenêtre d'ajout", 1200, 600)
    assert default_storage.exists(restored.file.name)
    again = tmp_path / "again"
    export(again)
    assert (again / "images" / "images.json").read_bytes() == (
        tmp_path / "out" / "images" / "images.json"
    ).read_bytes()
    assert "0 images added" in run_import(again)


def test_a_missing_image_refuses_the_import_and_says_where(tmp_path, shown_image):
    export(tmp_path / "out")
    forget(shown_image)
    (tmp_path / "out" / "images" / shown_image.file.name.removeprefix("guides/")).unlink()
    with pytest.raises(CommandError) as refused:
        run_import(tmp_path / "out")
    message = str(refused.value)
    assert "nothing was imported" in message
    assert "fr/configurer-thunderbird.md" in message
    assert "ni dans images/ ni sur le portail" in message
    assert not GuideImage.objects.exists()


def test_an_altered_image_is_refused(tmp_path, shown_image):
    export(tmp_path / "out")
    forget(shown_image)
    path = tmp_path / "out" / "images" / shown_image.file.name.removeprefix("guides/")
    path.write_bytes(path.read_bytes() + b"extra")
    with pytest.raises(CommandError, match="contenu modifié"):
        run_import(tmp_path / "out")
    assert not GuideImage.objects.exists()
