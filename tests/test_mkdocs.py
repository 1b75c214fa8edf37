"""The book renders as a website without a warning: ``mkdocs build --strict`` (mkdocs.yml).

Strict mode turns every warning into a failure: a nav entry whose page is missing, a page left
out of the nav, a link to a page or an anchor that does not exist, a docstring griffe cannot
parse or a cross-reference of the API reference (docs/api/, mkdocstrings) that resolves to
nothing. The site must also work offline: nothing is loaded from a CDN (code is highlighted by
Pygments at build time, the search index is inlined). The build needs the ``dev`` extras (mkdocs,
mkdocs-material, mkdocstrings), so CI has them; without them that test is skipped with the
reason. The nav check below needs nothing and always runs.
"""

from __future__ import annotations

import importlib.util
import os
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


def api_pages_document() -> set[str]:
    """The modules the API reference renders (``::: name`` lines of docs/api/*.md)."""
    names: set[str] = set()
    for page in (ROOT / "docs" / "api").glob("*.md"):
        names |= set(re.findall(r"^::: ([\w.]+)", page.read_text(encoding="utf-8"), re.M))
    return names


def test_every_public_package_has_an_api_page():
    """A new public package (``pyburn/x/__init__.py``) gets a page in docs/api/, unless its
    parent re-exports all of it (then it is documented there)."""
    documented = api_pages_document()
    for init in sorted((ROOT / "pyburn").glob("**/__init__.py")):
        parts = init.parent.relative_to(ROOT).parts
        name = ".".join(parts)
        if name in documented or any(part.startswith("_") for part in parts):
            continue
        module = importlib.import_module(name)
        parent = importlib.import_module(name.rpartition(".")[0])
        left = sorted(set(getattr(module, "__all__", [])) - set(getattr(parent, "__all__", [])))
        assert not left, (f"{name} has no page in docs/api/ (add '::: {name}' and a nav "
                          f"entry) and its parent does not re-export {left}")
    for backend in ("pyburn_numpy", "pyburn_torch", "pyburn_cupy", "pyburn_autodiff"):
        assert backend in documented


# Fetched at page load from elsewhere: a site that needs these is plain (or broken) offline.
REMOTE_ASSET = re.compile(r"""<(?:script|link)\b[^>]*(?:src|href)=["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site `mkdocs build --strict` writes (built once for the tests below)."""
    for module in ("mkdocs", "material", "mkdocstrings_handlers.python"):
        if importlib.util.find_spec(module.split(".")[0]) is None:
            reason = f"{module} is not installed (pip install -e '.[dev]' installs it)"
            print(f"SKIPPED: {reason}")
            pytest.skip(reason)
    out = tmp_path_factory.mktemp("mkdocs") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(CONFIG),
         "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
    assert not warnings, "mkdocs warned:\n" + "\n".join(warnings)
    return out


def rendered(site: Path, page: str) -> Path:
    """Where `page` lands: the offline plugin turns directory URLs off (page.md -> page.html)."""
    return site / Path(page).with_suffix(".html")


def test_mkdocs_build_strict(site: Path):
    for page in nav_pages():
        assert rendered(site, page).exists(), f"{page} was not rendered"


def test_site_loads_nothing_from_elsewhere(site: Path):
    for html in sorted(site.glob("**/*.html")):
        remote = REMOTE_ASSET.findall(html.read_text(encoding="utf-8"))
        assert not remote, f"{html.relative_to(site)} loads assets from elsewhere: {remote}"
    # search works from file://: the index is inlined as a script
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index")
    # code is highlighted at build time (Pygments spans), not by a script from a CDN
    page = rendered(site, "getting-started.md").read_text(encoding="utf-8")
    assert 'class="highlight"' in page and '<span class="kn">from</span>' in page


def test_api_reference_covers_every_public_module(site: Path):
    modules = ["pyburn", "pyburn.tensor", "pyburn.backend", "pyburn.module", "pyburn.config",
               "pyburn.record", "pyburn.nn", "pyburn.nn.rnn", "pyburn.nn.attention",
               "pyburn.nn.loss", "pyburn.optim",
               "pyburn.optim.lr_scheduler", "pyburn.data", "pyburn_numpy", "pyburn_torch",
               "pyburn_cupy", "pyburn_autodiff"]
    html = "".join(p.read_text(encoding="utf-8") for p in sorted((site / "api").glob("*.html")))
    for module in modules:
        assert f'id="{module}"' in html, f"{module} has no API reference page"
    # names users look up, with their docstrings: Tensor's methods come from its op mixins
    for name in ("pyburn.tensor.Tensor.swap_dims", "pyburn.tensor.Tensor.backward",
                 "pyburn.nn.rnn.Lstm.forward", "pyburn.nn.LinearConfig", "pyburn.optim.AdamConfig",
                 "pyburn.record.NamedMpkFileRecorder", "pyburn_numpy.NumPy"):
        assert f'id="{name}"' in html, f"{name} is missing from the API reference"
