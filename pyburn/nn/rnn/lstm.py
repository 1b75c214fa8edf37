"""`Lstm` (Burn's ``burn::nn::Lstm``, ``lstm.rs``): a unidirectional LSTM over a sequence.

Each step computes, with ``gate(x, h) = x @ W_x + b_x + h @ W_h + b_h`` (one `GateController`
per gate, so PyTorch's two biases load exactly)::

    i = gate_activation(input_gate(x_t, h))        f = gate_activation(forget_gate(x_t, h))
    o = gate_activation(output_gate(x_t, h))       g = cell_activation(cell_gate(x_t, h))
    c = f * c + i * g          (clamped to [-clip, clip] when `clip` is set)
    h = o * hidden_activation(c)

With ``input_forget`` the forget gate is tied to the input gate (``f = 1 - i``) and its
weights are unused. `reverse` walks the sequence backwards (output ``t`` is still the state
after reading ``x_t``). The step loop lives in `Lstm._forward_generic` alone, so a fused
sequence kernel can replace exactly that method.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Optional, TypeVar

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device

from ..activation import Activation, ActivationConfig
from ..initializer import Initializer, resolve_device
from ._checks import check_clip, check_input, check_sizes, check_state
from .gate_controller import GateController

__all__ = ["LstmState", "LstmConfig", "Lstm"]

T = TypeVar("T")


@dataclass(frozen=True)
class LstmState(Generic[T]):
    """Cell and hidden state: ``[batch, d_hidden]`` each for `Lstm`, ``[2, batch, d_hidden]``
    for `BiLstm`. Note the order: Burn's ``LstmState::new(cell, hidden)``, while PyTorch
    returns ``(h_n, c_n)``."""

    cell: T
    hidden: T

    @classmethod
    def new(cls, cell: T, hidden: T) -> "LstmState[T]":
        """Burn's ``LstmState::new(cell, hidden)``."""
        return cls(cell, hidden)

    def detach(self) -> "LstmState[T]":
        """The same values cut from the autodiff graph (truncated backpropagation through
        time: carry the state into the next chunk without backpropagating into this one)."""
        c: Any = self.cell
        h: Any = self.hidden
        return LstmState(c.detach(), h.detach())


class LstmConfig(Config):
    """Burn's ``LstmConfig``: ``LstmConfig(d_input, d_hidden, bias)`` plus defaults.

    ``batch_first`` defaults to True (Burn; ``torch.nn.LSTM`` defaults to False)."""

    d_input: int
    d_hidden: int
    bias: bool
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)
    batch_first: bool = True
    reverse: bool = False
    clip: Optional[float] = None
    input_forget: bool = False
    gate_activation: ActivationConfig = ActivationConfig.Sigmoid()
    cell_activation: ActivationConfig = ActivationConfig.Tanh()
    hidden_activation: ActivationConfig = ActivationConfig.Tanh()

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Lstm":
        """Four gates drawn with `initializer` (lazily: ``load_record`` right after never
        draws), and the three activations."""
        check_sizes("LstmConfig.init", self.d_input, self.d_hidden)
        check_clip("LstmConfig.init", self.clip)
        backend, dev = resolve_device(device, backend, "LstmConfig.init")

        def new_gate() -> GateController:
            return GateController.new(self.d_input, self.d_hidden, self.bias, self.initializer,
                                      dev, backend)

        return Lstm(
            input_gate=new_gate(),
            forget_gate=new_gate(),
            output_gate=new_gate(),
            cell_gate=new_gate(),
            d_hidden=self.d_hidden,
            batch_first=self.batch_first,
            reverse=self.reverse,
            clip=None if self.clip is None else float(self.clip),
            input_forget=self.input_forget,
            gate_activation=self.gate_activation.init(dev, backend),
            cell_activation=self.cell_activation.init(dev, backend),
            hidden_activation=self.hidden_activation.init(dev, backend),
        )


class Lstm(Module):
    """A unidirectional LSTM; build it with `LstmConfig`. Fields (and record names) are
    Burn's."""

    input_gate: GateController
    forget_gate: GateController
    output_gate: GateController
    cell_gate: GateController
    d_hidden: int
    batch_first: bool
    reverse: bool
    clip: float | None
    input_forget: bool
    gate_activation: Activation
    cell_activation: Activation
    hidden_activation: Activation

    @property
    def d_input(self) -> int:
        return self.input_gate.d_input

    @property
    def bias(self) -> bool:
        return self.input_gate.input_transform.bias is not None

    def forward(self, batched_input: Any,
                state: LstmState[Any] | None = None) -> tuple[Any, LstmState[Any]]:
        """``[batch, seq, d_input]`` (``[seq, batch, d_input]`` when not `batch_first`) ->
        ``(output, LstmState(cell, hidden))``: the hidden state of every step, laid out like
        the input with ``d_hidden`` features, and the final state ``[batch, d_hidden]`` each.
        `state` is the initial state (zeros when None)."""
        op = "Lstm.forward"
        check_input(op, batched_input, self.d_input, self.batch_first)
        x = batched_input if self.batch_first else batched_input.swap_dims(0, 1)
        initial = self._initial_state(op, x, state)
        output, final = self._forward_generic(x, initial, self.reverse)
        return (output if self.batch_first else output.swap_dims(0, 1)), final

    __call__ = forward

    def _initial_state(self, op: str, x: Any, state: LstmState[Any] | None) -> LstmState[Any]:
        """`state` checked against the batch-first input `x`, or zeros."""
        batch = x.dims()[0]
        expected = [batch, self.d_hidden]
        if state is None:
            zeros = type(x).zeros(expected, x.device)
            return LstmState(zeros, zeros)
        if not isinstance(state, LstmState):
            raise TypeError(f"{op}: state must be an LstmState(cell, hidden) or None, got "
                            f"{type(state).__name__}")
        check_state(op, "state.cell", state.cell, expected)
        check_state(op, "state.hidden", state.hidden, expected)
        return state

    def _forward_generic(self, x: Any, state: LstmState[Any],
                         reverse: bool) -> tuple[Any, LstmState[Any]]:
        """The step loop on a batch-first `x` ``[batch, seq, d_input]``: one `_step` per
        timestep, backwards when `reverse`; output ``t`` is the hidden state after ``x_t``.
        This is the one place a fused sequence kernel would plug in."""
        batch, seq, _ = x.dims()
        if seq == 0:
            return type(x).zeros([batch, 0, self.d_hidden], x.device), state
        inputs = x.unbind(1)
        hidden: list[Any] = [None] * seq
        for t in (range(seq - 1, -1, -1) if reverse else range(seq)):
            state = self._step(inputs[t], state)
            hidden[t] = state.hidden
        return type(x).stack(hidden, 1), state

    def _step(self, input_t: Any, state: LstmState[Any]) -> LstmState[Any]:
        """One LSTM cell step: ``[batch, d_input]`` and the previous state -> the next."""
        cell, hidden = state.cell, state.hidden
        input_values = self.gate_activation.forward(self.input_gate.gate_product(input_t, hidden))
        if self.input_forget:  # coupled gates: forget what is written
            forget_values = input_values.neg().add_scalar(1.0)
        else:
            forget_values = self.gate_activation.forward(
                self.forget_gate.gate_product(input_t, hidden))
        output_values = self.gate_activation.forward(
            self.output_gate.gate_product(input_t, hidden))
        candidate = self.cell_activation.forward(self.cell_gate.gate_product(input_t, hidden))
        cell = forget_values * cell + input_values * candidate
        if self.clip is not None:
            cell = cell.clamp(-self.clip, self.clip)
        hidden = output_values * self.hidden_activation.forward(cell)
        return LstmState(cell, hidden)

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_hidden": self.d_hidden, "bias": self.bias}
