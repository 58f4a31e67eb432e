"""Every fact of content-facts.md is stated, by its values, on a page a customer reaches by
links from the home page, in French and in English.

Each fact is a list of statements; a statement is a list of patterns (regular expressions,
case-insensitive) that must all match the visible text of one same page. `{5 Go}` stands for
a size as the page's language writes it.

Long on purpose: one table of every fact id, read in one place against content-facts.md.
"""

import re

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from guides.models import Guide, MailClient
from tests.crawling import crawl, unrecorded

# Database tests run before the transactional ones, which empty the database.
pytestmark = pytest.mark.django_db

SIZE = re.compile(r"\{(\d+) (Go|Mo)\}")

FACTS = {
    "F-SET-1": {
        "fr": [[r"serveur entrant.{0,20}POP", r"IMAP", r"sortant \(SMTP\)", r"ssl0\.ovh\.net"]],
        "en": [
            [r"incoming server.{0,20}POP", r"IMAP", r"outgoing server \(SMTP\)", r"ssl0\.ovh\.net"]
        ],
    },
    "F-SET-2": {
        "fr": [[r"adresse e-mail complète", r"mot de passe.{0,60}espace client"]],
        "en": [[r"full e-mail address", r"password.{0,60}control panel"]],
    },
    "F-SET-3": {
        "fr": [[r"\bPOP\b.{0,30}\b995 avec SSL.{0,10}\b110 sans SSL"]],
        "en": [[r"\bPOP\b.{0,30}\b995 with SSL.{0,10}\b110 without SSL"]],
    },
    "F-SET-4": {
        "fr": [[r"\bIMAP\b.{0,30}\b993 avec SSL.{0,10}\b143 sans SSL"]],
        "en": [[r"\bIMAP\b.{0,30}\b993 with SSL.{0,10}\b143 without SSL"]],
    },
    "F-SET-5": {
        "fr": [[r"\bSMTP\b.{0,30}\b465 avec SSL.{0,10}\b587 sans SSL", r"587.{0,60}STARTTLS"]],
        "en": [[r"\bSMTP\b.{0,30}\b465 with SSL.{0,10}\b587 without SSL", r"587.{0,60}STARTTLS"]],
    },
    "F-SET-6": {
        "fr": [
            [
                r"authentification SMTP obligatoire",
                re.escape(
                    "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)"
                ),
            ]
        ],
        "en": [
            [
                r"SMTP authentication is mandatory",
                re.escape(
                    "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)"
                ),
            ]
        ],
    },
    "F-WEB-1": {
        "fr": [[r"Adresse du webmail : http://webmail\.ovh\.net/"]],
        "en": [[r"Webmail address : http://webmail\.ovh\.net/"]],
    },
    "F-WEB-2": {
        "fr": [[r"interface du webmail s'appelle RoundCube"], [r"Utiliser le webmail RoundCube"]],
        "en": [[r"webmail interface is called RoundCube"], [r"Using the RoundCube webmail"]],
    },
    "F-WEB-3": {
        "fr": [[r"http://webmail\.ovh\.net/", r"adresse e-mail complète", r"mot de passe"]],
        "en": [[r"http://webmail\.ovh\.net/", r"full e-mail address", r"password"]],
    },
    "F-MX-1": {
        "fr": [[r"MX Plan", r"domaine doit utiliser les enregistrements MX d'OVH"]],
        "en": [[r"MX Plan", r"domain must use OVH(?:cloud)?'s MX records"]],
    },
    "F-MX-2": {
        "fr": [
            [
                r"mx0\.ovh\.net : aucune protection",
                r"mx1\.ovh\.net et mx2\.ovh\.net : anti-spam simple",
                r"mx3\.ovh\.net et mx4\.ovh\.net : anti-spam et antivirus",
            ]
        ],
        "en": [
            [
                r"mx0\.ovh\.net : no protection",
                r"mx1\.ovh\.net and mx2\.ovh\.net : simple anti-spam",
                r"mx3\.ovh\.net and mx4\.ovh\.net : anti-spam and antivirus",
            ]
        ],
    },
    "F-MX-3": {
        "fr": [
            [
                r"zone DNS",
                r"autre prestataire.{0,80}demandez-lui",
                r"serveurs DNS mutualisés d'OVH.{0,80}espace client",
            ]
        ],
        "en": [
            [
                r"DNS zone",
                r"another provider.{0,80}ask them",
                r"OVH(?:cloud)?'s shared DNS servers.{0,80}control panel",
            ]
        ],
    },
    "F-LIM-1": {
        "fr": [
            [
                r"200 e-mails par heure pour une même adresse",
                r"300 e-mails par heure depuis une même adresse IP",
            ]
        ],
        "en": [
            [r"200 e-mails per hour from one address", r"300 e-mails per hour from one IP address"]
        ],
    },
    "F-LIM-2": {
        "fr": [
            [
                r"au plus {5 Go}",
                r"de {25 Mo} jusqu'à {5 Go}",
                r"Email",
                r"engrenage",
                r"Modifier le compte",
                r"Valider",
                r"5 à 10 minutes",
            ]
        ],
        "en": [
            [
                r"at most {5 Go}",
                r"from {25 Mo} up to {5 Go}",
                r"Email",
                r"gear icon",
                r"Modify the account",
                r"Validate",
                r"5 to 10 minutes",
            ]
        ],
    },
    "F-LIM-3": {
        "fr": [
            [
                r"au plus {20 Mo} quand vous envoyez depuis le webmail",
                r"au plus {100 Mo} depuis un logiciel de messagerie",
            ]
        ],
        "en": [
            [r"at most {20 Mo} when you send from webmail", r"at most {100 Mo} from a mail app"]
        ],
    },
    "F-LIM-4": {
        "fr": [
            [
                r"au plus 20 adresses en copie",
                r"envoyé en copie à 20 personnes compte pour 20 e-mails",
            ]
        ],
        "en": [[r"at most 20 addresses in copy", r"copied to 20 people counts as 20 e-mails"]],
    },
    "F-LIM-5": {
        "fr": [[r"usage professionnel.{0,80}Exchange 2013"]],
        "en": [[r"professional use.{0,80}Exchange 2013"]],
    },
    "F-PLAN-1": {
        "fr": [
            [
                r"remplace ces comptes.{0,20}ne les additionne pas",
                r"perso2014 \(10 comptes POP\)",
                r"MX Plan 100",
                r"100 comptes, et non de 110",
            ]
        ],
        "en": [
            [
                r"replaces those accounts.{0,20}does not add",
                r"perso2014 hosting plan \(10 POP accounts\)",
                r"MX Plan 100",
                r"100 accounts, not 110",
            ]
        ],
    },
    "F-PLAN-2": {
        "fr": [
            [
                r"postmaster@",
                r"ne peut pas être modifiée et n'est pas comptée",
                r"MX Plan 5, vous avez l'adresse postmaster@ plus 5 boîtes",
            ]
        ],
        "en": [
            [
                r"postmaster@",
                r"cannot be changed and is not counted",
                r"MX Plan 5, you get the postmaster@ address plus 5 mailboxes",
            ]
        ],
    },
    "F-QUO-1": {
        "fr": [[r"quota.{0,40}espace réservé à votre adresse e-mail sur le serveur"]],
        "en": [[r"quota.{0,40}space set aside for your e-mail address on .{0,16}mail server"]],
    },
    "F-QUO-2": {
        "fr": [[r"Côté serveur, par exemple dans le webmail"]],
        "en": [[r"On the server side, for example in webmail"]],
    },
    "F-QUO-3": {
        "fr": [
            [
                r"POP.{0,80}retire du serveur",
                r"rarement",
                r"laisser une copie des messages sur le serveur",
            ]
        ],
        "en": [
            [
                r"POP.{0,80}removes them from the server",
                r"rarely",
                r"leave a copy of messages on the server",
            ]
        ],
    },
    "F-QUO-4": {
        "fr": [[r"refuse les nouveaux messages", r"user is over quota"]],
        "en": [[r"refuses new messages", r"user is over quota"]],
    },
    "F-QUO-5": {
        "fr": [[r"webmail.{0,10}Supprimez les messages", r"Videz aussi la Corbeille"]],
        "en": [[r"webmail.{0,10}Delete the messages", r"Empty the Trash"]],
    },
    "F-ACC-1": {
        "fr": [
            [r"Comment créer une adresse e-mail \?"],
            [r"Comment créer et gérer une liste de diffusion \?"],
            [r"Comment rediriger une adresse e-mail"],
            [r"Comment mettre en place ou supprimer un répondeur \?"],
        ],
        "en": [
            [r"How do I create an e-mail address\?"],
            [r"How do I create and manage a mailing list\?"],
            [r"How do I redirect an e-mail address"],
            [r"How do I set up or remove an auto-responder\?"],
        ],
    },
    "F-ACC-2": {
        "fr": [
            [
                r"Email",
                r"engrenage à côté de l'adresse",
                r"Changer le mot de passe",
                r"confirmez-le",
                r"L'ancien n'est pas demandé",
                r"Valider",
                r"quelques minutes",
            ]
        ],
        "en": [
            [
                r"Email",
                r"gear icon next to the address",
                r"Change the password",
                r"confirm it",
                r"old one is not asked for",
                r"Validate",
                r"few minutes",
            ]
        ],
    },
    "F-ACC-3": {
        "fr": [[r"de 9 à 30 caractères", r"aucun caractère accentué"]],
        "en": [[r"9 to 30 characters", r"no accented characters"]],
    },
    "F-ACC-4": {
        "fr": [
            [
                r"adresse e-mail qui renvoie chaque message reçu à une liste d'adresses",
                r"chez OVH(?:cloud)? ou chez un autre fournisseur",
            ]
        ],
        "en": [
            [
                r"e-mail address that forwards every message it receives to a list of addresses",
                r"at OVH(?:cloud)? or with another provider",
            ]
        ],
    },
    "F-ACC-5": {
        "fr": [
            [
                r"webmail",
                r"RoundCube",
                r"adresse e-mail complète et son mot de passe",
                r"logiciel de messagerie",
            ]
        ],
        "en": [[r"webmail", r"RoundCube", r"full e-mail address and its password", r"mail app"]],
    },
    "F-BAK-1": {
        "fr": [
            [
                r"jusqu'à une semaine de sauvegardes.{0,20}Time Machine",
                r"nouveaux dossiers apparaissent sur la gauche",
            ]
        ],
        "en": [
            [r"up to one week of backups.{0,20}Time Machine", r"extra folders appear on the left"]
        ],
    },
    "F-BAK-2": {
        "fr": [[r"J-1 : la sauvegarde faite la nuit même, vers 4 h du matin"]],
        "en": [[r"J-1 \(D-1.{0,30}\): the backup taken the same night, around 4 a\.m\."]],
    },
    "F-BAK-3": {
        "fr": [[r"J-3 : une sauvegarde datant de 72 heures"]],
        "en": [[r"J-3 \(D-3\): a backup that is 72 hours old"]],
    },
    "F-BAK-4": {
        "fr": [
            [
                r"W-1 : la sauvegarde de la semaine précédente.{0,20}nuit du dimanche au lundi",
                r"pas un « J-7 »",
            ]
        ],
        "en": [
            [
                r"W-1 : the previous week's backup, taken on the night from Sunday to Monday",
                r"not a \"D-7\"",
            ]
        ],
    },
    "F-BAK-5": {
        "fr": [[r"Faites glisser le message depuis le dossier de sauvegarde.{0,40}dossier actuel"]],
        "en": [[r"Drag the message from the backup folder.{0,40}current folder"]],
    },
    "F-BAK-6": {
        "fr": [
            [
                r"Seuls les messages qui étaient sur le serveur",
                r"retiré du serveur par un logiciel.{0,40}il y a plus d'une semaine ne peut plus",
            ]
        ],
        "en": [
            [
                r"Only messages that were on the server",
                r"removed from the server by a mail app.{0,40}more than a week ago can no longer",
            ]
        ],
    },
    "F-DIA-1": {
        "fr": [
            [
                r"offre e-mail est-elle active",
                r"hébergement a expiré",
                r"nom de domaine doit lui aussi être actif",
                r"espace client",
            ]
        ],
        "en": [
            [
                r"e-mail plan active",
                r"hosting plan has expired",
                r"domain name must be active too",
                r"control panel",
            ]
        ],
    },
    "F-DIA-2": {
        "fr": [
            [
                r"fonctionnent-ils depuis le webmail",
                r"configuration de votre logiciel",
                r"guides de configuration",
            ]
        ],
        "en": [[r"work from webmail", r"app's configuration", r"setup guides"]],
    },
    "F-DIA-3": {
        "fr": [
            [
                r"Impossible de vous connecter au webmail",
                r"Vérifiez votre mot de passe.{0,30}changez-le",
            ]
        ],
        "en": [[r"Can't sign in to webmail", r"Check your password.{0,30}change it"]],
    },
    "F-DIA-4": {
        "fr": [[r"travaux sont-ils en cours", r"page d'état du service"]],
        "en": [[r"maintenance work in progress", r"service status page"]],
    },
    "F-DIA-5": {
        "fr": [[r"domaine pointe-t-il vers OVH", r"enregistrements MX.{0,40}ceux d'OVH"]],
        "en": [[r"domain point to OVH", r"MX records must be OVH(?:cloud)?'s"]],
    },
    "F-SPAM-1": {
        "fr": [
            [
                r"spam peut arriver dans votre boîte de réception",
                r"serveurs MX",
                r"marqués comme spam",
            ]
        ],
        "en": [[r"spam can reach your inbox", r"MX servers", r"tagged as spam"]],
    },
    "F-SPAM-2": {
        "fr": [
            [
                r"objet d'un message commence par \[spam\]",
                r"créer une règle",
                r"déplacer ces messages",
            ]
        ],
        "en": [[r"subject starts with \[spam\]", r"create a rule", r"move these messages"]],
    },
    "F-SPAM-3": {
        "fr": [[r"jamais supprimé automatiquement", r"faux positif"]],
        "en": [[r"never deleted automatically", r"false positive"]],
    },
}

# The clients the source guide names (F-CLI), by catalogue slug, and the current ones beside them.
SOURCE_CLIENTS = [
    "windows-8-mail",
    "windows-phone",
    "windows-mail",
    "mac-mail",
    "ipad",
    "iphone",
    "outlook-2007",
    "outlook-2010",
    "outlook-2013",
    "outlook-2011-mac",
    "thunderbird-legacy",
    "android-4-4-phone",
    "blackberry",
    "android-tablet",
    "gmail-web",
]
CURRENT_CLIENTS = [
    "outlook-microsoft-365",
    "apple-mail-macos",
    "apple-mail-ios",
    "android-gmail-app",
    "thunderbird-android",
    "thunderbird",
]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The reachable pages of each language, crawled once for the module."""
    with unrecorded(django_db_blocker):
        pages = crawl(Client())
    return {
        language: [page for page in pages if page.language == language] for language in ("fr", "en")
    }


def with_sizes(pattern: str, language: str) -> str:
    def size(match):
        with translation.override(language):
            label = gettext(f"%(size)s {match[2]}") % {"size": match[1]}
        return re.escape(label)

    return SIZE.sub(size, pattern)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("fact", list(FACTS))
def test_fact_is_stated_on_a_reachable_page(site, fact, language):
    for statement in FACTS[fact][language]:
        patterns = [re.compile(with_sizes(p, language), re.IGNORECASE) for p in statement]
        stating = [
            page.url for page in site[language] if all(p.search(page.text) for p in patterns)
        ]
        assert stating, f"{fact} ({language}): no reachable page states {statement}"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("slug", SOURCE_CLIENTS + CURRENT_CLIENTS)
def test_every_client_has_a_reachable_guide_marked_legacy_or_not(site, slug, language):
    client = MailClient.objects.get(slug=slug)
    assert client.legacy == (slug in SOURCE_CLIENTS), f"F-CLI {slug}: legacy flag"
    guide = Guide.objects.published().get(client=client, language=language)
    [page] = [page for page in site[language] if page.url == guide.get_absolute_url()]
    assert ('class="notice notice-legacy"' in page.html) == client.legacy, f"F-CLI {slug}: notice"
    index = next(page for page in site[language] if page.url == f"/{language}/clients/")
    assert f'href="{page.url}"' in index.html, f"F-CLI {slug}: not in the client index"


def test_the_crawl_reaches_every_published_guide(site):
    reached = {page.url for pages in site.values() for page in pages}
    published = {guide.get_absolute_url() for guide in Guide.objects.published()}
    assert published <= reached, sorted(published - reached)
