import re

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from guides.views import autoconfig, diagnostic, errors, media, messages


def any_case(path: str, tail: str = "") -> str:
    """A pattern matching `path` in any capitalisation, as Outlook varies it, then the regular
    expression `tail`. The (?i) flag would do the same, but Django cannot reverse it and then
    fails on every reverse()."""
    letters = (f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in path)
    return "^" + "".join(letters) + tail + "$"


urlpatterns = [
    path("admin/", admin.site.urls),
    # Mail clients ask for these fixed paths, without a language prefix.
    path("mail/config-v1.1.xml", autoconfig.thunderbird_config, name="autoconfig"),
    path(
        ".well-known/autoconfig/mail/config-v1.1.xml",
        autoconfig.thunderbird_config,
        name="autoconfig_well_known",
    ),
    re_path(
        any_case("autodiscover/autodiscover.xml"), autoconfig.autodiscover_xml, name="autodiscover"
    ),
    re_path(
        any_case("autodiscover/autodiscover.json"),
        autoconfig.autodiscover_json,
        name="autodiscover_json",
    ),
    # The form Microsoft documents: …/autodiscover.json/v1.0/<address>?Protocol=…
    re_path(
        any_case("autodiscover/autodiscover.json/v1.0/", r"[^/]+"),
        autoconfig.autodiscover_json,
        name="autodiscover_json_address",
    ),
    path("setup/profile.mobileconfig", autoconfig.profile, name="apple_profile"),
    # Asked by the reverse proxy before it gets a certificate for a customer's name.
    path("tls/ask/", autoconfig.tls_ask, name="tls_ask"),
    # The diagnostic's JSON API: language from ?lang= or Accept-Language, not the path.
    path("diagnostic/api/", diagnostic.api, name="diagnostic_api"),
    # The message doctor's JSON API, language from ?lang= or Accept-Language likewise.
    path("messages/api/", messages.api, name="messages_api"),
    path("media/guides/<str:name>", media.guide_image, name="guide_image"),
]
urlpatterns += i18n_patterns(
    path("", include("guides.urls")),
    # Sign in and out only: passwords are reset by support (the admin or `changepassword`),
    # not by unthrottled pages in the admin's look.
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
)

handler404 = errors.not_found
handler500 = errors.server_error
