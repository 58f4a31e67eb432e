"""The portal's languages as form choices, named in the language of the page."""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info


def language_choices() -> list[tuple[str, str]]:
    """("fr", "Français"), ("en", "Anglais") on a French page; "French", "English" on an
    English one."""
    return [
        (code, capfirst(get_language_info(code)["name_translated"]))
        for code, _native in settings.LANGUAGES
    ]
