"""Screenshots of the portal in headless Chromium, from a throw-away server and database.

    .venv/bin/python scripts/screenshots.py            # the README's three (first screen of each)
                                                       # into docs/screenshots/
    .venv/bin/python scripts/screenshots.py --all DIR  # every page type, 360, 768 and 1280 px,
                                                       # with and without JavaScript, light and dark

The portal runs on a temporary SQLite file with the demo data (`load_demo`), and the diagnostic
asks the test suite's DNS server (tests/dns/), so the reports are the same on every machine.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
README_FOLDER = ROOT / "docs" / "screenshots"


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    wizard_address: str = ""  # filled in on the wizard's last step, then submitted


PAGE_TYPES = [
    Shot("home", "/fr/"),
    Shot("guide-list", "/fr/faq/"),
    Shot("guide", "/fr/guides/parametres-des-comptes/"),
    Shot("client-list", "/fr/clients/"),
    Shot("client-guide", "/fr/guides/configurer-thunderbird/"),
    Shot("wizard", "/fr/setup/"),
    Shot(
        "wizard-result",
        "/fr/setup/?client=thunderbird&protocol=imap&security=ssl",
        wizard_address="marie.dupont@exemple.fr",
    ),
    Shot(
        "wizard-result-ios",
        "/fr/setup/?client=apple-mail-ios&protocol=imap&security=ssl",
        wizard_address="marie.dupont@exemple.fr",
    ),
    Shot("dns-records", "/fr/setup/dns/?domain=exemple.fr"),
    Shot("diagnostic", "/fr/diagnostic/"),
    Shot("diagnostic-report", "/fr/diagnostic/?domain=mixed.test"),
    Shot("diagnostic-report-records", "/fr/diagnostic/?domain=nospf-ovh.test"),
    Shot("search", "/fr/search/?q=mot+de+passe"),
    Shot("search-typo", "/fr/search/?q=tunderbird"),
    Shot("search-typo-beside-results", "/fr/search/?q=tunderbird+mobile"),
    Shot("sign-in", "/fr/accounts/login/"),
    Shot("not-found", "/fr/guides/page-qui-n-existe-pas/"),
]
# With --all: (width, JavaScript, dark) of each screenshot of a page type.
VARIANTS = [
    (360, True, False),
    (360, False, False),
    (360, True, True),
    (768, True, False),
    (768, False, False),
    (768, True, True),
    (768, False, True),
    (1280, True, False),
]
README_SHOTS = [
    (Shot("home", "/fr/"), 1280, "home.png"),
    (Shot("guide", "/fr/guides/configurer-thunderbird/"), 360, "guide-phone.png"),
    (Shot("diagnostic-report", "/fr/diagnostic/?domain=mixed.test"), 1280, "diagnostic.png"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_portal(folder: str, nameserver: str) -> tuple[subprocess.Popen, str]:
    """Migrated, with the demo data, static files collected, served by runserver."""
    env = os.environ | {
        "DEBUG": "false",
        "OVHPORTAL_TESTING": "1",
        "DATABASE_URL": f"sqlite:///{folder}/screenshots.sqlite3",
        "OVHPORTAL_DNS_NAMESERVERS": nameserver,
        "OVHPORTAL_DNS_TIMEOUT": "1",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--no-input"], ["load_demo"], ["collectstatic", "--no-input"]):
        subprocess.run([*manage, *command, "--verbosity", "0"], env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base_url + "/fr/", timeout=1)
            return server, base_url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("The portal did not start.")


def take(
    browser,
    base_url: str,
    shot: Shot,
    *,
    width: int,
    javascript: bool,
    dark: bool,
    to: Path,
    full_page: bool = True,
):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        locale="fr-FR",
        java_script_enabled=javascript,
        color_scheme="dark" if dark else "light",
    )
    page = context.new_page()
    page.goto(base_url + shot.path)
    if shot.wizard_address:
        page.get_by_label("Votre adresse e-mail").fill(shot.wizard_address)
        page.get_by_role("button", name="Afficher mon guide").click()
        page.wait_for_selector("#step-title >> text=Votre guide")
    page.screenshot(path=to, full_page=full_page)
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", metavar="DIR", help="every page type into DIR")
    parser.add_argument("--only", metavar="NAMES", help="with --all: these page types (a,b)")
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from tests.dns.server import DnsServer
    from tests.dns.zones import BEHAVIOURS, ZONES

    dns = DnsServer(ZONES, behaviours=BEHAVIOURS).start()
    folder = tempfile.mkdtemp()
    server, base_url = start_portal(folder, dns.address)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox"]
            )
            if arguments.all:
                target = Path(arguments.all)
                target.mkdir(parents=True, exist_ok=True)
                wanted = set(arguments.only.split(",")) if arguments.only else None
                for shot in [each for each in PAGE_TYPES if wanted is None or each.name in wanted]:
                    for width, javascript, dark in VARIANTS:
                        suffix = f"{width}{'' if javascript else '-nojs'}{'-dark' if dark else ''}"
                        take(
                            browser,
                            base_url,
                            shot,
                            width=width,
                            javascript=javascript,
                            dark=dark,
                            to=target / f"{shot.name}-{suffix}.png",
                        )
            else:
                README_FOLDER.mkdir(parents=True, exist_ok=True)
                for shot, width, filename in README_SHOTS:
                    take(
                        browser,
                        base_url,
                        shot,
                        width=width,
                        javascript=True,
                        dark=False,
                        to=README_FOLDER / filename,
                        full_page=False,
                    )
            browser.close()
    finally:
        server.terminate()
        server.wait()
        dns.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
