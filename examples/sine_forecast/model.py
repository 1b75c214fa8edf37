"""The chapter's ``SimpleRNN``: ``h_t = tanh(W_ih x_t + W_hh h_{t-1} + b)`` over the window
(pyburn's `Rnn`), then a linear read-out of the last hidden state; dropout before it."""

from __future__ import annotations

from typing import Any

from pyburn import Tensor
from pyburn.config import Config
from pyburn.module import Module
from pyburn.nn import Dropout, DropoutConfig, Linear, LinearConfig, Rnn, RnnConfig

__all__ = ["SineRnnConfig", "SineRnn"]


class SineRnnConfig(Config):
    d_hidden: int = 32
    dropout: float = 0.1

    def init(self, device: Any = None, backend: Any = None) -> "SineRnn":
        return SineRnn(rnn=RnnConfig(1, self.d_hidden, True).init(device, backend),
                       dropout=DropoutConfig(self.dropout).init(),
                       output=LinearConfig(self.d_hidden, 1, True).init(device, backend))


class SineRnn(Module):
    rnn: Rnn
    dropout: Dropout
    output: Linear

    def forward(self, windows: "Tensor[Any]") -> "Tensor[Any]":
        """``[batch, window]`` -> the predicted next values ``[batch, 1]``."""
        _, state = self.rnn.forward(windows.unsqueeze_dim(2))
        last = state.hidden                                      # last hidden state [batch, d]
        return self.output.forward(self.dropout.forward(last))

    __call__ = forward
