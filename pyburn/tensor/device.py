"""Devices: where a backend keeps a tensor's memory.

A `Device` is a plain value (``cpu``, ``cuda:0``, ``mps``) so that error messages can name both
sides when ops mix devices, and so devices compare across backends.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Device:
    """A device: its kind (``cpu``, ``cuda``, ``mps``) and index."""

    kind: str = "cpu"
    index: int = 0

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
