"""The cross-backend test matrix: one `backend` fixture, every backend, plain and under Autodiff.

Which rows can run here is decided once, at collection: rows whose backend cannot run (no torch,
no cupy, no GPU) are not created at all, and one header line of the run names the rows that run
and, for the others, why not. ``pytest --backend=numpy,torch`` selects rows by family (numpy,
torch, cupy) or by exact id (``torch-cuda``, ``autodiff-numpy``...). A row asked for by id is
created even where it cannot run, and then skips with its reason (asking means "I want these");
a family means its rows that can run here, or all of them when none can (``--backend=cupy`` on a
machine without cupy skips every cupy row with the reason).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

import pytest


@dataclass(frozen=True)
class Row:
    id: str
    family: str
    load: Callable[[], Any]        # -> the plain backend class (may raise ImportError)
    device: str
    autodiff: bool


def _numpy() -> Any:
    from pyburn.backend import NumPy
    return NumPy


def _torch() -> Any:
    from pyburn.backend import Torch
    return Torch


def _cupy() -> Any:
    from pyburn.backend import CuPy
    return CuPy


ROWS = [
    Row("numpy", "numpy", _numpy, "cpu", False),
    Row("autodiff-numpy", "numpy", _numpy, "cpu", True),
    Row("torch-cpu", "torch", _torch, "cpu", False),
    Row("autodiff-torch-cpu", "torch", _torch, "cpu", True),
    Row("torch-cuda", "torch", _torch, "cuda:0", False),
    Row("autodiff-torch-cuda", "torch", _torch, "cuda:0", True),
    Row("cupy", "cupy", _cupy, "cuda:0", False),
    Row("autodiff-cupy", "cupy", _cupy, "cuda:0", True),
]


@dataclass(frozen=True)
class BackendCase:
    """What a test gets: the backend type `B`, its `device`, and helpers."""

    id: str
    B: Any
    device: Any
    autodiff: bool

    def __post_init__(self) -> None:
        # The device names this case's backend, so ``config.init(case.device)`` builds on
        # exactly `B` (its dtype variant or its Autodiff wrapper included).
        object.__setattr__(self, "device", self.device.on(self.B))

    def with_float(self, dtype: str) -> "BackendCase":
        """The same row with another float dtype (gradient checks use float64)."""
        return BackendCase(self.id, self.B.with_dtypes(float=dtype), self.device, self.autodiff)

    @property
    def f64(self) -> "BackendCase":
        return self.with_float("float64")

    @property
    def ad(self) -> "BackendCase":
        """This row under Autodiff (itself if it already is)."""
        if self.autodiff:
            return self
        from pyburn.backend import Autodiff
        return BackendCase("autodiff-" + self.id, Autodiff[self.B], self.device, True)

    def tensor(self, values: Any) -> Any:
        """A float tensor of this case holding `values` (nested lists, an array, TensorData)."""
        from pyburn import Tensor
        return Tensor[self.B].from_data(values, self.device)

    @property
    def inner(self) -> Any:
        return self.B.inner if self.autodiff else self.B

    def __repr__(self) -> str:
        return self.id


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--backend", action="store", default="",
                     help="comma-separated backend families or row ids to run "
                          "(numpy, torch, cupy, torch-cuda, autodiff-numpy, ...); default: every "
                          "row that can run here. A row id named here is created (and skips "
                          "with its reason) even where it cannot run")


def _wanted(config: pytest.Config) -> list[str]:
    return [w.strip() for w in config.getoption("--backend").split(",") if w.strip()]


def _selected(config: pytest.Config, row: Row) -> bool:
    """A row id asked for is always created; a family (or no --backend at all) means its rows
    that can run here, or all of them (skipping with the reason) when none of them can."""
    wanted = _wanted(config)
    if row.id in wanted:
        return True
    if wanted and row.family not in wanted:
        return False
    if unavailable_reason(row) is None:
        return True
    family = [r for r in ROWS if r.family == row.family]
    return bool(wanted) and all(unavailable_reason(r) is not None for r in family)


@functools.cache
def unavailable_reason(row: Row) -> str | None:
    """Why `row` cannot run on this machine, or None; computed once per row and run."""
    try:
        plain = row.load()
    except ImportError as exc:
        return f"cannot import the backend ({exc})"
    reason = plain.unavailable_reason()
    if reason is None and row.device.startswith("cuda"):
        reason = getattr(plain, "cuda_unavailable_reason", lambda: None)()
    if reason is None:
        try:
            plain.device(row.device)
        except (ValueError, TypeError) as exc:   # DeviceError, BackendError
            reason = str(exc)
    return reason


def backends_line(config: pytest.Config) -> str:
    """The header line: the rows this run creates, and why the others cannot run here."""
    wanted = _wanted(config)
    running = [r.id for r in ROWS if _selected(config, r)]
    line = f"backends: {', '.join(running) or 'none'}"
    if wanted:
        line += f" (--backend={','.join(wanted)})"
    by_reason: dict[str, list[str]] = {}
    for row in ROWS:
        reason = unavailable_reason(row)
        if reason is not None:
            by_reason.setdefault(reason, []).append(row.id)
    if by_reason:
        missing = "; ".join(f"{', '.join(ids)} ({reason})" for reason, ids in by_reason.items())
        line += f"; not available: {missing}"
        if not wanted:
            line += "; --backend=ID forces a row (it then skips with the reason)"
    return line


def pytest_report_header(config: pytest.Config) -> str:
    return backends_line(config)


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """``-q`` hides pytest's header, yet the backend line is what says why rows are missing."""
    config = session.config
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and config.get_verbosity() == -1:
        reporter.write_line(backends_line(config))


def _case(row: Row) -> BackendCase:
    reason = unavailable_reason(row)
    if reason is not None:
        pytest.skip(f"{row.id}: {reason}")
    plain = row.load()
    B = plain
    if row.autodiff:
        from pyburn.backend import Autodiff
        B = Autodiff[plain]
    B.seed(0)
    return BackendCase(row.id, B, plain.device(row.device), row.autodiff)


# fixture argument -> which rows it runs on (of those selected); ids get the prefix
ROW_ARGS: dict[str, tuple[Callable[[Row], bool], str]] = {
    "backend_row": (lambda r: True, ""),
    "ad_backend_row": (lambda r: r.autodiff, ""),              # gradient tests
    "plain_backend_row": (lambda r: not r.autodiff, ""),       # "this backend has no autodiff"
    "torch_backend_row": (lambda r: r.family == "torch", ""),  # torch-specific checks
    "gpu_backend_row": (lambda r: not r.device.startswith("cpu"), ""),  # several devices
    "target_row": (lambda r: not r.autodiff, "to-"),           # a second backend: transfers
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`backend` runs on every row, `ad_backend` on the Autodiff rows, `plain_backend` on the
    others, `torch_backend` on the torch rows, `gpu_backend` on the GPU rows, and `target_row`
    (a second, plain backend) on every plain row. A test none of whose rows runs here is
    deselected, not skipped: the header line already says why those rows are missing."""
    for arg, (keep, prefix) in ROW_ARGS.items():
        if arg in metafunc.fixturenames:
            rows = [r for r in ROWS if _selected(metafunc.config, r) and keep(r)]
            if rows:
                metafunc.parametrize(arg, rows, ids=[prefix + r.id for r in rows])
            else:
                metafunc.parametrize(arg, [pytest.param(None, marks=pytest.mark.no_backend_rows)],
                                     ids=["no-rows"])


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "no_backend_rows: a matrix test with no row to run here")
    names = {r.id for r in ROWS} | {r.family for r in ROWS}
    unknown = [w for w in _wanted(config) if w not in names]
    if unknown:   # a typo would otherwise deselect the whole matrix without a word
        raise pytest.UsageError(
            f"--backend: unknown row or family {', '.join(map(repr, unknown))}; expected "
            f"families {', '.join(sorted({r.family for r in ROWS}))} or rows "
            f"{', '.join(r.id for r in ROWS)}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    dropped = [item for item in items if item.get_closest_marker("no_backend_rows")]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not item.get_closest_marker("no_backend_rows")]


@pytest.fixture
def backend(backend_row: Row) -> BackendCase:
    return _case(backend_row)


@pytest.fixture
def ad_backend(ad_backend_row: Row) -> BackendCase:
    return _case(ad_backend_row)


@pytest.fixture
def plain_backend(plain_backend_row: Row) -> BackendCase:
    return _case(plain_backend_row)


@pytest.fixture
def torch_backend(torch_backend_row: Row) -> BackendCase:
    return _case(torch_backend_row)


@pytest.fixture
def gpu_backend(gpu_backend_row: Row) -> BackendCase:
    return _case(gpu_backend_row)
