"""The password guide's checker: rules from the Limit rows, nothing that could send the password."""

import re

import pytest

from guides.models import Limit, LimitKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/fr/guides/changer-le-mot-de-passe/", "/en/guides/change-password/"]
)
def test_the_checker_carries_the_rules_and_no_way_to_send_the_password(client, url):
    html = client.get(url).content.decode()
    checker = html[
        html.index('<section class="widget password-check"') : html.index(
            "</section>", html.index("password-check")
        )
    ]
    assert 'data-min="9"' in checker
    assert 'data-max="30"' in checker
    assert 'data-ascii-only="1"' in checker
    assert " hidden>" in checker.split("\n")[0]
    password_input = re.search(r'<input id="password-candidate"[^>]*>', checker)[0]
    assert "name=" not in password_input
    assert "<form" not in checker
    assert 'src="/static/js/password-check.js"' in html


def test_the_rules_follow_the_limits(client):
    Limit.objects.filter(kind=LimitKind.PASSWORD_MIN, offer=None).update(value=12)
    Limit.objects.filter(kind=LimitKind.PASSWORD_ASCII_ONLY, offer=None).update(value=0)
    html = client.get("/fr/guides/changer-le-mot-de-passe/").content.decode()
    assert 'data-min="12"' in html
    assert 'data-ascii-only="0"' in html
    assert 'data-rule="ascii"' not in html


def test_other_guides_have_no_checker(client):
    assert "password-check" not in client.get("/fr/guides/enregistrements-mx/").content.decode()
