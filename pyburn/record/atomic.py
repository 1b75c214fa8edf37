"""Atomic file writes: a checkpoint is either the old file or the complete new one.

A crash, a full disk or an exception halfway through must never leave a truncated model
behind, the one failure a training run cannot recover from. The bytes go to a temporary file
in the target's directory (so the final rename stays on one filesystem), are flushed and
fsynced, then `os.replace` swaps them in; on any failure the temporary file is removed.

A writer killed outright (SIGKILL, the OOM killer, power loss) cannot remove its temporary
file, so the next save to the same path (and every load of it) sweeps such leftovers. Telling
a dead writer's file from a live one's must hold across processes and threads, so each writer
holds an exclusive ``flock`` on its temporary file from creation until the rename: the kernel
drops the lock when the process dies, and a file whose lock can be taken has no live writer.
The temp name ``.<name>.<pid>-<token>.tmp`` also records the writer's pid, for the one instant
the lock cannot cover, between creating the file and locking it: an empty, unlocked file is
only removed when its pid is no longer running. Should a sweeper misjudge that (a pid in
another container's namespace), the writer notices once it holds the lock that its file is
gone and starts over with a new one, so a live writer never loses its data.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock, so stale temporary files are left alone
    fcntl = None  # type: ignore[assignment]

_TEMP_NAME = re.compile(r"\.(\d{1,10})-[0-9a-f]{12}\.tmp")


def atomic_write(path: str | os.PathLike[str], data: bytes | bytearray | memoryview, *,
                 keep_mode: bool = False) -> Path:
    """Write `data` to `path` atomically, creating parent directories as needed; first remove
    the temporary files that dead writers left next to `path` (see `remove_stale_temps`).

    With `keep_mode`, a file being replaced keeps its permission bits (a config a user made
    read-only for others stays so); otherwise the new file gets the process umask."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(target)
    fd, tmp = _create_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if keep_mode:
                with contextlib.suppress(OSError):
                    os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
            if fcntl is not None:
                # Renamed while still open, hence still locked: a sweeper never sees an
                # unlocked file that is about to become the target.
                os.replace(tmp, target)
        if fcntl is None:
            os.replace(tmp, target)  # Windows cannot rename an open file
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)
    return target


def remove_stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that killed writers left next to `path`; return them.

    A file is removed only when no process holds its lock and it is not this process's own
    (another thread may be writing it), and, if it is still empty, when the pid in its name is
    not running. Errors (a read-only directory, a file that vanished) are ignored: sweeping is
    housekeeping and never makes a save or a load fail. Without ``flock`` (Windows) nothing is
    removed."""
    target = Path(path)
    if fcntl is None:
        return []
    prefix = f".{target.name}."
    removed: list[Path] = []
    try:
        with os.scandir(target.parent) as entries:
            names = [e.name for e in entries if e.name.startswith(prefix)]
    except OSError:
        return removed
    for name in names:
        match = _TEMP_NAME.fullmatch(name, len(prefix) - 1)
        if match is not None and _remove_if_stale(target.parent / name, int(match.group(1))):
            removed.append(target.parent / name)
    return removed


def _remove_if_stale(tmp: Path, pid: int) -> bool:
    assert fcntl is not None
    if pid == os.getpid():
        return False
    try:
        fd = os.open(tmp, os.O_RDONLY)
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held by a live writer (or locks unsupported here: do not guess)
            return False
        info = os.fstat(fd)
        if info.st_size == 0 and _pid_running(pid):
            return False  # perhaps created but not yet locked
        current = os.stat(tmp)
        if (current.st_dev, current.st_ino) != (info.st_dev, info.st_ino):
            return False
        os.unlink(tmp)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _pid_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # EPERM: it exists, under another user; or not a pid
        return True
    return True


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new hidden file next to `target`, locked for this writer and opened with the process
    umask (unlike `tempfile.mkstemp`, whose 0600 mode would make saved models private by
    surprise)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        if fcntl is not None and not _lock_new_temp(fd, tmp):
            os.close(fd)
            continue
        return fd, tmp
    raise FileExistsError(f"cannot create a temporary file next to {str(target)!r}")


def _lock_new_temp(fd: int, tmp: Path) -> bool:
    """Lock a just-created temp file; False if a sweeper removed it before the lock was
    taken (a sweeper unlinks only while holding the lock, so once locked, it stays)."""
    assert fcntl is not None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # blocks only while a sweeper inspects the file
    except OSError:
        return True  # no locks on this filesystem: a sweeper cannot lock it either, so keeps it
    try:
        return os.path.samestat(os.fstat(fd), os.stat(tmp))
    except OSError:
        return False


def _fsync_dir(directory: Path) -> None:
    """Persist the rename itself (POSIX); a no-op where directories cannot be opened."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
