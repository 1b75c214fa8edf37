"""Linear change (Burn's ``LinearLrScheduler``): from `initial_lr` at the first call to
`final_lr` after `num_iters` more, then constant. Equal to ``torch.optim.lr_scheduler.LinearLR``
with base rate 1, ``start_factor=initial_lr``, ``end_factor=final_lr``,
``total_iters=num_iters``."""

from __future__ import annotations

from pyburn.config import Config

from .base import OneNumberState, StateField, check, checked_rate


class LinearLrSchedulerConfig(Config):
    """``LinearLrSchedulerConfig(initial_lr, final_lr, num_iters)``."""

    initial_lr: float
    final_lr: float
    num_iters: int

    def init(self) -> "LinearLrScheduler":
        check(0.0 < self.initial_lr <= 1.0, "LinearLrSchedulerConfig: initial learning rate "
              f"must be greater than 0 and at most 1, got {self.initial_lr}")
        check(0.0 <= self.final_lr <= 1.0, "LinearLrSchedulerConfig: final learning rate must "
              f"be at least 0 and at most 1, got {self.final_lr}")
        check(self.num_iters > 0, "LinearLrSchedulerConfig: number of iterations must be at "
              f"least 1, got {self.num_iters}")
        step_size = (self.final_lr - self.initial_lr) / self.num_iters
        return LinearLrScheduler(self.final_lr, step_size, self.num_iters + 1)


class LinearLrScheduler(OneNumberState):
    __slots__ = ("final_lr", "step_size", "remaining_iters")
    STATE = StateField("remaining_iters", "remaining_iters", int)

    def __init__(self, final_lr: float, step_size: float, remaining_iters: int) -> None:
        self.final_lr, self.step_size = float(final_lr), float(step_size)
        self.remaining_iters = int(remaining_iters)

    def step(self) -> float:
        if self.remaining_iters > 0:
            self.remaining_iters -= 1
        return checked_rate(self, self.final_lr - self.step_size * self.remaining_iters)

    def __repr__(self) -> str:
        return (f"LinearLrScheduler(final_lr={self.final_lr}, step_size={self.step_size}, "
                f"remaining_iters={self.remaining_iters})")
