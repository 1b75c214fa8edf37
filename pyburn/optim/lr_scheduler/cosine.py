"""Cosine annealing (Burn's ``CosineAnnealingLrScheduler``, SGDR's closed form without restarts):

    lr_i = min_lr + (initial_lr - min_lr) * (1 + cos(pi * i / num_iters)) / 2,   i = 0, 1, 2, ...

Past ``num_iters`` the rate follows the cosine back up, as in current Burn and in
``torch.optim.lr_scheduler.CosineAnnealingLR(T_max=num_iters, eta_min=min_lr)``, whose rates
it equals. (Older Burn releases restarted at ``initial_lr`` after ``num_iters``.)
"""

from __future__ import annotations

import math

from pyburn.config import Config

from .base import OneNumberState, StateField, check, checked_rate


class CosineAnnealingLrSchedulerConfig(Config):
    """``CosineAnnealingLrSchedulerConfig(initial_lr, num_iters, min_lr=0.0)``."""

    initial_lr: float
    num_iters: int
    min_lr: float = 0.0

    def init(self) -> "CosineAnnealingLrScheduler":
        check(0.0 < self.initial_lr <= 1.0, "CosineAnnealingLrSchedulerConfig: initial learning "
              f"rate must be greater than 0 and at most 1, got {self.initial_lr}")
        check(0.0 <= self.min_lr <= self.initial_lr, "CosineAnnealingLrSchedulerConfig: minimum "
              "learning rate must be at least 0 and at most equal to the initial learning rate, "
              f"got {self.min_lr}")
        check(self.num_iters > 0, "CosineAnnealingLrSchedulerConfig: number of iterations must "
              f"be at least 1, got {self.num_iters}")
        return CosineAnnealingLrScheduler(self.min_lr, self.initial_lr, self.num_iters)


class CosineAnnealingLrScheduler(OneNumberState):
    __slots__ = ("min_lr", "max_lr", "num_iters", "current_iter")
    STATE = StateField("current_iter", "current_iter", int)

    def __init__(self, min_lr: float, max_lr: float, num_iters: int) -> None:
        self.min_lr, self.max_lr, self.num_iters = float(min_lr), float(max_lr), int(num_iters)
        self.current_iter = -1  # -1 before the first call (Burn wraps usize::MAX to 0)

    def step(self) -> float:
        self.current_iter += 1
        cos = math.cos(self.current_iter / self.num_iters * math.pi)
        return checked_rate(self, self.min_lr + 0.5 * (self.max_lr - self.min_lr) * (1.0 + cos))

    def __repr__(self) -> str:
        return (f"CosineAnnealingLrScheduler(min_lr={self.min_lr}, max_lr={self.max_lr}, "
                f"num_iters={self.num_iters}, current_iter={self.current_iter})")
