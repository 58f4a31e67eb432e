"""Shared fixtures. The content the data migration loads is in every test database."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from guides.diagnostics.resolver import forget_resting_servers
from guides.views.rate_limit import forget_refusals

# The test DNS server (fixtures `dns_server`, `dns_settings`) for the diagnostic's tests.
# Signed-in users of each staff role (fixtures `editor`, `contributor`, `customer`).
pytest_plugins = ["tests.dns.fixtures", "tests.staff_fixtures"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so a cached value never hides a change."""
    cache.clear()
    forget_resting_servers()
    forget_refusals()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request in English leaves English active in this thread; each test starts in French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
