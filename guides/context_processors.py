"""What every page needs: the language switcher's targets (also used for hreflang)."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation


def language_links(*, path: str, alternates: dict[str, str] | None = None) -> list[dict]:
    """Each language with the URL of this page in it. A page that lists its own alternates
    (a guide, whose slug differs per language) gives them; a missing translation links home."""
    links = []
    for code, name in settings.LANGUAGES:
        if alternates is None:
            url = translate_url(path, code)
        elif code in alternates:
            url = alternates[code]
        else:
            with translation.override(code):
                url = reverse("guides:home")
        links.append({"code": code, "name": name, "url": url})
    return links


def portal(request) -> dict:
    return {"languages": language_links(path=request.path)}
