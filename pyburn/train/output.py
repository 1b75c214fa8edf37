"""What a training or validation step returns (Burn's ``TrainOutput``, ``ClassificationOutput``,
``RegressionOutput``, ``MultiLabelClassificationOutput``).

An output is the *item* the Learner hands to metrics: each metric asks for its input type and the
output ``adapt``s itself (Burn's ``Adaptor``). Adapting cuts the tensors from the Autodiff tape
(they become tensors of the inner backend, as Burn ``sync``s them), so the metrics of a training
batch keep no graph alive and see the same backend as in validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .metric.inputs import (AccuracyInput, ConfusionStatsInput, HammingScoreInput, LossInput,
                            TopKAccuracyInput)

__all__ = ["TrainOutput", "ClassificationOutput", "RegressionOutput",
           "MultiLabelClassificationOutput", "untracked"]

T = TypeVar("T")
I = TypeVar("I")


def untracked(tensor: Any) -> Any:
    """`tensor` without its graph: an Autodiff tensor (of any kind) becomes a tensor of the
    inner backend; anything else is returned as is."""
    backend = getattr(type(tensor), "backend", None)
    if backend is not None and backend.is_autodiff():
        return tensor.inner()
    return tensor


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
class ClassificationOutput:
    """Loss, class scores [batch, num_classes] and target classes (Int [batch])."""

    loss: Any
    output: Any
    targets: Any

    ADAPTS = (LossInput, AccuracyInput, TopKAccuracyInput, ConfusionStatsInput)

    def adapt(self, input_type: type[I]) -> I:
        result: Any
        if input_type is LossInput:
            result = LossInput(untracked(self.loss))
        elif input_type is AccuracyInput:
            result = AccuracyInput(untracked(self.output), untracked(self.targets))
        elif input_type is TopKAccuracyInput:
            result = TopKAccuracyInput(untracked(self.output), untracked(self.targets))
        elif input_type is ConfusionStatsInput:
            output = untracked(self.output)
            targets = untracked(self.targets).one_hot(output.dims()[-1]).bool()
            result = ConfusionStatsInput(output, targets)
        else:
            raise _cannot(self, input_type)
        return result

    def batch_size(self) -> int:
        return int(self.output.dims()[0])


@dataclass
class MultiLabelClassificationOutput:
    """Loss, label scores [batch, num_labels] and 0/1 targets (Int [batch, num_labels])."""

    loss: Any
    output: Any
    targets: Any

    ADAPTS = (LossInput, HammingScoreInput, ConfusionStatsInput)

    def adapt(self, input_type: type[I]) -> I:
        result: Any
        if input_type is LossInput:
            result = LossInput(untracked(self.loss))
        elif input_type is HammingScoreInput:
            result = HammingScoreInput(untracked(self.output), untracked(self.targets))
        elif input_type is ConfusionStatsInput:
            result = ConfusionStatsInput(untracked(self.output), untracked(self.targets).bool())
        else:
            raise _cannot(self, input_type)
        return result

    def batch_size(self) -> int:
        return int(self.output.dims()[0])


@dataclass
class RegressionOutput:
    """Loss, predictions and targets (float tensors of the same shape)."""

    loss: Any
    output: Any
    targets: Any

    ADAPTS = (LossInput,)

    def adapt(self, input_type: type[I]) -> I:
        if input_type is LossInput:
            result: Any = LossInput(untracked(self.loss))
            return result
        raise _cannot(self, input_type)

    def batch_size(self) -> int:
        return int(self.output.dims()[0])
