"""Signing in to add documents: offline, scrypt-hashed, set by the deployer in VRN_USERS."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vrn_assistant.errors import SettingError
from vrn_assistant.interfaces.signin import check_sign_in, hash_password, main, verify_password
from vrn_assistant.settings import AssistantSettings

PASSWORD = "a long enough secret"


@pytest.fixture(scope="module")
def hashed() -> str:
    return hash_password(PASSWORD)


def test_a_hash_checks_its_password_and_no_other(hashed: str) -> None:
    assert hashed.startswith("scrypt$") and PASSWORD not in hashed
    assert verify_password(PASSWORD, hashed)
    assert not verify_password(PASSWORD + " ", hashed)
    assert not verify_password("", hashed)


def test_each_hash_has_its_own_salt(hashed: str) -> None:
    again = hash_password(PASSWORD)
    assert again != hashed and verify_password(PASSWORD, again)


@pytest.mark.parametrize(
    "broken", ["", "scrypt$", "md5$1$2$3$4$5", "scrypt$x$8$1$AAAA$AAAA", "scrypt$16384$8$1$!!$AA"]
)
def test_an_unreadable_hash_never_lets_anyone_in(broken: str) -> None:
    assert not verify_password(PASSWORD, broken)


def test_sign_in_needs_the_right_name_and_password(hashed: str) -> None:
    users = (("idva", hashed), ("lead", hash_password("another secret")))
    assert check_sign_in(users, "idva", PASSWORD)
    assert check_sign_in(users, " idva ", PASSWORD)  # stray spaces around the name
    assert not check_sign_in(users, "lead", PASSWORD)
    assert not check_sign_in(users, "IDVA", PASSWORD)
    assert not check_sign_in(users, "nobody", PASSWORD)
    assert not check_sign_in((), "idva", PASSWORD)


def test_users_come_from_vrn_users(hashed: str) -> None:
    other = hash_password("another secret")
    settings = AssistantSettings.from_env({"VRN_USERS": f"idva:{hashed}, lead:{other}"})
    assert settings.users == (("idva", hashed), ("lead", other))
    assert AssistantSettings.from_env({}).users == ()


@pytest.mark.parametrize("raw", ["idva", "idva:plaintext-password", ":scrypt$1$2$3$4$5"])
def test_a_malformed_vrn_users_is_one_clear_error_without_the_secret(raw: str) -> None:
    with pytest.raises(SettingError) as caught:
        AssistantSettings.from_env({"VRN_USERS": raw})
    message = str(caught.value)
    assert "VRN_USERS entry 1" in message and "plaintext-password" not in message
    assert "\n" not in message


def test_the_helper_prints_a_line_for_vrn_users(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["idva"]) == 0
    line = capsys.readouterr().out.strip()
    name, _, hashed = line.partition(":")
    assert name == "idva" and verify_password(PASSWORD, hashed)
    assert AssistantSettings.from_env({"VRN_USERS": line}).users == (("idva", hashed),)


def test_the_helper_refuses_a_short_or_mistyped_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "short")
    assert main(["idva"]) == 2
    answers = iter([PASSWORD, PASSWORD + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["idva"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "differ" in captured.err


def test_the_helper_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vrn_assistant.interfaces.signin", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        done.returncode == 2 and "usage: python -m vrn_assistant.interfaces.signin" in done.stderr
    )
