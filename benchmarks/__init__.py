"""Benchmarks for `make bench` (`python -m benchmarks`): each module has a main() that prints
its figures. They run on a temporary database, never on the one DATABASE_URL names."""

import contextlib
import os
import tempfile
import warnings
from collections.abc import Iterator


def setup_django() -> None:
    # Whitenoise looks for collected static files, which benchmarks do not need.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ovhportal.settings")
    os.environ.setdefault("OVHPORTAL_TESTING", "1")
    import django

    django.setup()


@contextlib.contextmanager
def temporary_database() -> Iterator[None]:
    """A fresh, migrated database for one benchmark, dropped afterwards: a SQLite file in a
    temporary folder, or `bench_<name>` on the server DATABASE_URL names."""
    from django.db import connection

    with tempfile.TemporaryDirectory() as folder:
        if connection.vendor == "sqlite":
            connection.settings_dict["TEST"]["NAME"] = os.path.join(folder, "bench.sqlite3")
        else:
            connection.settings_dict["TEST"]["NAME"] = f"bench_{connection.settings_dict['NAME']}"
        real_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        try:
            yield
        finally:
            connection.creation.destroy_test_db(real_name, verbosity=0)
