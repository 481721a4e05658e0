#!/bin/sh
# Install Debian's headless-capable Chromium and its WebDriver for the browser test
# (tests/assistant/test_browser.py), if they are missing.
#
# Idempotent: does nothing when /usr/bin/chromium and /usr/bin/chromedriver exist.
# Never fails the build: when it cannot install (not root, no apt-get, no network),
# it says why and exits 0, and the browser test then skips with a clear reason.
set -u

CHROMIUM=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver

if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
    echo "browser-setup: chromium and chromedriver are installed"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser-setup: skipped: apt-get not found (install chromium and chromedriver yourself;" \
        "the browser test will be skipped)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "browser-setup: skipped: installing chromium needs root (run:" \
            "sudo apt-get install -y chromium chromium-driver); the browser test will be skipped"
        exit 0
    fi
fi

echo "browser-setup: installing chromium and chromium-driver with apt-get..."
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq >/dev/null 2>&1; then
    echo "browser-setup: skipped: apt-get update failed (offline?); the browser test will be skipped"
    exit 0
fi
if ! $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; then
    echo "browser-setup: skipped: apt-get install chromium chromium-driver failed;" \
        "the browser test will be skipped"
    exit 0
fi

if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
    echo "browser-setup: installed $("$CHROMIUM" --version 2>/dev/null)"
else
    echo "browser-setup: skipped: apt-get finished but $CHROMIUM or $DRIVER is still missing"
fi
exit 0
