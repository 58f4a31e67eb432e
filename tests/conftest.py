"""Shared fixtures. The content the data migration loads is in every test database."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so a cached value never hides a change."""
    cache.clear()
    yield
    cache.clear()
