from django.urls import path

from guides.views import browse

app_name = "guides"
urlpatterns = [
    path("", browse.home, name="home"),
    path("guides/<slug:slug>/", browse.guide_detail, name="guide"),
    path("guides/k/<slug:key>/", browse.guide_by_key, name="guide_by_key"),
    path("clients/", browse.client_index, name="clients"),
    path("faq/", browse.faq_index, name="faq"),
    path("search/", browse.search, name="search"),
]
