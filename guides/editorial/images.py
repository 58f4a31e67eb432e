"""Images for guides: checked (type, size, dimensions), resized to what a guide page shows,
stripped of their metadata (a screenshot's EXIF may say more than intended), named by their
content, and stored through Django's storage API. The text that describes one is required.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from guides.editorial.audit import record
from guides.models import AuditAction, GuideImage

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # larger is refused before decoding (decompression bombs)
RENDITION_WIDTH = 1200  # the widest a guide's column shows, at twice the density
FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
NAME_LENGTH = 16  # hexadecimal digits of the SHA-256 of the stored file: its name


class ImageRefused(ValueError):
    """The upload cannot be a guide image; the message says why, for the person uploading."""


def store_image(*, upload, alt: str, author) -> GuideImage:
    alt = " ".join(alt.split())
    if not alt:
        raise ImageRefused(_("Décrivez l'image : le texte de remplacement est obligatoire."))
    if upload.size > MAX_BYTES:
        raise ImageRefused(
            _("L'image pèse %(size)s Mo : 5 Mo au plus.") % {"size": round(upload.size / 1e6, 1)}
        )
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageRefused(_("L'image est trop grande (plus de 40 millions de pixels)."))
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ImageRefused(_("Ce fichier n'est pas une image PNG, JPEG ou WebP lisible.")) from None
    if kind not in FORMATS:
        raise ImageRefused(_("Formats acceptés : PNG, JPEG ou WebP."))
    image = _resized(image, kind=kind)
    output = io.BytesIO()
    image.save(output, format=kind, optimize=True)  # no exif= nor pnginfo=: metadata stays out
    rendition = output.getvalue()
    name = content_name(rendition) + "." + FORMATS[kind]
    stored = GuideImage(
        alt=alt,
        width=image.width,
        height=image.height,
        uploaded_by=author if author.is_authenticated else None,
    )
    stored.file.save(name, ContentFile(rendition), save=True)
    store_small_rendition(name=stored.file.name, data=rendition)
    record(actor=author, action=AuditAction.IMAGE, target=stored, detail=stored.file.name)
    return stored


def store_small_rendition(*, name: str, data: bytes) -> None:
    """Keep a phone-sized copy beside the stored image `name` when it is wider (a quarter of
    the bytes to load on a phone)."""
    width = GuideImage.SMALL_WIDTH
    with Image.open(io.BytesIO(data)) as image:
        if image.width <= width:
            return
        kind = image.format
        small = image.resize(
            (width, round(image.height * width / image.width)), Image.Resampling.LANCZOS
        )
    output = io.BytesIO()
    small.save(output, format=kind, optimize=True)
    default_storage.save(GuideImage.small_name(name), ContentFile(output.getvalue()))


def content_name(data: bytes) -> str:
    """A stored image's name without its extension: the same bytes, the same name."""
    return hashlib.sha256(data).hexdigest()[:NAME_LENGTH]


def _resized(image: Image.Image, *, kind: str) -> Image.Image:
    """At most RENDITION_WIDTH wide."""
    if image.width > RENDITION_WIDTH:
        height = round(image.height * RENDITION_WIDTH / image.width)
        image = image.resize((RENDITION_WIDTH, height), Image.Resampling.LANCZOS)
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    return image
