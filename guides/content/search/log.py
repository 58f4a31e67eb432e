"""Record searches so staff can see what customers looked for and did not find, without
keeping what customers should not have typed there: e-mail addresses and phone numbers are
replaced before anything is stored, and old rows are pruned (`manage.py prune_search_log`)."""

import datetime
import re

from django.utils import timezone

from guides.models import SearchLog

EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
PHONE = re.compile(r"\+?\d[\d .-]{6,}\d")
EMAIL_MARK = "[adresse e-mail]"
PHONE_MARK = "[numéro]"


def redact(query: str) -> str:
    """The query with e-mail addresses and phone numbers replaced by a mark."""
    return PHONE.sub(PHONE_MARK, EMAIL.sub(EMAIL_MARK, query))


def log_search(*, query: str, language: str, results: int) -> None:
    SearchLog.objects.create(query=redact(query)[:200], language=language, results=results)


def prune_search_log(*, older_than: datetime.timedelta) -> int:
    """Delete the searches older than `older_than`; how many were deleted."""
    deleted, _by_model = SearchLog.objects.filter(created__lt=timezone.now() - older_than).delete()
    return deleted
