"""Signing in to the app's administrative pages (adding documents), offline.

The deployer lists who may sign in in VRN_USERS (see vrn_assistant.settings), each
name with a hashed password; no password is ever stored or compared in clear. A
hash is made with

    python -m vrn_assistant.interfaces.signin

which asks for the password twice (it is never echoed nor put on a command line)
and prints the line to add to VRN_USERS. Hashes are scrypt (stdlib `hashlib.scrypt`)
with a random salt, written `scrypt$<n>$<r>$<p>$<salt>$<hash>` (base64); checks use
`hmac.compare_digest`, and an unknown name costs as much time as a wrong password.
"""

from __future__ import annotations

import base64
import binascii
import getpass
import hashlib
import hmac
import os
import sys
from collections.abc import Sequence

__all__ = ["SCHEME", "check_sign_in", "hash_password", "main", "verify_password"]

SCHEME = "scrypt"
_N, _R, _P = 2**14, 8, 1  # about 16 MiB and a few tens of milliseconds per check
_KEY_BYTES = 32
_MIN_PASSWORD = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """The password's scrypt hash, as VRN_USERS holds it."""
    salt = os.urandom(16) if salt is None else salt
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_KEY_BYTES)
    return f"{SCHEME}${_N}${_R}${_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, encoded: str) -> bool:
    """Does the password match the hash? False for a hash that cannot be read."""
    try:
        scheme, n, r, p, salt, key = encoded.split("$")
        if scheme != SCHEME:
            return False
        expected = base64.b64decode(key, validate=True)
        found = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt, validate=True),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, binascii.Error):
        return False
    return hmac.compare_digest(found, expected)


_DUMMY = hash_password("not a password anyone has", salt=b"\0" * 16)


def check_sign_in(users: Sequence[tuple[str, str]], name: str, password: str) -> bool:
    """Is (name, password) one of the deployer's users? Names match exactly."""
    encoded = dict(users).get(name.strip())
    if encoded is None:
        verify_password(password, _DUMMY)  # the same work, so timing does not tell names
        return False
    return verify_password(password, encoded)


def main(argv: Sequence[str] | None = None) -> int:
    """Ask for a password twice and print `NAME:HASH` for VRN_USERS."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("usage: python -m vrn_assistant.interfaces.signin [NAME]", file=sys.stderr)
        return 2
    name = args[0] if args else input("Name to sign in with: ").strip()
    if not name or ":" in name or "," in name or any(c.isspace() for c in name):
        print("The name must be one word, without ':' or ','.", file=sys.stderr)
        return 2
    password = getpass.getpass("Password: ")
    if len(password) < _MIN_PASSWORD:
        print(f"Use at least {_MIN_PASSWORD} characters.", file=sys.stderr)
        return 2
    if getpass.getpass("Password again: ") != password:
        print("The two passwords differ; nothing was printed.", file=sys.stderr)
        return 1
    print(f"{name}:{hash_password(password)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
