"""The test DNS server's data: one zone a finding, every name under .test (RFC 2606).

Each domain's comment says what the diagnostic must find there.
"""

LONG = "x" * 200
# A valid domain of 236 characters: _autodiscover._tcp.<it> would pass DNS's 255 octets.
LONG_DOMAIN = ("a" * 60 + ".") * 3 + "b" * 50 + ".test"
INCLUDES = " ".join(f"include:_s{n}.lim.test" for n in range(1, 11))
INCLUDE_ZONES = "\n".join(
    f'_s{n}.lim.test. TXT "v=spf1 ip4:198.18.0.{n} -all"' for n in range(1, 11)
)

ZONES = f"""
$TTL 60
; What OVH's names resolve to, as far as the tests are concerned.
mx0.ovh.net.          A 192.0.2.10
mx1.ovh.net.          A 192.0.2.11
mx2.ovh.net.          A 192.0.2.12
mx3.ovh.net.          A 192.0.2.13
mx4.ovh.net.          A 192.0.2.14
mx0.mail.ovh.net.     A 192.0.2.20
mx1.mail.ovh.net.     A 192.0.2.21
mx2.mail.ovh.net.     A 192.0.2.22
mx3.mail.ovh.net.     A 192.0.2.23
mx4.mail.ovh.net.     A 192.0.2.24
mailconfig.ovh.net.   A 192.0.2.30
ssl0.ovh.net.         A 192.0.2.31
mx.other-provider.test. A 198.51.100.25
other-provider.test.  MX 10 mx.other-provider.test.
; OVH's SPF: the servers it lists send mail for its customers (one of them: 192.0.2.65).
mx.ovh.com.           TXT "v=spf1 ip4:192.0.2.64/27 ip6:2001:db8:5ee::/48 ~all"

; antivirus.test: everything right, DNS at OVH (Anycast): all ok.
antivirus.test.       NS dns200.anycast.me.
antivirus.test.       NS ns200.anycast.me.
antivirus.test.       MX 1 mx0.mail.ovh.net.
antivirus.test.       MX 5 mx1.mail.ovh.net.
antivirus.test.       MX 50 mx2.mail.ovh.net.
antivirus.test.       MX 100 mx3.mail.ovh.net.
antivirus.test.       MX 200 mx4.mail.ovh.net.
antivirus.test.       TXT "v=spf1 include:mx.ovh.com ~all"
antivirus.test.       TXT "google-site-verification=abc"
_dmarc.antivirus.test. TXT "v=DMARC1; p=quarantine; rua=mailto:postmaster@antivirus.test"
autoconfig.antivirus.test.   CNAME mailconfig.ovh.net.
autodiscover.antivirus.test. CNAME mailconfig.ovh.net.
_autodiscover._tcp.antivirus.test. SRV 0 0 443 mailconfig.ovh.net.
_imaps._tcp.antivirus.test.        SRV 0 0 993 ssl0.ovh.net.
_submission._tcp.antivirus.test.   SRV 0 0 465 ssl0.ovh.net.

; antispam.test: the guide's simple anti-spam pair (legacy names), DNS at OVH; DMARC p=none.
antispam.test.        NS dns10.ovh.net.
antispam.test.        NS ns10.ovh.net.
antispam.test.        MX 1 mx1.ovh.net.
antispam.test.        MX 5 mx2.ovh.net.
antispam.test.        TXT "v=spf1 include:mx.ovh.com ~all"
_dmarc.antispam.test. TXT "v=DMARC1; p=none"

; noprotection.test: mx0.ovh.net only, no SPF, no DMARC.
noprotection.test.    NS dns10.ovh.net.
noprotection.test.    MX 1 mx0.ovh.net.

; mixed.test: OVH hosts of two levels.
mixed.test.           NS dns10.ovh.net.
mixed.test.           MX 1 mx0.ovh.net.
mixed.test.           MX 5 mx3.ovh.net.

; partial.test: OVH and another provider, DNS elsewhere.
partial.test.         NS ns1.other-dns.test.
partial.test.         NS ns2.other-dns.test.
partial.test.         MX 1 mx3.ovh.net.
partial.test.         MX 5 mx.other-provider.test.

; foreign.test: no OVH host at all, DNS elsewhere.
foreign.test.         NS ns1.other-dns.test.
foreign.test.         MX 10 mx.other-provider.test.
foreign.test.         TXT "v=spf1 include:_spf.other-provider.test -all"
_spf.other-provider.test. TXT "v=spf1 ip4:198.51.100.0/24 -all"

; noaddress.test: the name exists with no MX and no address at all: mail cannot be delivered.
noaddress.test.       NS dns10.ovh.net.

; missing.test: the name exists, no MX (NODATA), no TXT, but an address: implicit MX.
missing.test.         NS dns10.ovh.net.
missing.test.         A 192.0.2.80

; nullmx.test: RFC 7505 null MX.
nullmx.test.          NS dns10.ovh.net.
nullmx.test.          MX 0 .

; cname-mx.test: the MX host is an alias of an OVH host.
cname-mx.test.        NS dns10.ovh.net.
cname-mx.test.        MX 1 mail.cname-mx.test.
mail.cname-mx.test.   CNAME mx3.ovh.net.

; ip-mx.test: an IP address where a host name belongs.
ip-mx.test.           NS dns10.ovh.net.
ip-mx.test.           MX 1 mx3.ovh.net.
ip-mx.test.           MX 10 192.0.2.25.

; big.test: more TXT than fits a UDP answer: truncated, then asked over TCP.
big.test.             NS dns10.ovh.net.
big.test.             MX 1 mx3.ovh.net.
big.test.             MX 5 mx4.ovh.net.
big.test.             TXT "v=spf1 include:mx.ovh.com -all"
{chr(10).join(f'big.test. TXT "{index}{LONG}"' for index in range(10))}

; café.test (xn--caf-dma.test): an internationalised name.
xn--caf-dma.test.     NS dns10.ovh.net.
xn--caf-dma.test.     MX 1 mx3.ovh.net.
xn--caf-dma.test.     MX 5 mx4.ovh.net.
xn--caf-dma.test.     TXT "v=spf1 include:mx.ovh.com ~all"

; split.test: SPF and DMARC records split into several strings.
split.test.           NS dns10.ovh.net.
split.test.           MX 1 mx3.ovh.net.
split.test.           MX 5 mx4.ovh.net.
split.test.           TXT "v=spf1 include:mx" ".ovh.com ~all"
_dmarc.split.test.    TXT "v=DMARC1; " "p=reject"

; nested.test: OVH authorised through two levels of includes.
nested.test.          NS dns10.ovh.net.
nested.test.          MX 1 mx3.ovh.net.
nested.test.          MX 5 mx4.ovh.net.
nested.test.          TXT "v=spf1 include:_spf.nested.test -all"
_spf.nested.test.     TXT "v=spf1 ip4:203.0.113.0/24 include:_spf2.nested.test ~all"
_spf2.nested.test.    TXT "v=spf1 include:mx.ovh.com ~all"

; twospf.test: two SPF records (a permanent error).
twospf.test.          NS dns10.ovh.net.
twospf.test.          MX 1 mx3.ovh.net.
twospf.test.          TXT "v=spf1 include:mx.ovh.com ~all"
twospf.test.          TXT "v=spf1 a mx ~all"

; plusall.test: SPF that authorises everyone.
plusall.test.         NS dns10.ovh.net.
plusall.test.         MX 1 mx3.ovh.net.
plusall.test.         TXT "v=spf1 include:mx.ovh.com +all"

; nospf-ovh.test: SPF without OVH; a broken DMARC record.
nospf-ovh.test.       NS dns10.ovh.net.
nospf-ovh.test.       MX 1 mx3.ovh.net.
nospf-ovh.test.       TXT "v=spf1 include:_spf.nowhere.test ~all"
_dmarc.nospf-ovh.test. TXT "v=DMARC1; p=bogus"

; spfdrop.test: the SPF include cannot be read (its name never answers).
spfdrop.test.         NS dns10.ovh.net.
spfdrop.test.         MX 1 mx3.ovh.net.
spfdrop.test.         TXT "v=spf1 include:_spf.drop.test ~all"

; slowdmarc.test: everything answers but the DMARC name.
slowdmarc.test.       NS dns10.ovh.net.
slowdmarc.test.       MX 1 mx3.ovh.net.
slowdmarc.test.       TXT "v=spf1 include:mx.ovh.com ~all"
_dmarc.slowdmarc.test. TXT "v=DMARC1; p=reject"

; SPF faults that break mail (RFC 7208), each must be an error naming the term at fault.
; spf-overlimit.test: OVH's include first, then ten more includes: valid for OVH, permerror for
; every other sender.
spf-overlimit.test.   NS dns10.ovh.net.
spf-overlimit.test.   MX 1 mx1.ovh.net.
spf-overlimit.test.   MX 5 mx2.ovh.net.
spf-overlimit.test.   TXT "v=spf1 include:mx.ovh.com {INCLUDES} -all"
{INCLUDE_ZONES}
; spf-eleventh.test: OVH reached only through the eleventh include: permerror for OVH too.
spf-eleventh.test.    NS dns10.ovh.net.
spf-eleventh.test.    MX 1 mx1.ovh.net.
spf-eleventh.test.    MX 5 mx2.ovh.net.
spf-eleventh.test.    TXT "v=spf1 {INCLUDES} include:mx.ovh.com -all"
; spf-typo.test: "inlcude" is no mechanism.
spf-typo.test.        NS dns10.ovh.net.
spf-typo.test.        MX 1 mx1.ovh.net.
spf-typo.test.        MX 5 mx2.ovh.net.
spf-typo.test.        TXT "v=spf1 inlcude:mx.ovh.com ~all"
; spf-glued.test: two strings joined without the space.
spf-glued.test.       NS dns10.ovh.net.
spf-glued.test.       MX 1 mx1.ovh.net.
spf-glued.test.       MX 5 mx2.ovh.net.
spf-glued.test.       TXT "v=spf1 include:mx.ovh.com" "include:_spf.other-provider.test ~all"
; spf-loop.test: includes itself.
spf-loop.test.        NS dns10.ovh.net.
spf-loop.test.        MX 1 mx1.ovh.net.
spf-loop.test.        MX 5 mx2.ovh.net.
spf-loop.test.        TXT "v=spf1 include:spf-loop.test include:mx.ovh.com ~all"
; spf-redirect.test: redirect beside all: the redirect is ignored.
spf-redirect.test.    NS dns10.ovh.net.
spf-redirect.test.    MX 1 mx1.ovh.net.
spf-redirect.test.    MX 5 mx2.ovh.net.
spf-redirect.test.    TXT "v=spf1 include:mx.ovh.com redirect=_spf.other-provider.test ~all"

; spf-other.test: SPF lists another sender only, "~all": OVH's mail softfails (a warning).
spf-other.test.       NS dns10.ovh.net.
spf-other.test.       MX 1 mx1.ovh.net.
spf-other.test.       TXT "v=spf1 ip4:203.0.113.5 ~all"
; spf-fail.test: the same with "-all": receivers reject OVH's mail (an error).
spf-fail.test.        NS dns10.ovh.net.
spf-fail.test.        MX 1 mx1.ovh.net.
spf-fail.test.        TXT "v=spf1 ip4:203.0.113.5 -all"
; spf-void.test: three names that do not exist before OVH's include: over two void lookups.
spf-void.test.        NS dns10.ovh.net.
spf-void.test.        MX 1 mx1.ovh.net.
spf-void.test.        TXT "v=spf1 a:v1.no.test a:v2.no.test a:v3.no.test include:mx.ovh.com ~all"
; spf-redirect-ovh.test: a redirect alone, to OVH's record: valid.
spf-redirect-ovh.test. NS dns10.ovh.net.
spf-redirect-ovh.test. MX 1 mx1.ovh.net.
spf-redirect-ovh.test. TXT "v=spf1 redirect=mx.ovh.com"

; DMARC as receivers read it (RFC 7489); MX and SPF right so DMARC is the finding.
; dmarc-pct.test: pct out of range: receivers apply 100 (a warning).
dmarc-pct.test.       NS dns10.ovh.net.
dmarc-pct.test.       MX 1 mx1.ovh.net.
dmarc-pct.test.       TXT "v=spf1 include:mx.ovh.com ~all"
_dmarc.dmarc-pct.test. TXT "v=DMARC1; p=reject; pct=150"
; dmarc-https.test: reports to a web address: receivers send none.
dmarc-https.test.     NS dns10.ovh.net.
dmarc-https.test.     MX 1 mx1.ovh.net.
dmarc-https.test.     TXT "v=spf1 include:mx.ovh.com ~all"
_dmarc.dmarc-https.test. TXT "v=DMARC1; p=none; rua=https://reports.example.test/dmarc"
; dmarc-semicolon.test: no ";" after v=DMARC1: receivers ignore the record.
dmarc-semicolon.test. NS dns10.ovh.net.
dmarc-semicolon.test. MX 1 mx1.ovh.net.
dmarc-semicolon.test. TXT "v=spf1 include:mx.ovh.com ~all"
_dmarc.dmarc-semicolon.test. TXT "v=DMARC1 p=reject"
; dmarc-external.test: reports to another domain that has not agreed: they are lost.
dmarc-external.test.  NS dns10.ovh.net.
dmarc-external.test.  MX 1 mx1.ovh.net.
dmarc-external.test.  TXT "v=spf1 include:mx.ovh.com ~all"
_dmarc.dmarc-external.test. TXT "v=DMARC1; p=quarantine; rua=mailto:reports@other-provider.test"
; dmarc-agreed.test: the same, with the destination's agreement (RFC 7489 §7.1).
dmarc-agreed.test.    NS dns10.ovh.net.
dmarc-agreed.test.    MX 1 mx1.ovh.net.
dmarc-agreed.test.    TXT "v=spf1 include:mx.ovh.com ~all"
_dmarc.dmarc-agreed.test. TXT "v=DMARC1; p=quarantine; rua=mailto:reports@other-provider.test"
dmarc-agreed.test._report._dmarc.other-provider.test. TXT "v=DMARC1"
; dmarc-nomx.test: reports to an address whose domain has no MX: they never arrive.
dmarc-nomx.test.      NS dns10.ovh.net.
dmarc-nomx.test.      MX 1 mx1.ovh.net.
dmarc-nomx.test.      TXT "v=spf1 include:mx.ovh.com ~all"
_dmarc.dmarc-nomx.test. TXT "v=DMARC1; p=reject; rua=mailto:dmarc@reports.dmarc-nomx.test"
reports.dmarc-nomx.test. A 192.0.2.82
; shop.antivirus.test: a subdomain without a record of its own: antivirus.test's
; p=quarantine applies (RFC 7489 §6.6.3); advising p=none would weaken it.
shop.antivirus.test.  A 192.0.2.81
; dmarc-wild.test: a wildcard zone: the only DMARC answer and every autoconfig name come from
; "*"; none of those names is the customer's own.
dmarc-wild.test.      NS dns10.ovh.net.
dmarc-wild.test.      MX 1 mx1.ovh.net.
dmarc-wild.test.      TXT "v=spf1 include:mx.ovh.com ~all"
*.dmarc-wild.test.    TXT "v=DMARC1; p=none"
*.dmarc-wild.test.    A 192.0.2.90

; LONG_DOMAIN: some autoconfig names of so long a domain cannot exist; said, never a 500.
{LONG_DOMAIN}. NS dns10.ovh.net.
{LONG_DOMAIN}. MX 1 mx1.ovh.net.

; The faults: no answer, SERVFAIL, REFUSED (see BEHAVIOURS); absent.test is NXDOMAIN.
drop.test.            MX 1 mx3.ovh.net.
servfail.test.        MX 1 mx3.ovh.net.
refused.test.         MX 1 mx3.ovh.net.
"""

BEHAVIOURS = {
    "drop.test.": "drop",
    "servfail.test.": "servfail",
    "refused.test.": "refused",
    "_dmarc.slowdmarc.test.": "drop",
}
