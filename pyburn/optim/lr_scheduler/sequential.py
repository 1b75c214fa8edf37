"""Schedulers one after another (Burn's ``SequentialLrScheduler``), and `LrSchedulerConfig`, any
scheduler chosen by configuration (Burn's ``LrSchedulerConfig`` enum), which it composes.

``SequentialLrSchedulerConfig([warmup, decay], milestones=[100])`` runs ``warmup`` for the first
100 steps and ``decay`` from step 100 on; each child starts from its own first step when it
becomes active (``torch.optim.lr_scheduler.SequentialLR`` does the same). A config file spells
the children as Burn does: ``{"Linear": {...}}``, ``{"Constant": 0.01}``.
"""

from __future__ import annotations

import bisect
from typing import Any, Mapping

from typing_extensions import Self

from pyburn.config import Config, EnumConfig
from pyburn.record import RecordError

from .base import LrScheduler, record_number
from .constant import ConstantLr
from .cosine import CosineAnnealingLrSchedulerConfig
from .exponential import ExponentialLrSchedulerConfig
from .linear import LinearLrSchedulerConfig
from .noam import NoamLrSchedulerConfig
from .step import StepLrSchedulerConfig


class LrSchedulerConfig(EnumConfig):
    """A scheduler by configuration. A bare scheduler config (or a number, for `Constant`) is
    converted where an `LrSchedulerConfig` is expected, like Burn's ``.into()``."""

    class Constant(EnumConfig.TupleVariant):
        lr: float

    class Linear(EnumConfig.TupleVariant):
        config: LinearLrSchedulerConfig

    class Cosine(EnumConfig.TupleVariant):
        config: CosineAnnealingLrSchedulerConfig

    class Exponential(EnumConfig.TupleVariant):
        config: ExponentialLrSchedulerConfig

    class Noam(EnumConfig.TupleVariant):
        config: NoamLrSchedulerConfig

    class Step(EnumConfig.TupleVariant):
        config: StepLrSchedulerConfig

    class Sequential(EnumConfig.TupleVariant):
        config: "SequentialLrSchedulerConfig"

    @classmethod
    def from_(cls, value: Any) -> "LrSchedulerConfig":
        """`value` as a variant: a variant as is, a scheduler config or a number wrapped."""
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        return super().from_(value)

    @classmethod
    def _config_convert(cls, value: Any, at: Any, from_json: bool) -> Any:
        if not from_json and not isinstance(value, LrSchedulerConfig):
            try:
                value = cls.from_(value)
            except TypeError:
                pass  # let the enum report it with the field's path
        return super()._config_convert(value, at, from_json)

    def init(self) -> LrScheduler:
        """The scheduler (invalid settings raise `ValueError`, as Burn's ``Err``)."""
        v: Any = self
        if isinstance(v, LrSchedulerConfig.Constant):
            return ConstantLr(v.lr)
        return v.config.init()


class SequentialLrSchedulerConfig(Config):
    """``SequentialLrSchedulerConfig(schedulers, milestones)``: ``len(milestones)`` must be
    ``len(schedulers) - 1``, each milestone > 0 and strictly increasing."""

    schedulers: list[LrSchedulerConfig]
    milestones: list[int]

    def init(self) -> "SequentialLrScheduler":
        if not self.schedulers:
            raise ValueError("SequentialLrSchedulerConfig: At least one scheduler is required")
        if len(self.milestones) + 1 != len(self.schedulers):
            raise ValueError("SequentialLrSchedulerConfig: The number of milestones must be one "
                             f"less than the number of schedulers, got {len(self.milestones)} "
                             f"milestones for {len(self.schedulers)} schedulers")
        ms = list(self.milestones)
        if any(m <= 0 or (i > 0 and m <= ms[i - 1]) for i, m in enumerate(ms)):
            raise ValueError("SequentialLrSchedulerConfig: Milestones must be greater than zero "
                             f"and strictly increasing, got {ms}")
        children = []
        for i, child in enumerate(self.schedulers):
            try:
                children.append(child.init())
            except ValueError as e:
                raise ValueError(f"SequentialLrSchedulerConfig: scheduler {i}: {e}") from None
        return SequentialLrScheduler(children, ms)


class SequentialLrScheduler:
    """Steps the scheduler whose milestone range holds the current step."""

    __slots__ = ("schedulers", "milestones", "step_count")

    def __init__(self, schedulers: list[LrScheduler], milestones: list[int]) -> None:
        self.schedulers = schedulers
        self.milestones = milestones
        self.step_count = 0

    def step(self) -> float:
        active = bisect.bisect_right(self.milestones, self.step_count)
        lr = self.schedulers[active].step()
        self.step_count += 1
        return lr

    def to_record(self) -> dict[str, Any]:
        return {"step": self.step_count,
                "schedulers": [s.to_record() for s in self.schedulers]}

    def load_record(self, record: Mapping[str, Any]) -> Self:
        step = record_number(record, "step", "SequentialLrScheduler", int)
        children = record.get("schedulers")
        if not isinstance(children, list) or len(children) != len(self.schedulers):
            raise RecordError(f"SequentialLrScheduler.load_record: expected 'schedulers', a list "
                              f"of {len(self.schedulers)} records, got {children!r}")
        for scheduler, child in zip(self.schedulers, children):
            scheduler.load_record(child)
        self.step_count = step
        return self

    def __repr__(self) -> str:
        return (f"SequentialLrScheduler(schedulers={self.schedulers!r}, "
                f"milestones={self.milestones}, step={self.step_count})")

