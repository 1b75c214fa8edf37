"""Step decay (Burn's ``StepLrScheduler``; ``torch.optim.lr_scheduler.StepLR``):
``initial_lr * gamma ** (i // step_size)`` at the i-th call (from 0)."""

from __future__ import annotations

import math

from pyburn.config import Config

from .base import OneNumberState, StateField, check, checked_rate, finite_non_negative


class StepLrSchedulerConfig(Config):
    """``StepLrSchedulerConfig(initial_lr, step_size, gamma=0.1)``."""

    initial_lr: float
    step_size: int
    gamma: float = 0.1

    def init(self) -> "StepLrScheduler":
        # Burn only warns about a zero rate or a gamma outside (0, 1): they can be useful (e.g.
        # a growing rate for a learning-rate range test). A negative or non-finite rate or
        # gamma cannot: it gives rates every optimizer refuses.
        check(finite_non_negative(self.initial_lr), "StepLrSchedulerConfig: the initial learning "
              f"rate must be finite and >= 0, got {self.initial_lr}")
        check(finite_non_negative(self.gamma), "StepLrSchedulerConfig: gamma must be finite and "
              f">= 0, got {self.gamma}")
        check(self.step_size > 0, "StepLrSchedulerConfig: step size must be greater than 0, "
                                  f"got {self.step_size}")
        return StepLrScheduler(self.initial_lr, self.step_size, self.gamma)


class StepLrScheduler(OneNumberState):
    __slots__ = ("init_lr", "step_size", "gamma", "iter_idx")
    STATE = StateField("iter_idx", "iter_idx", int)

    def __init__(self, init_lr: float, step_size: int, gamma: float) -> None:
        self.init_lr, self.step_size, self.gamma = float(init_lr), int(step_size), float(gamma)
        self.iter_idx = -1  # the index of the last call; -1 before the first

    def step(self) -> float:
        self.iter_idx += 1
        try:
            lr = self.init_lr * self.gamma ** (self.iter_idx // self.step_size)
        except OverflowError:  # a growing schedule past the largest float
            lr = math.inf
        return checked_rate(self, lr)

    def __repr__(self) -> str:
        return (f"StepLrScheduler(init_lr={self.init_lr}, step_size={self.step_size}, "
                f"gamma={self.gamma}, iter_idx={self.iter_idx})")
