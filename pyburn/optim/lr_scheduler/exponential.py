"""Exponential decay (Burn's ``ExponentialLrScheduler``; ``torch.optim.lr_scheduler.ExponentialLR``):
``initial_lr * gamma ** i`` at the i-th call (from 0), computed as Burn does, by multiplying the
previous rate by gamma."""

from __future__ import annotations

from typing import Any, Mapping

from typing_extensions import Self

from pyburn.config import Config

from .base import check, record_number


class ExponentialLrSchedulerConfig(Config):
    """``ExponentialLrSchedulerConfig(initial_lr, gamma)``; both in ``(0, 1]``."""

    initial_lr: float
    gamma: float

    def init(self) -> "ExponentialLrScheduler":
        check(0.0 < self.initial_lr <= 1.0, "ExponentialLrSchedulerConfig: initial learning rate "
              f"must be greater than 0 and at most 1, got {self.initial_lr}")
        check(0.0 < self.gamma <= 1.0, "ExponentialLrSchedulerConfig: gamma must be greater "
              f"than 0 and at most 1, got {self.gamma}")
        return ExponentialLrScheduler(self.initial_lr / self.gamma, self.gamma)


class ExponentialLrScheduler:
    __slots__ = ("previous_lr", "gamma")

    def __init__(self, previous_lr: float, gamma: float) -> None:
        # Starting from initial_lr / gamma makes the first call return initial_lr.
        self.previous_lr, self.gamma = float(previous_lr), float(gamma)

    def step(self) -> float:
        self.previous_lr *= self.gamma
        return self.previous_lr

    def to_record(self) -> dict[str, Any]:
        return {"previous_lr": self.previous_lr}

    def load_record(self, record: Mapping[str, Any]) -> Self:
        self.previous_lr = record_number(record, "previous_lr", "ExponentialLrScheduler", float)
        return self

    def __repr__(self) -> str:
        return f"ExponentialLrScheduler(previous_lr={self.previous_lr}, gamma={self.gamma})"
