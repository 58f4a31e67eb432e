"""The facts of OVHcloud's current documentation that the content review asked for, stated by
their values on a page a customer reaches by links from the home page, in French and English.

Same form as test_content_facts.py: each fact is a list of statements, a statement a list of
patterns (case-insensitive) that must all match the visible text of one page. Sources: the
ovh/docs repository, pages/web_cloud/email_and_collaborative_solutions/ (DOC:) and
pages/web_cloud/domains/ (DOM:), with the `updated:` date of the version read.

Long on purpose: one table of every current fact, read in one place against the review.
"""

import re

import pytest
from django.test import Client

from tests.crawling import crawl, unrecorded
from tests.test_content_facts import with_sizes

pytestmark = pytest.mark.django_db

S = r"\s?"  # the space before a colon: an ordinary one in English, a no-break one in French

FACTS = {
    # links/web/email: the webmail's HTTPS address, per language.
    "C-WEB-1": {
        "fr": [[r"Adresse du webmail aujourd'hui" + S + r": https://www\.ovhcloud\.com/fr/mail/"]],
        "en": [[r"Webmail address today" + S + r": https://www\.ovhcloud\.com/en-gb/mail/"]],
    },
    # DOC:mx_plan/email_generalities (2023-11-15), email_roundcube (2025-11-12), faq-zimbra.
    "C-WEB-2": {
        "fr": [
            [
                r"version historique.{0,40}Roundcube",
                r"nouvelle version.{0,40}Outlook Web App \(OWA\)",
                r"Zimbra",
            ],
            [r"cadre Abonnement", r"Référence serveur"],
        ],
        "en": [
            [
                r"historical version.{0,40}Roundcube",
                r"new version.{0,40}Outlook Web App \(OWA\)",
                r"Zimbra",
            ],
            [r"Subscription box", r"Server model"],
        ],
    },
    "C-WEB-3": {
        "fr": [[r"Cliquez sur Rédiger", r"au plus 100 adresses dans le champ À"]],
        "en": [[r"Click Compose", r"at most 100 addresses in the To field"]],
    },
    # DOC:troubleshooting/diagnostic_retention (2022-02-08).
    "C-BAK-1": {
        "fr": [[r"récupérable pendant 14 jours dans Outlook Web App", r"Récupérer"]],
        "en": [[r"recovered for 14 days in Outlook Web App", r"Recover"]],
    },
    # DOC:troubleshooting/email_manage_quota (2025-08-19).
    "C-QUO-1": {
        "fr": [[r"552 5\.2\.2", r"toujours envoyer depuis une boîte pleine"]],
        "en": [[r"552 5\.2\.2", r"still send from a full mailbox"]],
    },
    "C-QUO-2": {
        "fr": [[r"bouton … à droite de l'adresse", r"Modifier", r"Quota", r"Suivant"]],
        "en": [[r"… button to the right of the address", r"Modify", r"Quota", r"Next"]],
    },
    "C-LIM-1": {
        "fr": [[r"Exchange 2013 ?, retirée", r"Email Pro \(10 Go", r"Hosted Exchange \(50 Go"]],
        "en": [[r"Exchange 2013 offer, since retired", r"Email Pro \(10 GB", r"Hosted Exchange"]],
    },
    # DOC:mx_plan/email_change_password (2024-06-18).
    "C-ACC-1": {
        "fr": [[r"bouton … à droite de l'adresse", r"Changer le mot de passe.{0,30}historique"]],
        "en": [[r"… button to the right of the address", r"Change the password.{0,30}historical"]],
    },
    # DOC:common_email_features/feature_redirections (2024-02-22), feature_auto_responses.
    "C-ACC-2": {
        "fr": [[r"Gestion des redirections", r"Règles de boîte de réception et de nettoyage"]],
        "en": [[r"Manage redirections", r"Inbox and sweep rules"]],
    },
    "C-ACC-3": {
        "fr": [[r"Gestion des répondeurs", r"Garder les messages sur le serveur.{0,120}supprimés"]],
        "en": [[r"Manage auto-responders", r"Keep messages on the server.{0,120}deleted"]],
    },
    # DOC:mx_plan/feature_mailing_list (2025-04-28).
    "C-ACC-4": {
        "fr": [[r"au moins un MX Plan 100", r"250 abonnés", r"5 000 abonnés"]],
        "en": [[r"at least an MX Plan 100", r"250 subscribers", r"5,000 subscribers"]],
    },
    # DOC:faq-emails (2024-05-29): address names.
    "C-ACC-5": {
        "fr": [[r"de 2 à 32 caractères"]],
        "en": [[r"2 to 32 characters"]],
    },
    # DOC:mx_plan/how_to_configure_windows_10 (2025-09-26).
    "C-CLI-1": {
        "fr": [[r"1er janvier 2025, elle ne peut plus envoyer ni recevoir"]],
        "en": [[r"1 January 2025, it can no longer send or receive"]],
    },
    "C-CLI-2": {
        "fr": [[r"réglages des serveurs ne se modifient plus une fois le compte créé"]],
        "en": [[r"server settings cannot be edited once the account is created"]],
    },
    # DOC:mx_plan/email_outlook_app_android_ios (2024-11-26).
    "C-CLI-3": {
        "fr": [[r"Outlook ne permet pas de modifier les réglages des serveurs", r"imap|IMAP"]],
        "en": [[r"Outlook app cannot change the server settings", r"IMAP"]],
    },
    # DOC:mx_plan/how_to_configure_outlook_2016_mac (2018-05-31).
    "C-CLI-4": {
        "fr": [[r"Outlook pour Mac", r"IMAP/POP", r"Utiliser SSL pour se connecter"]],
        "en": [[r"Outlook for Mac", r"IMAP/POP", r"Use SSL to connect"]],
    },
    # DOM:dns_zone_mx (2024-02-29).
    "C-MX-1": {
        "fr": [
            [
                r"mx0\.mail\.ovh\.net \(priorité 1\)",
                r"mx1\.mail\.ovh\.net \(5\)",
                r"mx2\.mail\.ovh\.net \(50\)",
                r"mx3\.mail\.ovh\.net \(100\)",
                r"mx4\.mail\.ovh\.net \(200\)",
                r"4 à 24 heures",
            ]
        ],
        "en": [
            [
                r"mx0\.mail\.ovh\.net \(priority 1\)",
                r"mx1\.mail\.ovh\.net \(5\)",
                r"mx2\.mail\.ovh\.net \(50\)",
                r"mx3\.mail\.ovh\.net \(100\)",
                r"mx4\.mail\.ovh\.net \(200\)",
                r"4 to 24 hours",
            ]
        ],
    },
    # DOC:troubleshooting/diagnostic_advanced (2025-04-28).
    "C-DIA-1": {
        "fr": [[r"page d'état du service d'OVHcloud", r"Bloqué pour SPAM"]],
        "en": [[r"OVHcloud's service status page", r"Blocked for SPAM"]],
    },
    "C-SMTP-1": {
        "fr": [
            [
                r"535",
                r"550 5\.7\.1",
                r"550 5\.7\.26",
                r"552 5\.2\.2",
                r"553",
                r"554",
                r"421",
                r"451",
                r"200 e-mails par heure",
                r"300 par heure depuis une même adresse IP",
            ]
        ],
        "en": [
            [
                r"535",
                r"550 5\.7\.1",
                r"550 5\.7\.26",
                r"552 5\.2\.2",
                r"553",
                r"554",
                r"421",
                r"451",
                r"200 e-mails per hour",
                r"300 per hour from one IP address",
            ]
        ],
    },
    # DOC:troubleshooting/locked_for_spam (2024-05-22).
    "C-SPAM-1": {
        "fr": [[r"Bloqué pour SPAM.{0,40}Oui", r"Statut.{0,40}Spam", r"Répondre au ticket"]],
        "en": [[r"Blocked for SPAM.{0,40}Yes", r"Status.{0,40}Spam", r"Reply to the ticket"]],
    },
    # DOC:mx_plan/feature_filters (2024-03-20), faq-emails.
    "C-SPAM-2": {
        "fr": [[r"\[SPAM\]", r"Courrier indésirable", r"pas de quarantaine"]],
        "en": [[r"\[SPAM\]", r"Junk Email", r"no quarantine"]],
    },
    # DOM:dns_zone_spf (2026-02-10); docs.ovhcloud.com dns-zone-dkim (2026-06-08).
    "C-AUTH-1": {
        "fr": [[r"v=spf1 include:mx\.ovh\.com ~all", r"DKIM", r"v=DMARC1; p=none"]],
        "en": [[r"v=spf1 include:mx\.ovh\.com ~all", r"DKIM", r"v=DMARC1; p=none"]],
    },
    # DOM:dns_zone_dkim (2025-11-28): DKIM for MX Plan from the control panel, or two CNAMEs.
    "C-AUTH-2": {
        "fr": [
            [
                r"Web Cloud\W+cliquez sur MX Plan",
                r"onglet Informations générales\W+Sous Diagnostic\W+le bouton DKIM est rouge",
                r"Cliquez sur DKIM\W+puis sur Valider",
                r"deux enregistrements CNAME, un par sélecteur",
                r"selector1\._domainkey\.\S*\.dkim\.mail\.ovh\.net\.",
                r"cliquez sur Activer",
                r"de 30 minutes à 24 heures",
            ]
        ],
        "en": [
            [
                r"Web Cloud\W+section, click MX Plan",
                r"General information\W+tab\W+Under Diagnostic\W+the DKIM\W+badge is red",
                r"Click DKIM\W+then Validate",
                r"two CNAME records, one per selector",
                r"selector1\._domainkey\.\S*\.dkim\.mail\.ovh\.net\.",
                r"click Enable",
                r"from 30 minutes to 24 hours",
            ]
        ],
    },
    # DOC:mx_plan/how_to_configure_outlook_2016 (2026-01-30): other server names.
    "C-SET-1": {
        "fr": [[r"imap\.mail\.ovh\.net", r"smtp\.mail\.ovh\.net", r"imap\.mail\.ovh\.ca"]],
        "en": [[r"imap\.mail\.ovh\.net", r"smtp\.mail\.ovh\.net", r"imap\.mail\.ovh\.ca"]],
    },
    # DOC:mx_plan/feature_delegation (2021-10-08), feature_redirections (aliases).
    "C-GEN-1": {
        "fr": [[r"Délégation", r"Configurer les alias", r"version historique"]],
        "en": [[r"Delegation", r"Configure aliases", r"historical version"]],
    },
}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with unrecorded(django_db_blocker):
        pages = crawl(Client())
    return {
        language: [page for page in pages if page.language == language] for language in ("fr", "en")
    }


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("fact", list(FACTS))
def test_current_fact_is_stated_on_a_reachable_page(site, fact, language):
    for statement in FACTS[fact][language]:
        patterns = [re.compile(with_sizes(p, language), re.IGNORECASE) for p in statement]
        stating = [
            page.url for page in site[language] if all(p.search(page.text) for p in patterns)
        ]
        assert stating, f"{fact} ({language}): no reachable page states {statement}"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_pages_show_wizard_words_as_prose(site, language):
    words = {"fr": "votre adresse e-mail complète", "en": "your full e-mail address"}[language]
    for page in site[language]:
        assert f"<code>{words}</code>" not in page.html, page.url
