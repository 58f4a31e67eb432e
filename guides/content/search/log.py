"""Record searches so staff can see what customers looked for and did not find."""

from guides.models import SearchLog


def log_search(*, query: str, language: str, results: int) -> None:
    SearchLog.objects.create(query=query[:200], language=language, results=results)
