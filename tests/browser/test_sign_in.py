"""Someone guessing a password: after five wrong ones the sign-in page says, accessibly, that
sign-in is blocked for 15 minutes and who can unblock it."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_five_wrong_passwords_lead_to_the_lock_out_page(page, assert_accessible, django_user_model):
    django_user_model.objects.create_user("marie", password="the right one, long enough")
    for _ in range(5):
        page.goto(page.base_url + "/fr/accounts/login/")
        page.locator("#id_username").fill("marie")
        page.locator("#id_password").fill("a guess")
        page.locator("main").get_by_role("button", name="Se connecter").click()
    page.get_by_role("heading", name="Connexion bloquée pour un moment").wait_for()
    assert "Réessayez dans 15 minutes." in page.locator("main").inner_text()
    assert_accessible(page)
