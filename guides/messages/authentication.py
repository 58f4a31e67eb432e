"""Authentication-Results headers (RFC 8601) read with the `authres` package: the SPF, DKIM,
DMARC and ARC verdicts the receiving server wrote, each with what it means; Received-SPF
(RFC 7208 §9.1) when no Authentication-Results gives the SPF verdict."""

import re
from dataclasses import dataclass

import authres
from django.utils.translation import gettext as _

METHODS = ("spf", "dkim", "dmarc", "arc")
FALLBACK = re.compile(r"\b(spf|dkim|dmarc|arc)\s*=\s*([a-z]+)", re.IGNORECASE)
MAX_HEADER = 8000
GOOD = {"pass"}
BAD = {"fail", "softfail", "permerror", "hardfail"}


@dataclass(frozen=True)
class Verdict:
    method: str
    result: str
    server: str
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.result in BAD

    @property
    def missing(self) -> bool:
        return self.result in ("none", "neutral", "temperror", "policy")

    @property
    def meaning(self) -> str:
        if self.result in GOOD:
            return {
                "spf": _("Le serveur expéditeur est autorisé par le SPF du domaine."),
                "dkim": _("La signature DKIM est valide : le message n'a pas été modifié."),
                "dmarc": _("Le domaine de l'expéditeur est authentifié (DMARC)."),
                "arc": _("La chaîne ARC des serveurs intermédiaires est valide."),
            }[self.method]
        if self.failed:
            return {
                "spf": _("Le serveur expéditeur n'est pas autorisé par le SPF du domaine."),
                "dkim": _("La signature DKIM est invalide : message modifié ou clé absente."),
                "dmarc": _("Le domaine de l'expéditeur n'est pas authentifié (DMARC en échec)."),
                "arc": _("La chaîne ARC est invalide."),
            }[self.method]
        return _("Pas de résultat exploitable (%(result)s).") % {"result": self.result}

    def to_json(self) -> dict:
        return {
            "method": self.method,
            "result": self.result,
            "server": self.server,
            "detail": self.detail,
            "meaning": self.meaning,
        }


def read_results(values: list[str]) -> list[Verdict]:
    """Every SPF, DKIM, DMARC and ARC verdict of the headers, in the order written."""
    verdicts: list[Verdict] = []
    for value in values[:20]:
        value = " ".join(value[:MAX_HEADER].split())
        try:
            header = authres.AuthenticationResultsHeader.parse_value(value)
        except Exception:
            verdicts.extend(
                Verdict(method=method.lower(), result=result.lower(), server="")
                for method, result in FALLBACK.findall(value)
            )
            continue
        for result in header.results:
            if result.method not in METHODS:
                continue
            detail = " ".join(
                f"{item.type}.{item.name}={item.value}" for item in (result.properties or [])
            )
            verdicts.append(
                Verdict(
                    method=result.method,
                    result=str(result.result).lower(),
                    server=str(header.authserv_id or ""),
                    detail=detail,
                )
            )
    return verdicts


def read_received_spf(values: list[str]) -> list[Verdict]:
    """The SPF verdict of the topmost Received-SPF header: "fail (reason) client-ip=…"."""
    for value in values[:1]:
        words = value.split(None, 1)
        if words and words[0].lower() in GOOD | BAD | {"none", "neutral", "temperror"}:
            return [Verdict(method="spf", result=words[0].lower(), server="Received-SPF")]
    return []
