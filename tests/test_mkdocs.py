"""The book renders as a website without a warning: ``mkdocs build --strict`` (mkdocs.yml).

Strict mode turns every warning into a failure: a nav entry whose page is missing, a page left
out of the nav, a link to a page or an anchor that does not exist. The build needs mkdocs (in
the ``dev`` extras, so CI has it); without it that test is skipped with the reason. The nav
check below needs nothing and always runs.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


def nav_pages() -> list[str]:
    """The .md files the nav of mkdocs.yml names, in order."""
    text = CONFIG.read_text(encoding="utf-8")
    nav = text[text.index("\nnav:"):]
    title = r"(?:\"[^\"\n]*\"|'[^'\n]*'|[^:\n\"']+):\s*"
    return re.findall(rf"^\s*-\s*(?:{title})?([\w./-]+\.md)\s*$", nav, re.M)


def test_nav_lists_every_page_once():
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("**/*.md")}
    listed = nav_pages()
    assert len(listed) == len(set(listed)), f"pages listed twice: {listed}"
    assert sorted(set(listed) - pages) == [], "the nav names pages that do not exist"
    assert sorted(pages - set(listed)) == [], "pages missing from the nav"
    assert listed[0] == "index.md" and listed[1] == "getting-started.md"


def test_mkdocs_build_strict(tmp_path):
    if importlib.util.find_spec("mkdocs") is None:
        reason = "mkdocs is not installed (pip install -e '.[dev]' installs it)"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(CONFIG),
         "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
    assert not warnings, "mkdocs warned:\n" + "\n".join(warnings)
    for page in nav_pages():
        html = site / ("index.html" if page == "index.md" else Path(page).with_suffix("") / "index.html")
        assert html.exists(), f"{page} was not rendered ({html})"
