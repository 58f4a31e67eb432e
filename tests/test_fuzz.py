"""Every public endpoint fed arbitrary input (Hypothesis): a clear 4xx or a page, never a 500.
The test client raises the view's exception, so a crash shows here with its traceback."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text as people and robots type it: any Unicode (surrogates excluded: they cannot travel in
# UTF-8), control characters, dots, @ and slashes included.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list(".@/:%-_ \t\n")),
    max_size=300,
)
FIELD = st.sampled_from(["domain", "q", "client", "protocol", "security", "email", "emailaddress"])
PARAMETERS = st.dictionaries(FIELD | TEXT.filter(bool), TEXT, max_size=4)

GET_PATHS = [
    "/fr/",
    "/fr/search/",
    "/en/search/",
    "/fr/setup/",
    "/fr/setup/dns/",
    "/fr/diagnostic/",
    "/diagnostic/api/",
    "/fr/clients/",
    "/mail/config-v1.1.xml",
    "/autodiscover/autodiscover.json",
    "/setup/profile.mobileconfig",
]
POST_PATHS = [
    "/fr/setup/guide/",
    "/setup/profile.mobileconfig",
    "/fr/guides/webmail/feedback/",
    "/autodiscover/autodiscover.xml",
]


def no_server_error(response) -> None:
    assert response.status_code < 500, response.content[:500]


@FUZZ
@given(path=st.sampled_from(GET_PATHS), parameters=PARAMETERS)
def test_get_with_any_parameters(client, dns_settings, path, parameters):
    no_server_error(client.get(path, parameters))


@FUZZ
@given(path=st.sampled_from(POST_PATHS), fields=PARAMETERS)
def test_post_any_form(path, fields, dns_settings):
    from django.test import Client

    no_server_error(Client().post(path, fields))


@FUZZ
@given(body=st.binary(max_size=2000) | TEXT.map(str.encode))
def test_autodiscover_with_any_body(client, body):
    no_server_error(client.post("/autodiscover/autodiscover.xml", body, content_type="text/xml"))


@FUZZ
@given(slug=TEXT)
def test_any_guide_address(client, slug):
    no_server_error(client.get("/fr/guides/" + slug.replace("?", "").replace("#", "") + "/"))


@FUZZ
@given(
    charset=st.sampled_from(["utf-16", "utf-32", "latin-1", "klingon", "rot13", "ascii"]),
    fields=PARAMETERS,
)
def test_a_form_in_any_declared_charset(dns_settings, charset, fields):
    from urllib.parse import urlencode

    from django.test import Client

    body = urlencode(fields)
    for path in POST_PATHS[:3]:
        response = Client().generic(
            "POST",
            path,
            body.encode("utf-8", "surrogatepass"),
            content_type=f"application/x-www-form-urlencoded; charset={charset}",
        )
        no_server_error(response)
