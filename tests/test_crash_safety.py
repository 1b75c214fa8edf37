"""Crash safety of saving: a writer killed with SIGKILL at any point leaves either the previous
or the new record, intact; the temporary file it leaves is removed by the next save or load of
that path; and the temporary file of a writer that is still running (another process, or
another thread of this one) is never touched."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pyburn.config import Config
from pyburn.record import NamedMpkFileRecorder, trees_equal
from pyburn.record.atomic import atomic_write, remove_stale_temps
from pyburn.tensor.data import TensorData

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL"),
    # Python 3.12+ warns on fork() while other threads exist (torch's and BLAS's pools). The
    # children here only write files with numpy/msgpack and never touch those pools or their
    # locks, and a forked child is what lets a kill land at a random point of a real save.
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded, use of fork:DeprecationWarning"),
]


def temps(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def records() -> list[dict[str, Any]]:
    """Two versions of a 4 MiB record: a load must give exactly one of them."""
    return [{"version": v, "w": TensorData(np.full(1 << 20, v, np.float32))} for v in (1, 2)]


def fork(child: Any) -> int:
    """Run `child()` in a forked process that never returns into pytest."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            child()
        finally:
            os._exit(0)
    return pid


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def test_killed_saves_leave_an_intact_record_and_no_stale_temp_file(tmp_path: Path) -> None:
    recorder = NamedMpkFileRecorder()
    versions = records()
    path = recorder.record(versions[0], tmp_path / "model")
    rng = random.Random(0)
    stale_seen = 0

    def save_forever() -> None:
        for i in range(10**9):
            recorder.record(versions[i % 2], tmp_path / "model")

    for kill_number in range(20):
        pid = fork(save_forever)
        time.sleep(rng.uniform(0.0, 0.08))
        kill(pid)
        stale = temps(tmp_path)
        stale_seen += bool(stale)
        if kill_number % 2:  # the next save sweeps what the killed writer left
            recorder.record(versions[kill_number % 2], tmp_path / "model")
            assert temps(tmp_path) == []
        loaded = recorder.load(path)  # and so does a load
        assert temps(tmp_path) == []
        assert any(trees_equal(loaded, v) for v in versions), kill_number
    assert stale_seen, "no kill landed during a write: the test did not exercise the sweep"


def test_a_live_writer_in_another_process_keeps_its_temp_file(tmp_path: Path) -> None:
    """A writer stalled before its rename (slow disk, stopped process) is alive: saves and
    loads by others leave its file alone; once it is killed, the next save removes it."""
    target = tmp_path / "model.mpk"
    recorder = NamedMpkFileRecorder()
    recorder.record({"v": 0}, target)

    def stalled_writer() -> None:
        os.fsync = lambda fd: time.sleep(3600)  # type: ignore[assignment]
        atomic_write(target, b"x" * 4096)

    pid = fork(stalled_writer)
    try:
        deadline = time.monotonic() + 10
        while not [n for n in temps(tmp_path) if (tmp_path / n).stat().st_size == 4096]:
            assert time.monotonic() < deadline, "the stalled writer never wrote its temp file"
            time.sleep(0.01)
        (live,) = temps(tmp_path)
        assert live.startswith(f".model.mpk.{pid}-")
        recorder.record({"v": 1}, target)
        assert recorder.load(target) == {"v": 1}
        assert remove_stale_temps(target) == []
        assert temps(tmp_path) == [live]
    finally:
        kill(pid)
    recorder.record({"v": 2}, target)
    assert temps(tmp_path) == [] and recorder.load(target) == {"v": 2}


def test_a_live_writer_thread_keeps_its_temp_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Same-process writers (threads) are told apart too, and the stalled one completes."""
    target = tmp_path / "model.mpk"
    recorder = NamedMpkFileRecorder()
    entered, release = threading.Event(), threading.Event()
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if threading.current_thread().name == "stalled":
            entered.set()
            release.wait(10)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    errors: list[BaseException] = []

    def stalled() -> None:
        try:
            recorder.record({"v": "from the thread"}, target)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=stalled, name="stalled")
    thread.start()
    assert entered.wait(10)
    (live,) = temps(tmp_path)
    recorder.record({"v": "from main"}, target)
    assert recorder.load(target) == {"v": "from main"} and temps(tmp_path) == [live]
    release.set()
    thread.join(10)
    assert not errors and recorder.load(target) == {"v": "from the thread"}
    assert temps(tmp_path) == []


def test_an_empty_temp_file_is_kept_while_its_pid_runs(tmp_path: Path) -> None:
    """Between creating its file and locking it, a writer's file is empty and unlocked: only
    the pid in its name says whether it is alive."""
    target = tmp_path / "model.mpk"
    pid = fork(lambda: time.sleep(3600))
    try:
        alive = tmp_path / f".model.mpk.{pid}-{'a' * 12}.tmp"
        alive.touch()
        assert remove_stale_temps(target) == [] and alive.exists()
    finally:
        kill(pid)
    assert remove_stale_temps(target) == [alive] and not alive.exists()


def test_only_this_paths_temp_files_are_swept(tmp_path: Path) -> None:
    pid = fork(lambda: None)
    os.waitpid(pid, 0)  # a pid that has exited
    others = [f".model.mpk.gz.{pid}-{'b' * 12}.tmp",   # another target's
              f".model.mpk.{'c' * 12}.tmp",            # no pid: not a name pyburn writes
              f"model.mpk.{pid}-{'d' * 12}.tmp",        # not hidden
              "notes.txt"]
    for name in others:
        (tmp_path / name).write_bytes(b"keep")
    stale = tmp_path / f".model.mpk.{pid}-{'e' * 12}.tmp"
    stale.write_bytes(b"half a model")
    NamedMpkFileRecorder().record({"v": 1}, tmp_path / "model")
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(others + ["model.mpk"])


class RunConfig(Config):
    lr: float = 0.1


def test_config_save_and_load_sweep_stale_temp_files(tmp_path: Path) -> None:
    pid = fork(lambda: None)
    os.waitpid(pid, 0)
    stale = tmp_path / f".config.json.{pid}-{'f' * 12}.tmp"
    stale.write_text('{"lr": 0.')
    path = tmp_path / "config.json"
    RunConfig().save(path)
    assert not stale.exists()
    stale.write_text('{"lr": 0.')
    assert RunConfig.load(path) == RunConfig() and not stale.exists()


def test_a_writer_whose_new_temp_file_is_swept_starts_over(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """If a sweeper removes a temp file in the instant between its creation and its lock (it
    misjudged the pid, e.g. across containers), the writer notices and uses a new file."""
    import fcntl

    import pyburn.record.atomic as atomic
    real_flock = fcntl.flock
    swept: list[str] = []

    def flock(fd: int, operation: int) -> None:
        if not swept and operation == fcntl.LOCK_EX:  # the writer's first lock
            (name,) = temps(tmp_path)
            os.unlink(tmp_path / name)
            swept.append(name)
        real_flock(fd, operation)

    monkeypatch.setattr(atomic.fcntl, "flock", flock)
    atomic_write(tmp_path / "model.bin", b"data")
    assert swept and (tmp_path / "model.bin").read_bytes() == b"data"
    assert temps(tmp_path) == []
