"""A constant learning rate (Burn's ``ConstantLr``; a bare number works wherever a scheduler is
accepted, see `as_lr_scheduler`)."""

from __future__ import annotations

from typing import Any, Mapping

from typing_extensions import Self


class ConstantLr:
    """Returns the same rate at every step; its record is empty."""

    __slots__ = ("lr",)

    def __init__(self, lr: float) -> None:
        self.lr = float(lr)

    def step(self) -> float:
        return self.lr

    def to_record(self) -> dict[str, Any]:
        return {}

    def load_record(self, record: Mapping[str, Any]) -> Self:
        return self

    def __repr__(self) -> str:
        return f"ConstantLr({self.lr})"
