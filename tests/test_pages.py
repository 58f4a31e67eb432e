import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_lists_clients_by_platform(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    for platform in ("Windows", "Apple", "Outlook"):
        assert f">{platform}</h3>" in html
    assert 'role="search"' in html


def test_root_redirects_by_browser_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR").url == "/fr/"


def test_unknown_guide_is_a_404_page_in_portal_style(client):
    response = client.get("/fr/guides/n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Cette page n'existe pas" in html
    for useful in (
        'href="/fr/diagnostic/"',
        'href="/fr/setup/"',
        'href="/fr/faq/"',
        "/fr/clients/",
    ):
        assert useful in html


def test_sign_in_page_says_who_signs_in(client):
    html = client.get("/fr/accounts/login/").content.decode()
    assert "équipe du support" in html and "clients dont le domaine" in html


def test_settings_page_fills_placeholders_from_the_database(client):
    from guides.models import Protocol, Security, ServerEndpoint

    ServerEndpoint.objects.filter(protocol=Protocol.IMAP, security=Security.SSL).update(port=10993)
    from guides.content.placeholders import forget_catalogue_values

    forget_catalogue_values()
    html = client.get("/fr/guides/parametres-des-comptes/").content.decode()
    assert "10993" in html
    assert "{{" not in html


def test_settings_table_lists_imap_pop_smtp_encrypted_port_first(client):
    html = client.get("/en/guides/account-settings/").content.decode()
    table = html[html.index('id="servers-title"') :]
    positions = [table.index(f'data-copy="{port}"') for port in (993, 143, 995, 110, 465, 587)]
    assert positions == sorted(positions)


def test_placeholder_values_of_one_word_are_kept_whole_and_attributes_stay_bare():
    from guides.content.placeholders import expand

    html = (
        '<p><a href="{{ url }}" title="{{ name }}">{{ host }}</a>, {{ name }}, {{ unknown }}, '
        "<code>a-b.test</code> <code>553 sorry</code></p>"
    )
    values = {"url": "https://a.test/?x=1&y=2", "host": "ssl0.ovh.net", "name": "Marie <D>"}
    assert expand(html, values) == (
        '<p><a href="https://a.test/?x=1&amp;y=2" title="Marie &lt;D&gt;">'
        '<span class="value">ssl0.ovh.net</span></a>, Marie &lt;D&gt;, {{ unknown }}, '
        '<code class="value wraps"><span class="term">a-b.<wbr>test</span></code> '
        "<code>553 sorry</code></p>"
    )


def test_client_lists_put_platforms_with_current_clients_first_and_fold_legacy_ones(client):
    from guides.content.listing import client_guides_by_platform

    groups = client_guides_by_platform(language="fr")
    with_current = [bool(group.current) for group in groups]
    assert with_current == sorted(with_current, reverse=True)
    assert groups[-1].platform == "windows"  # only old versions of Windows' own mail apps
    html = client.get("/fr/clients/").content.decode()
    legacy = html[html.index('<details class="legacy-versions">') :]
    assert "Outlook 2007" in legacy
    assert "ancienne version</span>" not in html  # the fold says it once for its clients
