"""The built wheel works on its own: a partner team that installs it gets the catalogue."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_every_package_is_listed_for_the_wheel() -> None:
    """pyproject lists packages by hand (find() cannot map knowledge/): none may be missing."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src").rglob("__init__.py")
    }
    assert on_disk | {"vrn_core.knowledge"} == listed


def test_installed_wheel_loads_the_catalogue_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("vrn-*.whl")
    fresh = tmp_path / "fresh"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(fresh)], check=True, timeout=120
    )
    python = fresh / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # The fresh environment sees this one's packages (pydantic, rapidfuzz, PyYAML) through a
    # plain path line: not processed as a site directory, so the editable install of the
    # checkout stays out of it and vrn_core can only come from the wheel.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.strip()
    (Path(site) / "project-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            str(python),
            "-c",
            "import vrn_core; from vrn_core import default_catalogue; "
            "print(vrn_core.__file__); print(len(default_catalogue()))",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    module_file, programmes = result.stdout.split()
    assert Path(module_file).is_relative_to(fresh)
    assert int(programmes) == len(list((ROOT / "knowledge" / "programmes").glob("*.yaml")))
