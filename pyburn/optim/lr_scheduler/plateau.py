"""Reduce the learning rate when a validation metric stops improving
(``torch.optim.lr_scheduler.ReduceLROnPlateau``; Burn has no equivalent yet).

Unlike the other schedulers, whose rate is a function of the step count, this one reacts to
measurements: ``observe(valid_loss)`` once per epoch, and ``step()`` (once per optimizer step,
as every `LrScheduler`) returns the current rate. After more than `patience` epochs without an
improvement of at least `threshold` (relative by default), the rate is multiplied by `factor`,
never below `min_lr`, then `cooldown` epochs pass before bad epochs count again. The rule and
its defaults are torch's, so the same loss sequence gives the same rates.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

from typing_extensions import Self

from pyburn.config import Config
from pyburn.record import RecordError

from .base import check, checked_rate, finite_non_negative, record_number

__all__ = ["ReduceLrOnPlateauConfig", "ReduceLrOnPlateau"]


class ReduceLrOnPlateauConfig(Config):
    """``ReduceLrOnPlateauConfig(initial_lr, mode="min", factor=0.1, patience=10,
    threshold=1e-4, threshold_mode="rel", cooldown=0, min_lr=0.0, eps=1e-8)`` (torch's
    defaults). `mode` ``"min"`` for a loss, ``"max"`` for an accuracy; a reduction smaller than
    `eps` is skipped."""

    initial_lr: float
    mode: str = "min"
    factor: float = 0.1
    patience: int = 10
    threshold: float = 1e-4
    threshold_mode: str = "rel"
    cooldown: int = 0
    min_lr: float = 0.0
    eps: float = 1e-8

    def init(self) -> "ReduceLrOnPlateau":
        name = "ReduceLrOnPlateauConfig"
        check(finite_non_negative(self.initial_lr), f"{name}: the initial learning rate must be "
              f"finite and >= 0, got {self.initial_lr}")
        check(self.mode in ("min", "max"), f"{name}: mode must be 'min' or 'max', got "
              f"{self.mode!r}")
        check(self.threshold_mode in ("rel", "abs"), f"{name}: threshold_mode must be 'rel' or "
              f"'abs', got {self.threshold_mode!r}")
        check(0.0 <= self.factor < 1.0, f"{name}: factor must be in [0, 1), got {self.factor}")
        check(self.patience >= 0, f"{name}: patience must be >= 0, got {self.patience}")
        check(self.cooldown >= 0, f"{name}: cooldown must be >= 0, got {self.cooldown}")
        check(math.isfinite(self.threshold) and self.threshold >= 0.0,
              f"{name}: threshold must be finite and >= 0, got {self.threshold}")
        check(finite_non_negative(self.min_lr), f"{name}: min_lr must be finite and >= 0, got "
              f"{self.min_lr}")
        check(finite_non_negative(self.eps), f"{name}: eps must be finite and >= 0, got "
              f"{self.eps}")
        return ReduceLrOnPlateau(self)


class ReduceLrOnPlateau:
    """The scheduler; `lr` is the current rate. ``observe(metric)`` returns True when it just
    reduced the rate."""

    def __init__(self, config: ReduceLrOnPlateauConfig) -> None:
        self.config = config
        self.lr = float(config.initial_lr)
        self.best = math.inf if config.mode == "min" else -math.inf
        self.num_bad_epochs = 0
        self.cooldown_counter = 0
        self.epochs = 0

    def step(self) -> float:
        return checked_rate(self, self.lr)

    def is_better(self, value: float) -> bool:
        c, best = self.config, self.best
        if c.mode == "min":
            bound = best * (1.0 - c.threshold) if c.threshold_mode == "rel" else best - c.threshold
            return value < bound
        bound = best * (1.0 + c.threshold) if c.threshold_mode == "rel" else best + c.threshold
        return value > bound

    def observe(self, metric: float) -> bool:
        """Take one epoch's validation metric into account (torch's ``step(metrics)``)."""
        value = float(metric)
        if math.isnan(value):
            raise ValueError(f"ReduceLrOnPlateau.observe: the metric is NaN (epoch "
                             f"{self.epochs + 1}); the run has diverged")
        self.epochs += 1
        if self.is_better(value):
            self.best, self.num_bad_epochs = value, 0
        else:
            self.num_bad_epochs += 1
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.num_bad_epochs = 0
        if self.num_bad_epochs > self.config.patience:
            self.cooldown_counter, self.num_bad_epochs = self.config.cooldown, 0
            new_lr = max(self.lr * self.config.factor, self.config.min_lr)
            if self.lr - new_lr > self.config.eps:
                self.lr = new_lr
                return True
        return False

    # --- record ------------------------------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        return {"lr": self.lr, "best": self.best, "num_bad_epochs": self.num_bad_epochs,
                "cooldown_counter": self.cooldown_counter, "epochs": self.epochs}

    def load_record(self, record: Mapping[str, Any]) -> Self:
        owner = type(self).__name__
        lr = record_number(record, "lr", owner, float)
        best = record_number(record, "best", owner, float)
        counters = [record_number(record, k, owner, int)
                    for k in ("num_bad_epochs", "cooldown_counter", "epochs")]
        if not finite_non_negative(lr) or math.isnan(best) or min(counters) < 0:
            raise RecordError(f"{owner}.load_record: invalid state {dict(record)!r}")
        self.lr, self.best = lr, best
        self.num_bad_epochs, self.cooldown_counter, self.epochs = counters
        return self

    def __repr__(self) -> str:
        return (f"ReduceLrOnPlateau(lr={self.lr}, best={self.best}, "
                f"num_bad_epochs={self.num_bad_epochs}, cooldown_counter="
                f"{self.cooldown_counter}, mode={self.config.mode!r})")
