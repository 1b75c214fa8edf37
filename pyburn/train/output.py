"""What a training or validation step returns (Burn's ``TrainOutput``, ``ClassificationOutput``,
``RegressionOutput``, ``MultiLabelClassificationOutput``).

An output is the *item* the Learner hands to metrics: each metric asks for its input type and the
output ``adapt``s itself (Burn's ``Adaptor``). Adapting cuts the tensors from the Autodiff tape
(they become tensors of the inner backend, as Burn ``sync``s them), so the metrics of a training
batch keep no graph alive and see the same backend as in validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from .metric.inputs import (AccuracyInput, ConfusionStatsInput, HammingScoreInput, LossInput,
                            TopKAccuracyInput)
from .metric.state import untracked

__all__ = ["TrainOutput", "ClassificationOutput", "RegressionOutput",
           "MultiLabelClassificationOutput", "untracked"]

T = TypeVar("T")
I = TypeVar("I")


def _cannot(output: object, input_type: type) -> TypeError:
    return TypeError(f"{type(output).__name__}.adapt: cannot give a {input_type.__name__} (a "
                     f"metric registered for this step's output needs it); it gives "
                     f"{', '.join(t.__name__ for t in getattr(output, 'ADAPTS', ()))}")


@dataclass
class TrainOutput(Generic[T]):
    """A training step's result: the gradients (`GradientsParams`) the optimizer applies and the
    `item` metrics read (Burn's ``TrainOutput::new(model, grads, item)``)."""

    grads: Any
    item: T

    @classmethod
    def new(cls, model: Any, grads: Any, item: T) -> "TrainOutput[T]":
        """Burn's constructor: `grads` is the `Gradients` of ``loss.backward()`` (or already a
        `GradientsParams`), turned into the gradients of `model`'s parameters."""
        from pyburn.optim import GradientsParams
        if not isinstance(grads, GradientsParams):
            grads = GradientsParams.from_grads(grads, model)
        return cls(grads, item)


@dataclass
class _ScoredOutput:
    """What the three outputs share: a loss, the model's output and the targets; ``adapt`` gives
    the `LossInput` here and the other inputs of `ADAPTS` from `_metric_input`."""

    loss: Any
    output: Any
    targets: Any

    ADAPTS: ClassVar[tuple[type, ...]] = (LossInput,)

    def adapt(self, input_type: type[I]) -> I:
        if input_type not in self.ADAPTS:
            raise _cannot(self, input_type)
        result: Any
        if input_type is LossInput:
            result = LossInput(untracked(self.loss))
        else:
            result = self._metric_input(input_type, untracked(self.output),
                                        untracked(self.targets))
        return result

    def _metric_input(self, input_type: type, output: Any, targets: Any) -> Any:
        """The input of `ADAPTS` other than `LossInput`, from the untracked tensors."""
        raise _cannot(self, input_type)

    def batch_size(self) -> int:
        return int(self.output.dims()[0])


@dataclass
class ClassificationOutput(_ScoredOutput):
    """Loss, class scores [batch, num_classes] and target classes (Int [batch])."""

    ADAPTS = (LossInput, AccuracyInput, TopKAccuracyInput, ConfusionStatsInput)

    def _metric_input(self, input_type: type, output: Any, targets: Any) -> Any:
        if input_type is ConfusionStatsInput:
            return ConfusionStatsInput(output, targets.one_hot(output.dims()[-1]).bool())
        return input_type(output, targets)    # AccuracyInput, TopKAccuracyInput


@dataclass
class MultiLabelClassificationOutput(_ScoredOutput):
    """Loss, label scores [batch, num_labels] and 0/1 targets (Int [batch, num_labels])."""

    ADAPTS = (LossInput, HammingScoreInput, ConfusionStatsInput)

    def _metric_input(self, input_type: type, output: Any, targets: Any) -> Any:
        if input_type is ConfusionStatsInput:
            return ConfusionStatsInput(output, targets.bool())
        return HammingScoreInput(output, targets)


@dataclass
class RegressionOutput(_ScoredOutput):
    """Loss, predictions and targets (float tensors of the same shape)."""

    ADAPTS = (LossInput,)
