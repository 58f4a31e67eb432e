"""Whether the domain's SPF record lets OVH's servers send its mail: the result one of OVH's
sending servers gets from receivers (RFC 7208, guides.diagnostics.spf_evaluation), the exact
term at fault, and a corrected record to paste."""

from dataclasses import replace

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from guides.diagnostics import spf_record
from guides.diagnostics.checks.findings import (
    CheckId,
    CheckResult,
    Zone,
    authentication_link,
    finding,
    not_done,
)
from guides.diagnostics.snapshot import DnsSnapshot
from guides.diagnostics.spf_evaluation import (
    SpfEvaluation,
    SpfProblem,
    SpfResult,
    corrected_record,
    evaluate,
    record_problems,
)
from guides.models import CheckStatus


def spf_check(*, snapshot: DnsSnapshot, zone: Zone) -> CheckResult:
    title = _("SPF (serveurs autorisés à envoyer vos e-mails)")
    lookup = snapshot.get(snapshot.domain, "TXT")
    if lookup is None or lookup.failed:
        return not_done(CheckId.SPF, title, lookup)
    records = spf_record.spf_records(lookup.records)
    include = f"include:{spf_record.OVH_INCLUDE}"
    if not records:
        return finding(
            CheckId.SPF,
            title,
            zone,
            found=[],
            expected=[spf_record.RECOMMENDED],
            links=(authentication_link(),),
        )(
            CheckStatus.WARNING,
            _(
                "Votre domaine n'a pas d'enregistrement SPF : les destinataires ne peuvent pas "
                "vérifier que vos e-mails viennent bien de vous, et risquent de les classer en "
                "spam."
            ),
            _("Ajoutez cet enregistrement TXT à votre domaine : %(record)s")
            % {"record": spf_record.RECOMMENDED},
        )
    sender, _needs = spf_record.ovh_sender_address(lookup_of=snapshot.get)
    if not sender:
        # OVH's own record could not be read: there is no sender to evaluate for.
        return not_done(CheckId.SPF, title, snapshot.get(spf_record.OVH_INCLUDE, "TXT"))
    evaluation = evaluate(domain=snapshot.domain, ip=sender, lookup_of=snapshot.get)
    if evaluation.needs or evaluation.result is SpfResult.TEMPERROR:
        return _unreadable(title, records, evaluation)
    corrected = corrected_record(text=" ".join(records[0].split()), include=spf_record.OVH_INCLUDE)
    expected = corrected if evaluation.result is not SpfResult.PASS else spf_record.RECOMMENDED
    result = finding(
        CheckId.SPF,
        title,
        zone,
        found=records,
        expected=[expected],
        links=(authentication_link(),),
        values=(include, evaluation.term),
    )
    data = {
        "ovh_result": evaluation.result.value,
        "problem": evaluation.problem.value if evaluation.problem else "",
        "term": evaluation.term,
        "dns_lookups": evaluation.lookups,
        "void_lookups": evaluation.void_lookups,
        "corrected_record": corrected,
    }
    paste = _("Remplacez votre enregistrement SPF par celui-ci : %(record)s") % {
        "record": corrected
    }
    if evaluation.result is SpfResult.PERMERROR:
        evaluation = _clearer(evaluation, records[0])
        data |= {"problem": evaluation.problem.value, "term": evaluation.term}
        cause = _problem(evaluation, count=len(records))
        return result(
            CheckStatus.ERROR,
            " ".join(
                [
                    capfirst(cause),
                    _(
                        "Les destinataires considèrent alors votre SPF comme invalide (« permerror "
                        "») : il échoue pour tous vos expéditeurs, serveurs d'OVHcloud compris. "
                        "Réessayer plus tard ne changera rien."
                    ),
                ]
            ),
            paste,
            headline=_("Votre SPF est invalide : %(cause)s") % {"cause": cause},
            data=data,
        )
    if evaluation.result is SpfResult.FAIL:
        return result(
            CheckStatus.ERROR,
            _(
                "Votre SPF n'autorise pas les serveurs sortants d'OVHcloud (%(include)s) et refuse "
                "les autres (« -all ») : les destinataires rejettent les e-mails que vous envoyez "
                "par OVHcloud."
            )
            % {"include": include},
            paste,
            headline=_("Votre SPF fait rejeter les e-mails envoyés par les serveurs d'OVHcloud."),
            data=data,
        )
    if evaluation.result in (SpfResult.SOFTFAIL, SpfResult.NEUTRAL, SpfResult.NONE):
        return result(
            CheckStatus.WARNING,
            _(
                "Votre SPF n'autorise pas les serveurs sortants d'OVHcloud (%(include)s) : les "
                "e-mails que vous envoyez par OVHcloud risquent d'être classés en spam."
            )
            % {"include": include},
            paste,
            data=data,
        )
    others = evaluate(domain=snapshot.domain, ip=spf_record.NOBODY, lookup_of=snapshot.get)
    if others.result is SpfResult.PERMERROR:
        cause = _problem(others, count=len(records))
        return result(
            CheckStatus.ERROR,
            " ".join(
                [
                    _(
                        "Votre SPF autorise OVHcloud, mais il est invalide pour vos autres "
                        "expéditeurs :"
                    ),
                    cause,
                    _(
                        "Les destinataires rejettent ou classent en spam les e-mails envoyés par "
                        "ces autres serveurs."
                    ),
                ]
            ),
            paste,
            (others.term,),
            headline=_("Votre SPF est invalide : %(cause)s") % {"cause": cause},
            data=data
            | {
                "others_result": others.result.value,
                "problem": others.problem.value if others.problem else "",
                "term": others.term,
            },
        )
    qualifier = _all_qualifier(records[0])
    if qualifier in ("", "+"):
        return result(
            CheckStatus.ERROR,
            _(
                "Votre SPF se termine par « +all » : il autorise n'importe quel serveur à envoyer "
                "des e-mails en votre nom."
            ),
            _("Remplacez « +all » par « ~all »."),
            data=data,
        )
    if qualifier == "?":
        return result(
            CheckStatus.WARNING,
            _(
                "Votre SPF autorise OVHcloud mais se termine par « ?all », qui ne protège pas "
                "votre domaine contre l'usurpation."
            ),
            _("Remplacez « ?all » par « ~all »."),
            data=data,
        )
    if evaluation.redirect_ignored:
        return result(
            CheckStatus.WARNING,
            _(
                "Votre SPF autorise OVHcloud, mais il contient à la fois « %(term)s » et un « all "
                "» : la redirection est ignorée, les serveurs qu'elle désigne ne sont pas "
                "autorisés."
            )
            % {"term": evaluation.term},
            paste,
            data=data,
        )
    return result(
        CheckStatus.OK, _("Votre SPF autorise les serveurs sortants d'OVHcloud."), "", data=data
    )


def _unreadable(title: str, records: list[str], evaluation: SpfEvaluation) -> CheckResult:
    return CheckResult(
        id=CheckId.SPF,
        status=CheckStatus.UNKNOWN,
        title=title,
        detail=_(
            "Votre SPF renvoie à d'autres enregistrements que nous n'avons pas pu lire : nous ne "
            "pouvons pas dire s'il autorise les serveurs d'OVHcloud."
        ),
        found=tuple(records),
        expected=(spf_record.RECOMMENDED,),
        advice=_("Relancez le diagnostic dans quelques minutes."),
        data={"ovh_result": SpfResult.TEMPERROR.value, "term": evaluation.term},
    )


def _clearer(evaluation: SpfEvaluation, text: str) -> SpfEvaluation:
    """Glued strings read as a strange include: say the space is missing instead."""
    glued = [f for f in record_problems(text=text) if f.problem is SpfProblem.MISSING_SPACE]
    return (
        replace(evaluation, problem=glued[0].problem, term=glued[0].term) if glued else evaluation
    )


def _all_qualifier(text: str) -> str | None:
    """The qualifier of the record's "all" ("+", "-", "~", "?", "" for a bare all), or None."""
    for term in text.lower().split()[1:]:
        if term.lstrip("+-~?") == "all":
            return term[0] if term[0] in "+-~?" else ""
    return None


def _problem(evaluation: SpfEvaluation, *, count: int) -> str:
    """The fault that makes the record invalid, with the exact term."""
    values = {"term": evaluation.term, "count": count}
    messages = {
        SpfProblem.MULTIPLE_RECORDS: _(
            "votre domaine a %(count)d enregistrements SPF, il n'en faut qu'un."
        ),
        SpfProblem.SYNTAX: _("le terme « %(term)s » n'est pas valide."),
        SpfProblem.UNKNOWN_MECHANISM: _(
            "« %(term)s » n'est pas un mécanisme SPF (une faute de frappe ?)."
        ),
        SpfProblem.MISSING_SPACE: _(
            "« %(term)s » colle deux termes : il manque une espace, souvent entre deux morceaux "
            "d'un enregistrement TXT découpé."
        ),
        SpfProblem.TOO_MANY_LOOKUPS: _(
            "il demande plus de 10 recherches DNS en comptant les « include » imbriqués ; la "
            "limite est dépassée à « %(term)s »."
        ),
        SpfProblem.TOO_MANY_VOID_LOOKUPS: _(
            "il renvoie à plus de deux noms qui n'existent pas ou n'ont aucun enregistrement (le "
            "troisième : « %(term)s »)."
        ),
        SpfProblem.TOO_MANY_MX_OR_PTR_NAMES: _("« %(term)s » désigne plus de 10 serveurs."),
        SpfProblem.LOOP: _("« %(term)s » fait boucler votre SPF sur lui-même."),
        SpfProblem.INCLUDE_WITHOUT_RECORD: _(
            "« %(term)s » renvoie à un domaine qui n'a pas d'enregistrement SPF."
        ),
        SpfProblem.REDIRECT_WITHOUT_RECORD: _(
            "« %(term)s » renvoie à un domaine qui n'a pas d'enregistrement SPF."
        ),
        SpfProblem.DUPLICATE_MODIFIER: _("le modificateur « %(term)s » apparaît deux fois."),
    }
    message = messages.get(evaluation.problem, _("le terme « %(term)s » n'est pas valide."))
    return message % values
