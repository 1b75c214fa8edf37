"""How classification metrics decide and average (Burn's ``metric/classification.rs``): a class
is predicted above a probability threshold or when it is among the top k scores; counts are
pooled over classes (micro) or averaged class by class (macro)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Union

__all__ = ["ClassReduction", "DecisionRule", "ClassificationMetricConfig", "rust_display"]


def rust_display(value: float) -> str:
    """A float as Rust's ``{}`` shows it (``1`` for 1.0, ``0.5``): Burn's metric names use it,
    and names must match Burn's so logs and plots line up across runs."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _rust_debug(value: float) -> str:
    """A float as Rust's ``{:?}`` shows it (``1.0``, ``0.5``)."""
    return repr(float(value))


class ClassReduction(enum.Enum):
    """Micro pools the counts of all classes before the ratio; Macro takes the ratio per class
    and averages (every class weighs the same, however rare)."""

    Micro = "Micro"
    Macro = "Macro"

    def __repr__(self) -> str:
        return self.value


class DecisionRule:
    """When a class counts as predicted: ``DecisionRule.Threshold(0.5)`` (its score exceeds the
    threshold: binary and multi-label) or ``DecisionRule.TopK(1)`` (it is among the k best
    scores: multiclass)."""

    @dataclass(frozen=True)
    class Threshold:
        threshold: float = 0.5

        def __post_init__(self) -> None:
            if not isinstance(self.threshold, (int, float)) or isinstance(self.threshold, bool):
                raise TypeError(f"DecisionRule.Threshold: expected a number, got "
                                f"{self.threshold!r}")

        def __repr__(self) -> str:
            return f"Threshold({_rust_debug(self.threshold)})"

    @dataclass(frozen=True)
    class TopK:
        k: int = 1

        def __post_init__(self) -> None:
            if not isinstance(self.k, int) or isinstance(self.k, bool) or self.k < 1:
                raise ValueError(f"DecisionRule.TopK: k must be an int >= 1, got {self.k!r}")

        def __repr__(self) -> str:
            return f"TopK({self.k})"


Rule = Union[DecisionRule.Threshold, DecisionRule.TopK]


@dataclass(frozen=True)
class ClassificationMetricConfig:
    """The decision rule and the class reduction of a precision / recall / F-score metric
    (Burn's defaults: threshold 0.5, macro)."""

    decision_rule: Rule = field(default_factory=DecisionRule.Threshold)
    class_reduction: ClassReduction = ClassReduction.Macro

    def __post_init__(self) -> None:
        if not isinstance(self.decision_rule, (DecisionRule.Threshold, DecisionRule.TopK)):
            raise TypeError(f"ClassificationMetricConfig: decision_rule must be "
                            f"DecisionRule.Threshold(t) or DecisionRule.TopK(k), got "
                            f"{self.decision_rule!r}")
        if not isinstance(self.class_reduction, ClassReduction):
            raise TypeError(f"ClassificationMetricConfig: class_reduction must be "
                            f"ClassReduction.Micro or ClassReduction.Macro, got "
                            f"{self.class_reduction!r}")
