"""`LstmNetwork`: stacked, layer-normalized LSTM cells (Burn's ``modern-lstm/src/model.rs``).

One cell step, with the four gates fused into one ``[d_in, 4H]`` projection per input::

    gates = LayerNorm_x(x_t @ W_ih + b_ih) + (h_{t-1} @ W_hh + b_hh)     # [batch, 4H]
    i, f, g, o = chunk(gates, 4)           # input, forget, candidate, output
    c_t = LayerNorm_c(sigmoid(f) * c_{t-1} + sigmoid(i) * tanh(g))
    h_t = dropout(LayerNorm_h(sigmoid(o) * tanh(c_t)))

Layer normalization (not batch norm: the statistics of a recurrent input drift over time) keeps
the pre-activations in range; the forget-gate bias starts at 1.0 so that a fresh cell keeps its
memory instead of forgetting it. `StackedLstm` feeds each layer's hidden states to the next,
with dropout between layers (none after the last); `LstmNetwork` runs a second, independent
stack over the time-reversed sequence when `bidirectional`, concatenates both directions and
reads the prediction off the last step with a `Linear`.

Two bugs of Burn's original are *not* reproduced here:

* its cell returned ``LstmState::new(h_t, c_t)`` while the signature is ``new(cell, hidden)``,
  so the hidden and cell states were swapped from the second step on (the next layer and the
  head read the normalized cell state, not the hidden state);
* it wrote the forget-gate bias with ``bias.val().slice_assign(..)`` and put the result back
  into the parameter: on an Autodiff backend that is a graph node, not a leaf, so both biases
  silently stopped receiving gradients. Here the bias is rebuilt as a fresh leaf, and
  ``tests/test_modern_lstm.py`` checks that every parameter, biases included, gets a gradient.
"""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.nn import (Dropout, DropoutConfig, Initializer, LayerNorm, LayerNormConfig, Linear,
                       LinearConfig, LstmState)
from pyburn.tensor import Device

__all__ = ["LstmCellConfig", "LstmCell", "StackedLstmConfig", "StackedLstm",
           "LstmNetworkConfig", "LstmNetwork", "FORGET_BIAS"]

FORGET_BIAS = 1.0


def _with_forget_bias(bias: Param[Any], hidden_size: int) -> Param[Any]:
    """The bias with its forget-gate slice ``[H, 2H)`` set to `FORGET_BIAS`, still a trainable
    leaf. Detaching first makes the filled tensor a new leaf (Param re-marks it require_grad)
    instead of a node of the initializer's graph, which is what froze Burn's biases."""
    return bias.map_lazy(lambda t: t.detach().slice_fill([(hidden_size, 2 * hidden_size)],
                                                         FORGET_BIAS))


class LstmCellConfig(Config):
    """One cell: `input_size` features in, `hidden_size` out, dropout on its hidden output."""

    input_size: int
    hidden_size: int
    dropout: float

    def init(self, device: Device | str | None = None, backend: Any = None) -> "LstmCell":
        """Xavier-normal weights (Burn's stand-in for orthogonal) and biases, with the
        forget-gate slice of both biases set to 1.0."""
        initializer = Initializer.XavierNormal(gain=1.0)
        h4 = 4 * self.hidden_size

        def fused(d_in: int) -> Linear:
            linear = LinearConfig(d_in, h4, initializer=initializer).init(device, backend)
            assert linear.bias is not None
            return Linear(linear.weight, _with_forget_bias(linear.bias, self.hidden_size))

        return LstmCell(
            hidden_size=self.hidden_size,
            weight_ih=fused(self.input_size),
            weight_hh=fused(self.hidden_size),
            norm_x=LayerNormConfig(h4).init(device, backend),
            norm_h=LayerNormConfig(self.hidden_size).init(device, backend),
            norm_c=LayerNormConfig(self.hidden_size).init(device, backend),
            dropout=DropoutConfig(self.dropout).init(),
        )


class LstmCell(Module):
    """An LSTM cell with fused gates ``[i, f, g, o]`` and layer normalization (see the module
    docstring for the equations). Field names are Burn's, so records match its layout."""

    hidden_size: int
    weight_ih: Linear      # [input_size, 4H]: all four gates of the input x_t
    weight_hh: Linear      # [hidden_size, 4H]: all four gates of the previous hidden state
    norm_x: LayerNorm      # on the input projection
    norm_h: LayerNorm      # on the new hidden state
    norm_c: LayerNorm      # on the new cell state
    dropout: Dropout

    def forward(self, x: Any, state: LstmState[Any]) -> LstmState[Any]:
        """One step: `x` ``[batch, input_size]``, `state` ``LstmState(cell, hidden)`` with
        ``[batch, hidden_size]`` each -> the next ``LstmState(cell, hidden)``."""
        return self.step(self.project_input(x), state)

    def project_input(self, x: Any) -> Any:
        """``LayerNorm_x(x @ W_ih + b_ih)`` for inputs of any leading shape. It does not depend
        on the state, so `StackedLstm` computes it for the whole sequence in one call."""
        return self.norm_x.forward(self.weight_ih.forward(x))

    def step(self, gates_x: Any, state: LstmState[Any]) -> LstmState[Any]:
        """The recurrent part of `forward`, given the projected input ``[batch, 4H]``."""
        gates = gates_x + self.weight_hh.forward(state.hidden)
        i_gate, f_gate, g_gate, o_gate = gates.chunk(4, 1)
        i_t, f_t, o_t = i_gate.sigmoid(), f_gate.sigmoid(), o_gate.sigmoid()
        g_t = g_gate.tanh()
        c_t = self.norm_c.forward(f_t * state.cell + i_t * g_t)
        h_t = self.norm_h.forward(o_t * c_t.tanh())
        h_t = self.dropout.forward(h_t)
        return LstmState(cell=c_t, hidden=h_t)   # keywords: Burn's original swapped these

    def init_state(self, batch_size: int, like: Any) -> LstmState[Any]:
        """Zero cell and hidden states ``[batch_size, hidden_size]`` of `like`'s type/device."""
        zeros = type(like).zeros([batch_size, self.hidden_size], like.device)
        return LstmState(cell=zeros, hidden=zeros)


class StackedLstmConfig(Config):
    input_size: int
    hidden_size: int
    num_layers: int
    dropout: float

    def init(self, device: Device | str | None = None, backend: Any = None) -> "StackedLstm":
        """`num_layers` cells; the first reads `input_size` features, the others the previous
        layer's hidden state. Dropout after every layer but the last (as Burn)."""
        if self.num_layers < 1:
            raise ValueError(f"StackedLstmConfig.init: num_layers must be >= 1, got "
                             f"{self.num_layers}")
        layers = []
        for i in range(self.num_layers):
            d_in = self.input_size if i == 0 else self.hidden_size
            dropout = self.dropout if i < self.num_layers - 1 else 0.0
            layers.append(LstmCellConfig(d_in, self.hidden_size, dropout).init(device, backend))
        return StackedLstm(layers)


class StackedLstm(Module):
    layers: list[LstmCell]

    def forward(self, x: Any, states: Optional[list[LstmState[Any]]] = None
                ) -> tuple[Any, list[LstmState[Any]]]:
        """`x` ``[batch, seq, input_size]`` -> (the last layer's hidden states
        ``[batch, seq, hidden_size]``, the final state of every layer).

        Burn loops time-major (for each step, every layer); this loops layer-major (every step of
        layer 0, then layer 1, ...). Both compute the same values, since layer ``l`` at step ``t``
        needs only layer ``l-1`` at ``t`` and itself at ``t-1``, but layer-major lets each
        layer project its whole input sequence in one matmul and one LayerNorm."""
        batch, seq, _ = x.dims()
        if states is None:
            states = [layer.init_state(batch, x) for layer in self.layers]
        if len(states) != len(self.layers):
            raise ValueError(f"StackedLstm.forward: expected {len(self.layers)} states, got "
                             f"{len(states)}")
        final = []
        inputs = x
        for layer, state in zip(self.layers, states):
            gates_x = layer.project_input(inputs).unbind(1)      # seq x [batch, 4H]
            hidden = []
            for t in range(seq):
                state = layer.step(gates_x[t], state)
                hidden.append(state.hidden)
            final.append(state)
            inputs = type(x).stack(hidden, 1)
        return inputs, final


class LstmNetworkConfig(Config):
    """Burn's ``LstmNetworkConfig`` defaults: 27,457 parameters."""

    input_size: int = 1          # one feature per step: the number itself
    hidden_size: int = 32
    num_layers: int = 2
    output_size: int = 1         # predict one number
    dropout: float = 0.1
    bidirectional: bool = True

    def init(self, device: Device | str | None = None, backend: Any = None) -> "LstmNetwork":
        stack = StackedLstmConfig(self.input_size, self.hidden_size, self.num_layers,
                                  self.dropout)
        stacked_lstm = stack.init(device, backend)
        reverse_lstm = stack.init(device, backend) if self.bidirectional else None
        d_fc = 2 * self.hidden_size if self.bidirectional else self.hidden_size
        return LstmNetwork(
            stacked_lstm=stacked_lstm,
            reverse_lstm=reverse_lstm,
            dropout=DropoutConfig(self.dropout).init(),
            fc=LinearConfig(d_fc, self.output_size).init(device, backend),
        )


class LstmNetwork(Module):
    """The whole model: ``[batch, seq, input_size]`` -> ``[batch, output_size]``."""

    stacked_lstm: StackedLstm
    reverse_lstm: Optional[StackedLstm]   # the right-to-left stack, when bidirectional
    dropout: Dropout
    fc: Linear

    def forward(self, x: Any, states: Optional[list[LstmState[Any]]] = None) -> Any:
        """Both directions' hidden states, concatenated per step (forward first), dropout, then
        the `Linear` on the last step. `states` initializes the forward stack only, as Burn."""
        output, _ = self.stacked_lstm.forward(x, states)
        if self.reverse_lstm is not None:
            reverse_output, _ = self.reverse_lstm.forward(x.flip([1]), None)
            # Flip back so that step t of both directions lines up.
            output = type(output).cat([output, reverse_output.flip([1])], 2)
        output = self.dropout.forward(output)
        seq = output.dims()[1]
        return self.fc.forward(output[:, seq - 1])
