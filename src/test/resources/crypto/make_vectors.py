#!/usr/bin/env python3
"""Known-answer vectors for drogulus's canonical msgpack, keys, hashes and signatures.

Written independently of the Java code from DESIGN.md ("Identity and items") and the msgpack specification,
with only the Python standard library (hashlib, struct, json) and the openssl command line for RSA. Run from
this directory:

    python3 make_vectors.py        # writes vectors.json (and test-key.pem / test-key.pub.pem if missing)

Values are described in a tagged JSON form that the Java test rebuilds as Logos values:
  ["nil"] ["bool", b] ["int", "decimal"] ["float", "16 hex digits of the IEEE-754 bits"] ["str", s]
  ["rep", s, n] (s repeated n times) ["repvec", v, n] (a vector of n times v) ["kw", name] ["sym", name] ["list", [...]] ["vec", [...]]
  ["map", [[k, v], ...]] (entries in the order given; the encoding sorts them) ["bin", "hex"]
"""
import hashlib
import json
import os
import struct
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PRIVATE = os.path.join(HERE, "test-key.pem")
PUBLIC = os.path.join(HERE, "test-key.pub.pem")
VERSION = "0.0.0.alpha.0"


def ext(kind, data):
    n = len(data)
    fixed = {1: 0xd4, 2: 0xd5, 4: 0xd6, 8: 0xd7, 16: 0xd8}
    if n in fixed:
        head = bytes([fixed[n]])
    elif n < 0x100:
        head = bytes([0xc7, n])
    elif n < 0x10000:
        head = b"\xc8" + struct.pack(">H", n)
    else:
        head = b"\xc9" + struct.pack(">I", n)
    return head + struct.pack(">b", kind) + data


def raw(small, codes, data):
    n = len(data)
    if small is not None and n < 32:
        return bytes([small | n]) + data
    if codes[0] is not None and n < 0x100:
        return bytes([codes[0], n]) + data
    if n < 0x10000:
        return bytes([codes[1]]) + struct.pack(">H", n) + data
    return bytes([codes[2]]) + struct.pack(">I", n) + data


def pack_int(n):
    if 0 <= n < 128:
        return bytes([n])
    if -32 <= n < 0:
        return struct.pack(">b", n)
    if n >= 0:
        for code, fmt, limit in ((0xcc, ">B", 1 << 8), (0xcd, ">H", 1 << 16), (0xce, ">I", 1 << 32),
                                 (0xcf, ">Q", 1 << 64)):
            if n < limit:
                return bytes([code]) + struct.pack(fmt, n)
    else:
        for code, fmt, limit in ((0xd0, ">b", 1 << 7), (0xd1, ">h", 1 << 15), (0xd2, ">i", 1 << 31),
                                 (0xd3, ">q", 1 << 63)):
            if n >= -limit:
                return bytes([code]) + struct.pack(fmt, n)
    # Beyond 64 bits: ext 4, minimal two's complement, big-endian.
    bits = n.bit_length() if n >= 0 else (~n).bit_length()
    return ext(4, n.to_bytes(bits // 8 + 1, "big", signed=True))


def pack(tagged):
    tag = tagged[0]
    if tag == "nil":
        return b"\xc0"
    if tag == "bool":
        return b"\xc3" if tagged[1] else b"\xc2"
    if tag == "int":
        return pack_int(int(tagged[1]))
    if tag == "float":
        return b"\xcb" + bytes.fromhex(tagged[1])
    if tag in ("str", "rep"):
        text = tagged[1] if tag == "str" else tagged[1] * tagged[2]
        return raw(0xa0, (0xd9, 0xda, 0xdb), text.encode("utf-8"))
    if tag == "bin":
        return raw(None, (0xc4, 0xc5, 0xc6), bytes.fromhex(tagged[1]))
    if tag == "kw":
        return ext(1, tagged[1].encode("utf-8"))
    if tag == "sym":
        return ext(2, tagged[1].encode("utf-8"))
    if tag == "list":
        return ext(3, array(tagged[1]))
    if tag == "vec":
        return array(tagged[1])
    if tag == "repvec":
        return array([tagged[1]] * tagged[2])
    if tag == "map":
        return mapping([(pack(k), pack(v)) for k, v in tagged[1]])
    raise ValueError(tag)


def array(items):
    n = len(items)
    head = bytes([0x90 | n]) if n < 16 else (b"\xdc" + struct.pack(">H", n) if n < 0x10000
                                             else b"\xdd" + struct.pack(">I", n))
    return head + b"".join(pack(i) for i in items)


def mapping(packed_pairs):
    n = len(packed_pairs)
    head = bytes([0x80 | n]) if n < 16 else (b"\xde" + struct.pack(">H", n) if n < 0x10000
                                             else b"\xdf" + struct.pack(">I", n))
    return head + b"".join(k + v for k, v in sorted(packed_pairs))


def f64(x):
    return ["float", struct.pack(">d", x).hex()]


def i(n):
    return ["int", str(n)]


def s(text):
    return ["str", text]


def sha512(data):
    return hashlib.sha512(data).digest()


def values():
    out = [("nil", ["nil"]), ("true", ["bool", True]), ("false", ["bool", False])]
    for n in (0, 1, 127, 128, 255, 256, 65535, 65536, 2**32 - 1, 2**32, 2**63 - 1, 2**63, 2**64 - 1, 2**64,
              -1, -32, -33, -128, -129, -32768, -32769, -2**31, -2**31 - 1, -2**63, -2**63 - 1, -2**64,
              -2**71, 2**71 - 1, 10**30, -10**30, 2**128):
        out.append(("int " + str(n), i(n)))
    for x in (0.0, -0.0, 1.0, 1.5, -2.25, 1e300, 5e-324, 0.1, float("inf"), float("-inf"), float("nan")):
        out.append(("float " + repr(x), f64(x)))
    for n in (0, 1, 31, 32, 255, 256, 65535, 65536):
        out.append(("string of %d bytes" % n, ["rep", "x", n]))
    out.append(("unicode string", s("h\u00e9llo \u4e16\u754c \U0001F389 \"q\" \\ \n")))
    for n in (1, 2, 3, 4, 8, 16, 17, 255, 256):
        out.append(("keyword of %d bytes" % n, ["kw", "k" * n]))
    out.append(("keyword with namespace", ["kw", "crypto/sign"]))
    out.append(("symbol", ["sym", "foo"]))
    out.append(("symbol +", ["sym", "+"]))
    out.append(("unicode symbol", ["sym", "\u03bb"]))
    out.append(("empty list", ["list", []]))
    out.append(("list", ["list", [i(1), s("two"), ["kw", "three"], ["nil"]]]))
    out.append(("list of 16", ["list", [i(n) for n in range(16)]]))
    out.append(("nested lists", ["list", [["sym", "+"], ["list", [i(1)]], ["vec", [["list", []]]]]]))
    out.append(("empty vector", ["vec", []]))
    out.append(("vector of 15", ["vec", [i(n) for n in range(15)]]))
    out.append(("vector of 16", ["vec", [i(n) for n in range(16)]]))
    out.append(("vector of 65536", ["repvec", ["nil"], 65536]))
    out.append(("nested vectors", ["vec", [i(1), ["vec", [i(2), ["vec", [i(3), f64(4.0)]]]]]]))
    out.append(("empty map", ["map", []]))
    mixed = [[["kw", "b"], i(1)], [["kw", "a"], i(2)], [s("x"), i(3)], [i(1), i(4)], [["vec", [i(1)]], i(5)],
             [["nil"], s("nil key")], [f64(1.0), s("float key")], [["sym", "s"], ["map", [[s("in"), s("ner")]]]],
             [["list", [i(2)]], s("list key")], [i(-1), ["bool", True]], [i(2**64), s("big")]]
    out.append(("map with mixed keys", ["map", mixed]))
    out.append(("map with mixed keys reversed", ["map", list(reversed(mixed))]))
    out.append(("map of 16", ["map", [[s("k%02d" % n), i(n)] for n in range(16)]]))
    out.append(("map keys sort by encoded bytes", ["map", [[s("b"), i(1)], [s("aa"), i(2)], [s("a"), i(3)],
                                                           [i(200), i(4)], [i(5), i(5)]]]))
    out.append(("bytes", ["bin", "00ff10"]))
    out.append(("bytes of 256", ["bin", "ab" * 256]))
    return out


def value_vectors():
    result = []
    for label, tagged in values():
        packed = pack(tagged)
        entry = {"label": label, "value": tagged, "sha512": sha512(packed).hex()}
        if len(packed) <= 600:
            entry["msgpack"] = packed.hex()
        result.append(entry)
    return result


def construct_key(public_key, name):
    key_hash = sha512(public_key.strip().encode("utf-8"))
    if not name:
        return key_hash
    return sha512(key_hash + sha512(name.encode("utf-8")))


def signed_bytes(value, timestamp, expires, name, meta, created_with):
    fields = [value, f64(timestamp), f64(expires), s(name), ["map", [[s(k), s(v)] for k, v in meta]],
              s(created_with)]
    return b"".join(sha512(pack(f)) for f in fields)


def openssl_sign(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "data")
        with open(path, "wb") as f:
            f.write(data)
        return subprocess.run(["openssl", "dgst", "-sha512", "-sign", PRIVATE, path], check=True,
                               capture_output=True).stdout


def item_vectors(public_key):
    specs = [
        ("script", s('(println "hello")'), 1700000000.0, -1.0, "hello", []),
        ("meta out of order", ["map", [[["kw", "z"], i(1)], [["kw", "a"], ["list", [i(2), f64(2.5)]]]]],
         1700000123.456, 1700003723.456, "things/\u00e9t\u00e9", [("zeta", "last"), ("alpha", "first"),
                                                                   ("mid", "\u4e2d")]),
        ("big integer value", i(2**100), 1.5, 2.5, "n", [("k", "v")]),
        ("empty name", ["nil"], 0.0, -1.0, "", []),
    ]
    out = []
    for label, value, timestamp, expires, name, meta in specs:
        data = signed_bytes(value, timestamp, expires, name, meta, VERSION)
        out.append({
            "label": label, "value": value, "timestamp": f64(timestamp)[1], "expires": f64(expires)[1],
            "name": name, "meta": [[k, v] for k, v in meta], "created_with": VERSION,
            "key": construct_key(public_key, name).hex(), "signed_bytes_sha512": sha512(data).hex(),
            "hash": sha512(data).hex(), "sig": openssl_sign(data).hex(),
        })
    return out


def main():
    if not os.path.exists(PRIVATE):
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                        "-out", PRIVATE], check=True)
        subprocess.run(["openssl", "pkey", "-in", PRIVATE, "-pubout", "-out", PUBLIC], check=True)
    with open(PUBLIC) as f:
        public_key = f.read()
    keys = [{"name": n, "key": construct_key(public_key, n).hex()} for n in ("", "hello", "\u00e9t\u00e9 \U0001F389")]
    vectors = {
        "how": "python3 make_vectors.py: hashlib, struct and an independent canonical msgpack encoder; "
               "signatures by `openssl dgst -sha512 -sign test-key.pem` (" +
               subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip() + ")",
        "public_key": public_key,
        "node_id": construct_key(public_key, "").hex(),
        "keys": keys,
        "values": value_vectors(),
        "items": item_vectors(public_key),
    }
    with open(os.path.join(HERE, "vectors.json"), "w") as f:
        json.dump(vectors, f, indent=1, ensure_ascii=True)
        f.write("\n")


if __name__ == "__main__":
    main()
