"""`manage.py prune_search_log [--days N]`: delete the searches older than N days
(OVHPORTAL_SEARCH_LOG_DAYS, 180 by default). Run it daily, from cron or a timer."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand

from guides.content.search.log import prune_search_log


class Command(BaseCommand):
    help = "Delete the logged searches older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.OVHPORTAL_SEARCH_LOG_DAYS)

    def handle(self, *args, days: int, **options):
        deleted = prune_search_log(older_than=datetime.timedelta(days=days))
        self.stdout.write(f"{deleted} searches older than {days} days deleted.")
