"""The cross-backend test matrix: one `backend` fixture, every backend, plain and under Autodiff.

``pytest --backend=numpy,torch`` selects rows by family (numpy, torch, cupy) or by exact id
(``torch-cuda``, ``autodiff-numpy``...). A row whose backend cannot run here is skipped with the
reason (no torch installed, no GPU), shown in the ``-ra`` summary: never silently.
"""

from __future__ import annotations

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
                          "(numpy, torch, cupy, torch-cuda, autodiff-numpy, ...); default: all")


def _selected(config: pytest.Config, row: Row) -> bool:
    wanted = [w.strip() for w in config.getoption("--backend").split(",") if w.strip()]
    return not wanted or row.family in wanted or row.id in wanted


def _case(row: Row) -> BackendCase:
    try:
        plain = row.load()
    except ImportError as exc:
        pytest.skip(f"{row.id}: cannot import the backend ({exc})")
    reason = plain.unavailable_reason()
    if reason is not None:
        pytest.skip(f"{row.id}: {reason}")
    try:
        device = plain.device(row.device)
    except ValueError as exc:
        pytest.skip(f"{row.id}: {exc}")
    if row.device.startswith("cuda"):
        gpu = getattr(plain, "cuda_unavailable_reason", lambda: None)()
        if gpu is not None:
            pytest.skip(f"{row.id}: {gpu}")
    B = plain
    if row.autodiff:
        from pyburn.backend import Autodiff
        B = Autodiff[plain]
    B.seed(0)
    return BackendCase(row.id, B, device, row.autodiff)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`backend` runs on every row; `ad_backend` only on the Autodiff rows (gradient tests)."""
    for fixture, arg, only_ad in (("backend", "backend_row", False),
                                  ("ad_backend", "ad_backend_row", True)):
        if fixture in metafunc.fixturenames:
            rows = [r for r in ROWS if _selected(metafunc.config, r) and (r.autodiff or not only_ad)]
            metafunc.parametrize(arg, rows, ids=[r.id for r in rows])


@pytest.fixture
def backend(backend_row: Row) -> BackendCase:
    return _case(backend_row)


@pytest.fixture
def ad_backend(ad_backend_row: Row) -> BackendCase:
    return _case(ad_backend_row)
