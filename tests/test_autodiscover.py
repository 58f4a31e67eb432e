"""Outlook's Autodiscover: a real request body, hostile bodies, and the JSON pointer."""

import io
import xml.etree.ElementTree as ET

import pytest

from guides.setup.autodiscover import MAX_REQUEST_BYTES, AutodiscoverRequestError, requested_address

pytestmark = pytest.mark.django_db

RESPONSE_NS = "{http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006}"
OUTLOOK_NS = "{http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a}"
# As Outlook 2016 sends it, byte for byte apart from the address.
OUTLOOK_REQUEST = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">'
    b"<Request><EMailAddress>marie.dupont@exemple.fr</EMailAddress>"
    b"<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/"
    b"responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>"
)
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Autodiscover><Request><EMailAddress>&lol9;@exemple.fr</EMailAddress></Request></Autodiscover>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Autodiscover [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Autodiscover><Request><EMailAddress>&xxe;</EMailAddress></Request></Autodiscover>"""


def post(client, body, path="/autodiscover/autodiscover.xml"):
    return client.post(path, body, content_type="text/xml")


def protocols(content: bytes) -> dict[str, dict[str, str]]:
    root = ET.fromstring(content)
    assert root.tag == f"{RESPONSE_NS}Autodiscover"
    account = root.find(f"{OUTLOOK_NS}Response/{OUTLOOK_NS}Account")
    assert account.findtext(f"{OUTLOOK_NS}AccountType") == "email"
    assert account.findtext(f"{OUTLOOK_NS}Action") == "settings"
    return {
        element.findtext(f"{OUTLOOK_NS}Type"): {
            child.tag.removeprefix(OUTLOOK_NS): child.text for child in element
        }
        for element in account.iter(f"{OUTLOOK_NS}Protocol")
    }


@pytest.mark.parametrize(
    "path",
    [
        "/autodiscover/autodiscover.xml",
        "/Autodiscover/Autodiscover.xml",
        "/AUTODISCOVER/AUTODISCOVER.XML",
    ],
)
def test_a_real_outlook_request_gets_imap_and_smtp(path):
    from django.test import Client

    response = post(Client(enforce_csrf_checks=True), OUTLOOK_REQUEST, path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    found = protocols(response.content)
    assert list(found) == ["IMAP", "SMTP"]
    for settings in found.values():
        assert settings["Server"] == "ssl0.ovh.net"
        assert settings["LoginName"] == "marie.dupont@exemple.fr"
        assert settings["DomainRequired"] == "off"
        assert settings["SPA"] == "off"
        assert settings["SSL"] == "on"
        assert settings["AuthRequired"] == "on"
        assert "Encryption" not in settings
    assert found["IMAP"]["Port"] == "993"
    assert found["SMTP"]["Port"] == "465"
    assert found["SMTP"]["UsePOPAuth"] == "on"


def test_the_namespaces_are_written_as_outlook_reads_them(client):
    text = post(client, OUTLOOK_REQUEST).content.decode()
    assert (
        '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">'
        in text
    )
    assert (
        '<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">'
        in text
    )


def test_an_internationalised_address_is_answered_in_ascii(client):
    body = OUTLOOK_REQUEST.replace(b"marie.dupont@exemple.fr", "jean@café.fr".encode())
    found = protocols(post(client, body).content)
    assert found["IMAP"]["LoginName"] == "jean@xn--caf-dma.fr"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (BILLION_LAUGHS, "DTDs and entities are not accepted."),
        (EXTERNAL_ENTITY, "DTDs and entities are not accepted."),
        (b"<Autodiscover><Request>", "The request body is not well-formed XML."),
        (b"", "The request body is not well-formed XML."),
        (b"<Autodiscover><Request/></Autodiscover>", "The request has no EMailAddress."),
        (
            OUTLOOK_REQUEST + b" " * MAX_REQUEST_BYTES,
            f"Request body larger than {MAX_REQUEST_BYTES} bytes.",
        ),
    ],
)
def test_a_hostile_or_broken_body_gets_a_400_with_a_short_reason(client, body, reason):
    response = post(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == reason + "\n"


def test_an_invalid_address_gets_a_400(client):
    response = post(client, OUTLOOK_REQUEST.replace(b"marie.dupont@exemple.fr", b"marie"))
    assert response.status_code == 400
    assert "@" in response.content.decode()


def test_entities_are_refused_before_any_expansion():
    with pytest.raises(AutodiscoverRequestError, match="DTD"):
        requested_address(BILLION_LAUGHS)
    with pytest.raises(AutodiscoverRequestError, match="DTD"):
        requested_address(EXTERNAL_ENTITY)
    internal = b'<!DOCTYPE a [<!ENTITY e "x">]><a><EMailAddress>&e;@b.fr</EMailAddress></a>'
    with pytest.raises(AutodiscoverRequestError):
        requested_address(internal)


def test_get_is_not_an_autodiscover_request(client):
    assert client.get("/autodiscover/autodiscover.xml").status_code == 405


@pytest.mark.parametrize(
    "path", ["/autodiscover/autodiscover.json", "/Autodiscover/Autodiscover.json"]
)
def test_the_json_endpoint_points_at_the_xml_one(client, path):
    response = client.get(path, {"Email": "marie@exemple.fr", "Protocol": "AutodiscoverV1"})
    assert response.status_code == 200
    assert response.json() == {
        "Protocol": "AutodiscoverV1",
        "Url": "http://testserver/autodiscover/autodiscover.xml",
    }


def test_the_json_endpoint_refuses_other_protocols(client):
    response = client.get(
        "/autodiscover/autodiscover.json", {"Email": "marie@exemple.fr", "Protocol": "Ews"}
    )
    assert response.status_code == 400
    assert response.json()["ErrorCode"] == "InvalidProtocol"


@pytest.mark.parametrize("encoding", ["klingon", "rot13", "utf-32", "shift_jis", "utf-16"])
def test_an_encoding_outlook_never_sends_gets_a_400_not_a_500(client, encoding):
    body = OUTLOOK_REQUEST.replace(b'encoding="utf-8"', f'encoding="{encoding}"'.encode())
    response = post(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_a_chunked_request_without_content_length_is_read(client):
    """Outlook may send the body chunked: no Content-Length, which Django reads as empty."""
    response = client.generic(
        "POST",
        "/autodiscover/autodiscover.xml",
        content_type="text/xml",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(OUTLOOK_REQUEST)},  # as gunicorn hands a chunked body
    )
    assert response.status_code == 200
    assert protocols(response.content)["IMAP"]["LoginName"] == "marie.dupont@exemple.fr"


def test_an_activesync_request_gets_the_documented_error_not_outlooks_answer(client):
    body = OUTLOOK_REQUEST.replace(
        b"outlook/responseschema/2006a", b"mobilesync/responseschema/2006"
    )
    response = post(client, body)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert (
        root.findtext(f"{RESPONSE_NS}Response/{RESPONSE_NS}Error/{RESPONSE_NS}ErrorCode") == "601"
    )
    assert b"imap" not in response.content.lower()


@pytest.mark.parametrize(
    "path",
    [
        "/autodiscover/autodiscover.json/v1.0/marie@exemple.fr",
        "/Autodiscover/Autodiscover.json/v1.0/marie@exemple.fr",
    ],
)
def test_the_json_endpoint_answers_in_the_documented_path_form(client, path):
    response = client.get(path, {"Protocol": "AutodiscoverV1"})
    assert response.status_code == 200
    assert response.json()["Url"].endswith("/autodiscover/autodiscover.xml")
