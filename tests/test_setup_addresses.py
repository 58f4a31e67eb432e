"""Addresses and domains as customers type them, internationalised domains included."""

import pytest
from django.core.exceptions import ValidationError

from guides.setup.addresses import normalise_domain, parse_address


@pytest.mark.parametrize(
    ("typed", "shown", "ascii"),
    [
        ("marie@exemple.fr", "marie@exemple.fr", "marie@exemple.fr"),
        ("  Marie.Dupont@EXEMPLE.FR ", "Marie.Dupont@exemple.fr", "Marie.Dupont@exemple.fr"),
        ("jean@café.fr", "jean@café.fr", "jean@xn--caf-dma.fr"),
        ("jean@xn--caf-dma.fr", "jean@café.fr", "jean@xn--caf-dma.fr"),
        ("info@bücher.example", "info@bücher.example", "info@xn--bcher-kva.example"),
        ("o'neil+news@exemple.fr", "o'neil+news@exemple.fr", "o'neil+news@exemple.fr"),
    ],
)
def test_valid_addresses_are_normalised(typed, shown, ascii):
    address = parse_address(typed)
    assert str(address) == shown
    assert address.ascii == ascii
    assert address.internationalised == (shown != ascii)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("marie", "at_sign"),
        ("marie@@exemple.fr", "at_sign"),
        ("marie@exemple.fr paul@exemple.fr", "several"),
        ("marie@exemple.fr;paul@exemple.fr", "several"),
        ("@exemple.fr", "no_local"),
        ("marie@", "no_domain"),
        ("marié@exemple.fr", "local_not_ascii"),
        ("marie..dupont@exemple.fr", "invalid_local"),
        (".marie@exemple.fr", "invalid_local"),
        ("m" * 65 + "@exemple.fr", "invalid_local"),
        ("marie@exemple", "invalid_domain"),
        ("marie@-exemple.fr", "invalid_domain"),
        ("marie@exemple..fr", "invalid_domain"),
        ("marie@exemple.123", "invalid_domain"),
        ("marie@exemple_fr.com", "invalid_domain"),
        ("marie@" + "a" * 64 + ".fr", "invalid_domain"),
        ("m" * 60 + "@" + ".".join(["abcdefghij"] * 18) + ".fr", "too_long"),
    ],
)
def test_invalid_addresses_say_what_is_wrong(typed, code):
    with pytest.raises(ValidationError) as error:
        parse_address(typed)
    assert error.value.code == code


def test_a_domain_is_given_in_both_forms():
    assert normalise_domain("Café.FR.") == ("café.fr", "xn--caf-dma.fr")
    with pytest.raises(ValidationError):
        normalise_domain("")
