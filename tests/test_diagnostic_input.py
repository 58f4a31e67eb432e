"""What the customer types, turned into a domain or a clear message."""

import pytest

from guides.content.typography import french_spacing
from guides.models.domain_names import DomainInputError, display_name, parse_domain


@pytest.mark.parametrize(
    ("typed", "ascii_name", "display", "noted"),
    [
        ("Exemple.FR", "exemple.fr", "exemple.fr", False),
        ("  exemple.fr.  ", "exemple.fr", "exemple.fr", False),
        ("contact@exemple.fr", "exemple.fr", "exemple.fr", True),
        ("mailto:Contact@Exemple.fr", "exemple.fr", "exemple.fr", True),
        ("https://www.exemple.fr/page", "exemple.fr", "exemple.fr", True),
        ("www.exemple.fr/page?x=1", "exemple.fr", "exemple.fr", True),
        ("https://exemple.fr:8443/", "exemple.fr", "exemple.fr", True),
        ("café.fr", "xn--caf-dma.fr", "café.fr", False),
        ("CAFÉ.FR", "xn--caf-dma.fr", "café.fr", False),
        ("xn--caf-dma.fr", "xn--caf-dma.fr", "café.fr", False),
        ("exemple。fr", "exemple.fr", "exemple.fr", False),
        ("mail.exemple.co.uk", "mail.exemple.co.uk", "mail.exemple.co.uk", False),
    ],
)
def test_accepted_inputs(typed, ascii_name, display, noted):
    domain = parse_domain(typed)
    assert (domain.ascii, domain.display) == (ascii_name, display)
    assert bool(domain.note) is noted
    if noted:
        assert display in domain.note


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Saisissez un nom de domaine"),
        ("   ", "Saisissez un nom de domaine"),
        ("a" * 64 + ".fr", "63 au plus"),
        (".".join(["a" * 60] * 5) + ".fr", "253 au plus"),
        ("ex ample.fr", "pas d'espace"),
        ("192.0.2.1", "adresse IP"),
        ("[2001:db8::1]", "adresse IP"),
        ("http://192.0.2.1/x", "adresse IP"),
        ("ex!ample.fr", french_spacing("« ! »")),
        ("ex_ample.fr", french_spacing("« _ »")),
        ("exemple", "Il manque l'extension"),
        ("exemple..fr", "deux points"),
        ("-exemple.fr", "tiret"),
        ("xn--zz.fr", "n'est pas valide"),
        ("1.2.3.999", "nombre"),
        ("@exemple.fr", "nom@exemple.fr"),
        ("https:///page", "adresse web"),
        ("x" * 2000, "bien trop long"),
    ],
)
def test_rejected_inputs_say_why(typed, message):
    with pytest.raises(DomainInputError) as raised:
        parse_domain(typed)
    assert message in raised.value.message


def test_internationalised_label_length_counts_its_punycode():
    label = "éàèùâêîôûçëïüœæ" * 4  # 60 characters, 76 once encoded
    with pytest.raises(DomainInputError, match="63 au plus"):
        parse_domain(f"{label}.fr")


def test_display_name_keeps_what_it_cannot_decode():
    assert display_name("xn--caf-dma.fr") == "café.fr"
    assert display_name("xn--zz.fr") == "xn--zz.fr"
