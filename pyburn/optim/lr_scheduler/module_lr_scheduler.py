"""Learning rates per parameter group (Burn's ``lr_scheduler::module_lr_scheduler``).

`ModuleLearningRate` is what an optimizer step takes when parameters do not all share one rate:
a default rate plus ``(ParamGroup, rate)`` pairs, the *last* matching group winning (Burn's
rule). `ModuleLrScheduler` steps one scheduler per group and returns a `ModuleLearningRate`;
``ModuleLrSchedulerConfig(base).with_group(group, scheduler).init()`` builds one from configs.
A plain number converts wherever a `ModuleLearningRate` is expected
(``ModuleLearningRate.from_(1e-3)``), so an optimizer's ``step`` takes either.
"""

from __future__ import annotations

import numbers
from typing import Any, Mapping, Sequence

from typing_extensions import Self

from pyburn.config import Config
from pyburn.module.param import ParamId
from pyburn.module.param_group import ParamGroup
from pyburn.record import RecordError

from .base import LrScheduler, as_lr_scheduler, finite_non_negative
from .sequential import LrSchedulerConfig


def _check_rate(op: str, lr: object) -> float:
    if isinstance(lr, bool) or not isinstance(lr, numbers.Real):
        raise TypeError(f"{op}: the learning rate must be a number, got {type(lr).__name__}")
    if getattr(lr, "jit_traced", False):
        return lr  # type: ignore[return-value]  # a pyburn.jit input: checked at the step
    if not finite_non_negative(float(lr)):
        raise ValueError(f"{op}: the learning rate must be finite and >= 0, got {lr!r}")
    return float(lr)


def _check_group(op: str, group: object) -> ParamGroup:
    if not isinstance(group, ParamGroup):
        raise TypeError(f"{op}: expected a ParamGroup, got {type(group).__name__}")
    return group


class ModuleLearningRate:
    """One learning rate per parameter group: ``lr_from_param(id, path)`` is the rate of the
    last group that matches, the first group being ``ParamGroup.all()`` (the default rate,
    `base()`). ``float(policy)`` is the default rate (what a learning rate metric shows)."""

    __slots__ = ("groups",)

    def __init__(self, groups: Sequence[tuple[ParamGroup, float]]) -> None:
        checked = [(_check_group("ModuleLearningRate", g),
                    _check_rate("ModuleLearningRate", lr)) for g, lr in groups]
        if not checked:
            raise ValueError("ModuleLearningRate: needs at least one (group, rate); use "
                             "ModuleLearningRate.from_(lr) for a single rate")
        self.groups: list[tuple[ParamGroup, float]] = checked

    @classmethod
    def from_(cls, value: "ModuleLearningRate | float") -> "ModuleLearningRate":
        """`value` as is, or a number as the rate of every parameter (Burn's ``From<f64>``)."""
        if isinstance(value, ModuleLearningRate):
            return value
        return cls([(ParamGroup.all(), _check_rate("ModuleLearningRate.from_", value))])

    def with_group(self, group: ParamGroup, lr: float) -> "ModuleLearningRate":
        """A copy where parameters of `group` get `lr` (overriding earlier groups)."""
        return ModuleLearningRate([*self.groups, (group, lr)])

    def lr_from_param(self, id: ParamId | str, path: str | None = None) -> float:
        """The rate of the parameter with this id at this module path (``None``: unknown)."""
        for group, lr in reversed(self.groups):
            if group.matches(id, path):
                return lr
        raise ValueError(f"ModuleLearningRate: no group matches parameter {id} (path {path!r}); "
                         f"the first group must match every parameter")

    def base(self) -> float:
        """The default rate (the first group's)."""
        return self.groups[0][1]

    def __float__(self) -> float:
        return float(self.base())

    def __repr__(self) -> str:
        inner = ", ".join(f"({g!r}, {lr})" for g, lr in self.groups)
        return f"ModuleLearningRate([{inner}])"


class LrSchedulerGroupConfig(Config):
    """One group of a `ModuleLrSchedulerConfig`: its parameters and their scheduler."""

    group: ParamGroup
    scheduler: LrSchedulerConfig


class ModuleLrSchedulerConfig(Config):
    """``ModuleLrSchedulerConfig(base).with_group(group, scheduler)...init()``: `base` (a
    scheduler config or a number) schedules every parameter, each group's scheduler those of its
    group (the last matching group wins)."""

    base: LrSchedulerConfig
    scheduler_groups: list[LrSchedulerGroupConfig] = []

    def with_group(self, group: ParamGroup, scheduler: Any) -> "ModuleLrSchedulerConfig":
        """A copy with one more group; `scheduler` is a scheduler config or a number."""
        entry = LrSchedulerGroupConfig(_check_group("ModuleLrSchedulerConfig.with_group", group),
                                       LrSchedulerConfig.from_(scheduler))
        return self.with_scheduler_groups([*self.scheduler_groups, entry])

    def init(self) -> "ModuleLrScheduler":
        """The scheduler; invalid settings of any group raise `ValueError` naming the group."""
        scheduler = ModuleLrScheduler(self.base.init())
        for i, entry in enumerate(self.scheduler_groups):
            try:
                child = entry.scheduler.init()
            except ValueError as e:
                raise ValueError(f"ModuleLrSchedulerConfig: group {i}: {e}") from None
            scheduler = scheduler.with_group(entry.group, child)
        return scheduler


class ModuleLrScheduler:
    """A scheduler per parameter group; ``step()`` steps all of them and returns the rates as a
    `ModuleLearningRate`. ``ModuleLrScheduler(scheduler_or_number)`` schedules every parameter;
    `with_group` adds one."""

    __slots__ = ("groups",)

    def __init__(self, scheduler: "LrScheduler | float") -> None:
        self.groups: list[tuple[ParamGroup, LrScheduler]] = [
            (ParamGroup.all(), as_lr_scheduler(scheduler))]

    def with_group(self, group: ParamGroup, scheduler: "LrScheduler | float") -> Self:
        """Parameters of `group` follow `scheduler` (a scheduler or a number); returns self."""
        self.groups.append((_check_group("ModuleLrScheduler.with_group", group),
                            as_lr_scheduler(scheduler)))
        return self

    def step(self) -> ModuleLearningRate:
        return ModuleLearningRate([(group, s.step()) for group, s in self.groups])

    def to_record(self) -> dict[str, Any]:
        """Each group's scheduler record under its index (``"0"`` is the default)."""
        return {str(i): s.to_record() for i, (_, s) in enumerate(self.groups)}

    def load_record(self, record: Mapping[str, Any]) -> Self:
        if not isinstance(record, Mapping) or set(record) != {str(i) for i in range(len(self.groups))}:
            got = sorted(record) if isinstance(record, Mapping) else type(record).__name__
            raise RecordError(f"ModuleLrScheduler.load_record: expected one record per group, "
                              f"keys {[str(i) for i in range(len(self.groups))]}, got {got}")
        for i, (_, scheduler) in enumerate(self.groups):
            scheduler.load_record(record[str(i)])
        return self

    def __repr__(self) -> str:
        inner = ", ".join(f"({g!r}, {s!r})" for g, s in self.groups)
        return f"ModuleLrScheduler([{inner}])"
