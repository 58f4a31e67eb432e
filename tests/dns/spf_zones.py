"""The SPF oracle's zone: every name under spf.test (RFC 2606), plus OVH's mx.ovh.com.

Each domain is one SPF situation; tests/test_spf_oracle.py evaluates it for several IPs with
both guides.diagnostics.spf_evaluation and pyspf, and expects them to agree.
"""

OVH_IP = "192.0.2.70"  # inside mx.ovh.com's ip4:192.0.2.64/27
OVH_IP6 = "2001:db8:ffff::25"  # inside mx.ovh.com's ip6:2001:db8:ffff::/48
OTHER_IP = "203.0.113.9"  # authorised only where a case says so
OTHER_IP6 = "2001:db8:1::9"
GOOGLE_IP = "198.51.100.7"  # the customer's other sender

_INCLUDES = " ".join(f"include:i{n}.spf.test" for n in range(1, 11))
_TEN = "\n".join(f'i{n}.spf.test. TXT "v=spf1 ip4:198.18.0.{n} -all"' for n in range(1, 11))
_ELEVEN_MX = "\n".join(f"manymx.spf.test. MX {n} m{n}.spf.test." for n in range(1, 12))

SPF_ZONES = f"""
$TTL 60
mx.ovh.com.                TXT "v=spf1 ip4:192.0.2.64/27 ip6:2001:db8:ffff::/48 ~all"
{_TEN}
_spf.google.spf.test.      TXT "v=spf1 ip4:198.51.100.0/24 ~all"
other.spf.test.            TXT "v=spf1 ip4:203.0.113.0/24 -all"
nospf.spf.test.            TXT "hello world"

ovh.spf.test.              TXT "v=spf1 include:mx.ovh.com -all"
softovh.spf.test.          TXT "v=spf1 include:mx.ovh.com ~all"
ovh-first.spf.test.        TXT "v=spf1 include:mx.ovh.com {_INCLUDES} -all"
ovh-eleventh.spf.test.     TXT "v=spf1 {_INCLUDES} include:mx.ovh.com -all"
loop-a.spf.test.           TXT "v=spf1 include:loop-b.spf.test -all"
loop-b.spf.test.           TXT "v=spf1 include:loop-a.spf.test -all"
self.spf.test.             TXT "v=spf1 include:self.spf.test -all"
redirect-loop.spf.test.    TXT "v=spf1 redirect=redirect-loop2.spf.test"
redirect-loop2.spf.test.   TXT "v=spf1 redirect=redirect-loop.spf.test"
void3.spf.test. TXT "v=spf1 a:nx1.spf.test a:nx2.spf.test a:nx3.spf.test include:mx.ovh.com -all"
void2.spf.test.            TXT "v=spf1 a:nx1.spf.test mx:nx2.spf.test include:mx.ovh.com -all"
include-nospf.spf.test.    TXT "v=spf1 include:mx.ovh.com include:nospf.spf.test -all"
include-nx.spf.test.       TXT "v=spf1 include:nx.spf.test include:mx.ovh.com -all"
bad-ip4.spf.test.          TXT "v=spf1 ip4:999.1.1.1 include:mx.ovh.com -all"
bad-cidr.spf.test.         TXT "v=spf1 include:mx.ovh.com ip4:192.0.2.0/33 -all"
typo.spf.test.             TXT "v=spf1 inlcude:mx.ovh.com ~all"
split.spf.test.            TXT "v=spf1 include:mx.ovh.com" "include:other.spf.test ~all"
split-a.spf.test.          TXT "v=spf1 a" "include:mx.ovh.com -all"
split-ok.spf.test.         TXT "v=spf1 include:mx.ovh.com " "include:other.spf.test ~all"
redirect-all.spf.test.     TXT "v=spf1 include:mx.ovh.com redirect=other.spf.test -all"
redirect-ovh.spf.test.     TXT "v=spf1 redirect=mx.ovh.com"
redirect-nospf.spf.test.   TXT "v=spf1 redirect=nospf.spf.test"
redirect-twice.spf.test. TXT "v=spf1 include:mx.ovh.com redirect=other.spf.test redirect=mx.ovh.com"
two.spf.test.              TXT "v=spf1 include:mx.ovh.com -all"
two.spf.test.              TXT "v=spf1 ip4:203.0.113.0/24 -all"
norecord.spf.test.         TXT "google-site-verification=abc"
spf10.spf.test.            TXT "v=spf10 include:mx.ovh.com -all"
plusall.spf.test.          TXT "v=spf1 +all"
neutral.spf.test.          TXT "v=spf1 include:mx.ovh.com ?all"
empty.spf.test.            TXT "v=spf1"
nested1.spf.test.          TXT "v=spf1 include:nested2.spf.test -all"
nested2.spf.test.          TXT "v=spf1 include:nested3.spf.test ~all"
nested3.spf.test.          TXT "v=spf1 ip4:198.51.100.0/24 include:mx.ovh.com ?all"
a.spf.test.                TXT "v=spf1 a -all"
a.spf.test.                A 203.0.113.9
a-cidr.spf.test.           TXT "v=spf1 a:host.spf.test/24 -all"
host.spf.test.             A 203.0.113.1
host.spf.test.             AAAA 2001:db8:1::1
a6-cidr.spf.test.          TXT "v=spf1 a:host.spf.test/24//64 -all"
mx.spf.test.               TXT "v=spf1 mx -all"
mx.spf.test.               MX 10 mxa.spf.test.
mx.spf.test.               MX 20 mxb.spf.test.
mxa.spf.test.              A 198.18.1.1
mxb.spf.test.              A 203.0.113.9
mx-cidr.spf.test.          TXT "v=spf1 mx:mx2.spf.test/24 -all"
mx2.spf.test.              MX 10 host.spf.test.
manymx.spf.test.           TXT "v=spf1 mx include:mx.ovh.com -all"
{_ELEVEN_MX}
exists.spf.test.           TXT "v=spf1 exists:%{{i}}.allow.spf.test -all"
203.0.113.9.allow.spf.test. A 127.0.0.2
exists-d.spf.test.         TXT "v=spf1 exists:%{{l}}.%{{d}} include:mx.ovh.com ~all"
postmaster.exists-d.spf.test. A 127.0.0.2
rev.spf.test.              TXT "v=spf1 exists:%{{ir}}.%{{v}}.rev.spf.test ~all"
9.113.0.203.in-addr.rev.spf.test. A 127.0.0.2
macro-d.spf.test.          TXT "v=spf1 include:_spf.%{{d}} -all"
_spf.macro-d.spf.test.     TXT "v=spf1 include:mx.ovh.com ~all"
macro-d2.spf.test.         TXT "v=spf1 exists:%{{d2}}.%{{o}}.zone.spf.test -all"
spf.test.macro-d2.spf.test.zone.spf.test. A 127.0.0.2
ip6.spf.test.              TXT "v=spf1 ip6:2001:db8:1::/64 include:mx.ovh.com -all"
unknown-mod.spf.test.      TXT "v=spf1 foo=bar include:mx.ovh.com -all moo.cow=%{{d}}"
exp.spf.test.              TXT "v=spf1 include:mx.ovh.com -all exp=explain.spf.test"
explain.spf.test.          TXT "Not authorised: %{{i}}"
drop.spf.test.             TXT "v=spf1 include:mx.ovh.com -all"
timeout.spf.test.          TXT "v=spf1 ip4:198.51.100.1 include:drop.spf.test -all"
servfail-inc.spf.test.     TXT "v=spf1 ip4:198.51.100.1 include:servfail.spf.test -all"
servfail-a.spf.test.       TXT "v=spf1 include:mx.ovh.com a:sf.servfail.spf.test -all"
case.spf.test.             TXT "V=SPF1 INCLUDE:MX.OVH.COM IP4:203.0.113.0/24 -ALL"
spaces.spf.test.           TXT "v=spf1  include:mx.ovh.com   -all "
senders.spf.test. TXT "v=spf1 include:_spf.google.spf.test include:mx.ovh.com ip4:203.0.113.9 -all"
senders-no-ovh.spf.test.   TXT "v=spf1 include:_spf.google.spf.test ip4:203.0.113.9 -all"
fail-first.spf.test.       TXT "v=spf1 -ip4:203.0.113.9 include:mx.ovh.com +all"
ptr.spf.test.              TXT "v=spf1 ptr:ptr.spf.test include:mx.ovh.com -all"
9.113.0.203.in-addr.arpa.  PTR host.ptr.spf.test.
host.ptr.spf.test.         A 203.0.113.9
all-arg.spf.test.          TXT "v=spf1 include:mx.ovh.com -all:foo"
include-bare.spf.test.     TXT "v=spf1 include -all"
single-label.spf.test.     TXT "v=spf1 include:localhost -all"
"""

SPF_BEHAVIOURS = {"drop.spf.test": "drop", "servfail.spf.test": "servfail"}
