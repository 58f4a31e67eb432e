"""Guide images: uploaded from the editor with their description, checked, resized, stripped,
stored through the storage API and served by the portal."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from guides.editorial import checks, images
from guides.editorial.revisions import GuideContent
from guides.models import AuditAction, AuditLog, Guide, GuideImage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def picture(kind="PNG", size=(2400, 1200), name="capture.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    extra = {"exif": Image.Exif()} if kind == "JPEG" else {}
    Image.new("RGB", size, "navy").save(buffer, format=kind, **extra)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


def test_an_upload_is_resized_named_by_content_and_audited(editor):
    image = images.store_image(upload=picture(), alt="  La fenêtre   d'ajout ", author=editor)
    assert (image.width, image.height, image.alt) == (1200, 600, "La fenêtre d'ajout")
    assert image.file.name.startswith("guides/") and image.file.name.endswith(".png")
    assert image.markdown == f"![La fenêtre d'ajout](/media/guides/{image.file.name[7:]})"
    assert AuditLog.objects.filter(action=AuditAction.IMAGE, actor=editor).exists()
    content = GuideContent(slug="x", title="x", body=image.markdown)
    assert checks.check_guide(content=content, language="en", key="") == []


@pytest.mark.parametrize(
    ("upload", "alt", "message"),
    [
        (picture(), " ", "le texte de remplacement est obligatoire"),
        (SimpleUploadedFile("x.png", b"not an image"), "x", "n'est pas une image"),
        (picture("GIF", name="x.gif"), "x", "Formats acceptés"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(editor, upload, alt, message):
    with pytest.raises(images.ImageRefused, match=message):
        images.store_image(upload=upload, alt=alt, author=editor)
    assert not GuideImage.objects.exists()


def test_too_heavy_is_refused(editor, monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 10)
    with pytest.raises(images.ImageRefused, match="5 Mo au plus"):
        images.store_image(upload=picture(), alt="x", author=editor)


def test_the_editor_uploads_and_the_portal_serves_the_image(contributor_client, client, guide):
    response = contributor_client.post(
        reverse("guides:staff_image", kwargs={"pk": guide.pk}),
        {"image": picture("JPEG", name="a.jpg"), "alt": "Écran final"},
        follow=True,
    )
    html = response.content.decode()
    image = GuideImage.objects.get()
    assert "Image enregistrée" in html and image.markdown in html
    served = client.get(image.file.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert "immutable" in served["Cache-Control"]
    assert client.get("/media/guides/inconnue.png").status_code == 404


def test_uploading_is_for_staff(client, customer, guide):
    url = reverse("guides:staff_image", kwargs={"pk": guide.pk})
    client.force_login(customer)
    assert client.post(url, {"image": picture(), "alt": "x"}).status_code == 403


def test_a_missing_description_comes_back_as_a_message(editor_client, guide):
    response = editor_client.post(
        reverse("guides:staff_image", kwargs={"pk": guide.pk}), {"image": picture()}, follow=True
    )
    assert "le texte de remplacement est obligatoire" in response.content.decode()


def test_through_htmx_only_the_upload_form_comes_back(contributor_client, guide):
    url = reverse("guides:staff_image", kwargs={"pk": guide.pk})
    htmx = {"HX-Request": "true"}
    refused = contributor_client.post(url, {"image": picture(), "alt": ""}, headers=htmx)
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "<html" not in html and 'id="image-upload"' in html
    assert "le texte de remplacement est obligatoire" in html
    assert 'aria-invalid="true"' in html
    done = contributor_client.post(url, {"image": picture(), "alt": "Écran"}, headers=htmx)
    image = GuideImage.objects.get()
    assert f'data-insert-markdown="{image.markdown}"' in done.content.decode()


def test_a_phone_gets_the_smaller_copy_and_the_page_reserves_the_room(editor, client):
    from django.core.files.storage import default_storage

    from guides.content.markdown import render_markdown

    image = images.store_image(upload=picture(size=(2400, 1200)), alt="Écran", author=editor)
    small = GuideImage.small_name(image.file.name)
    with default_storage.open(small) as stored, Image.open(stored) as copy:
        assert copy.size == (600, 300)
    html = render_markdown(image.markdown, language="fr")
    assert 'width="1200" height="600" loading="lazy"' in html
    assert f'srcset="/media/{small} 600w, {image.file.url} 1200w"' in html
    assert 'sizes="(max-width: 46rem) 100vw, 46rem"' in html
    served = client.get(f"/media/{small}")
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert client.get(f"/media/{small.replace('-600', '-601')}").status_code == 404


def test_a_narrow_image_has_no_smaller_copy(editor):
    from guides.content.markdown import render_markdown

    image = images.store_image(upload=picture(size=(500, 300)), alt="Icône", author=editor)
    html = render_markdown(image.markdown, language="fr")
    assert 'width="500" height="300"' in html and "srcset" not in html


def test_an_image_from_elsewhere_is_left_as_written():
    from guides.content.markdown import render_markdown

    html = render_markdown("![x](/static/img/logo.svg)", language="fr")
    assert '<img src="/static/img/logo.svg" alt="x"' in html and "width" not in html
