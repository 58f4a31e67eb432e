from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from guides.views import errors

urlpatterns = [
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("guides.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
)

handler404 = errors.not_found
handler500 = errors.server_error
