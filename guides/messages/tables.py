"""The two tables the doctor reads from the database, each through one selector: the known
replies (in the reader's language) and the MX host table (which protection each host gives)."""

from guides.messages.reply_table import ReplyEntry
from guides.models import Actor, KnownReply, MxHost


def reply_entries(*, language: str) -> tuple[ReplyEntry, ...]:
    english = language == "en"
    return tuple(
        ReplyEntry(
            key=row.key,
            code=row.code,
            status=row.status,
            phrases=tuple(row.phrase_list()),
            actor=Actor(row.actor),
            title=(row.title_en if english and row.title_en else row.title),
            explanation=(row.explanation_en if english and row.explanation_en else row.explanation),
            action=(row.action_en if english and row.action_en else row.action),
            guide_key=row.guide_key,
            diagnose=row.diagnose,
            position=row.position,
        )
        for row in KnownReply.objects.in_matching_order()
    )


def mx_protections() -> dict[str, str]:
    """Each OVH MX host's name and the protection level it gives."""
    return dict(MxHost.objects.values_list("host", "protection"))
