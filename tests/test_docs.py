"""Every ```python block of the book (docs/**/*.md) and of README.md runs, one test per block.

A block runs in a fresh namespace with a temporary working directory, so blocks that write
files (records, configs) leave nothing behind. A block whose fence says ``no-run`` (```python
no-run) is shown to readers but not run here; it must be a verbatim excerpt of the project's own
source (`test_no_run_blocks_are_excerpts_of_the_source`), so it cannot drift from the code. Pages are found
automatically: a new page is tested without touching this file.
"""

from __future__ import annotations

import re
import sys
import textwrap
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
SKIP_MARKERS = {"no-run", "norun", "no_run", "skip"}


def pages() -> list[Path]:
    found = sorted((ROOT / "docs").glob("**/*.md"))
    readme = ROOT / "README.md"
    return ([readme] if readme.exists() else []) + found


def python_blocks(text: str) -> list[tuple[int, str, bool]]:
    """(line number, code, skipped) of each fenced python block, in page order."""
    blocks, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        info = m.group("info").strip().split()
        close = re.compile(rf"^[ \t]*{re.escape(m.group('ticks')[0])}{{{len(m.group('ticks'))},}}\s*$")
        start, i = i + 1, i + 1
        while i < len(lines) and not close.match(lines[i]):
            i += 1
        if info and info[0].lower() in ("python", "py", "python3"):
            code = textwrap.dedent("\n".join(lines[start:i]))
            blocks.append((start + 1, code, bool(SKIP_MARKERS & {w.lower().strip("{}.") for w in info[1:]})))
        i += 1
    return blocks


def collect() -> list[pytest.ParameterSet]:
    params = []
    for page in pages():
        name = page.relative_to(ROOT / "docs").as_posix() if page.parent != ROOT else page.name
        for n, (line, code, skipped) in enumerate(python_blocks(page.read_text(encoding="utf-8")), 1):
            marks = [pytest.mark.skip(reason=f"{name}:{n} (line {line}) is marked no-run")] if skipped else []
            params.append(pytest.param(page, line, code, id=f"{name}:{n}", marks=marks))
    return params


@pytest.mark.parametrize("page, line, code", collect())
def test_doc_block_runs(page, line, code, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # A real (temporary) module, so classes defined in a block resolve their own module, as
    # dataclasses and configs need.
    module = types.ModuleType("pyburn_doc_block")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    try:
        exec(compile(code, f"{page}:{line}", "exec"), module.__dict__)  # noqa: S102 (our own docs)
    except Exception:
        missing = unavailable_backends(code)
        if missing:  # a page about Torch cannot run without torch: say so instead of failing
            pytest.skip(f"needs {'; '.join(missing)}")
        raise


def unavailable_backends(code: str) -> list[str]:
    """The optional backends a block names that cannot run here, with their reasons."""
    import pyburn.backend
    out = []
    for name in ("Torch", "CuPy"):
        if re.search(rf"\b{name}\b", code):
            reason = getattr(pyburn.backend, name).unavailable_reason()
            if reason is not None:
                out.append(f"{name} ({reason})")
    return out


def test_block_parser():
    text = textwrap.dedent("""\
        Intro
        ```python
        x = 1
        ```
        ```bash
        echo no
        ```
        - a list item:
          ```python no-run
          import missing_module
          ```
        ````python
        s = '''
        ```
        '''
        ````
        """)
    blocks = python_blocks(text)
    assert [(line, skipped) for line, _, skipped in blocks] == [(3, False), (10, True), (13, False)]
    assert blocks[1][1] == "import missing_module"
    assert "```" in blocks[2][1]


def test_index_links_every_page():
    """The book's contents (docs/index.md) list every page, so none is unreachable."""
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([^)#]+\.md)", index))
    pages_ = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("**/*.md")}
    missing = sorted(pages_ - linked - {"index.md"})
    assert not missing, f"docs/index.md does not link: {missing}"


def test_tensor_page_lists_every_tensor_method():
    """docs/tensor.md is the op reference (Burn name, PyTorch equivalent): every public Tensor
    method and every activation function appears in it by name."""
    from pyburn import Tensor
    from pyburn.tensor import activation
    doc = (ROOT / "docs" / "tensor.md").read_text(encoding="utf-8")
    names = {n for n in dir(Tensor) if not n.startswith("_")} | set(activation.__all__)
    missing = sorted(n for n in names if not re.search(rf"\b{re.escape(n)}\b", doc))
    assert not missing, f"docs/tensor.md does not list: {missing}"


def test_every_page_is_collected():
    ids = {p.id.split(":")[0] for p in collect()}
    for page in ("index.md", "getting-started.md", "tensor.md", "autodiff.md"):
        assert page in ids, f"docs/{page} has no python block"


def _source_files() -> list[Path]:
    return [p for top in ("pyburn", "backends", "examples", "benchmarks")
            for p in sorted((ROOT / top).glob("**/*.py"))]


def test_no_run_blocks_are_excerpts_of_the_source():
    """A block that is not run is shown word for word as it stands in a source file."""
    sources = [p.read_text(encoding="utf-8") for p in _source_files()]
    stale = []
    for page in pages():
        for line, code, skipped in python_blocks(page.read_text(encoding="utf-8")):
            if skipped and not any(code.strip() in text for text in sources):
                stale.append(f"{page.relative_to(ROOT)} line {line}")
    assert not stale, ("no-run blocks that are not verbatim excerpts of pyburn/, backends/, "
                       "examples/ or benchmarks/ (update them from the source): " + ", ".join(stale))
