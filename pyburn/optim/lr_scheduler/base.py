"""The `LrScheduler` protocol (Burn's ``lr_scheduler::LrScheduler``).

A scheduler is asked for the learning rate once per optimizer step: ``lr = sched.step()`` then
``model = optim.step(lr, model, grads)``. Its state (a step counter, or the last rate) is a
record of plain numbers, saved next to the model and optimizer to resume a run exactly.
Invalid hyperparameters are refused by ``config.init()`` with a `ValueError` (Burn returns an
``Err`` from ``init``), and so is a rate that ``step()`` would return non-finite or negative (a
growing schedule that overflows, a record with a NaN in it): optimizers refuse such a rate too,
and the scheduler is where it can be explained.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Mapping, NamedTuple, Protocol, runtime_checkable

from typing_extensions import Self

from pyburn.record import RecordError

LearningRate = float


@runtime_checkable
class LrScheduler(Protocol):
    """``step() -> float``; ``to_record()`` / ``load_record(record)`` for checkpoints."""

    def step(self) -> LearningRate: ...

    def to_record(self) -> dict[str, Any]: ...

    def load_record(self, record: Mapping[str, Any]) -> Self: ...


def as_lr_scheduler(value: "LrScheduler | float") -> LrScheduler:
    """A scheduler from a scheduler or a number (a constant rate), as Burn's learner accepts
    either."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from .constant import ConstantLr
        return ConstantLr(float(value))
    if isinstance(value, LrScheduler):
        return value
    raise TypeError(f"expected a learning rate scheduler or a number, got {type(value).__name__}")


def record_number(record: Mapping[str, Any], name: str, owner: str, kind: type) -> Any:
    """Field `name` of a scheduler record, checked to be an int (or a float when `kind` is
    float)."""
    if not isinstance(record, Mapping) or name not in record:
        raise RecordError(f"{owner}.load_record: expected a record with field '{name}', got "
                          f"{record!r}")
    value = record[name]
    ok = (isinstance(value, int) and not isinstance(value, bool)) or (
        kind is float and isinstance(value, float))
    if not ok:
        raise RecordError(f"{owner}.load_record: field '{name}' must be a{'n int' if kind is int else ' number'}, got {value!r}")
    return kind(value)


class StateField(NamedTuple):
    """Where a scheduler keeps its one-number state: the record field, the attribute, and
    whether it is an ``int`` or a ``float``."""

    field: str
    attr: str
    kind: type


class OneNumberState:
    """Base of the schedulers whose whole state is one number (a step counter or the last rate):
    ``to_record``/``load_record`` from the class's `STATE`. Loading checks the field is there and
    is a number of the right kind, naming the scheduler."""

    __slots__ = ()
    STATE: ClassVar[StateField]

    def to_record(self) -> dict[str, Any]:
        return {self.STATE.field: getattr(self, self.STATE.attr)}

    def load_record(self, record: Mapping[str, Any]) -> Self:
        field, attr, kind = self.STATE
        setattr(self, attr, record_number(record, field, type(self).__name__, kind))
        return self


def check(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


def finite_non_negative(value: float) -> bool:
    """What a learning rate (or a factor that scales one) must be."""
    return math.isfinite(value) and value >= 0.0


def checked_rate(scheduler: object, lr: float) -> float:
    """`lr`, the rate `scheduler.step()` is about to return, refused unless finite and >= 0."""
    if not finite_non_negative(lr):
        raise ValueError(f"{type(scheduler).__name__}.step: the learning rate must be finite and "
                         f">= 0, but this schedule produced {lr!r} ({scheduler!r})")
    return lr
