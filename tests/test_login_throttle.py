"""Sign-in guessing is stopped: after a few wrong passwords the account and the address are
locked out for a while (django-axes), on the portal's sign-in page and the admin's alike;
support unlocks; password-reset pages do not exist."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def marie(django_user_model):
    return django_user_model.objects.create_user("marie", password=PASSWORD, is_staff=True)


def sign_in(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize("url", ["/fr/accounts/login/", "/admin/login/"])
def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, settings, marie, url):
    answers = [sign_in(client, url, "marie", "guess").status_code for _ in range(5)]
    assert answers == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = sign_in(client, url, "marie", PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Connexion bloquée pour un moment" in page
    assert "Réessayez dans 15 minutes." in page
    assert "_auth_user_id" not in client.session


def test_an_account_is_locked_from_every_address(client, settings, marie):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "/fr/accounts/login/", "marie", "guess", address=f"198.51.100.{number}")
    assert (
        sign_in(client, "/fr/accounts/login/", "marie", PASSWORD, "192.0.2.99").status_code == 429
    )


def test_an_address_that_guesses_many_accounts_is_locked(client, settings, marie):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "/fr/accounts/login/", f"user{number}", "guess")
    assert sign_in(client, "/fr/accounts/login/", "marie", PASSWORD).status_code == 429
    # The same account from another address is not locked out by that address's guesses.
    elsewhere = sign_in(client, "/fr/accounts/login/", "marie", PASSWORD, "192.0.2.99")
    assert elsewhere.status_code == 302


def test_support_unlocks_an_account(client, settings, marie):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "/fr/accounts/login/", "marie", "guess", address=f"198.51.100.{number}")
    call_command("axes_reset_username", "marie")
    assert (
        sign_in(client, "/fr/accounts/login/", "marie", PASSWORD, "192.0.2.99").status_code == 302
    )


def test_a_right_password_clears_earlier_mistakes(client, settings, marie):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "/fr/accounts/login/", "marie", "guess")
    assert sign_in(client, "/fr/accounts/login/", "marie", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "/fr/accounts/login/", "marie", "guess")
    assert sign_in(client, "/fr/accounts/login/", "marie", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "path",
    ["/fr/accounts/password_reset/", "/fr/accounts/password_change/", "/fr/accounts/reset/x/y/"],
)
def test_no_password_reset_pages(client, path):
    assert client.get(path).status_code == 404


def test_sign_in_and_out_still_work(client, marie):
    assert sign_in(client, reverse("login"), "marie", PASSWORD).status_code == 302
    assert client.post(reverse("logout")).status_code == 302
