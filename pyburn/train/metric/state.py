"""Helpers that numeric metrics share (Burn's ``metric/state.rs``): the item-weighted running mean
(`NumericMetricState`), the confusion counts of an epoch (`ConfusionStatsState`) and the
``"epoch X - batch Y"`` formatting, with Burn's precision rules (`format_float`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Sequence

from .base import MetricEntry, NumericEntry
from .classification import ClassReduction

__all__ = ["FormatOptions", "NumericMetricState", "NumericMetric", "ConfusionStatsState",
           "format_float", "format_entry", "NOT_AVAILABLE", "untracked"]

NOT_AVAILABLE = "N/A"   # Burn's ``SerializedEntry::NOT_AVAILABLE``


def untracked(tensor: Any) -> Any:
    """`tensor` on the inner backend when it is an Autodiff tensor: metrics never need the tape,
    and a step output may hand over tracked scores with untracked targets (or the reverse)."""
    backend = getattr(type(tensor), "backend", None)
    if backend is not None and backend.is_autodiff():
        return tensor.inner()
    return tensor


def _rust_float(value: float) -> str | None:
    """Rust's spelling of the non-finite floats (``NaN``, ``inf``), None for finite ones."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return None


def format_float(value: float, precision: int) -> str:
    """`value` with `precision` decimals, in scientific notation when it is too small to show
    (Burn's ``format_float``: at or below ``0.1 ** (precision - 1)``, so ``0.0`` is ``0.00e0``),
    spelled as Rust does (``1.23e-3``, not ``1.23e-03``)."""
    special = _rust_float(value)
    if special is not None:
        return special
    if 0.1 ** (precision - 1) >= value:
        mantissa, _, exponent = f"{value:.{precision}e}".partition("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{value:.{precision}f}"


@dataclass(frozen=True)
class FormatOptions:
    """How a numeric metric shows: its name, unit (``%``, ``iter/sec``) and decimals."""

    name: str
    unit: str | None = None
    precision: int | None = None

    def number(self, value: float) -> str:
        if self.precision is not None:
            return format_float(value, self.precision)
        return _rust_float(value) or repr(value)


def format_entry(format: FormatOptions, running: float, current: float,
                 serialized: str) -> MetricEntry:
    """Burn's ``"epoch <running> <unit> - batch <current> <unit>"`` line and the log line."""
    unit = f" {format.unit}" if format.unit else ""
    formatted = (f"epoch {format.number(running)}{unit} - "
                 f"batch {format.number(current)}{unit}")
    return MetricEntry(format.name, formatted, serialized)


class NumericMetricState:
    """The running, item-weighted mean of batch values: each batch value stands for `count`
    items (its batch size), so an epoch's value does not depend on how it was batched."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.sum = 0.0
        self.count = 0
        self.current = math.nan
        self.current_count = 0

    def update(self, value: float, count: int) -> None:
        if count:   # a batch with nothing to count (all padding) leaves the epoch value alone
            self.sum += value * count
            self.count += count
        self.current = value
        self.current_count = count

    def _running(self) -> float:
        return self.sum / self.count if self.count else math.nan

    def compute_update(self, format: FormatOptions) -> MetricEntry:
        serialized = NumericEntry(self.current, self.current_count).serialize()
        return format_entry(format, self._running(), self.current, serialized)

    def current_value(self) -> NumericEntry:
        return NumericEntry(self.current, self.current_count)

    def running_value(self) -> NumericEntry:
        return NumericEntry(self._running(), self.count)


class NumericMetric:
    """What the running-mean metrics share: a `NumericMetricState`, the line of each update (the
    metric's name and `unit`, two decimals) and the ``clear``/``value``/``running_value`` of the
    metric protocol. A subclass computes its batch value and hands it to `record`."""

    unit: ClassVar[str | None] = None

    def __init__(self) -> None:
        self.state = NumericMetricState()

    def name(self) -> str:
        raise NotImplementedError

    def record(self, value: float, count: int) -> MetricEntry:
        """Add a batch value that stands for `count` items; the update's entry."""
        self.state.update(value, count)
        return self.state.compute_update(FormatOptions(self.name(), self.unit, 2))

    def clear(self) -> None:
        self.state.reset()

    def value(self) -> NumericEntry:
        return self.state.current_value()

    def running_value(self) -> NumericEntry:
        return self.state.running_value()


Counts = list[float]
RatioFn = Callable[[Counts, Counts, Counts], Counts]


def _add(total: Counts | None, batch: Counts) -> Counts:
    return batch if total is None else [a + b for a, b in zip(total, batch)]


class ConfusionStatsState:
    """Confusion counts (TP, FP, FN per class, or summed) of the current batch and of the epoch.

    Precision, recall and F-scores are ratios of counts: the epoch value is the ratio of the
    summed counts (Burn's ``ConfusionStatsState``), which a mean of batch ratios is not whenever
    the batches' class supports differ. The batch value is still reported, with its batch size,
    for plots and log lines."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.true_positive: Counts | None = None
        self.false_positive: Counts | None = None
        self.false_negative: Counts | None = None
        self.running_count = 0
        self.current_count = 0
        self.current_value = math.nan
        self.running_value_ = math.nan

    def update(self, tp: Counts, fp: Counts, fn: Counts, sample_size: int,
               class_reduction: ClassReduction, format: FormatOptions,
               ratio: RatioFn) -> MetricEntry:
        """Add one batch's counts and compute its value and the epoch's value so far."""
        self.true_positive = _add(self.true_positive, tp)
        self.false_positive = _add(self.false_positive, fp)
        self.false_negative = _add(self.false_negative, fn)
        self.running_count += sample_size
        self.current_count = sample_size
        self.current_value = _class_average(ratio(tp, fp, fn), class_reduction)
        assert self.false_negative is not None and self.false_positive is not None
        self.running_value_ = _class_average(
            ratio(self.true_positive, self.false_positive, self.false_negative), class_reduction)
        serialized = NumericEntry(self.current_value, self.current_count).serialize()
        return format_entry(format, self.running_value_, self.current_value, serialized)

    def value(self) -> NumericEntry:
        return NumericEntry(self.current_value, self.current_count)

    def running_value(self) -> NumericEntry:
        return NumericEntry(self.running_value_, self.running_count)


def _class_average(values: Sequence[float], class_reduction: ClassReduction) -> float:
    """Micro: the single pooled value. Macro: the mean over classes, leaving out classes whose
    value is undefined (NaN), as Burn does."""
    if class_reduction is ClassReduction.Micro:
        return float(values[0])
    defined = [v for v in values if not math.isnan(v)]
    return sum(defined) / len(defined) if defined else math.nan
