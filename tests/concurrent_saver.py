"""Run by tests/test_sqlite_concurrency.py in several processes at once: save drafts of one
guide and count each view of another, as staff and visitors do on one machine. Prints one
line: how many saves went through, how many were refused as conflicts."""

import dataclasses
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ovhportal.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from guides.editorial import feedback, workflow  # noqa: E402
from guides.models import Guide  # noqa: E402

SAVES = int(sys.argv[1])
guide = Guide.objects.get(key="webmail", language="fr")
other = Guide.objects.get(key="spam", language="fr")
author = get_user_model().objects.get(username="edith")
saved = conflicts = 0
for number in range(SAVES):
    head = workflow.head_revision(guide)
    content = workflow.editable_content(guide, head)
    content = dataclasses.replace(content, summary=f"{os.getpid()} {number}")
    try:
        workflow.save_draft(
            guide=guide, content=content, author=author, base_number=workflow.head_number(head)
        )
        saved += 1
    except workflow.EditConflict:
        conflicts += 1
    feedback.record_view(guide_id=other.pk)
print(saved, conflicts)
