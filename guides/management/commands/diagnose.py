"""`manage.py diagnose DOMAIN [--json]`: the diagnostic page's report, for operators and
scripts. Exit status 0 whatever the report finds, 2 when DOMAIN cannot be a domain."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from guides.diagnostics.checks.findings import Viewer
from guides.diagnostics.report import diagnose
from guides.models import ReportSource
from guides.models.domain_names import DomainInputError, parse_domain


class Command(BaseCommand):
    help = "Check a domain's DNS (MX, SPF, DMARC, autoconfig), offer and maintenance."

    def add_arguments(self, parser) -> None:
        parser.add_argument("domain", help="a domain, an e-mail address or a web address")
        parser.add_argument("--json", action="store_true", help="print the JSON API's document")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
        )
        parser.add_argument("--refresh", action="store_true", help="ignore the cached lookups")
        parser.add_argument(
            "--host",
            default=None,
            help="the host serving the autoconfig files (default: OVHPORTAL_AUTOCONFIG_HOST)",
        )

    def handle(self, *args, **options) -> None:
        with translation.override(options["language"]):
            try:
                domain = parse_domain(options["domain"])
            except DomainInputError as error:
                raise CommandError(error.message, returncode=2) from None
            report = diagnose(
                domain=domain,
                viewer=Viewer.operator(),
                source=ReportSource.COMMAND,
                config_host=options["host"] or settings.OVHPORTAL_AUTOCONFIG_HOST,
                refresh=options["refresh"],
            )
            if options["json"]:
                self.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
            else:
                self.stdout.write(report.to_text())
