"""`NnLstmNetwork`: the same task solved with pyburn's built-in `nn.Lstm` / `nn.BiLstm`.

For comparison with the hand-written cells of `model.py` (``--model nn``). The built-in layers
are the textbook LSTM of Burn's ``lstm.rs`` (four gate controllers, no layer normalization, no
forget-bias trick), stacked the usual way: a bidirectional layer concatenates both directions
per step and the next layer reads ``2 * hidden_size`` features (PyTorch's
``nn.LSTM(bidirectional=True, num_layers=n)``), with dropout between layers. The head is the same
`Linear` on the last step.
"""

from __future__ import annotations

from typing import Any, Union

from pyburn.config import Config
from pyburn.module import Module
from pyburn.nn import (BiLstm, BiLstmConfig, Dropout, DropoutConfig, Linear, LinearConfig, Lstm,
                       LstmConfig)
from pyburn.tensor import Device

from .model import LstmNetworkConfig

__all__ = ["NnLstmNetworkConfig", "NnLstmNetwork"]


class NnLstmNetworkConfig(Config):
    """The fields (and defaults) of `LstmNetworkConfig`."""

    input_size: int = 1
    hidden_size: int = 32
    num_layers: int = 2
    output_size: int = 1
    dropout: float = 0.1
    bidirectional: bool = True

    @classmethod
    def from_network(cls, config: LstmNetworkConfig) -> "NnLstmNetworkConfig":
        return cls(config.input_size, config.hidden_size, config.num_layers, config.output_size,
                   config.dropout, config.bidirectional)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "NnLstmNetwork":
        if self.num_layers < 1:
            raise ValueError(f"NnLstmNetworkConfig.init: num_layers must be >= 1, got "
                             f"{self.num_layers}")
        directions = 2 if self.bidirectional else 1
        layers: list[Union[Lstm, BiLstm]] = []
        for i in range(self.num_layers):
            d_in = self.input_size if i == 0 else directions * self.hidden_size
            if self.bidirectional:
                layers.append(BiLstmConfig(d_in, self.hidden_size, True).init(device, backend))
            else:
                layers.append(LstmConfig(d_in, self.hidden_size, True).init(device, backend))
        return NnLstmNetwork(
            layers=layers,
            dropout=DropoutConfig(self.dropout).init(),
            fc=LinearConfig(directions * self.hidden_size, self.output_size).init(device, backend),
        )


class NnLstmNetwork(Module):
    """``[batch, seq, input_size]`` -> ``[batch, output_size]``, as `LstmNetwork`."""

    layers: list[Union[Lstm, BiLstm]]
    dropout: Dropout
    fc: Linear

    def forward(self, x: Any, states: None = None) -> Any:
        """`states` is accepted (and must be None) so both variants are called alike."""
        if states is not None:
            raise ValueError("NnLstmNetwork.forward: initial states are not supported")
        for i, layer in enumerate(self.layers):
            x, _ = layer.forward(x)
            if i < len(self.layers) - 1:
                x = self.dropout.forward(x)   # between layers, as torch.nn.LSTM's dropout
        x = self.dropout.forward(x)           # before the head, as LstmNetwork
        seq = x.dims()[1]
        return self.fc.forward(x[:, seq - 1])
