"""What the spam filters wrote in a message's headers: OVH's (Vade Retro: X-VR-SPAMSTATE,
X-VR-SPAMSCORE, X-VR-SPAMCAUSE, X-Ovh-Spam-*), Microsoft's (X-Forefront-Antispam-Report,
X-MS-Exchange-Organization-SCL), Gmail's (X-Gm-Spam, X-Gm-Phishy) and the generic X-Spam-*
ones, each with what it means."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from guides.messages.spamcause import SpamCause, read_spamcause

MAX_VALUE = 2000
SCORE = re.compile(r"-?\d{1,6}")
FOREFRONT_FIELD = re.compile(r"([A-Z]{2,5}):([^;]*)")


@dataclass(frozen=True)
class Signal:
    filter: str
    header: str
    value: str
    meaning: str
    spam: bool = False

    def to_json(self) -> dict:
        return {
            "filter": self.filter,
            "header": self.header,
            "value": self.value,
            "meaning": self.meaning,
            "spam": self.spam,
        }


@dataclass(frozen=True)
class SpamReading:
    signals: list[Signal] = field(default_factory=list)
    spamcause: SpamCause | None = None

    @property
    def went_to_spam(self) -> bool:
        return any(signal.spam for signal in self.signals)


def scl_meaning(value: int) -> tuple[str, bool]:
    if value < 0:
        return _("Expéditeur de confiance : le filtre n'a pas analysé le message."), False
    if value <= 1:
        return _("Pas du spam."), False
    if value <= 4:
        return _("Peu suspect."), False
    if value <= 6:
        return _("Spam : rangé dans le courrier indésirable."), True
    return _("Spam certain : rangé dans le courrier indésirable ou bloqué."), True


def forefront_signals(value: str) -> list[Signal]:
    fields = {name: item.strip() for name, item in FOREFRONT_FIELD.findall(value[:MAX_VALUE])}
    meanings = {
        "SFV": {
            "SPM": (_("Le filtre de Microsoft a classé le message comme spam."), True),
            "NSPM": (_("Le filtre de Microsoft n'a pas vu de spam."), False),
            "BLK": (
                _("L'expéditeur est dans la liste des expéditeurs bloqués du destinataire."),
                True,
            ),
            "SKS": (_("Marqué comme spam par une règle avant le filtre."), True),
            "SKA": (_("L'expéditeur est dans une liste autorisée : filtre ignoré."), False),
            "SKN": (_("Marqué comme non-spam par une règle avant le filtre."), False),
            "SKB": (_("Adresse IP ou domaine de l'expéditeur bloqué par l'administrateur."), True),
        },
        "CAT": {
            "SPM": (_("Catégorie : spam."), True),
            "HSPM": (_("Catégorie : spam certain."), True),
            "PHSH": (_("Catégorie : hameçonnage."), True),
            "HPHSH": (_("Catégorie : hameçonnage certain."), True),
            "BULK": (_("Catégorie : envoi en nombre (newsletter)."), True),
            "SPOOF": (_("Catégorie : usurpation de l'expéditeur."), True),
            "DIMP": (_("Catégorie : usurpation de domaine."), True),
            "GIMP": (_("Catégorie : usurpation d'identité."), True),
            "UIMP": (_("Catégorie : usurpation d'un utilisateur."), True),
            "MALW": (_("Catégorie : logiciel malveillant."), True),
            "NONE": (_("Aucune catégorie de menace."), False),
        },
    }
    signals = []
    for name in ("SFV", "CAT"):
        if fields.get(name) in meanings[name]:
            meaning, spam = meanings[name][fields[name]]
            signals.append(
                Signal(
                    "Microsoft",
                    "X-Forefront-Antispam-Report",
                    f"{name}:{fields[name]}",
                    meaning,
                    spam,
                )
            )
    if SCORE.fullmatch(fields.get("SCL", "")):
        meaning, spam = scl_meaning(int(fields["SCL"]))
        signals.append(
            Signal(
                "Microsoft", "X-Forefront-Antispam-Report", f"SCL:{fields['SCL']}", meaning, spam
            )
        )
    if fields.get("IPV") == "CAL":
        signals.append(
            Signal(
                "Microsoft",
                "X-Forefront-Antispam-Report",
                "IPV:CAL",
                _("L'adresse IP d'envoi est dans la liste autorisée du destinataire."),
            )
        )
    return signals


def read_spam_headers(headers: list[tuple[str, str]]) -> SpamReading:
    """The spam signals of the headers (name, value), in the order of the headers."""
    signals: list[Signal] = []
    spamcause = None
    for name, raw in headers:
        lower = name.lower()
        value = " ".join(raw[:MAX_VALUE].split())
        if lower == "x-vr-spamstate":
            spam = value.upper().startswith("SPAM")
            meaning = (
                _("L'anti-spam d'OVHcloud a classé le message comme spam (objet marqué [SPAM]).")
                if spam
                else _("L'anti-spam d'OVHcloud n'a pas vu de spam.")
            )
            signals.append(Signal("OVHcloud", name, value, meaning, spam))
        elif lower == "x-vr-spamscore" and SCORE.fullmatch(value):
            score = int(value)
            signals.append(
                Signal(
                    "OVHcloud",
                    name,
                    value,
                    _(
                        "Score de l'anti-spam d'OVHcloud : %(score)d ; "
                        "plus il est haut, plus le message est suspect."
                    )
                    % {"score": score},
                )
            )
        elif lower == "x-vr-spamcause":
            spamcause = read_spamcause(value)
            if spamcause.encrypted:
                meaning = _(
                    "Détail de l'anti-spam d'OVHcloud sous forme chiffrée (vade1{…}) : "
                    "seul OVHcloud peut le lire."
                )
            elif spamcause.decoded:
                meaning = _("Détail de l'anti-spam d'OVHcloud, décodé ci-dessous.")
            else:
                meaning = _("Détail de l'anti-spam d'OVHcloud, illisible.")
            signals.append(
                Signal("OVHcloud", name, value[:80] + ("…" if len(value) > 80 else ""), meaning)
            )
        elif lower.startswith("x-ovh-spam") or lower in ("x-spam-flag", "x-spam-status"):
            spam = value.upper().startswith(("YES", "SPAM"))
            signals.append(
                Signal(
                    "OVHcloud" if lower.startswith("x-ovh") else _("Filtre anti-spam"),
                    name,
                    value,
                    _("Marqué comme spam.") if spam else _("Information du filtre anti-spam."),
                    spam,
                )
            )
        elif lower in ("x-gm-spam", "x-gm-phishy"):
            flagged = value == "1"
            meaning = {
                (True, "x-gm-spam"): _("Gmail a classé le message comme spam."),
                (False, "x-gm-spam"): _("Gmail n'a pas vu de spam."),
                (True, "x-gm-phishy"): _("Gmail soupçonne un hameçonnage."),
                (False, "x-gm-phishy"): _("Gmail ne soupçonne pas d'hameçonnage."),
            }[flagged, lower]
            signals.append(Signal("Gmail", name, value, meaning, flagged))
        elif lower == "x-forefront-antispam-report":
            signals.extend(forefront_signals(value))
        elif lower == "x-ms-exchange-organization-scl" and SCORE.fullmatch(value):
            meaning, spam = scl_meaning(int(value))
            signals.append(Signal("Microsoft", name, value, meaning, spam))
    return SpamReading(signals=signals, spamcause=spamcause)
