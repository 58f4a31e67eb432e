"""A small DNS server for the tests and the benchmark, written with dnspython.

It answers on 127.0.0.1, UDP and TCP on the same free port, from zone text (all names
absolute), following CNAMEs like a recursive resolver would. Names can be told to misbehave:
"drop" (never answer), "servfail", "refused"; the rule holds for the name and every name
below it. Answers too big for the asker's UDP size come back truncated (TC), so the client
must ask again over TCP. Every answer can wait `delay` seconds (or `delays[name]`), without
holding up the others; `peak_in_flight` counts how many waited at once.
"""

import asyncio
import struct
import threading

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset
import dns.zone

RCODES = {"servfail": dns.rcode.SERVFAIL, "refused": dns.rcode.REFUSED}
PLAIN_UDP_SIZE = 512


class DnsServer:
    def __init__(
        self,
        zone_text: str,
        *,
        behaviours: dict[str, str] | None = None,
        delay: float = 0.0,
        delays: dict[str, float] | None = None,
    ) -> None:
        self.zone = dns.zone.from_text(
            zone_text, origin=dns.name.root, relativize=False, check_origin=False
        )
        self.existing = {ancestor for name in self.zone.nodes for ancestor in _ancestors(name)}
        self.behaviours = {
            dns.name.from_text(name): rule for name, rule in (behaviours or {}).items()
        }
        self.delay = delay
        self.delays = delays or {}
        self.drop_all = False
        self.log: list[tuple[str, str, str]] = []
        self.in_flight = 0
        self.peak_in_flight = 0
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._closers: list = []

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> "DnsServer":
        ready = threading.Event()
        self._ready = ready
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("The test DNS server did not start.")
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._close(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def asked(self, name: str, rdtype: str) -> list[str]:
        """The transports ("udp", "tcp") over which `name`/`rdtype` was asked."""
        return [transport for n, t, transport in self.log if (n, t) == (name, rdtype)]

    def answer(self, query: dns.message.Message) -> dns.message.Message | None:
        """The response to `query`, or None to stay silent."""
        question = query.question[0]
        qname = question.name.canonicalize()
        rule = self._rule(qname)
        if self.drop_all or rule == "drop":
            return None
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA | dns.flags.RA
        if rule in RCODES:
            response.set_rcode(RCODES[rule])
            return response
        name = qname
        for _hop in range(8):
            node = self.zone.get_node(name)
            if node is None and name not in self.existing:
                node = self._wildcard(name)
                if node is None:
                    response.set_rcode(dns.rcode.NXDOMAIN)
                    return response
            if node is None:
                return response
            rdataset = node.get_rdataset(dns.rdataclass.IN, question.rdtype)
            if rdataset is not None:
                response.answer.append(_rrset(name, rdataset))
                return response
            alias = node.get_rdataset(dns.rdataclass.IN, dns.rdatatype.CNAME)
            if alias is None or question.rdtype == dns.rdatatype.CNAME:
                return response
            response.answer.append(_rrset(name, alias))
            name = alias[0].target.canonicalize()
        return response

    def _wildcard(self, name: dns.name.Name):
        """The `*` node that answers for a name that does not exist (RFC 4592): the wildcard
        child of its closest existing ancestor, if there is one."""
        for ancestor in _ancestors(name)[1:]:
            if self.zone.get_node(ancestor) is not None or ancestor in self.existing:
                return self.zone.get_node(dns.name.Name((b"*", *ancestor.labels)))
        return None

    def _rule(self, name: dns.name.Name) -> str | None:
        for ancestor in _ancestors(name):
            if ancestor in self.behaviours:
                return self.behaviours[ancestor]
        return None

    def _delay_for(self, query: dns.message.Message) -> float:
        name = query.question[0].name.to_text().lower()
        return self.delays.get(name, self.delay)

    async def _respond(self, wire: bytes, transport: str) -> bytes | None:
        try:
            query = dns.message.from_wire(wire)
        except dns.exception.DNSException:
            return None
        question = query.question[0]
        self.log.append(
            (question.name.to_text().lower(), dns.rdatatype.to_text(question.rdtype), transport)
        )
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self._delay_for(query))
        finally:
            self.in_flight -= 1
        response = self.answer(query)
        if response is None:
            return None
        if transport == "tcp":
            return response.to_wire(max_size=65535)
        size = query.payload if query.edns >= 0 else PLAIN_UDP_SIZE
        try:
            return response.to_wire(max_size=size)
        except dns.exception.TooBig:
            truncated = dns.message.make_response(query)
            truncated.flags |= dns.flags.TC | dns.flags.AA | dns.flags.RA
            return truncated.to_wire()

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._bind())
        self._ready.set()
        self._loop.run_forever()

    async def _bind(self) -> None:
        loop = asyncio.get_running_loop()
        for _attempt in range(50):
            udp, _protocol = await loop.create_datagram_endpoint(
                lambda: _UdpProtocol(self), local_addr=("127.0.0.1", 0)
            )
            port = udp.get_extra_info("sockname")[1]
            try:
                tcp = await asyncio.start_server(self._serve_tcp, "127.0.0.1", port)
            except OSError:
                udp.close()
                continue
            self.port = port
            self._closers = [udp, tcp]
            return
        raise RuntimeError("No free port for the test DNS server.")

    async def _close(self) -> None:
        udp, tcp = self._closers
        udp.close()
        tcp.close()
        await tcp.wait_closed()

    async def _serve_tcp(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                (length,) = struct.unpack("!H", await reader.readexactly(2))
                wire = await self._respond(await reader.readexactly(length), "tcp")
                if wire is None:
                    continue
                writer.write(struct.pack("!H", len(wire)) + wire)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


class _UdpProtocol(asyncio.DatagramProtocol):
    def __init__(self, server: DnsServer) -> None:
        self.server = server
        self.tasks: set[asyncio.Task] = set()

    def connection_made(self, transport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr) -> None:
        task = asyncio.ensure_future(self._reply(data, addr))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _reply(self, data: bytes, addr) -> None:
        wire = await self.server._respond(data, "udp")
        if wire is not None:
            self.transport.sendto(wire, addr)


def _ancestors(name: dns.name.Name) -> list[dns.name.Name]:
    """`name` and every name above it, closest first."""
    names = [name]
    while name != dns.name.root:
        name = name.parent()
        names.append(name)
    return names


def _rrset(name: dns.name.Name, rdataset) -> dns.rrset.RRset:
    rrset = dns.rrset.RRset(name, rdataset.rdclass, rdataset.rdtype)
    rrset.update(rdataset)
    return rrset
