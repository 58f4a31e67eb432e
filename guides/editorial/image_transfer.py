"""The images guides show, carried with their export: `DIR/images/<file>` for each image of the
portal's media that an exported guide names, and `DIR/images/images.json` with their
descriptions. An import stores those the portal lacks, after checking each is the picture its
content-derived name promises; a guide naming an image found neither there nor on the portal
refuses the import, like any other error in the files.
"""

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from guides.content.guide_files import GuideFileError
from guides.editorial.checks import IMAGE
from guides.editorial.images import FORMATS, content_name, store_small_rendition
from guides.models import GuideImage

FOLDER = "images"
INDEX = "images.json"
UPLOAD_FOLDER = "guides"  # GuideImage.file's upload_to
EXTENSIONS = {f".{extension}": kind for kind, extension in FORMATS.items()}


@dataclass(frozen=True)
class ImageFile:
    """An image a guide names, read from an export: its storage name, bytes and description."""

    name: str
    data: bytes
    alt: str


def named_images(texts: Iterable[str]) -> dict[str, str]:
    """The portal's uploaded images the texts show: storage name → the path as written."""
    prefix = "/" + (settings.MEDIA_URL or "/media/").strip("/") + "/"
    found = {}
    for text in texts:
        for match in IMAGE.finditer(text):
            name = match[1].removeprefix(prefix)
            if match[1].startswith(prefix) and PurePosixPath(name).parent.name == UPLOAD_FOLDER:
                found[name] = match[1]
    return found


def export_images(*, directory: Path, texts: Iterable[str]) -> list[Path]:
    """Copy the images the texts show into `directory/images/`, with their descriptions;
    other files there go. The images written."""
    folder = directory / FOLDER
    images = GuideImage.objects.filter(file__in=named_images(texts)).order_by("file")
    written, index = [], []
    for image in images:
        if not default_storage.exists(image.file.name):
            continue  # the publishing checks report it; the export carries what exists
        path = folder / PurePosixPath(image.file.name).name
        folder.mkdir(parents=True, exist_ok=True)
        with default_storage.open(image.file.name, "rb") as stored:
            path.write_bytes(stored.read())
        written.append(path)
        index.append({"file": path.name, "alt": image.alt})
    if index:
        (folder / INDEX).write_text(
            json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path not in written and not (index and path.name == INDEX):
            path.unlink()
    return written


def read_images(*, directory: Path, texts: dict[str, str]) -> tuple[list[ImageFile], list]:
    """The images the guide files (name → text) show that the portal lacks, read from
    `directory/images/` and checked; and the errors, by guide file."""
    descriptions = _descriptions(directory / FOLDER / INDEX)
    needed, errors, seen = [], [], set()
    for file_name, text in texts.items():
        for name, written in named_images([text]).items():
            if name in seen or default_storage.exists(name):
                continue
            seen.add(name)
            path = directory / FOLDER / PurePosixPath(name).name
            problem = _problem(path, name=name)
            if problem:
                line = text[: text.index(written)].count("\n") + 1
                errors.append(GuideFileError(name=file_name, line=line, message=problem))
                continue
            alt = descriptions.get(path.name) or PurePosixPath(name).stem
            needed.append(ImageFile(name=name, data=path.read_bytes(), alt=alt))
    return needed, errors


def store_images(images: Iterable[ImageFile]) -> None:
    """Put the images read by read_images into the portal's storage, under their own names."""
    for image in images:
        with Image.open(io.BytesIO(image.data)) as picture:
            width, height = picture.size
        stored = GuideImage(alt=image.alt[:200], width=width, height=height)
        stored.file.name = default_storage.save(image.name, ContentFile(image.data))
        stored.save()
        store_small_rendition(name=stored.file.name, data=image.data)


def _descriptions(index: Path) -> dict[str, str]:
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
        return {entry["file"]: entry["alt"] for entry in entries}
    except (OSError, ValueError, TypeError, KeyError):
        return {}


def _problem(path: Path, *, name: str) -> str | None:
    """Why the file cannot be the image `name`, or None."""
    shown = f"{FOLDER}/{path.name}"
    if not path.is_file():
        return _("L'image %(name)s n'est ni dans %(folder)s ni sur le portail.") % {
            "name": name,
            "folder": f"{FOLDER}/",
        }
    data = path.read_bytes()
    if path.stem != content_name(data):
        return _("%(file)s n'est pas l'image que son nom désigne (contenu modifié ?).") % {
            "file": shown
        }
    try:
        with Image.open(io.BytesIO(data)) as picture:
            kind = picture.format
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        kind = None
    if kind != EXTENSIONS.get(path.suffix):
        return _("%(file)s n'est pas une image PNG, JPEG ou WebP lisible.") % {"file": shown}
    return None
