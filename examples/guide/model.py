"""The model (the Burn Book guide's ``src/model.rs``): two convolutions, adaptive average
pooling, dropout and two linear layers, for [batch, 28, 28] digit images.

The Book adds ``forward_classification`` and the ``TrainStep`` / ``ValidStep`` implementations
in ``training.rs`` (``impl Model``); a Python class keeps its methods together, so they are
here: ``step`` (on ``Autodiff[B]``: loss, backward, gradients) and ``valid_step`` (on
``model.valid()``, the inner backend) both return a `ClassificationOutput` for the metrics."""

from __future__ import annotations

from typing import Any

from pyburn import Int, Tensor
from pyburn.config import Config
from pyburn.module import Module
from pyburn.nn import (AdaptiveAvgPool2d, AdaptiveAvgPool2dConfig, Conv2d, Conv2dConfig,
                       Dropout, DropoutConfig, Linear, LinearConfig, Relu)
from pyburn.nn.loss import CrossEntropyLossConfig
from pyburn.train import ClassificationOutput, TrainOutput

from .data import MnistBatch

__all__ = ["Model", "ModelConfig"]


class Model(Module):
    conv1: Conv2d
    conv2: Conv2d
    pool: AdaptiveAvgPool2d
    dropout: Dropout
    linear1: Linear
    linear2: Linear
    activation: Relu

    def forward(self, images: Tensor[Any]) -> Tensor[Any]:
        """Images [batch_size, height, width] -> logits [batch_size, num_classes]."""
        batch_size, height, width = images.dims()
        x = images.reshape([batch_size, 1, height, width])  # create a channel

        x = self.conv1.forward(x)  # [batch_size, 8, _, _]
        x = self.dropout.forward(x)
        x = self.conv2.forward(x)  # [batch_size, 16, _, _]
        x = self.dropout.forward(x)
        x = self.activation.forward(x)

        x = self.pool.forward(x)  # [batch_size, 16, 8, 8]
        x = x.reshape([batch_size, 16 * 8 * 8])
        x = self.linear1.forward(x)
        x = self.dropout.forward(x)
        x = self.activation.forward(x)

        return self.linear2.forward(x)  # [batch_size, num_classes]

    def forward_classification(self, images: Tensor[Any],
                               targets: Tensor[Any, Int]) -> ClassificationOutput:
        """The logits, and the cross-entropy loss against `targets` (no padding token)."""
        output = self.forward(images)
        loss = CrossEntropyLossConfig().init(output.device()).forward(output, targets)
        return ClassificationOutput(loss, output, targets)

    def step(self, batch: MnistBatch) -> TrainOutput[ClassificationOutput]:
        """Burn's ``TrainStep``: the gradients of the loss, and the output for the metrics."""
        item = self.forward_classification(batch.images, batch.targets)
        return TrainOutput.new(self, item.loss.backward(), item)

    def valid_step(self, batch: MnistBatch) -> ClassificationOutput:
        """Burn's ``ValidStep`` (``InferenceStep`` in recent Burn): the output, no gradients."""
        return self.forward_classification(batch.images, batch.targets)


class ModelConfig(Config):
    num_classes: int
    hidden_size: int
    dropout: float = 0.5

    def init(self, device: Any) -> Model:
        """The initialized model, on `device` (its backend decides Autodiff or not)."""
        return Model(
            conv1=Conv2dConfig([1, 8], [3, 3]).init(device),
            conv2=Conv2dConfig([8, 16], [3, 3]).init(device),
            pool=AdaptiveAvgPool2dConfig([8, 8]).init(),
            dropout=DropoutConfig(self.dropout).init(),
            linear1=LinearConfig(16 * 8 * 8, self.hidden_size).init(device),
            linear2=LinearConfig(self.hidden_size, self.num_classes).init(device),
            activation=Relu(),
        )
