"""`manage.py explain_message FILE|- [--json]`: the message doctor's answer for a bounce, an
SMTP error or a message's headers, as the page and the JSON API give it. Exit status 2 when
the input cannot be read or explained."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from guides.messages.doctor import MessageInputError, diagnose_message


class Command(BaseCommand):
    help = "Explain an SMTP error, a bounce or a message's headers (FILE, or - for stdin)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the file to read, or - for standard input")
        parser.add_argument("--json", action="store_true", help="print the JSON API's document")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
        )

    def handle(self, *args, **options) -> None:
        try:
            if options["file"] == "-":
                data = sys.stdin.buffer.read()
            else:
                data = Path(options["file"]).read_bytes()
        except OSError as error:
            raise CommandError(
                f"Cannot read {options['file']}: {error.strerror}", returncode=2
            ) from None
        with translation.override(options["language"]):
            try:
                diagnosis = diagnose_message(data=data, language=options["language"])
            except MessageInputError as error:
                raise CommandError(error.message, returncode=2) from None
            document = diagnosis.to_json()
            if options["json"]:
                self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            else:
                self.stdout.write(as_text(document))


def as_text(document: dict) -> str:
    lines = [document["headline"], ""]
    for item in document["advice"]:
        if item["recipient"]:
            lines.append(item["recipient"] + (" (delayed)" if item["delayed"] else ""))
        lines.append(f"  {item['reply']['text']}")
        if item["known"]:
            lines += [
                f"  {item['title']}",
                f"  {item['what_happened']}",
                f"  {item['who_must_act_label']}",
                f"  {item['what_to_do']}",
            ]
        lines.extend(f"  {url}" for url in (item["guide_url"], item["diagnostic_url"]) if url)
    headers = document["headers"]
    if headers:
        lines += [f"- {reason}" for reason in headers["likely_reasons"]]
        lines += [f"{v['method']}={v['result']}: {v['meaning']}" for v in headers["authentication"]]
        lines += [
            f"{hop['from']} -> {hop['by']} {hop['delay_seconds'] or ''}"
            + (" (slowest)" if hop["slowest"] else "")
            for hop in headers["hops"]
        ]
    return "\n".join(lines)
