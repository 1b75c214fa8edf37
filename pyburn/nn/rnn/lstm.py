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

Fused path: with the standard activations (sigmoid gates, tanh cell and hidden) `Lstm.forward`
runs the whole sequence as one `lstm_sequence` op (`pyburn.tensor.module_ops`), whose native
kernels (NumPy/CuPy, Torch) do the forward and the backward through time in one go. The per-gate
weights are concatenated into ``[d_input, 4 * d_hidden]``/``[d_hidden, 4 * d_hidden]`` blocks at
compute time (gate order i, f, g, o; i, g, o with ``input_forget``), so records stay per-gate and
gradients reach every gate's parameters through the concatenation. Any other activation takes
`Lstm._forward_generic`; ``Lstm.fused = False`` forces it (benchmarks, debugging).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Generic, Optional, Sequence, TypeVar, cast

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Shape, ShapeError, Tensor
from pyburn.tensor.module_ops import lstm_sequence

from .._types import B
from ..activation import Activation, ActivationConfig
from ..initializer import Initializer, resolve_device
from ._checks import check_clip, check_input, check_sizes, check_state
from .gate_controller import GateController

__all__ = ["LstmState", "LstmConfig", "Lstm"]

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class LstmState(Generic[T]):
    """Cell and hidden state: ``[batch, d_hidden]`` each for `Lstm`, ``[2, batch, d_hidden]``
    for `BiLstm`. Note the order: Burn's ``LstmState::new(cell, hidden)``, while PyTorch
    returns ``(h_n, c_n)``."""

    cell: T
    hidden: T

    def __post_init__(self) -> None:
        # Burn asserts this in ``LstmState::new``; a mismatch is always a bug in the caller.
        cell_shape = getattr(self.cell, "shape", None)
        hidden_shape = getattr(self.hidden, "shape", None)
        if cell_shape is not None and hidden_shape is not None and \
                list(cell_shape) != list(hidden_shape):
            raise ShapeError(f"LstmState: cell shape {list(cell_shape)} and hidden shape "
                             f"{list(hidden_shape)} must be equal")

    @classmethod
    def new(cls, cell: T, hidden: T) -> "LstmState[T]":
        """Burn's ``LstmState::new(cell, hidden)`` (the shapes must be equal)."""
        return cls(cell, hidden)

    @classmethod
    def initial(cls, shape: Sequence[int] | Shape, device: Device,
                backend: Any = None) -> "LstmState[Any]":
        """Burn's ``LstmState::initial(shape, device)``: zero cell and hidden states on
        `device` (whose backend it names, or `backend`)."""
        backend, dev = resolve_device(device, backend, "LstmState.initial")
        zeros = Tensor.of(backend).zeros(list(shape), dev)
        return LstmState(zeros, zeros)

    def shape(self) -> Shape:
        """The shape of the cell and hidden states."""
        return cast(Any, self.cell).shape

    def device(self) -> Device:
        """The device the state lives on."""
        return cast(Any, self.cell).device

    def unpack(self) -> tuple[T, T]:
        """``(cell, hidden)``, the inverse of `new`."""
        return self.cell, self.hidden

    def map_state(self, f: Callable[[T], U]) -> "LstmState[U]":
        """`f` applied to the cell and the hidden state."""
        return LstmState(f(self.cell), f(self.hidden))

    def slice(self, slices: Any) -> "LstmState[Any]":
        """Both states sliced alike (`Tensor.slice`)."""
        return self.map_state(lambda t: cast(Any, t).slice(slices))

    def squeeze_dim(self, dim: int) -> "LstmState[Any]":
        return self.map_state(lambda t: cast(Any, t).squeeze_dim(dim))

    def unsqueeze_dim(self, dim: int) -> "LstmState[Any]":
        return self.map_state(lambda t: cast(Any, t).unsqueeze_dim(dim))

    @staticmethod
    def stack(states: Sequence["LstmState[Any]"], dim: int) -> "LstmState[Any]":
        """Burn's ``LstmState::stack``: the states stacked along a new `dim` (per-layer states
        into one multi-layer state)."""
        if not states:
            raise ValueError("LstmState.stack: expected at least one state, got none")
        cls = type(states[0].cell)
        return LstmState(cls.stack([s.cell for s in states], dim),
                         cls.stack([s.hidden for s in states], dim))

    def chunk(self, n: int, dim: int) -> "list[LstmState[Any]]":
        """Burn's ``LstmState::chunk``: `n` states along `dim`, the inverse of `stack` up to
        the kept size-1 dim."""
        cells = cast(Any, self.cell).chunk(n, dim)
        hiddens = cast(Any, self.hidden).chunk(n, dim)
        return [LstmState(c, h) for c, h in zip(cells, hiddens)]

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

    fused: ClassVar[bool] = True
    """Use the fused `lstm_sequence` op when the activations allow it; set ``Lstm.fused =
    False`` to force the per-step generic path everywhere (it gives the same values)."""

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

    def forward(self, batched_input: "Tensor[B]", state: "LstmState[Tensor[B]] | None" = None
                ) -> "tuple[Tensor[B], LstmState[Tensor[B]]]":
        """``[batch, seq, d_input]`` (``[seq, batch, d_input]`` when not `batch_first`) ->
        ``(output, LstmState(cell, hidden))``: the hidden state of every step, laid out like
        the input with ``d_hidden`` features, and the final state ``[batch, d_hidden]`` each.
        `state` is the initial state (zeros when None)."""
        op = "Lstm.forward"
        batch, seq = check_input(op, batched_input, self.d_input, self.batch_first)
        initial = self._initial_state(op, batched_input, batch, state)
        if self.uses_fused_path() and min(batch, seq) > 0:
            seq_first = batched_input if not self.batch_first else batched_input.swap_dims(0, 1)
            output, final = self._forward_fused(seq_first, initial, self.reverse)
            return (output.swap_dims(0, 1) if self.batch_first else output), final
        x = batched_input if self.batch_first else batched_input.swap_dims(0, 1)
        output, final = self._forward_generic(x, initial, self.reverse)
        return (output if self.batch_first else output.swap_dims(0, 1)), final

    __call__ = forward

    def _initial_state(self, op: str, like: Any, batch: int,
                       state: LstmState[Any] | None) -> LstmState[Any]:
        """`state` checked against ``[batch, d_hidden]``, or zeros on `like`'s backend and
        device."""
        expected = [batch, self.d_hidden]
        if state is None:
            zeros = type(like).zeros(expected, like.device)
            return LstmState(zeros, zeros)
        if not isinstance(state, LstmState):
            raise TypeError(f"{op}: state must be an LstmState(cell, hidden) or None, got "
                            f"{type(state).__name__}")
        check_state(op, "state.cell", state.cell, expected)
        check_state(op, "state.hidden", state.hidden, expected)
        return state

    def uses_fused_path(self) -> bool:
        """Whether `forward` runs the fused `lstm_sequence` op: only its activations are fixed
        (sigmoid gates, tanh cell and hidden), so any other choice needs the per-step path."""
        return (Lstm.fused
                and type(self.gate_activation.config) is ActivationConfig.Sigmoid
                and type(self.cell_activation.config) is ActivationConfig.Tanh
                and type(self.hidden_activation.config) is ActivationConfig.Tanh)

    def _fused_parameters(self) -> tuple[Any, Any, Any]:
        """``(w_ih [d_input, G*H], w_hh [H, G*H], bias [G*H] or None)`` from the per-gate
        parameters, in the op's gate order (i, f, g, o; i, g, o with `input_forget`). Built
        with ``cat``/``add`` each call, so Autodiff sends the gradients back to every gate."""
        gates = ((self.input_gate, self.cell_gate, self.output_gate) if self.input_forget else
                 (self.input_gate, self.forget_gate, self.cell_gate, self.output_gate))
        T = type(gates[0].input_transform.weight.val())
        w_ih = _join(T, [g.input_transform.weight.val() for g in gates], 1)
        w_hh = _join(T, [g.hidden_transform.weight.val() for g in gates], 1)
        b_x = [g.input_transform.bias for g in gates]
        b_h = [g.hidden_transform.bias for g in gates]
        if all(b is not None for b in b_x + b_h):      # the usual case: two cats, one add
            bias = (_join(T, [b.val() for b in b_x if b is not None], 0)
                    + _join(T, [b.val() for b in b_h if b is not None], 0))
            return w_ih, w_hh, bias
        biases: list[Any] = []
        for bx, bh in zip(b_x, b_h):    # gates built by hand may lack one of their biases
            if bx is None and bh is None:
                biases.append(None)
            elif bx is None or bh is None:
                biases.append((bx if bh is None else bh).val())  # type: ignore[union-attr]
            else:
                biases.append(bx.val() + bh.val())
        if all(b is None for b in biases):
            return w_ih, w_hh, None
        bias = T.cat([b if b is not None else T.zeros([self.d_hidden], w_ih.device)
                      for b in biases], 0)
        return w_ih, w_hh, bias

    def _forward_fused(self, x: Any, state: LstmState[Any],
                       reverse: bool) -> tuple[Any, LstmState[Any]]:
        """The whole sequence as one `lstm_sequence` op on a seq-first `x`
        ``[seq, batch, d_input]``; returns the seq-first output and the final state."""
        w_ih, w_hh, bias = self._fused_parameters()
        y, h, c = lstm_sequence.apply(x, state.hidden, state.cell, w_ih, w_hh, bias,
                                      clip=self.clip, input_forget=self.input_forget,
                                      reverse=reverse)
        return y, LstmState(c, h)

    def _forward_generic(self, x: Any, state: LstmState[Any],
                         reverse: bool) -> tuple[Any, LstmState[Any]]:
        """The step loop on a batch-first `x` ``[batch, seq, d_input]``: one `_step` per
        timestep, backwards when `reverse`; output ``t`` is the hidden state after ``x_t``.

        It runs any activation. Each step does one matmul for the input transforms of all gates
        and one for their hidden transforms, on the concatenated gate weights: the same sums as
        Burn's eight per-step products, in fewer (and larger) ops. (Projecting every step's
        input up front would be one matmul, but its per-step slices would each send a
        gradient the size of the whole sequence back through the tape.)"""
        batch, seq, _ = x.dims()
        if seq == 0:
            return type(x).zeros([batch, 0, self.d_hidden], x.device), state
        w_ih, w_hh, bias = self._fused_parameters()
        inputs = x.unbind(1)
        hidden: list[Any] = [None] * seq
        for t in (range(seq - 1, -1, -1) if reverse else range(seq)):
            projected = inputs[t].matmul(w_ih)
            state = self._step(projected if bias is None else projected + bias, w_hh, state)
            hidden[t] = state.hidden
        return type(x).stack(hidden, 1), state

    def _step(self, projected_t: Any, w_hh: Any, state: LstmState[Any]) -> LstmState[Any]:
        """One LSTM cell step: the step's input transforms ``[batch, G * d_hidden]`` (gate
        blocks as `_fused_parameters` orders them), the fused hidden weights and the previous
        state -> the next state."""
        cell, hidden = state.cell, state.hidden
        z = projected_t + hidden.matmul(w_hh)
        if self.input_forget:  # coupled gates: forget what is written
            z_i, z_g, z_o = z.chunk(3, 1)
            input_values = self.gate_activation.forward(z_i)
            forget_values = input_values.neg().add_scalar(1.0)
        else:
            z_i, z_f, z_g, z_o = z.chunk(4, 1)
            input_values = self.gate_activation.forward(z_i)
            forget_values = self.gate_activation.forward(z_f)
        output_values = self.gate_activation.forward(z_o)
        candidate = self.cell_activation.forward(z_g)
        cell = forget_values * cell + input_values * candidate
        if self.clip is not None:
            cell = cell.clamp(-self.clip, self.clip)
        hidden = output_values * self.hidden_activation.forward(cell)
        return LstmState(cell, hidden)

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_hidden": self.d_hidden, "bias": self.bias}


def _join(T: Any, params: list[Any], dim: int) -> Any:
    """``T.cat(params, dim)`` with its checks only on failure: a module's gate parameters have
    the shapes its config gave them, and this runs on every call. Gates built by hand that do
    not fit get `cat`'s own error, naming the shapes."""
    try:
        return T.from_primitive(T.backend.float_cat([p.primitive for p in params], dim))
    except Exception:
        return T.cat(params, dim)
