"""`manage.py flush_view_counts`: write the page views still counted in the cache (today's
and yesterday's) to the database. The portal does it by itself at most a minute after a view;
run this before a planned restart of a cache without persistence."""

from django.core.management.base import BaseCommand

from guides.editorial.feedback import flush_recent_views


class Command(BaseCommand):
    help = "Write the page views counted in the cache to the database."

    def handle(self, *args, **options):
        self.stdout.write(f"{flush_recent_views()} views written.")
