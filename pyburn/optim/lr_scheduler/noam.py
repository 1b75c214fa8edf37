"""The Noam schedule of "Attention Is All You Need" (Burn's ``NoamLrScheduler``): linear warm-up
for `warmup_steps`, then decay as the inverse square root of the step,

    lr_s = init_lr * model_size^-0.5 * min(s^-0.5, s * warmup_steps^-1.5),   s = 1, 2, ...

`init_lr` is an overall scale factor (newer Burn versions call the field ``factor``); the peak
rate, at ``s = warmup_steps``, is ``init_lr / sqrt(model_size * warmup_steps)``.
"""

from __future__ import annotations

from pyburn.config import Config

from .base import OneNumberState, StateField, check, checked_rate, finite_non_negative


class NoamLrSchedulerConfig(Config):
    """``NoamLrSchedulerConfig(init_lr, warmup_steps=4000, model_size=512)``."""

    init_lr: float
    warmup_steps: int = 4000
    model_size: int = 512

    def init(self) -> "NoamLrScheduler":
        check(finite_non_negative(self.init_lr), "NoamLrSchedulerConfig: the initial learning "
              f"rate must be finite and >= 0, got {self.init_lr}")
        check(self.warmup_steps > 0, "NoamLrSchedulerConfig: number of steps before exponential "
              f"decay starts must be greater than 0, got {self.warmup_steps}")
        check(self.model_size > 0, "NoamLrSchedulerConfig: model size must be greater than 0, "
              f"got {self.model_size}")
        return NoamLrScheduler(self.init_lr, self.warmup_steps, self.model_size)


class NoamLrScheduler(OneNumberState):
    __slots__ = ("init_lr", "warmup_steps", "embedding_size", "step_count")
    STATE = StateField("step", "step_count", float)

    def __init__(self, init_lr: float, warmup_steps: int, model_size: int) -> None:
        self.init_lr = float(init_lr)
        self.warmup_steps = float(warmup_steps)
        self.embedding_size = float(model_size)
        self.step_count = 0.0  # Burn keeps the step as an f64

    def step(self) -> float:
        self.step_count += 1.0
        arg1 = self.step_count ** -0.5
        arg2 = self.step_count * self.warmup_steps ** -1.5
        return checked_rate(self, self.init_lr * self.embedding_size ** -0.5 * min(arg1, arg2))

    def __repr__(self) -> str:
        return (f"NoamLrScheduler(init_lr={self.init_lr}, warmup_steps={self.warmup_steps:g}, "
                f"model_size={self.embedding_size:g}, step={self.step_count:g})")
