"""`Gru` and `BiGru` (Burn's ``burn::nn::Gru``/``BiGru``, ``gru.rs``).

Each step computes, with ``x_part = x_t @ W_x + b_x`` and ``h_part = h @ W_h + b_h`` of a
`GateController`::

    z = gate_activation(update_gate(x_t, h))        r = gate_activation(reset_gate(x_t, h))
    n = hidden_activation(x_part + r * h_part)      (reset_after, PyTorch's nn.GRU)
    n = hidden_activation(new_gate(x_t, r * h))     (not reset_after: the paper's v3)
    h = (1 - z) * n + z * h                         (clamped to [-clip, clip] when set)

``reset_after`` defaults to True in Burn and here: that is ``torch.nn.GRU``'s formulation, so
PyTorch weights load and compute the same. The two are different functions (the reset gate
scales ``h @ W_h + b_h`` or only ``h``), so weights trained with one do not fit the other.

pyburn additions to Burn's ``GruConfig``: ``batch_first`` (default True, which is what Burn's
``Gru`` always assumes) and `Gru.forward_with_state`, which also returns the final hidden state.
"""

from __future__ import annotations

from typing import Any, ClassVar, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor

from .._types import B
from ..activation import Activation, ActivationConfig
from ..initializer import Initializer, resolve_device
from ._checks import check_clip, check_input, check_sizes, check_state
from .gate_controller import GateController

__all__ = ["GruConfig", "Gru", "BiGruConfig", "BiGru"]


class GruConfig(Config):
    """Burn's ``GruConfig``: ``GruConfig(d_input, d_hidden, bias)`` plus defaults."""

    d_input: int
    d_hidden: int
    bias: bool
    reset_after: bool = True
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)
    gate_activation: ActivationConfig = ActivationConfig.Sigmoid()
    hidden_activation: ActivationConfig = ActivationConfig.Tanh()
    clip: Optional[float] = None
    batch_first: bool = True

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Gru":
        """Three gates drawn with `initializer` (lazily), and the two activations."""
        check_sizes("GruConfig.init", self.d_input, self.d_hidden)
        check_clip("GruConfig.init", self.clip)
        backend, dev = resolve_device(device, backend, "GruConfig.init")

        def new_gate() -> GateController:
            return GateController.new(self.d_input, self.d_hidden, self.bias, self.initializer,
                                      dev, backend)

        return Gru(
            update_gate=new_gate(),
            reset_gate=new_gate(),
            new_gate=new_gate(),
            d_hidden=self.d_hidden,
            reset_after=self.reset_after,
            gate_activation=self.gate_activation.init(dev, backend),
            hidden_activation=self.hidden_activation.init(dev, backend),
            clip=None if self.clip is None else float(self.clip),
            batch_first=self.batch_first,
        )


class Gru(Module):
    """A unidirectional GRU; build it with `GruConfig`. Fields (and record names) are
    Burn's, plus ``batch_first``."""

    update_gate: GateController
    reset_gate: GateController
    new_gate: GateController
    d_hidden: int
    reset_after: bool
    gate_activation: Activation
    hidden_activation: Activation
    clip: float | None = None
    batch_first: bool = True

    @property
    def d_input(self) -> int:
        return self.update_gate.d_input

    @property
    def bias(self) -> bool:
        return self.update_gate.input_transform.bias is not None

    def forward(self, batched_input: "Tensor[B]", state: "Tensor[B] | None" = None) -> "Tensor[B]":
        """Burn's ``Gru::forward``: ``[batch, seq, d_input]`` (``[seq, batch, d_input]`` when
        not `batch_first`) -> the hidden state of every step, laid out like the input with
        ``d_hidden`` features. `state` is the initial hidden state ``[batch, d_hidden]``
        (zeros when None)."""
        return self.forward_with_state(batched_input, state)[0]

    __call__ = forward

    def forward_with_state(self, batched_input: "Tensor[B]", state: "Tensor[B] | None" = None
                           ) -> "tuple[Tensor[B], Tensor[B]]":
        """`forward`, also returning the final hidden state ``[batch, d_hidden]`` (PyTorch's
        ``h_n`` without its layer dim)."""
        op = "Gru.forward"
        check_input(op, batched_input, self.d_input, self.batch_first)
        x = batched_input if self.batch_first else batched_input.swap_dims(0, 1)
        output, final = self._forward_generic(x, self._initial_state(op, x, state), False)
        return (output if self.batch_first else output.swap_dims(0, 1)), final

    def _initial_state(self, op: str, x: Any, state: Any) -> Any:
        expected = [x.dims()[0], self.d_hidden]
        if state is None:
            return type(x).zeros(expected, x.device)
        check_state(op, "state", state, expected)
        return state

    def _forward_generic(self, x: Any, hidden: Any, reverse: bool) -> tuple[Any, Any]:
        """The step loop on a batch-first `x` ``[batch, seq, d_input]``, backwards when
        `reverse` (output ``t`` is the state after ``x_t``); the place for a fused kernel."""
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
        """One GRU cell step: ``[batch, d_input]`` and ``[batch, d_hidden]`` -> the next
        hidden state."""
        update_values = self.gate_activation.forward(self.update_gate.gate_product(input_t, hidden))
        reset_values = self.gate_activation.forward(self.reset_gate.gate_product(input_t, hidden))
        if self.reset_after:
            new_sum = (self.new_gate.input_transform.forward(input_t)
                       + reset_values * self.new_gate.hidden_transform.forward(hidden))
        else:
            new_sum = self.new_gate.gate_product(input_t, hidden * reset_values)
        candidate = self.hidden_activation.forward(new_sum)
        hidden = candidate * update_values.neg().add_scalar(1.0) + update_values * hidden
        if self.clip is not None:
            hidden = hidden.clamp(-self.clip, self.clip)
        return hidden

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_hidden": self.d_hidden, "bias": self.bias,
                "reset_after": self.reset_after}


class BiGruConfig(Config):
    """Burn's ``BiGruConfig``."""

    d_input: int
    d_hidden: int
    bias: bool
    reset_after: bool = True
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)
    batch_first: bool = True
    gate_activation: ActivationConfig = ActivationConfig.Sigmoid()
    hidden_activation: ActivationConfig = ActivationConfig.Tanh()
    clip: Optional[float] = None

    def init(self, device: Device | str | None = None, backend: Any = None) -> "BiGru":
        """Two independent batch-first `Gru`s; `BiGru` converts the layout for both."""
        check_sizes("BiGruConfig.init", self.d_input, self.d_hidden)
        check_clip("BiGruConfig.init", self.clip)
        backend, dev = resolve_device(device, backend, "BiGruConfig.init")
        base = GruConfig(self.d_input, self.d_hidden, self.bias,
                         reset_after=self.reset_after,
                         initializer=self.initializer,
                         gate_activation=self.gate_activation,
                         hidden_activation=self.hidden_activation,
                         clip=self.clip,
                         batch_first=True)
        return BiGru(forward_gru=base.init(dev, backend), reverse_gru=base.init(dev, backend),
                     d_hidden=self.d_hidden, batch_first=self.batch_first)


class BiGru(Module):
    """A bidirectional GRU; build it with `BiGruConfig`. As `BiLstm`, the attributes
    `forward_gru`/`reverse_gru` are recorded under Burn's names ``forward``/``reverse``."""

    record_names: ClassVar[dict[str, str]] = {"forward_gru": "forward",
                                              "reverse_gru": "reverse"}

    forward_gru: Gru
    reverse_gru: Gru
    d_hidden: int
    batch_first: bool

    @property
    def d_input(self) -> int:
        return self.forward_gru.d_input

    @property
    def bias(self) -> bool:
        return self.forward_gru.bias

    def forward(self, batched_input: "Tensor[B]", state: "Tensor[B] | None" = None
                ) -> "tuple[Tensor[B], Tensor[B]]":
        """``[batch, seq, d_input]`` (``[seq, batch, d_input]`` when not `batch_first`) ->
        ``(output, state)``: ``2 * d_hidden`` features per step (forward direction first) and
        the final hidden states ``[2, batch, d_hidden]`` (forward at index 0). `state` is the
        initial one, same shape (zeros when None)."""
        op = "BiGru.forward"
        check_input(op, batched_input, self.d_input, self.batch_first)
        x = batched_input if self.batch_first else batched_input.swap_dims(0, 1)
        init_f = init_r = None
        if state is not None:
            check_state(op, "state", state, [2, x.dims()[0], self.d_hidden])
            init_f, init_r = state.unbind(0)
        out_f, final_f = self.forward_gru._forward_generic(
            x, self.forward_gru._initial_state(op, x, init_f), False)
        out_r, final_r = self.reverse_gru._forward_generic(
            x, self.reverse_gru._initial_state(op, x, init_r), True)
        T = type(x)
        output = T.cat([out_f, out_r], 2)
        return (output if self.batch_first else output.swap_dims(0, 1)), \
            T.stack([final_f, final_r], 0)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_hidden": self.d_hidden, "bias": self.bias}
