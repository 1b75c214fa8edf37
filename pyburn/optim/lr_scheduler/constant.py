"""A constant learning rate (Burn's ``ConstantLr``; a bare number works wherever a scheduler is
accepted, see `as_lr_scheduler`)."""

from __future__ import annotations

import numbers
from typing import Any, Mapping

from typing_extensions import Self

from .base import finite_non_negative


class ConstantLr:
    """Returns the same rate at every step; its record is empty."""

    __slots__ = ("lr",)

    def __init__(self, lr: float) -> None:
        value: object = lr  # checked as any object: a float hint does not stop a str
        if (isinstance(value, bool) or not isinstance(value, numbers.Real)
                or not finite_non_negative(float(value))):
            raise ValueError(f"ConstantLr: the learning rate must be a finite number >= 0, got "
                             f"{value!r}")
        self.lr: float = float(value)

    def step(self) -> float:
        return self.lr

    def to_record(self) -> dict[str, Any]:
        return {}

    def load_record(self, record: Mapping[str, Any]) -> Self:
        return self

    def __repr__(self) -> str:
        return f"ConstantLr({self.lr})"
