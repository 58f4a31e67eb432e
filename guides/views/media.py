"""The guide images staff uploaded, served by the portal from Django's storage (no web server
configuration needed): only files the image library knows and their phone-sized copies,
cached for a year (their names follow their content)."""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from guides.models import GuideImage

ONE_YEAR = 365 * 24 * 3600


@require_safe
def guide_image(request, name):
    stem, dot, extension = name.rpartition(".")
    original = stem.removesuffix(f"-{GuideImage.SMALL_WIDTH}") + dot + extension
    if not (
        GuideImage.objects.filter(file=f"guides/{original}").exists()
        and default_storage.exists(f"guides/{name}")
    ):
        raise Http404
    response = FileResponse(
        default_storage.open(f"guides/{name}"), content_type=mimetypes.guess_type(name)[0]
    )
    response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response
