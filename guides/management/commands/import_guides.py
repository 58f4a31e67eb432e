"""manage.py import_guides DIR: read guide files back; all of them or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guides.editorial.guide_transfer import ImportRefused, import_guides


class Command(BaseCommand):
    help = (
        "Read DIR/<language>/*.md: new guides are created, changed ones saved as revisions. "
        "Nothing is written if any file is wrong; nothing is deleted without --delete-missing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--delete-missing",
            action="store_true",
            help="Delete the guides of the languages present in DIR that have no file.",
        )

    def handle(self, *args, directory: Path, delete_missing: bool, **options) -> None:
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory")
        try:
            report = import_guides(directory=directory, delete_missing=delete_missing)
        except ImportRefused as refused:
            raise CommandError(
                "nothing was imported:\n" + "\n".join(str(error) for error in refused.errors)
            ) from None
        for note in report.notes:
            self.stdout.write(note)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.created)} created, {len(report.updated)} updated, "
                f"{len(report.unchanged)} unchanged, {len(report.deleted)} deleted, "
                f"{len(report.images)} images added"
            )
        )
