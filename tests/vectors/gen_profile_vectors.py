#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Known answers of the study security profiles' cryptography.

An implementation of the solution-y and solution-9 procedures of
Documentation/security-profiles.rst that shares no code with kernel/profile.c
or its OpenSSL twin: HMAC-SHA-256 from hashlib for the TS 33.220 KDF, AES
from python3-cryptography (ECB only), and 128-NEA2 (AES-CTR) and 128-NIA2
(bit-string AES-CMAC, NIST SP 800-38B) built on AES-ECB here.  Before it
writes anything it reproduces published vectors (TS 33.401 C.1 and C.2,
RFC 4493, RFC 4231) and the normative derivations of kernel/tests/
sec_vectors.h, so that an error in these building blocks stops it.

It writes kernel/tests/profile_vectors.h, the known answers that the KUnit
suite aiot_profile and tests/unit/test_profile.c both check.

usage: gen_profile_vectors.py [--check] [OUTPUT]
  OUTPUT   the header to write (default kernel/tests/profile_vectors.h)
  --check  write nothing; exit 1 when OUTPUT differs from what it would be
"""

import hashlib
import hmac
import os
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

# ---- Building blocks --------------------------------------------------------


def aes_block(key, block):
    """AES-128 of one block, ECB: the only use of the library's AES."""
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(block) + enc.finalize()


def xor(a, b):
    return bytes(x ^ y for x, y in zip(a, b))


def mask_bits(data, bits):
    """The first `bits` bits of data, the rest of the last octet zero."""
    n = (bits + 7) // 8
    out = bytearray(data[:n])
    if bits % 8:
        out[-1] &= (0xff00 >> (bits % 8)) & 0xff
    return bytes(out)


def kdf(key, fc, *params):
    """TS 33.220 B.2.2: HMAC-SHA-256(KEY, FC | P0 | L0 | P1 | L1 ...)."""
    s = bytes([fc])
    for p in params:
        s += p + len(p).to_bytes(2, "big")
    return hmac.new(key, s, hashlib.sha256).digest()


def nas_header(count, bearer, direction):
    """COUNT (32) | BEARER (5) | DIRECTION (1) | 0 (26), TS 33.401 B.2."""
    return count.to_bytes(4, "big") + bytes([bearer << 3 | direction << 2, 0, 0, 0])


def nea2(key, count, bearer, direction, data, bits):
    """128-NEA2: AES-CTR, first counter block COUNT|BEARER|DIR|0 | 0^64."""
    ctr = int.from_bytes(nas_header(count, bearer, direction) + bytes(8), "big")
    n = (bits + 7) // 8
    stream = b""
    while len(stream) < n:
        stream += aes_block(key, ctr.to_bytes(16, "big"))
        ctr = (ctr + 1) % (1 << 128)
    return mask_bits(xor(data[:n], stream), bits)


def dbl(block):
    """Multiplication by x in GF(2^128), SP 800-38B."""
    v = int.from_bytes(block, "big") << 1
    if v >> 128:
        v ^= 0x87
    return (v & ((1 << 128) - 1)).to_bytes(16, "big")


def cmac_bits(key, data, bits):
    """AES-CMAC of the first `bits` bits of data, SP 800-38B."""
    k1 = dbl(aes_block(key, bytes(16)))
    k2 = dbl(k1)
    blocks = max(1, (bits + 127) // 128)
    last_bits = bits - 128 * (blocks - 1)
    x = bytes(16)
    for b in range(blocks - 1):
        x = aes_block(key, xor(x, data[16 * b:16 * b + 16]))
    tail = data[16 * (blocks - 1):]
    if last_bits == 128:
        last = xor(tail[:16], k1)
    else:
        padded = bytearray(mask_bits(tail, last_bits).ljust(16, b"\0"))
        padded[last_bits // 8] |= 0x80 >> (last_bits % 8)
        last = xor(bytes(padded), k2)
    return aes_block(key, xor(x, last))


def nia2_tag(key, count, bearer, direction, data, bits):
    """The AES-CMAC tag that 128-NIA2 truncates to 32 bits."""
    hdr = nas_header(count, bearer, direction)
    return cmac_bits(key, hdr + mask_bits(data, bits) + b"\0", 64 + bits)


def nia2(key, count, bearer, direction, data, bits):
    return nia2_tag(key, count, bearer, direction, data, bits)[:4]


# ---- Proof: published vectors --------------------------------------------------

H = bytes.fromhex

PUBLISHED_NIA2 = [
    # TS 33.401 C.2.1, C.2.2, C.2.4: key, COUNT, BEARER, DIRECTION, bits, M, MAC-I
    ("2bd6459f82c5b300952c49104881ff48", 0x38a6f056, 0x18, 0, 58,
     "3332346263393840", "118c6eb8"),
    ("d3c5d592327fb11c4035c6680af8c6d1", 0x398a59b4, 0x1a, 1, 64,
     "484583d5afe082ae", "b93787e6"),
    ("d3419be821087acd02123a9248033359", 0xc7590ea9, 0x17, 0, 511,
     "bbb057038809496bcff86d6fbc8ce5b135a06b166054f2d565be8ace75dc851e"
     "0bcdd8f07141c495872fb5d8c0c66a8b6da556663e4e461205d84580bee5bc7e",
     "6846a2f0"),
]

PUBLISHED_NEA2 = [
    # TS 33.401 C.1.1, C.1.3: key, COUNT, BEARER, DIRECTION, bits, in, out
    ("d3c5d592327fb11c4035c6680af8c6d1", 0x398a59b4, 0x15, 1, 253,
     "981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0",
     "e9fed8a63d155304d71df20bf3e82214b20ed7dad2f233dc3c22d7bdeeed8e78"),
    ("0a8b6bd8d9b08b08d64e32d1817777fb", 0x544d49cd, 0x04, 0, 310,
     "fd40a41d370a1f65745095687d47ba1d36d2349e23f644392c8ea9c49d40c132"
     "71aff264d0f248",
     "75750d37b4bba2a4dedb34235bd68c6645acdaaca48138a3b0c471e2a7041a57"
     "6423d2927287f0"),
]

RFC4493_KEY = "2b7e151628aed2a6abf7158809cf4f3c"
RFC4493_MSG = ("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
               "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710")
RFC4493 = [(0, "bb1d6929e95937287fa37d129b756746"),
           (16, "070a16b46b4d4144f79bdd9dd04a287c"),
           (40, "dfa66747de9ae63030ca32611497c827"),
           (64, "51f0bebf7e3b9d92fc49741779363cfe")]

# The normative derivations of kernel/tests/sec_vectors.h (FC 0xA0, 0xA1,
# 0xA2): the same KDF encoding as the profiles' derivations
NORMATIVE = {
    "k_root": "000102030405060708090a0b0c0d0e0f",
    "rand_n": "a0a1a2a3a4a5a6a7", "rand_d": "b0b1b2b3b4b5b6b7",
    "res": "13a6c6ff0629cb28",
    "k_aiotf": "350337e9ce6d489b0426f3cdfd9ceae89a68d267304f4aff7eb654b5b7346185",
    "k_cmd_enc": "4424e8113413b8bc92ee9df583cdf58e",
    "k_cmd_int": "8c53b72e0bd3050c2331eab2ac47bd4e",
}


def prove():
    """Every building block against published answers; raise on a miss."""
    for key, count, bearer, d, bits, msg, mac in PUBLISHED_NIA2:
        got = nia2(H(key), count, bearer, d, H(msg), bits)
        if got != H(mac):
            raise SystemExit("128-NIA2 misses TS 33.401 C.2 (%d bits): %s" % (bits, got.hex()))
    for key, count, bearer, d, bits, pt, ct in PUBLISHED_NEA2:
        got = nea2(H(key), count, bearer, d, H(pt), bits)
        if got != H(ct):
            raise SystemExit("128-NEA2 misses TS 33.401 C.1 (%d bits): %s" % (bits, got.hex()))
    for n, tag in RFC4493:
        m = H(RFC4493_MSG)[:n]
        got = cmac_bits(H(RFC4493_KEY), m, 8 * n)
        lib = CMAC(algorithms.AES(H(RFC4493_KEY)))
        lib.update(m)
        if got != H(tag) or lib.finalize() != H(tag):
            raise SystemExit("AES-CMAC misses RFC 4493 (%d octets)" % n)
    # RFC 4231 test case 2
    if hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).hexdigest() != \
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843":
        raise SystemExit("HMAC-SHA-256 misses RFC 4231 test case 2")
    v = {k: H(x) for k, x in NORMATIVE.items()}
    if kdf(v["k_root"], 0xa0, v["rand_n"], v["rand_d"])[24:] != v["res"] or \
            kdf(v["k_root"], 0xa1, v["rand_n"], v["rand_d"]) != v["k_aiotf"] or \
            kdf(v["k_aiotf"], 0xa2, b"\x01", b"\x02")[16:] != v["k_cmd_enc"] or \
            kdf(v["k_aiotf"], 0xa2, b"\x02", b"\x02")[16:] != v["k_cmd_int"]:
        raise SystemExit("the KDF misses the normative derivations of sec_vectors.h")


# ---- The profiles, as Documentation/security-profiles.rst words them ---------

R2D, D2R = 1, 0
SHT = 0x00
MT_Y_PAGING, MT_Y_ACCESS, MT_Y_IDENT = 0x60, 0x61, 0x63
MT_9_AUTH, MT_9_CMD_REQ, MT_9_CMD_RSP = 0x71, 0x72, 0x73
MT_READ_REQ, MT_READ_RSP, MT_WRITE_REQ = 0x50, 0x51, 0x52

PF_PID, PF_COUNTER, PF_MAC = 0x01, 0x02, 0x04
AF_RESYNC, AF_PID, AF_KID = 0x01, 0x02, 0x04
POL_CLEAR, POL_PID, POL_TID = 0x00, 0x01, 0x02
POL_CIPHER = 0x04
POL_INT_NONE, POL_INT_PAYLOAD, POL_INT_MESSAGE = 0x00, 0x08, 0x10


def key_int(x):
    """X.int: octets 0..15 of a 32-octet KDF output."""
    return x[:16]


def key_enc(x):
    """X.enc: octets 16..31."""
    return x[16:32]


def cmac_octets(key, bearer, direction, data):
    """The AES-CMAC of COUNT 0 | BEARER | DIRECTION | data (whole octets)."""
    return nia2_tag(key, 0, bearer, direction, data, 8 * len(data))


def id_padded(ident, bits):
    return mask_bits(ident, bits)


def id_string(ident, bits):
    """id_bits (1 octet) | ID zero padded to whole octets."""
    return bytes([bits]) + id_padded(ident, bits)


class SolY:
    """Seed 002 as the page's tables define it."""

    def __init__(self, k, nonce1, nonce2):
        self.k_aiot = kdf(k, 0xa3, nonce1)
        self.k_ses = kdf(self.k_aiot, 0xa4, nonce2)
        self.nonce1, self.nonce2 = nonce1, nonce2

    def paging(self, flags, ident, bits, counter):
        """Y Paging Request: SHT | type | flags | nonce1 | [PID] | [MAC-P]."""
        msg = bytes([SHT, MT_Y_PAGING, flags]) + self.nonce1
        off = len(msg)
        if flags & PF_PID:
            plain = id_padded(ident, bits)
            if flags & PF_COUNTER:
                plain += counter.to_bytes(4, "big")
            msg += nea2(key_enc(self.k_aiot), 0, 1, R2D, plain, 8 * len(plain))
            if flags & PF_MAC:
                msg += cmac_octets(key_int(self.k_aiot), 1, R2D, msg)[:4]
        return off, msg

    def kid(self):
        return cmac_octets(key_int(self.k_aiot), 5, D2R, self.nonce1)[:4]

    def access(self, flags, part):
        """Y Access Response: ... | Nonce2 | [KID] | [ciphered part] | ARES."""
        clear = bytes([SHT, MT_Y_ACCESS, flags]) + self.nonce2
        if flags & AF_KID:
            clear += self.kid()
        ct = nea2(key_enc(self.k_ses), 0, 2, D2R, part, 8 * len(part))
        body = clear + ct
        ares = cmac_octets(key_int(self.k_ses), 2, D2R, self.nonce1 + body)[:8]
        return len(clear), clear + part, body + ares

    def nres(self):
        return cmac_octets(key_int(self.k_ses), 3, R2D, self.nonce2)[:8]

    def ident(self, ident, bits):
        """Y Protected Identity: SHT | type | PID_D | MAC."""
        s = id_string(ident, bits)
        msg = bytes([SHT, MT_Y_IDENT]) + nea2(key_enc(self.k_ses), 0, 4, D2R, s, 8 * len(s))
        return 2, msg + cmac_octets(key_int(self.k_ses), 4, D2R, msg)[:4]

    def k_command(self):
        return (kdf(self.k_ses, 0xa2, b"\x01", b"\x02")[16:],
                kdf(self.k_ses, 0xa2, b"\x02", b"\x02")[16:])


class Sol9:
    """Seed 004 as the page's tables define it."""

    def __init__(self, k):
        self.k = k

    def k_n(self, nn):
        return kdf(self.k, 0xa5, nn)

    def k_nd(self, nn, dn):
        return kdf(self.k, 0xa6, nn, dn)

    def tid(self, nn):
        return kdf(self.k, 0xa7, nn)[24:]

    def tid_star(self, nn, dn):
        return kdf(self.k, 0xa7, nn, dn)[24:]

    def pid(self, nn, ident, bits):
        return nea2(key_enc(self.k_n(nn)), 0, 1, R2D, id_padded(ident, bits), bits)

    def auth(self, nn, dn, policy, ident, bits):
        """9 Authentication Response: SHT | type | policy | DN | part | MAC*."""
        k_nd = self.k_nd(nn, dn)
        clear = bytes([SHT, MT_9_AUTH, policy]) + dn
        s = id_string(ident, bits)
        if policy & 0x03 == POL_PID:
            s = nea2(key_enc(k_nd), 0, 2, D2R, s, 8 * len(s))
        msg = clear + s
        return len(clear), msg + cmac_octets(key_int(k_nd), 2, D2R, msg)[:4]

    def command(self, key, direction, policy, pre, clear, payload):
        """9 Command Request / Response under `policy`."""
        if policy & POL_CIPHER:
            payload = nea2(key_enc(key), 0, 3, direction, payload, 8 * len(payload))
        msg = clear + payload
        scope = policy & 0x18
        if scope == POL_INT_MESSAGE:
            msg += cmac_octets(key_int(key), 3, direction, pre + clear + payload)[:4]
        elif scope == POL_INT_PAYLOAD:
            msg += cmac_octets(key_int(key), 3, direction, payload)[:4]
        return len(clear), msg


# ---- Inputs ------------------------------------------------------------------

K = H("8f1e6b7d2c3a4950a1b2c3d4e5f60718")
NONCE1 = H("1011121314151617")
NONCE2 = H("2021222324252627")
NN = H("3031323334353637")
DN = H("4041424344454647")
NN_CMD = H("5051525354555657")
DN_CMD = H("6061626364656667")

# identities: 32 bits; 27 bits whose input octets have the padding bits set
# (they must be ignored); 128 bits (a PID of two AES blocks); 12 bits
IDS = {
    "32": ("a2170003", 32),
    "27": ("5b3c9e7f", 27),
    "128": ("00112233445566778899aabbccddeeff", 128),
    "12": ("abcf", 12),
}

READ_REQ = bytes([MT_READ_REQ, 0x00, 0x10, 0x00, 0x04])
WRITE_REQ = bytes([MT_WRITE_REQ, 0x00, 0x20]) + H("c0ffee0123456789")
READ_RSP = bytes([MT_READ_RSP, 0x00]) + H("deadbeef")


# ---- Output ------------------------------------------------------------------


def cstr(data):
    """A hex C string literal; never split (checkpatch), so it must fit."""
    h = data.hex() if isinstance(data, bytes) else data
    if len(h) > 72:
        raise SystemExit("a value of %d octets does not fit on a line" % (len(h) // 2))
    return '"%s"' % h


def define(name, value):
    """#define NAME "hex", the value at column 32 when the name leaves room."""
    head = "#define " + name
    col = len(head)
    tabs = 0
    while col < 32 or tabs == 0:
        col = (col // 8 + 1) * 8
        tabs += 1
    return head + "\t" * tabs + cstr(value)


DECIMAL = ("id_bits", "idf_bits", "off", "len", "request")


def struct_array(ctype, name, rows):
    out = ["static const struct %s %s[] = {" % (ctype, name)]
    for row in rows:
        out.append("\t{")
        for field, value in row:
            if isinstance(value, int):
                text = str(value) if field in DECIMAL else "%#x" % value
            elif isinstance(value, str) and value.startswith('"'):
                text = value
            else:
                text = cstr(value)
            out.append("\t\t.%s = %s," % (field, text))
        out.append("\t},")
    out.append("};")
    return "\n".join(out)


def generate():
    y = SolY(K, NONCE1, NONCE2)
    s9 = Sol9(K)
    lines = []
    w = lines.append
    w("/* SPDX-License-Identifier: GPL-2.0 */")
    w("/*")
    w(" * Known answers of the study profiles' cryptography (kernel/profile.c),")
    w(" * shared by the KUnit suite aiot_profile and tests/unit/test_profile.c.")
    w(" * Generated by tests/vectors/gen_profile_vectors.py, an implementation of")
    w(" * Documentation/security-profiles.rst that shares no code with the one")
    w(" * under test (hashlib's HMAC-SHA-256, AES-ECB from python3-cryptography,")
    w(" * CTR and bit-string CMAC built on it), after it reproduced TS 33.401 C.1")
    w(" * and C.2, RFC 4493 and RFC 4231.  Do not edit: run the script.  Octet")
    w(" * strings are hex; plain C, the includer provides NULL.")
    w(" */")
    w("#ifndef _AIOT_PROFILE_VECTORS_H")
    w("#define _AIOT_PROFILE_VECTORS_H")
    w("")
    w("/* Inputs: K (K_AIoT_root), the nonces of one run of each procedure */")
    for name, val in (("K", K), ("NONCE1", NONCE1), ("NONCE2", NONCE2), ("NN", NN),
                      ("DN", DN), ("NN_CMD", NN_CMD), ("DN_CMD", DN_CMD)):
        w(define("AIOT_PV_" + name, val))
    w("")
    w("/* solution-y keys from K, nonce1, Nonce2 */")
    kc_enc, kc_int = y.k_command()
    for name, val in (("Y_K_AIOT", y.k_aiot), ("Y_K_SES", y.k_ses), ("Y_K_CMD_ENC", kc_enc),
                      ("Y_K_CMD_INT", kc_int), ("Y_KID", y.kid()), ("Y_NRES", y.nres())):
        w(define("AIOT_PV_" + name, val))
    w("")
    w("/* solution-9 keys and temporary IDs from K, NN, DN (and NN', DN') */")
    k_n_cmd, k_nd_cmd = s9.k_n(NN_CMD), s9.k_nd(NN_CMD, DN_CMD)
    for name, val in (("9_K_N", s9.k_n(NN)), ("9_K_ND", s9.k_nd(NN, DN)),
                      ("9_TID", s9.tid(NN)), ("9_TID_STAR", s9.tid_star(NN, DN)),
                      ("9_K_N_CMD", k_n_cmd), ("9_K_ND_CMD", k_nd_cmd),
                      ("9_TID_CMD", s9.tid(NN_CMD))):
        w(define("AIOT_PV_" + name, val))
    w("")

    w("/*")
    w(" * Y Paging Requests: msg[0..off) is SHT | type | flags | nonce1, then the")
    w(" * protected ID and MAC-P.  @id is given as the caller's octets, padding")
    w(" * bits included.")
    w(" */")
    w("struct aiot_pv_y_paging {")
    w("\tconst char *name;")
    w("\tunsigned int flags;")
    w("\tconst char *id;")
    w("\tunsigned int id_bits;")
    w("\tunsigned int counter;")
    w("\tunsigned int off;")
    w("\tconst char *msg;")
    w("};")
    w("")
    rows = []
    for name, flags, ident, counter in (
            ("counter and MAC", PF_PID | PF_COUNTER | PF_MAC, "32", 5),
            ("counter, no MAC", PF_PID | PF_COUNTER, "27", 0x12345678),
            ("MAC, no counter", PF_PID | PF_MAC, "128", 0),
            ("PID only", PF_PID, "32", 0),
            ("128-bit ID, counter and MAC", PF_PID | PF_COUNTER | PF_MAC, "128", 0xfffffffe)):
        idhex, bits = IDS[ident]
        off, msg = y.paging(flags, H(idhex), bits, counter)
        rows.append([("name", '"%s"' % name), ("flags", flags), ("id", idhex),
                     ("id_bits", bits), ("counter", counter), ("off", off), ("msg", msg)])
    w(struct_array("aiot_pv_y_paging", "aiot_pv_y_paging", rows))
    w("")

    w("/*")
    w(" * Y Access Responses: @plain is the message before sealing, its part")
    w(" * msg[off..len) in clear; @msg the message sent, ARES last.")
    w(" */")
    w("struct aiot_pv_y_access {")
    w("\tconst char *name;")
    w("\tunsigned int off;")
    w("\tunsigned int len;")
    w("\tconst char *plain;")
    w("\tconst char *msg;")
    w("};")
    w("")
    rows = []
    id32 = H(IDS["32"][0])
    for name, flags, part in (
            ("mutual", 0, b""),
            ("one-way", AF_PID, id_string(id32, 32)),
            ("resync", AF_RESYNC, (0x00000007).to_bytes(4, "big")),
            ("group", AF_KID, b""),
            ("group, one-way", AF_KID | AF_PID, id_string(H(IDS["27"][0]), 27))):
        off, plain, msg = y.access(flags, part)
        rows.append([("name", '"%s"' % name), ("off", off), ("len", len(plain)),
                     ("plain", plain), ("msg", msg)])
    w(struct_array("aiot_pv_y_access", "aiot_pv_y_access", rows))
    w("")

    w("/* Y Protected Identity: SHT | type, then from @off PID_D and its MAC */")
    w("struct aiot_pv_ident {")
    w("\tconst char *name;")
    w("\tconst char *id;")
    w("\tunsigned int id_bits;")
    w("\tunsigned int off;")
    w("\tconst char *msg;")
    w("};")
    w("")
    rows = []
    for ident in ("32", "27", "128"):
        idhex, bits = IDS[ident]
        off, msg = y.ident(H(idhex), bits)
        rows.append([("name", '"%d-bit ID"' % bits), ("id", idhex), ("id_bits", bits),
                     ("off", off), ("msg", msg)])
    w(struct_array("aiot_pv_ident", "aiot_pv_y_ident", rows))
    w("")

    w("/* solution-9 paging protected IDs under k_N of NN */")
    w("struct aiot_pv_9_pid {")
    w("\tconst char *id;")
    w("\tunsigned int id_bits;")
    w("\tconst char *pid;")
    w("};")
    w("")
    rows = []
    for ident in ("32", "27", "128", "12"):
        idhex, bits = IDS[ident]
        rows.append([("id", idhex), ("id_bits", bits), ("pid", s9.pid(NN, H(idhex), bits))])
    w(struct_array("aiot_pv_9_pid", "aiot_pv_9_pid", rows))
    w("")

    w("/* 9 Authentication Responses under k_ND of NN, DN: SHT | type | policy | DN */")
    w("struct aiot_pv_9_auth {")
    w("\tconst char *name;")
    w("\tunsigned int policy;")
    w("\tconst char *id;")
    w("\tunsigned int id_bits;")
    w("\tunsigned int off;")
    w("\tconst char *msg;")
    w("};")
    w("")
    rows = []
    for name, policy, ident in (
            ("protected ID", POL_PID | POL_CIPHER | POL_INT_MESSAGE, "32"),
            ("protected ID, 27 bits", POL_PID, "27"),
            ("clear ID", POL_CLEAR | POL_CIPHER | POL_INT_MESSAGE, "32"),
            ("protected ID, 128 bits", POL_PID | POL_INT_PAYLOAD, "128")):
        idhex, bits = IDS[ident]
        off, msg = s9.auth(NN, DN, policy, H(idhex), bits)
        rows.append([("name", '"%s"' % name), ("policy", policy), ("id", idhex),
                     ("id_bits", bits), ("off", off), ("msg", msg)])
    w(struct_array("aiot_pv_9_auth", "aiot_pv_9_auth", rows))
    w("")

    w("/*")
    w(" * 9 Command Requests (@request 1: k_N' of NN', R2D, after the paging's")
    w(" * identity field @idf) and Responses (0: k_ND' of NN', DN', D2R): @plain")
    w(" * is the message before sealing, its payload from @off; @msg as sent.")
    w(" */")
    w("struct aiot_pv_9_cmd {")
    w("\tconst char *name;")
    w("\tunsigned int request;")
    w("\tunsigned int policy;")
    w("\tconst char *idf;")
    w("\tunsigned int idf_bits;")
    w("\tunsigned int off;")
    w("\tconst char *plain;")
    w("\tconst char *msg;")
    w("};")
    w("")
    pid_cmd = s9.pid(NN_CMD, id32, 32)
    pid27_cmd = s9.pid(NN_CMD, H(IDS["27"][0]), 27)
    tid_cmd = s9.tid(NN_CMD)
    default = POL_PID | POL_CIPHER | POL_INT_MESSAGE
    rows = []
    for name, policy, idf, bits, payload in (
            ("Read, default policy", default, pid_cmd, 32, READ_REQ),
            ("Write, cipher, payload MAC", POL_PID | POL_CIPHER | POL_INT_PAYLOAD, pid_cmd, 32,
             WRITE_REQ),
            ("Read, no cipher, message MAC", POL_PID | POL_INT_MESSAGE, pid_cmd, 32, READ_REQ),
            ("Read, no protection", POL_PID, pid_cmd, 32, READ_REQ),
            ("Read, cipher, no MAC", POL_PID | POL_CIPHER, pid_cmd, 32, READ_REQ),
            ("Write, T-ID, default", POL_TID | POL_CIPHER | POL_INT_MESSAGE, tid_cmd, 64,
             WRITE_REQ),
            ("Read, 27-bit protected ID", default, pid27_cmd, 27, READ_REQ)):
        clear = bytes([SHT, MT_9_CMD_REQ, policy])
        pre = NN_CMD + idf
        off, msg = s9.command(k_n_cmd, R2D, policy, pre, clear, payload)
        rows.append([("name", '"request: %s"' % name), ("request", 1), ("policy", policy),
                     ("idf", idf), ("idf_bits", bits), ("off", off),
                     ("plain", clear + payload), ("msg", msg)])
    for name, policy, payload in (
            ("Read, default policy", default, READ_RSP),
            ("Read, cipher, payload MAC", POL_PID | POL_CIPHER | POL_INT_PAYLOAD, READ_RSP),
            ("Read, no cipher, message MAC", POL_PID | POL_INT_MESSAGE, READ_RSP),
            ("Read, no protection", POL_PID, READ_RSP)):
        clear = bytes([SHT, MT_9_CMD_RSP, policy]) + DN_CMD
        off, msg = s9.command(k_nd_cmd, D2R, policy, NN_CMD, clear, payload)
        rows.append([("name", '"response: %s"' % name), ("request", 0), ("policy", policy),
                     ("idf", b""), ("idf_bits", 0), ("off", off),
                     ("plain", clear + payload), ("msg", msg)])
    w(struct_array("aiot_pv_9_cmd", "aiot_pv_9_cmd", rows))
    w("")
    w("#endif /* _AIOT_PROFILE_VECTORS_H */")
    return "\n".join(lines) + "\n"


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if len(args) > 1 or any(a.startswith("-") for a in args):
        sys.stderr.write(__doc__)
        return 2
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = args[0] if args else os.path.join(top, "kernel", "tests", "profile_vectors.h")
    prove()
    text = generate()
    if check:
        try:
            with open(out, encoding="ascii") as f:
                same = f.read() == text
        except OSError:
            same = False
        if not same:
            sys.stderr.write("%s is not what gen_profile_vectors.py writes\n" % out)
            return 1
        return 0
    with open(out, "w", encoding="ascii") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
