"""The public search recognises an SMTP reply and shows the reply table's explanation first,
with a link to the message doctor."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("553", "Envoi refusé : l&#x27;authentification SMTP n&#x27;est pas activée"),
        ("5.7.1", "Message refusé comme spam"),
        ("550 5.7.26", "Gmail refuse un message non authentifié (DMARC)"),
        ("over quota", "Boîte aux lettres pleine"),
        ("relayed thru", "Envoi refusé : l&#x27;authentification SMTP n&#x27;est pas activée"),
    ],
)
def test_an_error_in_the_search_shows_the_table_first(client, query, title):
    html = client.get("/fr/search/", {"q": query}).content.decode()
    box = html.index('id="doctor-search-title"')
    assert html.index(title, box) > box
    assert 'href="/fr/messages/"' in html[box:]


@pytest.mark.parametrize("query", ["outlook", "mot de passe", "spam", "5"])
def test_an_ordinary_search_shows_no_reply(client, query):
    assert "doctor-search-title" not in client.get("/fr/search/", {"q": query}).content.decode()
