"""Devices: where a backend keeps a tensor's memory.

A `Device` is a plain value (``cpu``, ``cuda:0``, ``mps``) so that error messages can name both
sides when ops mix devices, and so devices compare across backends. A device obtained from a
backend (``B.default_device()``, ``B.device("cuda:0")``, ``tensor.device``) also remembers that
backend, which is how ``LstmConfig(...).init(device)`` knows what to build on, as Burn's
``config.init::<B>(&device)`` does through its type parameter. The backend is not part of
equality: ``NumPy.default_device() == Torch.device("cpu")``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Device:
    """A device: its kind (``cpu``, ``cuda``, ``mps``), index, and the backend it came from."""

    kind: str = "cpu"
    index: int = 0
    backend: Any = field(default=None, compare=False, hash=False, repr=False)

    def on(self, backend: Any) -> "Device":
        """This device, tagged with `backend`. Cached: ``tensor.device`` calls it on every access,
        and building a frozen dataclass (``replace``) costs microseconds."""
        if self.backend is backend:
            return self
        key = (self.kind, self.index, backend)
        tagged = _TAGGED.get(key)
        if tagged is None:
            tagged = _TAGGED[key] = replace(self, backend=backend)
        return tagged

    def require_backend(self, op: str) -> Any:
        """The backend this device belongs to, or an error naming `op`."""
        if self.backend is None:
            raise ValueError(f"{op}: the device {str(self)!r} does not name a backend; pass a "
                             "device obtained from a backend: B.default_device(), "
                             "B.device('cuda:0') or tensor.device")
        return self.backend

    @staticmethod
    def parse(spec: "str | Device") -> "Device":
        """``"cuda:1"`` -> ``Device("cuda", 1)``; ``"cuda"`` means index 0."""
        if isinstance(spec, Device):
            return spec
        if not isinstance(spec, str) or not spec:
            raise ValueError(f"device: expected a string such as 'cpu' or 'cuda:0', got {spec!r}")
        kind, _, index = spec.partition(":")
        if index and not index.isdigit():
            raise ValueError(f"device: bad index in {spec!r}; expected e.g. 'cuda:0'")
        return Device(kind.lower(), int(index) if index else 0)

    def __call__(self) -> "Device":
        """``tensor.device()`` works as in Burn, ``tensor.device`` as in PyTorch."""
        return self

    def __str__(self) -> str:
        return self.kind if self.kind in ("cpu", "mps") else f"{self.kind}:{self.index}"

    def __repr__(self) -> str:
        return f"Device({str(self)!r})"


CPU = Device("cpu", 0)

# (kind, index, backend) -> the tagged Device; devices are immutable values, so sharing is safe.
_TAGGED: dict[tuple[str, int, Any], Device] = {}


def storage_backend(backend: Any) -> Any:
    """The backend that holds the memory: Autodiff wrappers and dtype variants removed."""
    while backend.is_autodiff():
        backend = backend.inner
    return backend.__dict__.get("_dtype_base", backend)


def same_storage(a: Any, b: Any) -> bool:
    """Whether backends `a` and `b` keep tensors in the same memory (a device of one is a
    device of the other): a device move between them never changes the backend."""
    sa, sb = storage_backend(a), storage_backend(b)
    return issubclass(sa, sb) or issubclass(sb, sa)
