"""`Rnn`: the simple (Elman) recurrent layer, ``torch.nn.RNN``'s function in Burn's style.

Each step computes, with one `GateController` named ``gate`` (so PyTorch's two biases load
exactly, and records read like `Lstm`'s per-gate ones)::

    h = act(x_t @ W_x + b_x + h @ W_h + b_h)        act: tanh (default) or relu

`reverse` walks the sequence backwards (output ``t`` is still the state after reading ``x_t``).

Fused path: `Rnn.forward` runs the whole sequence as one `rnn_sequence` op
(`pyburn.tensor.module_ops`), whose native kernels (NumPy/CuPy, Torch) do the forward and the
backward through time in one go; the two biases are added at compute time, so gradients reach
both. ``Rnn.fused = False`` forces the per-step `Rnn._forward_generic` (benchmarks, debugging):
it gives the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Optional, TypeVar, cast

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Shape, Tensor
from pyburn.tensor.module_ops import rnn_sequence
from pyburn.tensor.module_ops.rnn_sequence import check_nonlinearity

from .._types import B
from ..initializer import Initializer, resolve_device
from ._checks import check_input, check_sizes, check_state
from .gate_controller import GateController

__all__ = ["RnnState", "RnnConfig", "Rnn"]

T = TypeVar("T")


@dataclass(frozen=True)
class RnnState(Generic[T]):
    """Burn's ``RnnState``: the hidden state, ``[batch, d_hidden]`` for `Rnn`,
    ``[2, batch, d_hidden]`` for `BiRnn`. ``Rnn.forward`` returns one and takes one back (a
    bare hidden-state tensor is accepted too)."""

    hidden: T

    @classmethod
    def new(cls, hidden: T) -> "RnnState[T]":
        """Burn's ``RnnState::new(hidden)``."""
        return cls(hidden)

    def shape(self) -> Shape:
        return cast(Any, self.hidden).shape

    def device(self) -> Device:
        return cast(Any, self.hidden).device

    def detach(self) -> "RnnState[T]":
        """The same value cut from the autodiff graph (truncated backpropagation through
        time)."""
        return RnnState(cast(Any, self.hidden).detach())


def check_hidden_clip(op: str, clip: float | None) -> None:
    if clip is not None and not clip >= 0:
        raise ValueError(f"{op}: clip must be >= 0 (hidden values are clamped to [-clip, clip]), "
                         f"got {clip}")


def hidden_of(op: str, state: Any) -> Any:
    """The hidden-state tensor of an `RnnState`, a bare tensor, or None."""
    if state is None or isinstance(state, Tensor):
        return state
    if isinstance(state, RnnState):
        return state.hidden
    raise TypeError(f"{op}: state must be an RnnState(hidden), a hidden-state tensor or None, "
                    f"got {type(state).__name__}")


class RnnConfig(Config):
    """``RnnConfig(d_input, d_hidden, bias)`` plus defaults, named like `LstmConfig`'s.

    ``nonlinearity`` is ``"tanh"`` or ``"relu"`` (``torch.nn.RNN``'s argument); ``batch_first``
    defaults to True (Burn; ``torch.nn.RNN`` defaults to False); ``clip`` (Burn's) clamps the
    hidden state to ``[-clip, clip]`` after every step."""

    d_input: int
    d_hidden: int
    bias: bool
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)
    batch_first: bool = True
    reverse: bool = False
    nonlinearity: str = "tanh"
    clip: Optional[float] = None

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Rnn":
        """One gate drawn with `initializer` (lazily: ``load_record`` right after never
        draws)."""
        check_sizes("RnnConfig.init", self.d_input, self.d_hidden)
        check_nonlinearity("RnnConfig.init", self.nonlinearity)
        check_hidden_clip("RnnConfig.init", self.clip)
        backend, dev = resolve_device(device, backend, "RnnConfig.init")
        return Rnn(gate=GateController.new(self.d_input, self.d_hidden, self.bias,
                                           self.initializer, dev, backend),
                   d_hidden=self.d_hidden, batch_first=self.batch_first, reverse=self.reverse,
                   nonlinearity=self.nonlinearity,
                   clip=None if self.clip is None else float(self.clip))


class Rnn(Module):
    """A unidirectional simple RNN; build it with `RnnConfig`."""

    fused: ClassVar[bool] = True
    """Use the fused `rnn_sequence` op; ``Rnn.fused = False`` forces the per-step path (so does
    a `clip`, which the fused kernels do not apply)."""

    gate: GateController
    d_hidden: int
    batch_first: bool
    reverse: bool
    nonlinearity: str
    clip: Optional[float] = None

    @property
    def d_input(self) -> int:
        return self.gate.d_input

    @property
    def bias(self) -> bool:
        return self.gate.input_transform.bias is not None

    def forward(self, batched_input: "Tensor[B]",
                state: "RnnState[Tensor[B]] | Tensor[B] | None" = None
                ) -> "tuple[Tensor[B], RnnState[Tensor[B]]]":
        """``[batch, seq, d_input]`` (``[seq, batch, d_input]`` when not `batch_first`) ->
        ``(output, RnnState(hidden))``, as Burn: the hidden state of every step, laid out like
        the input with ``d_hidden`` features, and the last one ``[batch, d_hidden]``. `state`
        holds the initial hidden state ``[batch, d_hidden]`` (zeros when None)."""
        op = "Rnn.forward"
        batch, seq = check_input(op, batched_input, self.d_input, self.batch_first)
        initial = self._initial_state(op, batched_input, batch, hidden_of(op, state))
        if self.uses_fused() and min(batch, seq) > 0:
            seq_first = batched_input if not self.batch_first else batched_input.swap_dims(0, 1)
            output, final = self._forward_fused(seq_first, initial, self.reverse)
            return (output.swap_dims(0, 1) if self.batch_first else output), RnnState(final)
        x = batched_input if self.batch_first else batched_input.swap_dims(0, 1)
        output, final = self._forward_generic(x, initial, self.reverse)
        return (output if self.batch_first else output.swap_dims(0, 1)), RnnState(final)

    __call__ = forward

    def uses_fused(self) -> bool:
        """Whether `forward` runs the fused `rnn_sequence` op."""
        return Rnn.fused and self.clip is None

    def _initial_state(self, op: str, like: Any, batch: int, state: Any) -> Any:
        """`state` checked against ``[batch, d_hidden]``, or zeros on `like`'s backend and
        device."""
        expected = [batch, self.d_hidden]
        if state is None:
            return type(like).zeros(expected, like.device)
        check_state(op, "state", state, expected)
        return state

    def _fused_parameters(self) -> tuple[Any, Any, Any]:
        """``(w_ih [d_input, H], w_hh [H, H], bias [H] or None)``: the two biases summed (each
        call, so Autodiff sends the gradient to both)."""
        w_ih = self.gate.input_transform.weight.val()
        w_hh = self.gate.hidden_transform.weight.val()
        b_x, b_h = self.gate.input_transform.bias, self.gate.hidden_transform.bias
        if b_x is None and b_h is None:
            return w_ih, w_hh, None
        if b_x is None or b_h is None:   # a gate built by hand with one bias
            return w_ih, w_hh, (b_x if b_h is None else b_h).val()  # type: ignore[union-attr]
        return w_ih, w_hh, b_x.val() + b_h.val()

    def _forward_fused(self, x: Any, hidden: Any, reverse: bool) -> tuple[Any, Any]:
        """The whole sequence as one `rnn_sequence` op on a seq-first `x`
        ``[seq, batch, d_input]``; returns the seq-first output and the final state."""
        w_ih, w_hh, bias = self._fused_parameters()
        y, h = rnn_sequence.apply(x, hidden, w_ih, w_hh, bias, nonlinearity=self.nonlinearity,
                                  reverse=reverse)
        return y, h

    def _forward_generic(self, x: Any, hidden: Any, reverse: bool) -> tuple[Any, Any]:
        """The step loop on a batch-first `x` ``[batch, seq, d_input]``, backwards when
        `reverse` (output ``t`` is the state after ``x_t``)."""
        batch, seq, _ = x.dims()
        if seq == 0:
            return type(x).zeros([batch, 0, self.d_hidden], x.device), hidden
        inputs = x.unbind(1)
        outputs: list[Any] = [None] * seq
        for t in (range(seq - 1, -1, -1) if reverse else range(seq)):
            hidden = self._step(inputs[t], hidden)
            outputs[t] = hidden
        return type(x).stack(outputs, 1), hidden

    def _step(self, input_t: Any, hidden: Any) -> Any:
        """One step: ``[batch, d_input]`` and ``[batch, d_hidden]`` -> the next hidden
        state."""
        z = self.gate.gate_product(input_t, hidden)
        h = z.tanh() if self.nonlinearity == "tanh" else z.relu()
        return h if self.clip is None else h.clamp(-self.clip, self.clip)

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_hidden": self.d_hidden, "bias": self.bias}
