"""`scripts/setup.sh` installs only when it is out of date, so `scripts/run.sh` and
`scripts/test.sh` do not reinstall on every run.

The script runs in a copy of the repository's root files whose ``.venv/bin/python`` is a stand-in:
``-m pip ...`` is logged instead of run, anything else goes to this interpreter.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_checkout(tmp: Path) -> Path:
    (tmp / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup.sh", tmp / "scripts" / "setup.sh")
    shutil.copy(ROOT / "pyproject.toml", tmp / "pyproject.toml")
    python = tmp / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/usr/bin/env bash\n'
                      f'if [ "$1 $2" = "-m pip" ]; then echo "$*" >> "{tmp}/pip.log"; exit 0; fi\n'
                      f'exec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    return tmp


def setup(checkout: Path, **env: str) -> list[str]:
    """Run setup.sh; the pip commands it ran."""
    log = checkout / "pip.log"
    log.unlink(missing_ok=True)
    result = subprocess.run(["bash", "scripts/setup.sh"], cwd=checkout, capture_output=True,
                            text=True, timeout=120, env={**os.environ, **env})
    assert result.returncode == 0, result.stdout + result.stderr
    return log.read_text().splitlines() if log.exists() else []


def test_setup_installs_once_then_only_when_its_inputs_change(tmp_path: Path) -> None:
    checkout = make_checkout(tmp_path)
    first = setup(checkout)
    assert first[-1] == "-m pip install -q -e .[dev]" and any("torch==" in c for c in first)
    assert (checkout / ".venv" / ".pyburn-setup").is_file()
    assert setup(checkout) == []                             # up to date: nothing installed

    with open(checkout / "pyproject.toml", "a") as f:       # a dependency changed
        f.write("\n# changed\n")
    assert setup(checkout)[-1] == "-m pip install -q -e .[dev]"
    assert setup(checkout) == []
    assert setup(checkout, FORCE_SETUP="1")[-1] == "-m pip install -q -e .[dev]"

    (checkout / ".venv" / ".pyburn-setup").write_text("stale\n")
    assert setup(checkout) != []                             # a stamp of other inputs
