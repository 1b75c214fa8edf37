"""`Initializer`: Burn's ``burn::module::Initializer`` — how a parameter's first values are drawn.

An initializer is a config value (it serializes into a model's ``config.json``), so the way a
layer was initialized is part of its reproducible description. Random draws come from the
backend's generator of the drawing thread (seeded by ``B.seed(n)`` in that thread), so a seeded
program builds the same weights on every run; a lazy parameter (`init_param`) draws in the thread
that first uses it (``docs/tensor.md``, "Seeding and threads"). Formulas follow Burn exactly (and
so PyTorch's ``torch.nn.init``):

===================  ===========================================================
KaimingUniform       ``U(-a, a)``, ``a = gain * sqrt(3 / fan)``
KaimingNormal        ``N(0, std)``, ``std = gain / sqrt(fan)``
XavierUniform        ``U(-a, a)``, ``a = gain * sqrt(6 / (fan_in + fan_out))``
XavierNormal         ``N(0, std)``, ``std = gain * sqrt(2 / (fan_in + fan_out))``
Orthogonal           ``gain * Q`` of a normal matrix's QR, signs fixed as in torch
===================  ===========================================================

where ``fan`` is ``fan_in``, or ``fan_out`` when ``fan_out_only``.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

from pyburn.config import EnumConfig
from pyburn.module import Param
from pyburn.tensor import Device, Distribution, Tensor

__all__ = ["Initializer", "resolve_device"]


def resolve_device(device: Device | str | None, backend: Any, op: str) -> tuple[Any, Device]:
    """The backend and device a config's ``init`` builds on.

    The rule every ``init(device, backend=None)`` in ``pyburn.nn`` follows: a device obtained
    from a backend (``B.default_device()``, ``B.device("cuda:0")``, ``tensor.device``) names its
    backend, as ``config.init::<B>(&device)`` does in Burn through its type parameter; an
    explicit `backend` wins, and is required for a plain ``"cpu"`` string or untagged device."""
    if backend is None:
        if device is None or isinstance(device, str):
            raise ValueError(f"{op}: cannot tell the backend from device {device!r}; pass a device "
                             "from a backend (B.default_device(), B.device('cuda:0')) or backend=B")
        backend = device.require_backend(op)
    if device is None:
        return backend, backend.default_device()
    if isinstance(device, str):
        return backend, backend.device(device)
    if not isinstance(device, Device):
        raise TypeError(f"{op}: expected a Device or a device string, got {type(device).__name__}")
    return backend, device.on(backend)


class Initializer(EnumConfig):
    """Burn's ``Initializer`` enum. ``init`` draws a tensor now; ``init_param`` returns a lazy
    `Param` whose draw happens on first use, so loading a record skips it (as Burn's
    ``Param::uninitialized``)."""

    class Constant(EnumConfig.Variant):
        value: float

    class Ones(EnumConfig.Variant):
        pass

    class Zeros(EnumConfig.Variant):
        pass

    class Uniform(EnumConfig.Variant):
        min: float
        max: float

    class Normal(EnumConfig.Variant):
        mean: float
        std: float

    class KaimingUniform(EnumConfig.Variant):
        gain: float
        fan_out_only: bool = False

    class KaimingNormal(EnumConfig.Variant):
        gain: float
        fan_out_only: bool = False

    class XavierUniform(EnumConfig.Variant):
        gain: float

    class XavierNormal(EnumConfig.Variant):
        gain: float

    class Orthogonal(EnumConfig.Variant):
        gain: float

    # --- public API ----------------------------------------------------------------------------
    def init(self, shape: Sequence[int], device: Device | str | None = None, backend: Any = None,
             fan_in: int | None = None, fan_out: int | None = None) -> Any:
        """A float tensor of `shape` drawn now (``Tensor[backend]``); `fan_in`/`fan_out` are
        needed by the Kaiming and Xavier variants."""
        backend, dev = resolve_device(device, backend, f"{self._name()}.init")
        return self._draw(tuple(int(d) for d in shape), fan_in, fan_out, dev, backend)

    def init_with(self, shape: Sequence[int], fan_in: int | None, fan_out: int | None,
                  device: Device | str | None = None, backend: Any = None) -> Any:
        """`init` with Burn's argument order ``init_with(shape, fan_in, fan_out, device)``."""
        return self.init(shape, device, backend, fan_in, fan_out)

    def init_param(self, shape: Sequence[int], device: Device | str | None = None,
                   backend: Any = None, fan_in: int | None = None, fan_out: int | None = None,
                   require_grad: bool = True) -> Param[Any]:
        """A lazy parameter: the tensor is drawn on first ``val()``, from the generator of the
        thread that calls it; a record loaded into it replaces it without drawing. Fans are
        checked now, so a bad config fails at ``init``."""
        backend, dev = resolve_device(device, backend, f"{self._name()}.init_param")
        dims = tuple(int(d) for d in shape)
        self._check(dims, fan_in, fan_out)
        return Param.lazy(lambda: self._draw(dims, fan_in, fan_out, dev, backend), dims, dev,
                          Tensor[backend], require_grad)

    # --- formulas --------------------------------------------------------------------------------
    def _name(self) -> str:
        return f"Initializer.{type(self).__name__}"

    def _check(self, shape: tuple[int, ...], fan_in: int | None, fan_out: int | None) -> None:
        """Raise now for what `_draw` would reject (missing fans, bad shapes)."""
        if any(d < 0 for d in shape):
            raise ValueError(f"{self._name()}: negative dimension in shape {list(shape)}")
        if isinstance(self, (Initializer.KaimingUniform, Initializer.KaimingNormal)):
            self._kaiming_std(fan_in, fan_out)
        elif isinstance(self, (Initializer.XavierUniform, Initializer.XavierNormal)):
            self._xavier_std(fan_in, fan_out)
        elif isinstance(self, Initializer.Orthogonal) and len(shape) < 2:
            raise ValueError(f"{self._name()}: needs a tensor of rank >= 2, got shape {list(shape)}")

    def _kaiming_std(self, fan_in: int | None, fan_out: int | None) -> float:
        fan_out_only = bool(getattr(self, "fan_out_only"))
        fan, which = (fan_out, "fan_out") if fan_out_only else (fan_in, "fan_in")
        if fan is None:
            raise ValueError(f"{self._name()}: needs {which}; pass {which}= to init "
                             "(Burn: use init_with)")
        if fan <= 0:
            raise ValueError(f"{self._name()}: {which} must be positive, got {fan}")
        return 1.0 / math.sqrt(fan)

    def _xavier_std(self, fan_in: int | None, fan_out: int | None) -> float:
        missing = [n for n, v in (("fan_in", fan_in), ("fan_out", fan_out)) if v is None]
        if missing:
            raise ValueError(f"{self._name()}: needs both fan_in and fan_out; missing "
                             f"{' and '.join(missing)} (Burn: use init_with)")
        assert fan_in is not None and fan_out is not None
        if fan_in + fan_out <= 0:
            raise ValueError(f"{self._name()}: fan_in + fan_out must be positive, got "
                             f"{fan_in} + {fan_out}")
        return math.sqrt(2.0 / (fan_in + fan_out))

    def _draw(self, shape: tuple[int, ...], fan_in: int | None, fan_out: int | None,
              device: Device, backend: Any) -> Any:
        self._check(shape, fan_in, fan_out)
        T = Tensor[backend]
        v: Any = self
        if isinstance(v, Initializer.Constant):
            return T.full(shape, float(v.value), device)
        if isinstance(v, Initializer.Ones):
            return T.ones(shape, device)
        if isinstance(v, Initializer.Zeros):
            return T.zeros(shape, device)
        if isinstance(v, Initializer.Uniform):
            return T.random(shape, Distribution.Uniform(v.min, v.max), device)
        if isinstance(v, Initializer.Normal):
            return T.random(shape, Distribution.Normal(v.mean, v.std), device)
        if isinstance(v, Initializer.KaimingUniform):
            a = math.sqrt(3.0) * v.gain * self._kaiming_std(fan_in, fan_out)
            return T.random(shape, Distribution.Uniform(-a, a), device)
        if isinstance(v, Initializer.KaimingNormal):
            std = v.gain * self._kaiming_std(fan_in, fan_out)
            return T.random(shape, Distribution.Normal(0.0, std), device)
        if isinstance(v, Initializer.XavierUniform):
            a = math.sqrt(3.0) * v.gain * self._xavier_std(fan_in, fan_out)
            return T.random(shape, Distribution.Uniform(-a, a), device)
        if isinstance(v, Initializer.XavierNormal):
            std = v.gain * self._xavier_std(fan_in, fan_out)
            return T.random(shape, Distribution.Normal(0.0, std), device)
        if isinstance(v, Initializer.Orthogonal):
            return _orthogonal(T, shape, float(v.gain), device)
        raise TypeError(f"{self._name()}: unknown initializer variant")  # pragma: no cover


def _orthogonal(T: Any, shape: tuple[int, ...], gain: float, device: Device) -> Any:
    """torch.nn.init.orthogonal_: rows = shape[0], the rest flattened; Q of the QR of a normal
    [rows, cols] matrix (transposed when wide), with R's diagonal made positive."""
    rows = shape[0]
    cols = math.prod(shape[1:])
    if rows * cols == 0:
        return T.zeros(shape, device)
    flat = T.random([rows, cols], Distribution.Normal(0.0, 1.0), device)
    if rows < cols:
        flat = flat.transpose()
    q = _gram_schmidt_q(flat)
    if rows < cols:
        q = q.transpose()
    return q.reshape(list(shape)) * gain


def _gram_schmidt_q(a: Any) -> Any:
    """Q of a tall matrix's QR by Gram-Schmidt with re-orthogonalization (CGS2), in tensor ops
    so it runs on any backend. Gram-Schmidt gives R a positive diagonal, which is exactly the
    sign correction torch applies after ``torch.linalg.qr``."""
    m, n = a.dims()
    columns: list[Any] = []
    for j in range(n):
        v = a.slice([(0, m), (j, j + 1)])  # [m, 1]
        if columns:
            q = Tensor.cat(columns, 1) if len(columns) > 1 else columns[0]  # [m, j]
            qt = q.transpose()
            for _ in range(2):  # twice is enough for orthogonality to working precision
                v = v - q @ (qt @ v)
        norm = (v * v).sum().sqrt()
        columns.append(v / norm.reshape([1, 1]))
    return Tensor.cat(columns, 1)
