"""The wizard's guess of the client comes from the MailClient.user_agent patterns."""

import pytest

from guides.models import MailClient
from guides.setup.client_detection import guess_client

pytestmark = pytest.mark.django_db

USER_AGENTS = {
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15": "apple-mail-ios",
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15": "apple-mail-ios",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15": "apple-mail-macos",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0": "outlook-microsoft-365",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36": "android-gmail-app",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0": "thunderbird",
}


@pytest.mark.parametrize(("user_agent", "slug"), USER_AGENTS.items())
def test_the_guess_follows_the_patterns_in_the_database(user_agent, slug):
    guess = guess_client(user_agent=user_agent, clients=MailClient.objects.all())
    assert guess is not None
    assert guess.slug == slug


def test_no_pattern_matching_means_no_guess():
    assert guess_client(user_agent="curl/8.5.0", clients=MailClient.objects.all()) is None
    assert guess_client(user_agent="", clients=MailClient.objects.all()) is None


def test_a_pattern_staff_typed_wrongly_is_skipped():
    broken = MailClient(slug="broken", name="Broken", platform="other", user_agent="Linux(")
    thunderbird = MailClient.objects.get(slug="thunderbird")
    guess = guess_client(
        user_agent="Mozilla/5.0 (X11; Linux x86_64)", clients=[broken, thunderbird]
    )
    assert guess == thunderbird


def test_staff_can_change_a_pattern():
    MailClient.objects.filter(slug="thunderbird").update(user_agent="Thunderbird/")
    guess = guess_client(
        user_agent="Mozilla/5.0 Thunderbird/128.0", clients=MailClient.objects.all()
    )
    assert guess.slug == "thunderbird"
