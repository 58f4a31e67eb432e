"""Staff saving at the same instant on the single-machine set-up (SQLite, several gunicorn
workers): every save goes through or is refused as a conflict (the 409 page), never "database
is locked" (a 500). Real processes on a real database file, as gunicorn runs them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = 4
SAVES = 12


def test_concurrent_saves_from_several_processes_never_fail(tmp_path):
    env = {
        key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DATABASE_URL")
    }
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path}/portal.sqlite3", "OVHPORTAL_TESTING": "1"}

    def manage(*args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)

    manage("migrate", "--no-input", "-v", "0")
    manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; User.objects.create_user('edith')",
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "tests/concurrent_saver.py", str(SAVES)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    results = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_out, errors) in zip(workers, results, strict=True):
        assert worker.returncode == 0, errors[-2000:]
        assert "database is locked" not in errors
    counts = [tuple(map(int, out.split())) for out, _errors in results]
    assert sum(saved + refused for saved, refused in counts) == PROCESSES * SAVES
    assert all(saved >= 1 for saved, _refused in counts)
