"""`BiRnn`: two simple RNNs read the sequence in opposite directions and their hidden states
are concatenated per step (``torch.nn.RNN(bidirectional=True)``).

As `BiLstm`, the attributes are `forward_rnn`/`reverse_rnn` (a module cannot have a
``forward`` attribute next to its ``forward()`` method) and ``record_names`` records them as
``forward``/``reverse``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.rnn_sequence import check_nonlinearity

from .._types import B
from ..initializer import Initializer, resolve_device
from ._checks import check_input, check_sizes, check_state
from .rnn import Rnn, RnnConfig, RnnState, check_hidden_clip, hidden_of

__all__ = ["BiRnnConfig", "BiRnn"]


class BiRnnConfig(Config):
    """`RnnConfig`'s fields without ``reverse`` (one direction of each kind is the point)."""

    d_input: int
    d_hidden: int
    bias: bool
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)
    batch_first: bool = True
    nonlinearity: str = "tanh"
    clip: Optional[float] = None

    def init(self, device: Device | str | None = None, backend: Any = None) -> "BiRnn":
        """Two independent batch-first `Rnn`s; `BiRnn` converts the layout once for both."""
        check_sizes("BiRnnConfig.init", self.d_input, self.d_hidden)
        check_nonlinearity("BiRnnConfig.init", self.nonlinearity)
        check_hidden_clip("BiRnnConfig.init", self.clip)
        backend, dev = resolve_device(device, backend, "BiRnnConfig.init")
        base = RnnConfig(self.d_input, self.d_hidden, self.bias, initializer=self.initializer,
                         batch_first=True, nonlinearity=self.nonlinearity, clip=self.clip)
        return BiRnn(forward_rnn=base.init(dev, backend),
                     reverse_rnn=base.with_reverse(True).init(dev, backend),
                     d_hidden=self.d_hidden, batch_first=self.batch_first)


class BiRnn(Module):
    """A bidirectional simple RNN; build it with `BiRnnConfig`."""

    record_names: ClassVar[dict[str, str]] = {"forward_rnn": "forward",
                                              "reverse_rnn": "reverse"}

    forward_rnn: Rnn
    reverse_rnn: Rnn
    d_hidden: int
    batch_first: bool

    @property
    def d_input(self) -> int:
        return self.forward_rnn.d_input

    @property
    def bias(self) -> bool:
        return self.forward_rnn.bias

    @property
    def nonlinearity(self) -> str:
        return self.forward_rnn.nonlinearity

    def forward(self, batched_input: "Tensor[B]",
                state: "RnnState[Tensor[B]] | Tensor[B] | None" = None
                ) -> "tuple[Tensor[B], RnnState[Tensor[B]]]":
        """``[batch, seq, d_input]`` (``[seq, batch, d_input]`` when not `batch_first`) ->
        ``(output, RnnState(hidden))``: ``2 * d_hidden`` features per step (forward direction
        first, PyTorch's layout) and the final hidden states ``[2, batch, d_hidden]`` (forward
        at index 0). `state` holds the initial one, same shape (zeros when None)."""
        op = "BiRnn.forward"
        batch, seq = check_input(op, batched_input, self.d_input, self.batch_first)
        hidden: Any = hidden_of(op, state)
        init_f = init_r = None
        if hidden is not None:
            check_state(op, "state", hidden, [2, batch, self.d_hidden])
            init_f, init_r = hidden.unbind(0)
        start_f = self.forward_rnn._initial_state(op, batched_input, batch, init_f)
        start_r = self.reverse_rnn._initial_state(op, batched_input, batch, init_r)
        # The directions' own batch_first/reverse flags play no part: this method decides.
        if self.forward_rnn.uses_fused() and min(batch, seq) > 0:   # sequence-first in and out
            seq_first = batched_input if not self.batch_first else batched_input.swap_dims(0, 1)
            out_f, final_f = self.forward_rnn._forward_fused(seq_first, start_f, False)
            out_r, final_r = self.reverse_rnn._forward_fused(seq_first, start_r, True)
            swap = self.batch_first
        else:                                    # batch-first in and out
            x = batched_input if self.batch_first else batched_input.swap_dims(0, 1)
            out_f, final_f = self.forward_rnn._forward_generic(x, start_f, False)
            out_r, final_r = self.reverse_rnn._forward_generic(x, start_r, True)
            swap = not self.batch_first
        T = type(batched_input)
        output = T.cat([out_f, out_r], 2)
        return ((output.swap_dims(0, 1) if swap else output),
                RnnState(T.stack([final_f, final_r], 0)))

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_hidden": self.d_hidden, "bias": self.bias}
