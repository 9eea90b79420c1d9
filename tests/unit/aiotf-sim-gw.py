#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A fake AIoT-AP gateway for tests/unit/aiotf-sim-run.test.sh.

    aiotf-sim-gw.py MODE PORT SEED [KEY]

connects over TCP to `aiotf-sim run` on 127.0.0.1:PORT (retrying while
it starts) and plays one of three sessions against its scenario:

  main      Setup; a message before Setup; an Inventory Request not
            acknowledged when the link drops (it must come again, same txn,
            same RAND_n); reports computed with aiot_hwsim's key rule (one
            with a wrong RES_AIOT, one from a device with its own KEY); a
            link cut, then one report id sent again (acknowledged again,
            suppressed); malformed, unknown and unexpected messages (each
            must get its Error Indication, and nothing is lost);
            INVENTORY_END; every report id acknowledged.
  faults    a device reported twice in one inventory, then an inventory
            that never ends (the scenario's timeout).
  commands  an inventory, then Command Requests: the relay requests'
            MAC-I checked with `aiotctl crypto nia2`, a bad MAC-I, the
            offload request's K_AIOTF and plain NAS, and responses sealed
            here (the last one with a wrong MAC-I).
  sol9      solution-9 devices (Documentation/security-profiles.rst): a
            filtered inventory's normative request, then one authentication
            per device, each identified here by deciphering its protected ID
            (or by its T-ID) and answered with a 9 Authentication Response
            computed here (PID* and MAC*, T-ID*, the clear ID; one with a
            wrong MAC*, one wrong T-ID*, one device silent, one answer that
            is an Inventory Response); then 9 Command Requests whose MAC is
            checked and payload deciphered here, answered with 9 Command
            Responses sealed here (the last one under a weaker policy).
  inject    takes the octets of inject steps as they come and answers
            each with an Error Indication (its txn, a cause by the
            decoder's rules, BAD_TYPE, DIAG), except a Report Ack, taken
            silently; before the answer to an unknown type, an Error
            Indication about another txn. A length field below 16 makes it
            close the association and connect again, as aiot-bridge does.

Only the standard library: HMAC-SHA-256 for the key rule and the KDF;
128-NIA2 and 128-NEA2 come from aiotctl (AIOTCTL in the environment). Prints one line
per check, "PASS name" or "FAIL name: why", every declared check once.
"""
import hashlib
import hmac
import os
import socket
import struct
import subprocess
import sys
import time

(SETUP_REQUEST, SETUP_RESPONSE, INVENTORY_REQUEST, INVENTORY_REPORT,
 INVENTORY_END, COMMAND_REQUEST, COMMAND_RESPONSE, REQUEST_ACK, REPORT_ACK,
 ERROR_INDICATION) = range(1, 11)
(IE_GATEWAY_ID, IE_JOURNAL_EPOCH, IE_READER, IE_RAND_N, IE_TARGET_TYPE,
 IE_TARGET, IE_TARGET_BITS, IE_MAX_DEVICES, IE_MAX_TIME_MS, IE_REPORT_ID,
 IE_NAS, IE_RSSI, IE_SEQ, IE_END_CAUSE, IE_DEVICES, IE_AIR_US, IE_SLOTS,
 IE_COLLISIONS, IE_K_AIOTF, IE_OUTCOME, IE_AS_CAUSE, IE_ERRNO, IE_SEC,
 IE_CAUSE, IE_DIAG, IE_BAD_TYPE, IE_ATTEMPTS) = range(1, 28)
CAUSE_UNKNOWN_TYPE, CAUSE_MALFORMED, CAUSE_UNEXPECTED, CAUSE_NOT_SET_UP = 2, 3, 5, 6

results = {}
UNPARSABLE = object()


def check(name, ok, why=""):
    if name not in results or results[name][0]:
        results[name] = (bool(ok), why)
    return ok


# ---- keys: aiot_hwsim's rule, the KDF (<aiot/sec_values.h>) ---------------

def k_root(seed, dev, bits):
    return hmac.new(seed, b"aiot-hwsim-key" + bytes([bits]) + dev,
                    hashlib.sha256).digest()[:16]


def kdf(key, fc, *params):
    s = bytes([fc]) + b"".join(p + len(p).to_bytes(2, "big") for p in params)
    return hmac.new(key, s, hashlib.sha256).digest()


def res_aiot(k, rand_n, rand_d):
    return kdf(k, 0xa0, rand_n, rand_d)[24:]


def k_aiotf(k, rand_n, rand_d):
    return kdf(k, 0xa1, rand_n, rand_d)


def k_int(kaiotf):
    return kdf(kaiotf, 0xa2, b"\x02", b"\x02")[16:]


def nia2(key, direction, msg):
    out = subprocess.run([os.environ.get("AIOTCTL", "aiotctl"), "crypto", "nia2",
                          "-k", key.hex(), "-c", "0", "-b", "0", "-d", str(direction),
                          msg.hex()], capture_output=True, text=True, check=True)
    return bytes.fromhex(out.stdout.split()[-1])


def nea2(key, bearer, direction, data, bits=None):
    if not data:
        return b""
    out = subprocess.run([os.environ.get("AIOTCTL", "aiotctl"), "crypto", "nea2",
                          "-k", key.hex(), "-c", "0", "-b", str(bearer), "-d", str(direction),
                          "-l", str(bits if bits is not None else 8 * len(data)), data.hex()],
                         capture_output=True, text=True, check=True)
    return bytes.fromhex(out.stdout.split()[-1])


def nia2_b(key, bearer, direction, msg):
    out = subprocess.run([os.environ.get("AIOTCTL", "aiotctl"), "crypto", "nia2",
                          "-k", key.hex(), "-c", "0", "-b", str(bearer), "-d", str(direction),
                          msg.hex() or '""'], capture_output=True, text=True, check=True)
    return bytes.fromhex(out.stdout.split()[-1])


def inventory_response(dev, bits, rand_d, res):
    return bytes([0x00, 0x41, 0, bits]) + dev + rand_d + res


def sealed_response(key, plain):
    """a D2R response, integrity only (SHT 1), MAC-I uplink"""
    body = b"\x01" + plain[1:]
    return body + nia2(key, 0, body)


# ---- AIoT-AP --------------------------------------------------------------

def u8(v):
    return struct.pack(">B", v)


def u16(v):
    return struct.pack(">H", v)


def u32(v):
    return struct.pack(">I", v)


def u64(v):
    return struct.pack(">Q", v)


def encode(mtype, txn, ies, version=1):
    body = b"".join(struct.pack(">HH", ie, len(v)) + v for ie, v in ies)
    return struct.pack(">BBHIQ", version, mtype, 0, 16 + len(body), txn) + body


class Msg:
    def __init__(self, raw):
        self.version, self.type, _, length, self.txn = struct.unpack(">BBHIQ", raw[:16])
        self.ies = {}
        off = 16
        while off < length:
            ie, ln = struct.unpack(">HH", raw[off:off + 4])
            self.ies.setdefault(ie, []).append(raw[off + 4:off + 4 + ln])
            off += 4 + ln

    def get(self, ie):
        return self.ies.get(ie, [None])[0]

    def int(self, ie):
        v = self.get(ie)
        return None if v is None else int.from_bytes(v, "big")


class Gateway:
    acked = []              # every report id acknowledged, in order

    def __init__(self, port):
        deadline = time.time() + 20
        while True:
            try:
                self.s = socket.create_connection(("127.0.0.1", port), timeout=2)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.05)
        self.s.settimeout(10)
        self.buf = b""
        self.errors = []

    def recv_raw(self):
        """the next message's octets as they came, None at EOF, or
        UNPARSABLE (with its header's octets in self.bad) when its length
        field is no possible length"""
        while True:
            if len(self.buf) >= 16:
                n = struct.unpack(">I", self.buf[4:8])[0]
                if n < 16 or n > 4096:
                    self.bad, self.buf = self.buf[:16], b""
                    return UNPARSABLE
                if len(self.buf) >= n:
                    raw, self.buf = self.buf[:n], self.buf[n:]
                    return raw
            data = self.s.recv(65536)
            if not data:
                return None
            self.buf += data

    def send(self, raw):
        self.s.sendall(raw)

    def recv(self):
        """the next message, None at EOF"""
        while True:
            if len(self.buf) >= 16:
                n = struct.unpack(">I", self.buf[4:8])[0]
                if len(self.buf) >= n:
                    raw, self.buf = self.buf[:n], self.buf[n:]
                    return Msg(raw)
            data = self.s.recv(65536)
            if not data:
                return None
            self.buf += data

    def expect(self, mtype):
        """the next message of this type; Report Acks and Error Indications
        on the way are recorded"""
        while True:
            m = self.recv()
            if m is None:
                raise EOFError("connection closed while waiting for type %d" % mtype)
            if m.type == mtype:
                return m
            self.note(m)

    def note(self, m):
        if m.type == REPORT_ACK:
            Gateway.acked.extend(int.from_bytes(v, "big") for v in m.ies[IE_REPORT_ID])
        elif m.type == ERROR_INDICATION:
            self.errors.append(m)
        else:
            raise ValueError("unexpected message type %d" % m.type)

    def wait_acked(self, ids):
        while not set(ids) <= set(Gateway.acked):
            m = self.recv()
            if m is None:
                raise EOFError("closed before report ids %s were acknowledged" % ids)
            self.note(m)

    def wait_count(self, rid, n):
        while Gateway.acked.count(rid) < n:
            m = self.recv()
            if m is None:
                raise EOFError("closed before report id %d was acknowledged" % rid)
            self.note(m)

    def drain(self):
        """read until aiotf-sim closes"""
        while True:
            m = self.recv()
            if m is None:
                return
            self.note(m)

    def setup(self, txn, gw=b"fake-gw", epoch=7):
        self.send(encode(SETUP_REQUEST, txn, [(IE_GATEWAY_ID, gw),
                                              (IE_JOURNAL_EPOCH, u64(epoch))]))
        m = self.expect(SETUP_RESPONSE)
        return m.txn == txn

    def report(self, txn, rid, nas, reader=0, seq=0):
        self.send(encode(INVENTORY_REPORT, txn, [(IE_REPORT_ID, u64(rid)), (IE_READER, u32(reader)),
                                                 (IE_NAS, nas), (IE_RSSI, u32(0xffffd8f0)),
                                                 (IE_SEQ, u32(seq))]))

    def end(self, txn, rid, devices, reader=0):
        self.send(encode(INVENTORY_END, txn, [(IE_REPORT_ID, u64(rid)), (IE_READER, u32(reader)),
                                              (IE_END_CAUSE, u8(0)), (IE_DEVICES, u32(devices)),
                                              (IE_AIR_US, u64(12345)), (IE_SLOTS, u64(64)),
                                              (IE_COLLISIONS, u64(3))]))

    def error(self, m, cause):
        for e in self.errors:
            if e.txn == m and e.int(IE_CAUSE) == cause:
                return e
        return None


class Device:
    def __init__(self, seed, hexid, bits=None, key=None):
        self.id = bytes.fromhex(hexid)
        self.bits = bits or 8 * len(self.id)
        self.k = key or k_root(seed, self.id, self.bits)
        self.rand_d = os.urandom(8)

    def nas(self, rand_n, wrong=False):
        res = res_aiot(self.k, rand_n, self.rand_d)
        if wrong:
            res = bytes([res[0] ^ 0x80]) + res[1:]
        return inventory_response(self.id, self.bits, self.rand_d, res)


# ---- sessions -------------------------------------------------------------

def main_session(port, seed, key):
    devs = [Device(seed, "a107000%d" % i) for i in range(6)]
    own = Device(seed, "b2000010", 28, key)

    g = Gateway(port)
    g.report(5, 99, devs[0].nas(bytes(8)))
    g.send(encode(SETUP_REQUEST, 6, [(IE_GATEWAY_ID, b"fake-gw")]))  # no JOURNAL_EPOCH
    m = g.recv()
    check("a report before Setup gets not-set-up, naming its txn and type",
          m and m.type == ERROR_INDICATION and m.txn == 5 and
          m.int(IE_CAUSE) == CAUSE_NOT_SET_UP and m.int(IE_BAD_TYPE) == INVENTORY_REPORT)
    m = g.recv()
    check("a Setup without JOURNAL_EPOCH gets missing-mandatory-ie",
          m and m.type == ERROR_INDICATION and m.txn == 6 and m.int(IE_CAUSE) == 4)
    check("Setup Response with the Setup's txn", g.setup(1))
    req = g.expect(INVENTORY_REQUEST)
    rand_n = req.get(IE_RAND_N)
    check("Inventory Request: READER, RAND_N of 8 octets, MAX_DEVICES",
          req.int(IE_READER) == 3 and rand_n and len(rand_n) == 8 and
          req.int(IE_MAX_DEVICES) == 100 and req.get(IE_TARGET) is None)
    g.s.close()                                 # the request was never acknowledged

    g = Gateway(port)
    g.setup(2)
    again = g.expect(INVENTORY_REQUEST)
    check("an unacknowledged request comes again after the next Setup, same txn and RAND_n",
          again.txn == req.txn and again.get(IE_RAND_N) == rand_n)
    txn = req.txn
    g.send(encode(REQUEST_ACK, txn, []))
    for i in range(3):
        g.report(txn, 1 + i, devs[i].nas(rand_n), reader=3, seq=i)
    g.wait_acked([1, 2, 3])
    g.report(txn, 4, devs[3].nas(rand_n, wrong=True), reader=3, seq=3)
    g.report(txn, 5, devs[4].nas(rand_n), reader=3, seq=4)
    g.s.shutdown(socket.SHUT_WR)                # the link goes down
    g.drain()

    g = Gateway(port)
    g.setup(3)
    # what a gateway must send again, and report 5 whatever happened to it
    for i in sorted({i for i in (4, 5) if i not in Gateway.acked} | {5}):
        g.report(txn, i, devs[i - 1].nas(rand_n, wrong=i == 4), reader=3, seq=i - 1)
    before = Gateway.acked.count(5)
    g.wait_count(5, before + 1)
    check("a report sent again after a reconnection is acknowledged again", True)
    # a report whose NAS IE overruns the message: framed right, malformed
    bad = bytearray(encode(INVENTORY_REPORT, 0xdead, [(IE_REPORT_ID, u64(50))]))
    bad += struct.pack(">HH", IE_NAS, 200) + b"\x00" * 10
    struct.pack_into(">I", bad, 4, len(bad))
    g.send(bytes(bad))
    g.send(encode(99, 0xbeef, [(IE_READER, u32(1))]))
    g.send(encode(REPORT_ACK, 0xcafe, [(IE_REPORT_ID, u64(1))]))
    g.send(encode(INVENTORY_REPORT, 0xf00d, [(IE_REPORT_ID, u64(51))], version=9))
    g.report(txn, 6, devs[5].nas(rand_n), reader=3, seq=5)
    g.report(txn, 7, own.nas(rand_n), reader=3, seq=6)
    g.end(txn, 8, 7, reader=3)
    g.drain()
    e = g.error(0xdead, CAUSE_MALFORMED)
    check("a malformed report gets malformed-message, naming inventory-report",
          e and e.int(IE_BAD_TYPE) == INVENTORY_REPORT and e.get(IE_DIAG))
    check("an unknown message type gets unknown-message-type",
          g.error(0xbeef, CAUSE_UNKNOWN_TYPE))
    check("a Report Ack from the gateway gets unexpected-message",
          g.error(0xcafe, CAUSE_UNEXPECTED))
    check("another protocol version gets unsupported-version", g.error(0xf00d, 1))
    check("nothing lost: every report id acknowledged",
          set(range(1, 9)) <= set(Gateway.acked), "acked %s" % sorted(set(Gateway.acked)))
    check("only real report ids acknowledged",
          set(Gateway.acked) <= set(range(1, 9)) | {99}, "acked %s" % sorted(set(Gateway.acked)))


def faults_session(port, seed, _key):
    devs = [Device(seed, "a107000%d" % i) for i in range(4)]
    g = Gateway(port)
    g.setup(1, gw=b"faulty-gw", epoch=1)
    # cut-link after 2: four reports in one burst; aiotf-sim closes after two
    req = g.expect(INVENTORY_REQUEST)
    rand_n = req.get(IE_RAND_N)
    g.send(encode(REQUEST_ACK, req.txn, []))
    burst = b""
    for i in range(4):
        burst += encode(INVENTORY_REPORT, req.txn, [(IE_REPORT_ID, u64(1 + i)),
                                                    (IE_READER, u32(0)),
                                                    (IE_NAS, devs[i].nas(rand_n))])
    g.send(burst)
    try:
        g.drain()
        cut = True
    except ConnectionResetError:                # closed with reports unread: also a cut
        cut = True
    except socket.timeout:
        cut = False
    check("cut-link: aiotf-sim closes the association", cut)
    unacked = [i for i in range(1, 5) if i not in Gateway.acked]
    # what aiotf-sim must suppress: the first two, when sent again
    print("INFO cut-dups %d" % len([i for i in unacked if i <= 2]))
    g = Gateway(port)
    g.setup(2, gw=b"faulty-gw", epoch=1)
    for i in unacked:
        g.report(req.txn, i, devs[i - 1].nas(rand_n))
    g.end(req.txn, 5, 4)
    g.wait_acked(list(range(1, 6)))
    check("cut-link: every report acknowledged after the reconnection", True)

    # a device reported twice in one inventory
    req = g.expect(INVENTORY_REQUEST)
    rand_n = req.get(IE_RAND_N)
    g.send(encode(REQUEST_ACK, req.txn, []))
    g.report(req.txn, 11, devs[0].nas(rand_n))
    g.report(req.txn, 12, devs[1].nas(rand_n))
    devs[0].rand_d = os.urandom(8)
    g.report(req.txn, 13, devs[0].nas(rand_n))    # the same device again
    g.end(req.txn, 14, 2)
    req2 = g.expect(INVENTORY_REQUEST)
    check("the next inventory has its own txn and RAND_n",
          req2.txn != req.txn and req2.get(IE_RAND_N) != rand_n)
    g.send(encode(REQUEST_ACK, req2.txn, []))
    g.drain()                                   # it never ends: aiotf-sim times out
    check("every report acknowledged", {11, 12, 13, 14} <= set(Gateway.acked))


def commands_session(port, seed, _key):
    devs = {h: Device(seed, h) for h in ("a1070001", "a1070002")}
    g = Gateway(port)
    g.setup(1)
    req = g.expect(INVENTORY_REQUEST)
    rand_n = req.get(IE_RAND_N)
    g.send(encode(REQUEST_ACK, req.txn, []))
    for i, d in enumerate(devs.values()):
        g.report(req.txn, 1 + i, d.nas(rand_n), reader=2)
    g.end(req.txn, 3, 2, reader=2)
    rid = 10

    def command():
        m = g.expect(COMMAND_REQUEST)
        g.send(encode(REQUEST_ACK, m.txn, []))
        d = devs[m.get(IE_TARGET).hex()]
        ka = k_aiotf(d.k, rand_n, d.rand_d)
        return m, d, ka, k_int(ka)

    def respond(m, outcome, nas=None, extra=()):
        nonlocal rid
        rid += 1
        ies = [(IE_REPORT_ID, u64(rid)), (IE_OUTCOME, u8(outcome))]
        if nas is not None:
            ies.append((IE_NAS, nas))
        g.send(encode(COMMAND_RESPONSE, m.txn, ies + list(extra)))

    def mac_ok(nas, ki):
        return nia2(ki, 1, nas[:-4]) == nas[-4:]

    # 1: read, relay, ciphered
    m, d, ka, ki = command()
    nas = m.get(IE_NAS)
    check("a relay request: READER of the inventory, permanent TARGET, TARGET_BITS",
          m.int(IE_READER) == 2 and m.int(IE_TARGET_TYPE) == 1 and
          m.int(IE_TARGET_BITS) == 32 and m.get(IE_K_AIOTF) is None)
    check("a relay request is ciphered (SHT 2) and its MAC-I verifies under K_Command_int",
          nas[0] == 2 and nas[2:5] != b"\x00\x00\x00" and mac_ok(nas, ki))
    respond(m, 0, sealed_response(ki, bytes([0, 0x51, 0]) + b"Hell"))
    # 2: write, integrity only
    m, d, ka, ki = command()
    nas = m.get(IE_NAS)
    check("integrity-only: SHT 1, the Write Request in clear, MAC-I right",
          nas[:-4] == bytes.fromhex("01520002abcd") and mac_ok(nas, ki))
    respond(m, 0, sealed_response(ki, bytes([0, 0x53, 0])))
    # 3: bad-mac
    m, d, ka, ki = command()
    check("bad-mac: the MAC-I does not verify", not mac_ok(m.get(IE_NAS), ki))
    respond(m, 1, extra=[(IE_AS_CAUSE, u8(1))])
    # 4: offload
    m, d, ka, ki = command()
    check("offload: the plain Read Request and the session's K_AIOTF",
          m.get(IE_NAS) == bytes.fromhex("005000000004") and m.get(IE_K_AIOTF) == ka and
          m.int(IE_ATTEMPTS) == 3)
    respond(m, 0, bytes([0, 0x51, 0]) + b"ABCD", [(IE_SEC, u8(1))])
    # 5: disable, answered with status invalid
    m, d, ka, ki = command()
    check("disable goes to the other device", d.id.hex() == "a1070002")
    respond(m, 0, sealed_response(ki, bytes([0, 0x55, 3])))
    # 6: a response whose MAC-I is wrong
    m, d, ka, ki = command()
    rsp = bytearray(sealed_response(ki, bytes([0, 0x51, 0]) + b"Hell"))
    rsp[-1] ^= 1
    respond(m, 0, bytes(rsp))
    g.drain()
    check("every report acknowledged", set(range(1, rid + 1)) - set(range(4, 11)) <=
          set(Gateway.acked))


# ---- solution-9: the device side, written from security-profiles.rst -------

S9_INT, S9_ENC = slice(0, 16), slice(16, 32)      # X.int, X.enc of a KDF output


class Device9:
    def __init__(self, seed, hexid, config=0x115):
        self.id = bytes.fromhex(hexid)
        self.bits = 8 * len(self.id)
        self.k = k_root(seed, self.id, self.bits)
        self.config = config

    def k_n(self, nn):
        return kdf(self.k, 0xa5, nn)

    def k_nd(self, nn, dn):
        return kdf(self.k, 0xa6, nn, dn)

    def tid(self, nn, dn=None):
        return kdf(self.k, 0xa7, nn, *([dn] if dn else []))[24:]

    def pid(self, nn):
        return nea2(self.k_n(nn)[S9_ENC], 1, 1, self.id, self.bits)

    def paged_by(self, ttype, target, bits, nn):
        if ttype == 3:
            return bits == self.bits and target == self.pid(nn)
        if ttype == 2:
            return bits == 64 and target == self.tid(nn)
        return ttype == 1 and bits == self.bits and target == self.id

    def auth_response(self, nn, by_tid, spoil=False):
        dn = os.urandom(8)
        pol = self.config & 0xfc                        # cipher and integrity bits
        if by_tid:
            t = self.tid(nn, dn)
            if spoil:
                t = bytes([t[0] ^ 1]) + t[1:]
            return bytes([0, 0x71, pol | 2]) + dn + t
        k = self.k_nd(nn, dn)
        part = bytes([self.bits]) + self.id
        clear = self.config & 3 == 0
        pol |= 0 if clear else 1
        msg = bytes([0, 0x71, pol]) + dn + (part if clear else nea2(k[S9_ENC], 2, 0, part))
        mac = nia2_b(k[S9_INT], 2, 0, msg)
        if spoil:
            mac = mac[:-1] + bytes([mac[-1] ^ 1])
        return msg + mac

    def open_request(self, nn, idf, nas):
        # the plain payload (type | IEs) and the policy, or None when the MAC fails
        pol = nas[2]
        mac = 4 if pol & 0x18 else 0
        body, tag = nas[:len(nas) - mac], nas[len(nas) - mac:]
        k = self.k_n(nn)
        if pol & 0x18 == 0x10:
            ok = nia2_b(k[S9_INT], 3, 1, nn + idf + body) == tag
        elif pol & 0x18 == 0x08:
            ok = nia2_b(k[S9_INT], 3, 1, body[3:]) == tag
        else:
            ok = True
        if not ok:
            return None, pol
        payload = body[3:]
        return (nea2(k[S9_ENC], 3, 1, payload) if pol & 4 else payload), pol

    def response(self, nn, pol, payload):
        dn = os.urandom(8)
        k = self.k_nd(nn, dn)
        if pol & 4:
            payload = nea2(k[S9_ENC], 3, 0, payload)
        msg = bytes([0, 0x73, pol]) + dn + payload
        if pol & 0x18 == 0x10:
            msg += nia2_b(k[S9_INT], 3, 0, nn + msg)
        elif pol & 0x18 == 0x08:
            msg += nia2_b(k[S9_INT], 3, 0, payload)
        return msg


def sol9_session(port, seed, _key):
    devs = [Device9(seed, "a907000%d" % i) for i in range(4)]
    clear = Device9(seed, "a9080000", 0x114)
    every = devs + [clear]
    g = Gateway(port)
    g.setup(1)
    rid = [0]

    def next_rid():
        rid[0] += 1
        return rid[0]

    def request(mtype):
        m = g.expect(mtype)
        g.send(encode(REQUEST_ACK, m.txn, []))
        return m

    def paged(m):
        nn, tt, bits = m.get(IE_RAND_N), m.int(IE_TARGET_TYPE), m.int(IE_TARGET_BITS)
        found = [d for d in every if d.paged_by(tt, m.get(IE_TARGET), bits, nn)]
        return (found[0] if len(found) == 1 else None), nn

    def answer(m, nas_list):
        for nas in nas_list:
            g.report(m.txn, next_rid(), nas, reader=2)
        g.end(m.txn, next_rid(), len(nas_list), reader=2)

    # step 1: the normative request of the filtered step, then one authentication each
    m = request(INVENTORY_REQUEST)
    check("a filtered step's normative request comes first: RAND_N, the filter, no MAX_DEVICES",
          m.int(IE_TARGET_TYPE) == 4 and m.get(IE_TARGET) == bytes.fromhex("a907") and
          m.int(IE_TARGET_BITS) == 16 and len(m.get(IE_RAND_N)) == 8 and
          m.get(IE_MAX_DEVICES) is None)
    answer(m, [])
    order, nns, shape = [], set(), True
    for i in range(4):
        m = request(INVENTORY_REQUEST)
        d, nn = paged(m)
        order.append(d.id.hex() if d else None)
        nns.add(nn)
        shape &= (m.int(IE_READER) == 2 and m.int(IE_TARGET_TYPE) == 3 and
                  m.int(IE_TARGET_BITS) == 32 and m.int(IE_MAX_DEVICES) == 1 and
                  len(nn) == 8)
        if i == 2 or d is None:
            answer(m, [])                       # not found
        else:
            answer(m, [d.auth_response(nn, False, spoil=i == 1)])
    check("then each solution-9 device on its own: TARGET_TYPE concealed, 32 bits, RAND_N, "
          "MAX_DEVICES 1", shape)
    check("the protected IDs decipher to the population's devices, in order, a fresh NN each",
          order == [d.id.hex() for d in devs] and len(nns) == 4, "got %s" % order)

    # steps 2, 3: by T-ID (the second answer's T-ID* wrong)
    for spoil in (False, True):
        m = request(INVENTORY_REQUEST)
        d, nn = paged(m)
        check("tid pages by the HMAC T-ID: TARGET_TYPE 2, 64 bits" + (" (again)" if spoil else ""),
              d is not None and m.int(IE_TARGET_TYPE) == 2 and m.int(IE_TARGET_BITS) == 64)
        answer(m, [d.auth_response(nn, True, spoil)] if d else [])
    # step 4: a device of the clear-ID policy, paged by its protected ID all the same
    m = request(INVENTORY_REQUEST)
    d, nn = paged(m)
    check("a clear-ID policy device is authenticated by its protected ID", d is clear)
    answer(m, [d.auth_response(nn, False)] if d else [])
    # step 5: an answer that is no 9 Authentication Response
    m = request(INVENTORY_REQUEST)
    d, nn = paged(m)
    answer(m, [inventory_response(d.id, 32, bytes(8), bytes(8))] if d else [])

    def command(expect_type=3):
        m = request(COMMAND_REQUEST)
        d, nn = paged(m)
        ok = (d is not None and m.int(IE_TARGET_TYPE) == expect_type and
              m.get(IE_K_AIOTF) is None and m.int(IE_READER) == 2)
        plain, pol = d.open_request(nn, m.get(IE_TARGET), m.get(IE_NAS)) if d else (None, None)
        return m, d, nn, plain, pol, ok

    def respond(m, outcome, nas=None, extra=()):
        ies = [(IE_REPORT_ID, u64(next_rid())), (IE_OUTCOME, u8(outcome))]
        if nas is not None:
            ies.append((IE_NAS, nas))
        g.send(encode(COMMAND_RESPONSE, m.txn, ies + list(extra)))

    # 6: read, default policy
    m, d, nn, plain, pol, ok = command()
    check("a 9 Command Request: paged by a protected ID with RAND_N = NN', its MAC verifies "
          "over NN' | protected ID | message, the Read deciphered",
          ok and d is devs[0] and pol == 0x15 and plain == bytes.fromhex("5000000004"),
          "plain %s policy %s" % (plain and plain.hex(), pol))
    respond(m, 0, d.response(nn, pol, bytes([0x51, 0]) + b"Hell"))
    # 7: write
    m, d, nn, plain, pol, ok = command()
    check("a Write: its payload deciphers to the Write Request",
          ok and plain == bytes.fromhex("520002abcd"))
    respond(m, 0, d.response(nn, pol, bytes([0x53, 0])))
    # 8: bad-mac
    m, d, nn, plain, pol, ok = command()
    check("bad-mac: the MAC does not verify", ok and plain is None)
    respond(m, 1, extra=[(IE_AS_CAUSE, u8(1))])
    # 9: policy 0e: the T-ID, ciphered payload, payload MAC; below the device's floor
    m, d, nn, plain, pol, ok = command(expect_type=2)
    check("policy 0e: in the request, paged by T-ID, MAC over the payload",
          ok and d is devs[3] and pol == 0x0e and plain == bytes.fromhex("5000000004"))
    respond(m, 2)
    # 10: a clear-ID policy device: paged by its permanent ID
    m, d, nn, plain, pol, ok = command(expect_type=1)
    check("a clear-ID policy device's command pages by its permanent ID, MAC over it",
          ok and d is clear and pol == 0x14 and plain == bytes.fromhex("5000000004"))
    respond(m, 0, d.response(nn, pol, bytes([0x51, 0]) + b"ABCD"))
    # 11: a response under a weaker policy than the request's
    m, d, nn, plain, pol, ok = command()
    respond(m, 0, d.response(nn, 0x01, bytes([0x51, 0]) + b"Hell"))
    g.drain()
    check("every report acknowledged", set(range(1, rid[0] + 1)) <= set(Gateway.acked),
          "missing %s" % sorted(set(range(1, rid[0] + 1)) - set(Gateway.acked)))


# the scenario's first injection (tests/unit/aiotf-sim-run.test.sh), octet by octet
FIRST_INJECTION = bytes.fromhex("02030000" "00000010" "000000000000a001")
INJECTED_TXNS = [0xa001, 0xa002, 0xa004, 0xa005, 0xa006, 0xa007, 0xa008, 0xa009, 0xa00a]


def error_indication(txn, cause, bad_type, diag):
    ies = [(IE_CAUSE, u16(cause)), (IE_DIAG, diag.encode())]
    if bad_type:
        ies.insert(1, (IE_BAD_TYPE, u8(bad_type)))
    return encode(ERROR_INDICATION, txn, ies)


def inject_session(port, _seed, _key):
    g = Gateway(port)
    setups = [g.setup(1)]
    txns, first = [], None
    while True:
        raw = g.recv_raw()
        if raw is None:                         # aiotf-sim ended the run
            break
        if raw is UNPARSABLE:                   # drop the association, connect again
            txns.append(struct.unpack(">Q", g.bad[8:16])[0])
            g.s.close()
            g = Gateway(port)
            setups.append(g.setup(len(setups) + 1))
            continue
        version, mtype, _, _, txn = struct.unpack(">BBHIQ", raw[:16])
        if mtype == REPORT_ACK and version == 1:
            if txn in INJECTED_TXNS:            # a report id unknown here: taken silently
                txns.append(txn)
            continue
        txns.append(txn)
        if first is None:
            first = raw
        if version != 1:
            cause = 1
        elif mtype == 0 or mtype > ERROR_INDICATION:
            cause = 2
            g.send(error_indication(txn + 1, CAUSE_UNEXPECTED, mtype, "fake-gw: another txn"))
        elif mtype == SETUP_RESPONSE:
            cause = CAUSE_UNEXPECTED
        elif mtype == COMMAND_REQUEST:
            cause = 4
        else:
            cause = CAUSE_MALFORMED
        g.send(error_indication(txn, cause, mtype, "fake-gw refused type %d" % mtype))
    check("the injected octets arrive as they are", first == FIRST_INJECTION,
          "got %s" % (first.hex() if first else None))
    check("every injection arrives once, in order", txns == INJECTED_TXNS,
          "got %s" % [hex(t) for t in txns])
    check("after each unparsable header a new association is set up",
          setups == [True, True, True], "setups %s" % setups)


DECLARED = {
    "main": [
        "a report before Setup gets not-set-up, naming its txn and type",
        "a Setup without JOURNAL_EPOCH gets missing-mandatory-ie",
        "Setup Response with the Setup's txn",
        "Inventory Request: READER, RAND_N of 8 octets, MAX_DEVICES",
        "an unacknowledged request comes again after the next Setup, same txn and RAND_n",
        "a report sent again after a reconnection is acknowledged again",
        "a malformed report gets malformed-message, naming inventory-report",
        "an unknown message type gets unknown-message-type",
        "a Report Ack from the gateway gets unexpected-message",
        "another protocol version gets unsupported-version",
        "nothing lost: every report id acknowledged",
        "only real report ids acknowledged",
    ],
    "faults": [
        "cut-link: aiotf-sim closes the association",
        "cut-link: every report acknowledged after the reconnection",
        "the next inventory has its own txn and RAND_n",
        "every report acknowledged",
    ],
    "commands": [
        "a relay request: READER of the inventory, permanent TARGET, TARGET_BITS",
        "a relay request is ciphered (SHT 2) and its MAC-I verifies under K_Command_int",
        "integrity-only: SHT 1, the Write Request in clear, MAC-I right",
        "bad-mac: the MAC-I does not verify",
        "offload: the plain Read Request and the session's K_AIOTF",
        "disable goes to the other device",
        "every report acknowledged",
    ],
    "sol9": [
        "a filtered step's normative request comes first: RAND_N, the filter, no MAX_DEVICES",
        "then each solution-9 device on its own: TARGET_TYPE concealed, 32 bits, RAND_N, "
        "MAX_DEVICES 1",
        "the protected IDs decipher to the population's devices, in order, a fresh NN each",
        "tid pages by the HMAC T-ID: TARGET_TYPE 2, 64 bits",
        "tid pages by the HMAC T-ID: TARGET_TYPE 2, 64 bits (again)",
        "a clear-ID policy device is authenticated by its protected ID",
        "a 9 Command Request: paged by a protected ID with RAND_N = NN', its MAC verifies "
        "over NN' | protected ID | message, the Read deciphered",
        "a Write: its payload deciphers to the Write Request",
        "bad-mac: the MAC does not verify",
        "policy 0e: in the request, paged by T-ID, MAC over the payload",
        "a clear-ID policy device's command pages by its permanent ID, MAC over it",
        "every report acknowledged",
    ],
    "inject": [
        "the injected octets arrive as they are",
        "every injection arrives once, in order",
        "after each unparsable header a new association is set up",
    ],
}


def main():
    mode, port, seed = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3])
    key = bytes.fromhex(sys.argv[4]) if len(sys.argv) > 4 else None
    session = {"main": main_session, "faults": faults_session,
               "commands": commands_session, "sol9": sol9_session,
               "inject": inject_session}[mode]
    try:
        session(port, seed, key)
    except Exception as e:      # report it and let the checks show what was reached
        print("gateway: %s: %s" % (type(e).__name__, e), file=sys.stderr)
    for name in DECLARED[mode]:
        ok, why = results.get(name, (False, "not reached"))
        print("PASS %s" % name if ok else "FAIL %s%s" % (name, ": " + why if why else ""))


if __name__ == "__main__":
    main()
