"""Reports waiting on DNS are capped in each process and across app servers: past the cap the
page and the API say "busy, try again in N s" (503, Retry-After) instead of holding a thread."""

import threading

import pytest
from django.core.cache import cache

from guides.diagnostics.capacity import SLOT_KEY, Busy, report_slot

pytestmark = pytest.mark.django_db


def test_a_process_holds_no_more_slots_than_its_share():
    with report_slot(per_process=1, across_servers=5, hold_seconds=2.0):
        with (
            pytest.raises(Busy) as busy,
            report_slot(per_process=1, across_servers=5, hold_seconds=2.0),
        ):
            pass
        assert busy.value.retry_after == 2
    with report_slot(per_process=1, across_servers=5, hold_seconds=2.0):
        pass


def test_slots_are_shared_through_the_cache_and_given_back():
    cache.add(SLOT_KEY.format(index=0), "another server", timeout=30)
    with pytest.raises(Busy), report_slot(per_process=5, across_servers=1, hold_seconds=1.0):
        pass
    with report_slot(per_process=5, across_servers=2, hold_seconds=1.0):
        assert cache.get(SLOT_KEY.format(index=1)) is not None
    assert cache.get(SLOT_KEY.format(index=1)) is None


def test_a_slot_is_given_back_when_the_report_fails():
    with (
        pytest.raises(RuntimeError),
        report_slot(per_process=1, across_servers=1, hold_seconds=1.0),
    ):
        raise RuntimeError("boom")
    with report_slot(per_process=1, across_servers=1, hold_seconds=1.0):
        pass


def test_threads_share_the_process_slots():
    entered, release = threading.Barrier(3), threading.Event()
    refused = []

    def hold():
        with report_slot(per_process=2, across_servers=9, hold_seconds=1.0):
            entered.wait()
            release.wait(5)

    holders = [threading.Thread(target=hold) for _ in range(2)]
    for holder in holders:
        holder.start()
    entered.wait()
    try:
        with report_slot(per_process=2, across_servers=9, hold_seconds=1.0):
            refused.append(False)
    except Busy:
        refused.append(True)
    release.set()
    for holder in holders:
        holder.join()
    assert refused == [True]


def occupy_every_slot(settings):
    for index in range(settings.OVHPORTAL_DIAGNOSTICS_IN_FLIGHT):
        cache.add(SLOT_KEY.format(index=index), "busy", timeout=30)


def test_the_api_says_busy_with_retry_after(client, dns_settings):
    occupy_every_slot(dns_settings)
    response = client.get("/diagnostic/api/", {"domain": "antispam.test"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(int(dns_settings.OVHPORTAL_DNS_TIMEOUT))
    assert "très demandé" in response.json()["error"]


def test_the_page_says_busy_where_the_report_would_be(client, dns_settings):
    occupy_every_slot(dns_settings)
    response = client.get(
        "/fr/diagnostic/", {"domain": "antispam.test"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 503
    assert "Le diagnostic est très demandé en ce moment" in response.content.decode()
    assert response["Retry-After"]


def test_a_cached_report_needs_no_slot(client, dns_settings):
    assert client.get("/diagnostic/api/", {"domain": "antispam.test"}).status_code == 200
    occupy_every_slot(dns_settings)
    response = client.get("/diagnostic/api/", {"domain": "antispam.test"})
    assert response.status_code == 200
    assert response.json()["cached"] is True


def test_the_command_is_never_refused(dns_settings):
    from io import StringIO

    from django.core.management import call_command

    occupy_every_slot(dns_settings)
    out = StringIO()
    call_command("diagnose", "antispam.test", stdout=out)
    assert "antispam.test" in out.getvalue()
