"""Exponential decay (Burn's ``ExponentialLrScheduler``; ``torch.optim.lr_scheduler.ExponentialLR``):
``initial_lr * gamma ** i`` at the i-th call (from 0), computed as Burn does, by multiplying the
previous rate by gamma."""

from __future__ import annotations

from pyburn.config import Config

from .base import OneNumberState, StateField, check, checked_rate


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


class ExponentialLrScheduler(OneNumberState):
    __slots__ = ("previous_lr", "gamma")
    STATE = StateField("previous_lr", "previous_lr", float)

    def __init__(self, previous_lr: float, gamma: float) -> None:
        # Starting from initial_lr / gamma makes the first call return initial_lr.
        self.previous_lr, self.gamma = float(previous_lr), float(gamma)

    def step(self) -> float:
        self.previous_lr *= self.gamma
        return checked_rate(self, self.previous_lr)

    def __repr__(self) -> str:
        return f"ExponentialLrScheduler(previous_lr={self.previous_lr}, gamma={self.gamma})"
