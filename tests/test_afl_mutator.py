#!/usr/bin/env python3
"""The AFL++ custom mutator library's hooks (fuzz/afl_mutator.c), loaded with
ctypes as afl-fuzz loads it: how many mutants AFL++ makes of a queue pick
(afl_custom_fuzz_count, REQSIM_AFL_FUZZ_COUNT), and trimming: none by
default, one constraint at a time with REQSIM_AFL_TRIM=1
(afl_custom_init_trim / _trim / _post_trim).

    test_afl_mutator.py MUTATOR.so

Run by fuzz/afl_smoke_test.sh, which builds the library with afl-clang-fast.
"""
import ctypes
import os
import struct
import sys
import unittest

LIB = ""
HDR = b"RQA1" + struct.pack("<I", 7) + bytes([2, 3]) + struct.pack("<H", 40)  # pct, depth 3


def con(kind: int, site: int, site2: int = 0, tid: int = 0xff, occ: int = 1) -> bytes:
    return bytes([kind, tid, 0xff, occ]) + struct.pack("<II", site, site2)


A, B, C = con(1, 0x1111, 0x2222), con(3, 0x3333, tid=1), con(4, 0x4444)


def load(count: str | None, trim_env: str | None = "1") -> tuple[ctypes.CDLL, int | None]:
    """A fresh handle on the library (one per configuration: dlopen of the
    same path returns the loaded one, so the state is per afl_custom_init).
    trim_env: REQSIM_AFL_TRIM (None: unset)."""
    os.environ.update({"REQSIM_FUZZ_SCENARIO": "dekker", "REQSIM_FUZZ_MODEL": "tso",
                       "REQSIM_FUZZ_ARCH": "x86", "REQSIM_FUZZ_FORM": "abstract",
                       "REQSIM_FUZZ_FEEDBACK": "auto", "REQSIM_FUZZ_BUGS": "",
                       "REQSIM_FUZZ_PARAMS": ""})
    for name, val in (("REQSIM_AFL_FUZZ_COUNT", count), ("REQSIM_AFL_TRIM", trim_env)):
        if val is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = val
    lib = ctypes.CDLL(LIB)
    lib.afl_custom_init.restype = ctypes.c_void_p
    lib.afl_custom_init.argtypes = [ctypes.c_void_p, ctypes.c_uint]
    lib.afl_custom_fuzz_count.restype = ctypes.c_uint32
    lib.afl_custom_fuzz_count.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.afl_custom_init_trim.restype = ctypes.c_int32
    lib.afl_custom_init_trim.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.afl_custom_trim.restype = ctypes.c_size_t
    lib.afl_custom_trim.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.afl_custom_post_trim.restype = ctypes.c_int32
    lib.afl_custom_post_trim.argtypes = [ctypes.c_void_p, ctypes.c_ubyte]
    lib.afl_custom_deinit.argtypes = [ctypes.c_void_p]
    return lib, lib.afl_custom_init(None, 1)


def trim(lib: ctypes.CDLL, m: int) -> bytes:
    out = ctypes.c_void_p()
    n = lib.afl_custom_trim(m, ctypes.byref(out))
    return ctypes.string_at(out.value, n)


class AflMutatorTest(unittest.TestCase):
    def test_fuzz_count(self) -> None:
        """One mutant per queue pick unless REQSIM_AFL_FUZZ_COUNT says;
        a bad count fails afl_custom_init (afl-fuzz then stops)."""
        lib, m = load(None)
        self.assertTrue(m)
        self.assertEqual(lib.afl_custom_fuzz_count(m, HDR, len(HDR)), 1)
        lib.afl_custom_deinit(m)
        lib, m = load("16")
        self.assertEqual(lib.afl_custom_fuzz_count(m, HDR, len(HDR)), 16)
        lib.afl_custom_deinit(m)
        for bad in ("0", "x", "3x", "-1", "100001"):
            lib, m = load(bad)
            self.assertFalse(m, bad)

    def test_no_trim_by_default(self) -> None:
        """Unset or 0: no trimming steps, even for an input with constraints;
        a value other than 0 or 1 fails afl_custom_init."""
        data = HDR + A + B + C
        for env in (None, "0", ""):
            lib, m = load(None, env)
            self.assertTrue(m, env)
            self.assertEqual(lib.afl_custom_init_trim(m, data, len(data)), 0, env)
            lib.afl_custom_deinit(m)
        for bad in ("2", "yes", "1x", "-1"):
            lib, m = load(None, bad)
            self.assertFalse(m, bad)

    def test_trim_removes_constraints_one_at_a_time(self) -> None:
        """REQSIM_AFL_TRIM=1: steps = constraints; a removal AFL++ keeps
        (post_trim 1) shifts the next constraint into the slot, one it
        rejects moves on."""
        lib, m = load(None)
        data = HDR + A + B + C
        self.assertEqual(lib.afl_custom_init_trim(m, data, len(data)), 3)
        self.assertEqual(trim(lib, m), HDR + B + C)
        self.assertEqual(lib.afl_custom_post_trim(m, 0), 1)      # A stays
        self.assertEqual(trim(lib, m), HDR + A + C)
        self.assertEqual(lib.afl_custom_post_trim(m, 1), 2)      # B goes
        self.assertEqual(trim(lib, m), HDR + A)                  # C, now in slot 1
        self.assertEqual(lib.afl_custom_post_trim(m, 1), 3)
        # a new entry starts afresh, down to no constraint at all
        one = HDR + B
        self.assertEqual(lib.afl_custom_init_trim(m, one, len(one)), 1)
        self.assertEqual(trim(lib, m), HDR)
        self.assertEqual(lib.afl_custom_post_trim(m, 1), 1)
        lib.afl_custom_deinit(m)

    def test_nothing_to_trim(self) -> None:
        """No constraint, a byte-form input or a partial record: no steps."""
        lib, m = load(None)
        for data in (HDR, b"\x01\x02\x03\x04" * 9, HDR + A[:5], b"RQA1"):
            self.assertEqual(lib.afl_custom_init_trim(m, data, len(data)), 0, data)
        lib.afl_custom_deinit(m)


if __name__ == "__main__":
    if len(sys.argv) < 2 or not os.path.isfile(sys.argv[1]):
        sys.exit("usage: test_afl_mutator.py MUTATOR.so")
    LIB = os.path.abspath(sys.argv.pop(1))
    unittest.main()
