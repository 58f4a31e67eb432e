"""manage.py export_guides DIR: every guide, with its steps and translations, as files."""

from pathlib import Path

from django.core.management.base import BaseCommand

from guides.editorial.guide_transfer import export_guides


class Command(BaseCommand):
    help = "Write every guide as DIR/<language>/<slug>.md (other .md files there are removed)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options) -> None:
        report = export_guides(directory=directory)
        for path in report.removed:
            self.stdout.write(f"removed {path}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.written)} guide files and {len(report.images)} image files "
                f"written to {directory}"
            )
        )
