"""The package metadata says what pip and PyPI show: an SPDX license expression with both license
files shipped, classifiers, the `rich` dependency; and the license files hold the full texts.

The metadata is built by setuptools itself (``prepare_metadata_for_build_wheel``) in a copy of
the project, so the working tree is left alone.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_metadata(tmp: Path) -> Parser:
    for name in ("pyproject.toml", "README.md", "LICENSE-MIT", "LICENSE-APACHE"):
        shutil.copy(ROOT / name, tmp / name)
    for package in ("pyburn", "backends"):
        shutil.copytree(ROOT / package, tmp / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    out = tmp / "metadata"
    out.mkdir()
    code = ("import sys; from setuptools import build_meta; "
            "print(build_meta.prepare_metadata_for_build_wheel(sys.argv[1]))")
    result = subprocess.run([sys.executable, "-c", code, str(out)], cwd=tmp, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    dist_info = out / result.stdout.strip().splitlines()[-1]
    return Parser().parsestr((dist_info / "METADATA").read_text(encoding="utf-8"))


def test_metadata_license_classifiers_and_dependencies(tmp_path: Path) -> None:
    meta = build_metadata(tmp_path)
    assert meta["License-Expression"] == "MIT OR Apache-2.0"
    assert sorted(meta.get_all("License-File")) == ["LICENSE-APACHE", "LICENSE-MIT"]
    classifiers = meta.get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Typing :: Typed" in classifiers
    assert not any(c.startswith("License ::") for c in classifiers)  # the expression says it
    requires = meta.get_all("Requires-Dist")
    assert any(r.startswith("rich") for r in requires)
    assert any(r.startswith("mkdocstrings[python]") and 'extra == "dev"' in r for r in requires)
    assert meta.get_all("Project-URL")


def test_license_files_hold_the_full_texts() -> None:
    mit = (ROOT / "LICENSE-MIT").read_text(encoding="utf-8")
    assert mit.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in mit
    apache = (ROOT / "LICENSE-APACHE").read_text(encoding="utf-8")
    assert "Apache License" in apache and "Version 2.0, January 2004" in apache
    assert "END OF TERMS AND CONDITIONS" in apache and "APPENDIX" in apache
    assert apache.count("\n") > 190
