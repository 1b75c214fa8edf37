"""`BiLstm` (Burn's ``burn::nn::BiLstm``): two LSTMs read the sequence in opposite directions
and their hidden states are concatenated per step.

Naming: Burn's fields are ``forward`` and ``reverse``, but a Python module cannot have a
``forward`` attribute next to its ``forward()`` method. The attributes are `forward_lstm` and
`reverse_lstm`, and ``record_names`` maps them back, so records (and files written by Burn or
read by it) keep Burn's names: ``forward.input_gate.input_transform.weight``, ...
"""

from __future__ import annotations

from typing import Any, ClassVar, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor

from .._types import B
from ..activation import ActivationConfig
from ..initializer import Initializer, resolve_device
from ._checks import check_clip, check_input, check_sizes, check_state
from .lstm import Lstm, LstmConfig, LstmState

__all__ = ["BiLstmConfig", "BiLstm"]


class BiLstmConfig(Config):
    """Burn's ``BiLstmConfig``: `LstmConfig`'s fields without ``reverse`` (one direction of
    each kind is the point)."""

    d_input: int
    d_hidden: int
    bias: bool
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)
    batch_first: bool = True
    clip: Optional[float] = None
    input_forget: bool = False
    gate_activation: ActivationConfig = ActivationConfig.Sigmoid()
    cell_activation: ActivationConfig = ActivationConfig.Tanh()
    hidden_activation: ActivationConfig = ActivationConfig.Tanh()

    def init(self, device: Device | str | None = None, backend: Any = None) -> "BiLstm":
        """Two independent `Lstm`s; they are always batch-first inside, `BiLstm` converts
        the layout once for both."""
        check_sizes("BiLstmConfig.init", self.d_input, self.d_hidden)
        check_clip("BiLstmConfig.init", self.clip)
        backend, dev = resolve_device(device, backend, "BiLstmConfig.init")
        base = LstmConfig(self.d_input, self.d_hidden, self.bias,
                          initializer=self.initializer,
                          batch_first=True,
                          clip=self.clip,
                          input_forget=self.input_forget,
                          gate_activation=self.gate_activation,
                          cell_activation=self.cell_activation,
                          hidden_activation=self.hidden_activation)
        return BiLstm(forward_lstm=base.init(dev, backend), reverse_lstm=base.init(dev, backend),
                      d_hidden=self.d_hidden, batch_first=self.batch_first)


class BiLstm(Module):
    """A bidirectional LSTM; build it with `BiLstmConfig`. Records name the directions
    ``forward``/``reverse`` as Burn does (see the module docstring)."""

    record_names: ClassVar[dict[str, str]] = {"forward_lstm": "forward",
                                              "reverse_lstm": "reverse"}

    forward_lstm: Lstm
    reverse_lstm: Lstm
    d_hidden: int
    batch_first: bool

    @property
    def d_input(self) -> int:
        return self.forward_lstm.d_input

    @property
    def bias(self) -> bool:
        return self.forward_lstm.bias

    def forward(self, batched_input: "Tensor[B]", state: "LstmState[Tensor[B]] | None" = None
                ) -> "tuple[Tensor[B], LstmState[Tensor[B]]]":
        """``[batch, seq, d_input]`` (``[seq, batch, d_input]`` when not `batch_first`) ->
        ``(output, LstmState(cell, hidden))``.

        The output has ``2 * d_hidden`` features per step: the forward direction's hidden
        state, then the reverse direction's (PyTorch's layout). The initial and final states
        are ``[2, batch, d_hidden]`` each, forward direction at index 0."""
        op = "BiLstm.forward"
        batch, seq = check_input(op, batched_input, self.d_input, self.batch_first)
        init_forward, init_reverse = self._split_state(op, state, batch)
        # Both directions run on the batch-first layout's data; their own batch_first/reverse
        # flags play no part here (Burn's config sets them to true/false). With the standard
        # activations each direction is one fused `lstm_sequence` op (reverse=True for the
        # second), else the per-step loops.
        start_f = self.forward_lstm._initial_state(op, batched_input, batch, init_forward)
        start_r = self.reverse_lstm._initial_state(op, batched_input, batch, init_reverse)
        fused = (self.forward_lstm.uses_fused_path() and self.reverse_lstm.uses_fused_path()
                 and min(batch, seq) > 0)
        if fused:  # sequence-first in and out
            seq_first = batched_input if not self.batch_first else batched_input.swap_dims(0, 1)
            out_f, final_f = self.forward_lstm._forward_fused(seq_first, start_f, False)
            out_r, final_r = self.reverse_lstm._forward_fused(seq_first, start_r, True)
            swap = self.batch_first
        else:  # batch-first in and out
            x = batched_input if self.batch_first else batched_input.swap_dims(0, 1)
            out_f, final_f = self.forward_lstm._forward_generic(x, start_f, False)
            out_r, final_r = self.reverse_lstm._forward_generic(x, start_r, True)
            swap = not self.batch_first
        T = type(batched_input)
        output = T.cat([out_f, out_r], 2)
        final = LstmState(T.stack([final_f.cell, final_r.cell], 0),
                          T.stack([final_f.hidden, final_r.hidden], 0))
        return (output.swap_dims(0, 1) if swap else output), final

    __call__ = forward

    def _split_state(self, op: str, state: LstmState[Any] | None,
                     batch: int) -> tuple[LstmState[Any] | None, LstmState[Any] | None]:
        """``[2, batch, d_hidden]`` cell/hidden -> one ``[batch, d_hidden]`` state per
        direction."""
        if state is None:
            return None, None
        if not isinstance(state, LstmState):
            raise TypeError(f"{op}: state must be an LstmState(cell, hidden) or None, got "
                            f"{type(state).__name__}")
        expected = [2, batch, self.d_hidden]
        check_state(op, "state.cell", state.cell, expected)
        check_state(op, "state.hidden", state.hidden, expected)
        cell_f, cell_r = state.cell.unbind(0)
        hidden_f, hidden_r = state.hidden.unbind(0)
        return LstmState(cell_f, hidden_f), LstmState(cell_r, hidden_r)

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_hidden": self.d_hidden, "bias": self.bias}
