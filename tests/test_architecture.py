"""The layout ARCHITECTURE.md describes, kept by tests: the web layer above the capabilities,
the capabilities above the models, no import cycle (import-linter's contracts in
pyproject.toml), and no module so long that it hides several concepts."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400
# A longer module says why in its docstring, with these words.
LONG_ON_PURPOSE = "Long on purpose:"


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_models_import_no_service():
    """The ground floor: models import Django and each other, nothing above them."""
    for path in (ROOT / "guides" / "models").glob("*.py"):
        for line in path.read_text().splitlines():
            if line.lstrip().startswith(("from guides", "import guides")):
                assert line.lstrip().startswith("from guides.models"), f"{path.name}: {line}"


def test_a_long_module_says_why():
    modules = [
        path
        for folder in ("guides", "ovhportal", "tests", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    too_long = [
        str(path.relative_to(ROOT))
        for path in modules
        if path.read_text().count("\n") > MAX_LINES
        and LONG_ON_PURPOSE not in path.read_text().split('"""')[1]
    ]
    assert len(modules) > 100
    assert too_long == []
