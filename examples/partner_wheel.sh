#!/bin/sh
# How a partner team installs vrn_core alone, from the wheel, and runs a check.
#
# Run from the repository:   sh examples/partner_wheel.sh
#
# It builds the wheel, makes a fresh virtual environment in a temporary folder,
# installs the wheel there (with only vrn_core's dependencies: pydantic, rapidfuzz,
# PyYAML; the assistant's are an extra, '.[assistant]'), and runs a check from
# another directory, so the catalogue comes from the wheel, not from this checkout.
# It needs network access to fetch those three dependencies, unless pip is set up
# with a local index (PIP_INDEX_URL / PIP_FIND_LINKS).
set -eu

REPO="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "Building the wheel..."
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$REPO"
WHEEL="$(ls "$WORK"/dist/vrn-*.whl)"

echo "Installing $(basename "$WHEEL") in a fresh environment..."
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$WHEEL"

echo "Checking a case from $WORK (not the checkout):"
cd "$WORK"
echo '{"age": 19, "place": "Preston", "setting": "police_custody", "offence": "violent"}' \
  | "$WORK/venv/bin/vrn-core" check --as-of 2020-11-15
"$WORK/venv/bin/python" -c "import vrn_core, sys; print('vrn_core from', vrn_core.__file__); sys.exit('langchain' in sys.modules)"
