"""The setup wizard's pages: each question, the personalised guide, and the address kept private."""

import logging
import re

import pytest
from django.core.cache import caches

from guides.content.typography import french_spacing
from guides.models import Guide, MailClient, Protocol, Security, ServerEndpoint

pytestmark = pytest.mark.django_db

ADDRESS = "marie.dupont@exemple.fr"
HOST = "ssl0.ovh.net"
# (incoming port, outgoing port) for each choice, as the catalogue ships them.
PORTS = {
    ("imap", "ssl"): (993, 465),
    ("imap", "none"): (143, 587),
    ("pop", "ssl"): (995, 465),
    ("pop", "none"): (110, 587),
}
# Clients that can follow one way only: Windows 8's Mail app has no POP, Gmail on the web
# fetches by POP over SSL only; the Outlook app and Outlook for Mac are written for SSL/TLS.
ONLY_PROTOCOL = {"windows-8-mail": "imap", "gmail-web": "pop"}
ONLY_SSL = {"gmail-web", "outlook-mobile", "outlook-mac"}
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"


def post_guide(http, /, *, language="fr", headers=None, **fields):
    data = {"client": "thunderbird", "protocol": "imap", "security": "ssl", "email": ADDRESS}
    data.update(fields)
    return http.post(f"/{language}/setup/guide/", data, headers=headers or {})


def section(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def test_first_step_lists_every_client_by_platform_with_legacy_marked(client):
    html = client.get("/fr/setup/").content.decode()
    for slug in MailClient.objects.values_list("slug", flat=True):
        assert f'name="client" value="{slug}"' in html
    for platform in ("Windows", "Apple", "Outlook", "Autres"):
        assert f"<legend>{platform}</legend>" in html
    assert "Étape 1 sur 4" in html
    legacy = section(html, 'value="outlook-2007"', "</label>")
    assert "ancienne version" in legacy
    current = section(html, 'value="thunderbird"', "</label>")
    assert "ancienne version" not in current


def test_a_guess_from_the_user_agent_is_offered_never_chosen(client):
    html = client.get("/fr/setup/", HTTP_USER_AGENT=IPHONE).content.decode()
    assert french_spacing("vous utilisez peut-être : Mail sur iPhone et iPad") in html
    assert 'href="/fr/setup/?client=apple-mail-ios"' in html
    assert " checked" not in html
    other = client.get("/fr/setup/", HTTP_USER_AGENT="curl/8.5").content.decode()
    assert "peut-être" not in other


def test_the_steps_follow_the_choices_in_the_url(client):
    protocol = client.get("/fr/setup/?client=thunderbird").content.decode()
    assert 'name="protocol" value="pop"' in protocol
    assert "laisser une copie sur le serveur" in protocol
    assert "5 Go" in protocol
    security = client.get("/fr/setup/?client=thunderbird&protocol=pop").content.decode()
    assert french_spacing("Réception : port 995 ; envoi : port 465.") in security
    assert french_spacing("Réception : port 110 ; envoi : port 587.") in security
    assert "circulent en clair" in security
    address = client.get("/fr/setup/?client=thunderbird&protocol=pop&security=none")
    html = address.content.decode()
    assert 'method="post" action="/fr/setup/guide/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<input type="hidden" name="protocol" value="pop">' in html
    assert '<input type="hidden" name="security" value="none">' in html
    assert "Étape 4 sur 4" in html


def test_a_client_with_a_single_way_skips_the_questions_it_cannot_follow(client):
    html = client.get("/fr/setup/?client=gmail-web&protocol=imap&security=none").content.decode()
    assert "Étape 2 sur 2" in html
    assert '<input type="hidden" name="protocol" value="pop">' in html
    assert '<input type="hidden" name="security" value="ssl">' in html
    windows8 = client.get("/fr/setup/?client=windows-8-mail").content.decode()
    assert 'name="security" value="none"' in windows8
    assert '<input type="hidden" name="protocol" value="imap">' in windows8


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("client=n-existe-pas", "Choisissez un logiciel dans la liste."),
        ("client=thunderbird&protocol=smtp", "Choisissez IMAP ou POP."),
        ("client=thunderbird&protocol=imap&security=rot13", "Choisissez une des deux options."),
    ],
)
def test_a_wrong_choice_in_the_url_asks_again_with_a_message(client, query, message):
    response = client.get(f"/fr/setup/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<p class="field-error" id="step-error" role="alert">{message}</p>' in html
    assert 'aria-describedby="step-error"' in html


def test_htmx_gets_the_step_alone_and_a_history_restore_the_whole_page(client):
    partial = client.get("/fr/setup/?client=thunderbird", headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert html.lstrip().startswith("<title>")
    assert 'id="wizard"' in html
    assert "<html" not in html
    assert " autofocus" in html
    assert "HX-Request" in partial["Vary"]
    restore = client.get(
        "/fr/setup/?client=thunderbird",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("protocol", ["imap", "pop"])
@pytest.mark.parametrize("security", ["ssl", "none"])
def test_every_client_gets_its_guide_with_the_address_and_its_servers(
    client, language, protocol, security
):
    guides = list(
        Guide.objects.published()
        .in_language(language)
        .filter(client__isnull=False)
        .select_related("client")
    )
    assert {guide.client.slug for guide in guides} == set(
        MailClient.objects.values_list("slug", flat=True)
    )
    for guide in guides:
        slug = guide.client.slug
        effective = (
            ONLY_PROTOCOL.get(slug, protocol),
            "ssl" if slug in ONLY_SSL else security,
        )
        incoming, outgoing = PORTS[effective]
        response = post_guide(
            client, language=language, client=slug, protocol=protocol, security=security
        )
        assert response.status_code == 200, slug
        html = response.content.decode()
        steps = section(html, '<ol class="steps">', "</ol>")
        assert f'<code><span class="value">{ADDRESS}</span></code>' in steps, slug
        assert "{{" not in html, slug
        summary = section(html, '<table id="summary"', "</table>")
        assert summary.count(f'data-copy="{ADDRESS}"') == 2, slug
        assert summary.count(f'data-copy="{HOST}"') == 2, slug
        assert f'data-copy="{incoming}"' in summary, slug
        assert f'data-copy="{outgoing}"' in summary, slug
        other_incoming, other_outgoing = PORTS[
            (effective[0], "none" if effective[1] == "ssl" else "ssl")
        ]
        assert f'data-copy="{other_incoming}"' not in summary, slug
        assert f'data-copy="{other_outgoing}"' not in summary, slug
        guide_text = section(html, '<div class="result-guide">', '<dl class="facts">')
        assert re.search(rf"[>:]{incoming}(</span>)?</code>", guide_text), slug
        assert re.search(rf"[>:]{outgoing}(</span>)?</code>", guide_text), slug


def test_the_guide_shows_the_troubleshooting_and_the_imap_pop_choice(client):
    html = post_guide(client, protocol="pop").content.decode()
    assert "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)" in html
    for words in (
        "adresse complète",
        "(SPA) doit rester décochée",
        "Le port et la sécurité vont ensemble",
        "avertissement de certificat",
        "vos dossiers n'apparaissent pas",
        '<a href="https://www.ovhcloud.com/fr/mail/" rel="noopener">',
    ):
        assert words in html
    choice = section(html, "<dt>POP", "</dt>")
    assert "votre choix" in choice
    assert "Connexion non chiffrée" not in html


def test_an_unencrypted_choice_is_warned_about(client):
    html = post_guide(client, security="none").content.decode()
    assert "Connexion non chiffrée." in html
    assert "circulent en clair" in html


def test_apple_clients_get_the_profile_as_the_fast_path(client):
    apple = post_guide(client, client="apple-mail-ios", display_name="Marie").content.decode()
    form = section(apple, '<form class="card profile-download"', "</form>")
    assert 'method="post" action="/setup/profile.mobileconfig"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert f'name="email" value="{ADDRESS}"' in form
    assert apple.count("profil de configuration") == 1  # not the guide's own pointer to it
    assert "profile-download" not in post_guide(client, client="thunderbird").content.decode()


def test_gmail_on_the_web_says_google_withdraws_pop_fetching_in_2026(client):
    for language in ("fr", "en"):
        html = post_guide(client, language=language, client="gmail-web").content.decode()
        assert "2026" in html
        assert "guide:" not in html
        assert "android" in html.lower()


def test_an_internationalised_domain_is_accepted_and_shown_both_ways(client):
    html = post_guide(client, email="Marie@Café.FR").content.decode()
    assert "<code>Marie@café.fr</code>" in html
    assert 'data-copy="Marie@xn--caf-dma.fr"' in html
    assert "_imaps._tcp.xn--caf-dma.fr." in html


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Saisissez votre adresse e-mail."),
        ("marie", "Saisissez l&#x27;adresse complète, avec un seul @"),
        ("marie@exemple.fr, paul@exemple.fr", "Saisissez une seule adresse"),
        ("marie@", "Il manque le domaine après le @"),
        ("marié@exemple.fr", "ne peut pas contenir d&#x27;accents"),
        ("marie@exemple", "n&#x27;est pas un nom de domaine valide"),
    ],
)
def test_a_wrong_address_is_explained_next_to_the_field_and_kept(client, email, message):
    response = post_guide(client, email=email, display_name="Marie Dupont")
    assert response.status_code == 200
    html = response.content.decode()
    field = section(html, '<label for="id_email"', 'id="id_email">')
    assert message in field
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_email_helptext id_email_error"' in field
    assert 'value="Marie Dupont"' in html
    if email:
        assert f'value="{email}"' in field
    assert '<ol class="steps">' not in html


def test_a_tampered_post_goes_back_to_the_question(client):
    html = post_guide(client, client="n-existe-pas").content.decode()
    assert 'name="client" value="thunderbird"' in html
    assert "Choisissez un logiciel dans la liste." in html


def test_the_address_stays_out_of_urls_logs_and_the_shared_cache(client, caplog, monkeypatch):
    stored = []
    shared = caches["default"]
    for name in ("set", "add", "set_many", "get_or_set"):
        original = getattr(shared, name)

        def spy(*args, _original=original, **kwargs):
            stored.append(repr((args, kwargs)))
            return _original(*args, **kwargs)

        monkeypatch.setattr(shared, name, spy)
    caplog.set_level(logging.DEBUG)
    response = post_guide(client, client="apple-mail-ios", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert ADDRESS in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    for url in re.findall(r'(?:href|action|hx-get|hx-post)="([^"]*)"', html):
        assert "exemple" not in url
    post_guide(client, email="marie@")
    assert "marie" not in caplog.text
    assert stored
    assert not any("marie" in entry for entry in stored)


def test_the_language_switch_keeps_the_choices_but_not_the_address(client):
    html = post_guide(client, protocol="pop").content.decode()
    assert 'href="/en/setup/?client=thunderbird&amp;protocol=pop&amp;security=ssl"' in html


def test_the_dns_records_of_the_address_domain_are_offered(client):
    html = post_guide(client).content.decode()
    records = section(html, '<details class="zone-details">', "</details>")
    assert "autoconfig.exemple.fr." in records
    assert "_submissions._tcp.exemple.fr." in records


def test_the_wizard_reads_servers_from_the_database(client):
    ServerEndpoint.objects.filter(protocol=Protocol.IMAP, security=Security.SSL).update(
        host="imap.exemple.net", port=10993
    )
    html = post_guide(client).content.decode()
    summary = section(html, '<table id="summary"', "</table>")
    assert 'data-copy="imap.exemple.net"' in summary
    assert 'data-copy="10993"' in summary


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/fr/setup/", 1),
        ("/fr/setup/?client=thunderbird", 3),
        ("/fr/setup/?client=thunderbird&protocol=imap", 4),
        ("/fr/setup/?client=thunderbird&protocol=imap&security=ssl", 3),
    ],
)
def test_each_question_takes_few_queries(client, django_assert_max_num_queries, url, queries):
    client.get(url)
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200


def test_the_personalised_guide_takes_few_queries(client, django_assert_max_num_queries):
    post_guide(client)
    with django_assert_max_num_queries(4):
        assert post_guide(client).status_code == 200


def test_the_home_page_and_the_menu_lead_to_the_wizard(client):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/setup/"' in html


def test_client_guides_and_the_wizard_lead_to_each_other(client):
    guide = client.get("/fr/guides/configurer-thunderbird/").content.decode()
    assert 'href="/fr/setup/?client=thunderbird">Remplir ce guide avec mon adresse</a>' in guide
    assert (
        "Remplir ce guide" not in client.get("/fr/guides/parametres-des-comptes/").content.decode()
    )
    result = post_guide(client, client="thunderbird").content.decode()
    assert 'href="/fr/guides/configurer-thunderbird/">Le guide public' in result
