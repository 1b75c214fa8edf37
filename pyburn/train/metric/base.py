"""The metric contract (Burn's ``burn_train::metric``): what the Learner hands a metric, what a
metric hands back, and how a step's output is adapted to what a metric needs.

A metric sees only its *input* (``LossInput``, ``AccuracyInput``...), never the model or the loop:
the step's output (``ClassificationOutput``...) adapts itself to each metric's ``input_type``
(Burn's ``Adaptor<T>``). A metric knows nothing of the loop; the loop knows nothing of metrics
beyond this file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, TypeVar, runtime_checkable

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    """How far an epoch's split has gone, in items (samples)."""

    items_processed: int
    items_total: int


@dataclass(frozen=True)
class MetricMetadata:
    """What a metric may know about where the loop is (Burn's ``MetricMetadata``)."""

    progress: Progress
    epoch: int              # 1-based
    epoch_total: int
    iteration: int          # 1-based, within the epoch
    lr: float | None = None


@dataclass(frozen=True)
class MetricEntry:
    """A metric's report for one update: ``formatted`` for people (``"epoch 0.912 - batch
    0.875"``), ``serialized`` for the file loggers (one line of ``<Metric>.log``)."""

    name: str
    formatted: str
    serialized: str


@dataclass(frozen=True)
class NumericEntry:
    """A number and how many items it stands for; epoch values are the item-weighted mean of
    the batch values (Burn's ``NumericEntry::Aggregated``). A `final` entry is a metric's exact
    epoch value (Burn's ``NumericEntry::Final``, ``value,final`` in a log): metrics that are not
    a mean of batch values (precision, recall: ratios of summed counts) are read back exactly."""

    value: float
    count: int = 1
    final: bool = False

    def serialize(self) -> str:
        return f"{self.value!r},final" if self.final else f"{self.value!r},{self.count}"

    @classmethod
    def deserialize(cls, text: str) -> "NumericEntry":
        value, _, count = text.strip().partition(",")
        if count == "final":
            return cls(float(value), 0, final=True)
        return cls(float(value), int(count) if count else 1)


@runtime_checkable
class Metric(Protocol):
    """A metric: ``update`` takes the adapted input of one batch, ``clear`` starts a new epoch.
    ``input_type`` is the class the step output is adapted to (``None`` for metrics that need
    nothing from the output, such as the learning rate or the iteration speed)."""

    input_type: ClassVar[type | None]

    def name(self) -> str: ...

    def update(self, item: Any, metadata: MetricMetadata) -> MetricEntry: ...

    def clear(self) -> None: ...


@runtime_checkable
class Numeric(Protocol):
    """A metric with a number: ``value()`` is the current batch's, ``running_value()`` the
    epoch's aggregate so far; ``higher_is_better`` tells checkpointing and early stopping which
    way is good."""

    higher_is_better: ClassVar[bool]

    def value(self) -> NumericEntry: ...

    def running_value(self) -> NumericEntry: ...


class Adaptor(Protocol):
    """A step output that can give metric inputs: ``output.adapt(AccuracyInput)``."""

    def adapt(self, input_type: type[T]) -> T: ...


def adapt(output: Any, input_type: type[T] | None) -> T | None:
    """`output` adapted to `input_type`, or a TypeError naming both when it cannot be."""
    if input_type is None:
        return None
    if isinstance(output, input_type):
        return output
    method = getattr(output, "adapt", None)
    if method is None:
        raise TypeError(f"metric input: {type(output).__name__} has no adapt(); a step output "
                        f"must adapt to {input_type.__name__} for this metric")
    return method(input_type)
