"""Settings come from the environment: each case runs Django in a fresh process with its own
environment, as a server would start."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "portal.example.com",
}
SHOW_BACKENDS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.CACHES['default']['BACKEND']); print(settings.DATABASES['default']['ENGINE'])"
)


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Run Python in the project with only `env` beside the system's basics."""
    base = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "ovhportal.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_with_production_settings_prints_no_warning():
    result = run(["manage.py", "check", "--deploy"], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    env = {name: value for name, value in PRODUCTION.items() if name != "SECRET_KEY"}
    result = run(["-c", "import django; django.setup()"], **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_runs_need_no_secret_key():
    result = run(["-c", "import django; django.setup()"], DEBUG="true")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "cache", "engine"),
    [
        # Without Redis, a disk cache every worker process of the machine shares.
        ({}, "ovhportal.disk_cache.KeptOpenDiskCache", "sqlite3"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/4"}, "redis_cache.KeptKeysRedisCache", "sqlite3"),
        (
            {"DATABASE_URL": "postgres://portal@db.example.com:5432/portal"},
            "ovhportal.disk_cache.KeptOpenDiskCache",
            "postgresql",
        ),
        (
            {"DATABASE_URL": "sqlite:////tmp/other.sqlite3"},
            "ovhportal.disk_cache.KeptOpenDiskCache",
            "sqlite3",
        ),
    ],
)
def test_redis_url_and_database_url_choose_the_backends(env, cache, engine):
    result = run(["-c", SHOW_BACKENDS], **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    cache_backend, database_engine = result.stdout.split()
    assert cache_backend.endswith(cache)
    assert database_engine.endswith(engine)


@pytest.mark.parametrize(
    ("env", "options"),
    [
        # Prepared statements on PostgreSQL; the URL's own options kept beside.
        ({}, {"server_side_binding": True, "sslmode": "require"}),
        # Behind a pooler that cannot keep them.
        (
            {"DATABASE_SERVER_SIDE_BINDING": "false"},
            {"server_side_binding": False, "sslmode": "require"},
        ),
    ],
)
def test_postgresql_binds_its_parameters_on_the_server_unless_told_not_to(env, options):
    show = "import django; django.setup(); from django.conf import settings; "
    show += "print(sorted(settings.DATABASES['default']['OPTIONS'].items()))"
    url = "postgres://portal@db.example.com:5432/portal?sslmode=require"
    result = run(["-c", show], **PRODUCTION, DATABASE_URL=url, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(sorted(options.items()))
