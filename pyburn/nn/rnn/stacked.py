"""Stacked (deep) recurrent layers: ``torch.nn.LSTM``/``GRU``/``RNN`` with ``num_layers > 1``.

`StackedLstm`, `StackedGru` and `StackedRnn` hold a list of one-layer modules (`Lstm`/`Gru`/
`Rnn`, or `BiLstm`/`BiGru`/`BiRnn` when ``bidirectional``): layer ``k + 1`` reads layer ``k``'s
output, with a `Dropout` between layers and none after the last (as PyTorch). States use
PyTorch's layout, ``[num_layers * num_directions, batch, d_hidden]`` (layer-major, forward
direction first), so ``h_n`` of PyTorch and of these modules line up index for index; the
records are per layer (``layers.0.input_gate...``) and `pyburn.nn.rnn.torch_interop` maps them
to PyTorch's ``weight_ih_l{k}`` names.

Inside, every layer runs sequence-first: the stack converts the layout once on the way in and
once on the way out, and each layer's fused kernel reads its input without another transpose.
"""

from __future__ import annotations

from typing import Any, Callable

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.rnn_sequence import check_nonlinearity

from .._types import B
from ..dropout import Dropout, DropoutConfig
from ..initializer import Initializer, resolve_device
from ._checks import check_input, check_sizes, check_state
from .bilstm import BiLstmConfig
from .birnn import BiRnnConfig
from .gru import BiGru, BiGruConfig, GruConfig
from .lstm import LstmConfig, LstmState
from .rnn import RnnConfig

__all__ = ["StackedLstmConfig", "StackedLstm", "StackedGruConfig", "StackedGru",
           "StackedRnnConfig", "StackedRnn"]


def _check_stack(op: str, d_input: int, d_hidden: int, num_layers: int, dropout: float) -> None:
    check_sizes(op, d_input, d_hidden)
    if isinstance(num_layers, bool) or not isinstance(num_layers, int) or num_layers < 1:
        raise ValueError(f"{op}: num_layers must be an integer >= 1, got {num_layers!r}")
    if not 0.0 <= dropout < 1.0:
        raise ValueError(f"{op}: dropout (the probability of zeroing a layer's output before "
                         f"the next layer) must be in [0, 1), got {dropout}")


def _build(op: str, cfg: Any, device: Device | str | None, backend: Any,
           make: Callable[[int], Any]) -> dict[str, Any]:
    """The fields every stack shares; `make(d_input)` builds one (sequence-first) layer."""
    _check_stack(op, cfg.d_input, cfg.d_hidden, cfg.num_layers, cfg.dropout)
    backend, dev = resolve_device(device, backend, op)
    width = cfg.d_hidden * (2 if cfg.bidirectional else 1)
    layers = [make(cfg.d_input if k == 0 else width).init(dev, backend)
              for k in range(cfg.num_layers)]
    return {"layers": layers, "dropout": DropoutConfig(float(cfg.dropout)).init(),
            "d_hidden": cfg.d_hidden, "bidirectional": bool(cfg.bidirectional),
            "batch_first": bool(cfg.batch_first)}


class _Stacked(Module):
    """What the three stacks share: checks, layout, dropout between layers, state slicing."""

    layers: list[Any]
    dropout: Dropout
    d_hidden: int
    bidirectional: bool
    batch_first: bool

    @property
    def num_layers(self) -> int:
        return len(self.layers)

    @property
    def num_directions(self) -> int:
        return 2 if self.bidirectional else 1

    @property
    def d_input(self) -> int:
        return int(self.layers[0].d_input)

    @property
    def bias(self) -> bool:
        return bool(self.layers[0].bias)

    def _state_shape(self, batch: int) -> list[int]:
        return [self.num_layers * self.num_directions, batch, self.d_hidden]

    def _layer_states(self, op: str, name: str, value: Any, batch: int) -> list[Any]:
        """A ``[layers * directions, batch, d_hidden]`` state -> one per layer (``[batch, H]``
        for one direction, ``[2, batch, H]`` for two); Nones when `value` is None."""
        if value is None:
            return [None] * self.num_layers
        check_state(op, name, value, self._state_shape(batch))
        d = self.num_directions
        if d == 1:
            return list(value.unbind(0))
        return [value[k * d:(k + 1) * d] for k in range(self.num_layers)]

    def _join(self, finals: list[Any]) -> Any:
        """Per-layer final states -> ``[layers * directions, batch, H]``."""
        T = type(finals[0])
        if self.num_directions == 1:
            return T.stack(finals, 0)
        return T.cat(finals, 0)

    def _run(self, x: Any, starts: list[Any],
             step: Callable[[Any, Any, Any], tuple[Any, Any]]) -> tuple[Any, list[Any]]:
        """Every layer, sequence-first, dropout between layers; `step(layer, x, start)` runs
        one (`x` was checked by `_batch`). Returns the output in the stack's layout and the
        per-layer finals."""
        h = x.swap_dims(0, 1) if self.batch_first else x
        finals = []
        for k, (layer, start) in enumerate(zip(self.layers, starts)):
            if k > 0:
                h = self.dropout.forward(h)
            h, final = step(layer, h, start)
            finals.append(final)
        return (h.swap_dims(0, 1) if self.batch_first else h), finals

    def _batch(self, op: str, x: Any) -> int:
        """`x` checked as the first layer would (naming the stack); its batch size."""
        return check_input(op, x, self.d_input, self.batch_first)[0]

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_hidden": self.d_hidden,
                "num_layers": self.num_layers, "bias": self.bias,
                "dropout": self.dropout.prob, "bidirectional": self.bidirectional}


class StackedLstmConfig(Config):
    """``torch.nn.LSTM(d_input, d_hidden, num_layers, bias, dropout=..., bidirectional=...)``
    in Burn's config style (``batch_first`` defaults to True, as Burn's)."""

    d_input: int
    d_hidden: int
    num_layers: int
    bias: bool = True
    dropout: float = 0.0
    bidirectional: bool = False
    batch_first: bool = True
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "StackedLstm":
        def make(d_in: int) -> Any:
            cls = BiLstmConfig if self.bidirectional else LstmConfig
            return cls(d_in, self.d_hidden, self.bias, initializer=self.initializer,
                       batch_first=False)
        return StackedLstm(**_build("StackedLstmConfig.init", self, device, backend, make))


class StackedLstm(_Stacked):
    """A deep LSTM; build it with `StackedLstmConfig`."""

    def forward(self, batched_input: "Tensor[B]",
                state: "LstmState[Tensor[B]] | None" = None
                ) -> "tuple[Tensor[B], LstmState[Tensor[B]]]":
        """``[batch, seq, d_input]`` (seq-first when not `batch_first`) -> ``(output,
        LstmState(cell, hidden))``: the last layer's hidden states (``d_hidden`` features, or
        ``2 * d_hidden`` when bidirectional) and each layer's final state, ``[num_layers *
        num_directions, batch, d_hidden]`` each (PyTorch's ``c_n``/``h_n``). `state` is the
        initial one in the same layout (zeros when None)."""
        op = "StackedLstm.forward"
        batch = self._batch(op, batched_input)
        if state is not None and not isinstance(state, LstmState):
            raise TypeError(f"{op}: state must be an LstmState(cell, hidden) or None, got "
                            f"{type(state).__name__}")
        cells = self._layer_states(op, "state.cell", None if state is None else state.cell,
                                   batch)
        hiddens = self._layer_states(op, "state.hidden",
                                     None if state is None else state.hidden, batch)
        starts = [None if c is None else LstmState(c, h) for c, h in zip(cells, hiddens)]
        output, finals = self._run(batched_input, starts,
                                   lambda layer, x, s: layer.forward(x, s))
        return output, LstmState(self._join([f.cell for f in finals]),
                                 self._join([f.hidden for f in finals]))

    __call__ = forward


class StackedGruConfig(Config):
    """``torch.nn.GRU`` with ``num_layers``/``dropout``/``bidirectional``, Burn's style."""

    d_input: int
    d_hidden: int
    num_layers: int
    bias: bool = True
    dropout: float = 0.0
    bidirectional: bool = False
    batch_first: bool = True
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "StackedGru":
        def make(d_in: int) -> Any:
            cls = BiGruConfig if self.bidirectional else GruConfig
            return cls(d_in, self.d_hidden, self.bias, initializer=self.initializer,
                       batch_first=False)
        return StackedGru(**_build("StackedGruConfig.init", self, device, backend, make))


class StackedGru(_Stacked):
    """A deep GRU; build it with `StackedGruConfig`."""

    def forward(self, batched_input: "Tensor[B]", state: "Tensor[B] | None" = None
                ) -> "tuple[Tensor[B], Tensor[B]]":
        """As `StackedLstm.forward`, with one hidden state tensor ``[num_layers *
        num_directions, batch, d_hidden]`` (PyTorch's ``h_n``)."""
        op = "StackedGru.forward"
        starts = self._layer_states(op, "state", state, self._batch(op, batched_input))

        def step(layer: Any, x: Any, start: Any) -> tuple[Any, Any]:
            return layer.forward(x, start) if isinstance(layer, BiGru) else \
                layer.forward_with_state(x, start)
        output, finals = self._run(batched_input, starts, step)
        return output, self._join(finals)

    __call__ = forward


class StackedRnnConfig(Config):
    """``torch.nn.RNN`` with ``num_layers``/``dropout``/``bidirectional``/``nonlinearity``."""

    d_input: int
    d_hidden: int
    num_layers: int
    bias: bool = True
    dropout: float = 0.0
    bidirectional: bool = False
    batch_first: bool = True
    nonlinearity: str = "tanh"
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "StackedRnn":
        check_nonlinearity("StackedRnnConfig.init", self.nonlinearity)

        def make(d_in: int) -> Any:
            cls = BiRnnConfig if self.bidirectional else RnnConfig
            return cls(d_in, self.d_hidden, self.bias, initializer=self.initializer,
                       batch_first=False, nonlinearity=self.nonlinearity)
        return StackedRnn(**_build("StackedRnnConfig.init", self, device, backend, make))


class StackedRnn(_Stacked):
    """A deep simple RNN; build it with `StackedRnnConfig`."""

    @property
    def nonlinearity(self) -> str:
        return str(self.layers[0].nonlinearity)

    def forward(self, batched_input: "Tensor[B]", state: "Tensor[B] | None" = None
                ) -> "tuple[Tensor[B], Tensor[B]]":
        """As `StackedGru.forward` (PyTorch's ``nn.RNN``: ``(output, h_n)``)."""
        op = "StackedRnn.forward"
        starts = self._layer_states(op, "state", state, self._batch(op, batched_input))
        def step(layer: Any, x: Any, start: Any) -> tuple[Any, Any]:
            out, final = layer.forward(x, start)     # Rnn/BiRnn return an RnnState
            return out, final.hidden
        output, finals = self._run(batched_input, starts, step)
        return output, self._join(finals)

    __call__ = forward


STACKED_LAYERS = (StackedLstm, StackedGru, StackedRnn)
