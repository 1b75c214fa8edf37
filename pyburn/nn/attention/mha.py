"""`MultiHeadAttention` (Burn's ``burn::nn::attention::MultiHeadAttention``), from "Attention Is
All You Need": queries, keys and values are projected by four `Linear` layers and split into
``n_heads`` heads of size ``d_k = d_model / n_heads``.

As in Burn: masked scores are set to `min_float` (-1e4 by default), not ``-inf``, so a row whose
keys are all masked gives uniform weights instead of NaN; dropout acts on the scores before the
softmax; `quiet_softmax` adds an implicit zero logit so a head may attend to nothing. The
projections are `Linear` layers in Burn's ``[d_input, d_output]`` layout; torch's packed
``in_proj_weight`` converts through `load_torch_state_dict` / `to_torch_state_dict`.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Distribution, RankError, ShapeError, Tensor
from pyburn.tensor.module_ops import attention_weights, unstack3

from ..dropout import Dropout, DropoutConfig
from ..initializer import Initializer, resolve_device
from ..linear import Linear, LinearConfig
from .cache import TensorCache

__all__ = ["MultiHeadAttentionConfig", "MultiHeadAttention", "MhaInput", "MhaOutput",
           "MhaCache"]


class MultiHeadAttentionConfig(Config):
    """Burn's defaults: dropout 0.1, ``min_float = -1e4``, no quiet softmax, biases on all four
    projections, Kaiming-uniform with gain ``1/sqrt(3)`` (torch.nn.Linear's init)."""

    d_model: int
    n_heads: int
    dropout: float = 0.1
    min_float: float = -1.0e4
    quiet_softmax: bool = False
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)
    key_bias: bool = True
    value_bias: bool = True
    query_bias: bool = True
    output_bias: bool = True

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "MultiHeadAttention":
        """Build the layer on `device` (which names its backend)."""
        if self.d_model <= 0 or self.n_heads <= 0:
            raise ValueError(f"MultiHeadAttentionConfig.init: d_model and n_heads must be "
                             f"positive, got d_model={self.d_model}, n_heads={self.n_heads}")
        # As Burn, a d_model that n_heads does not divide still builds (d_k rounds down, and
        # Display shows it); `forward` refuses it.
        backend, dev = resolve_device(device, backend, "MultiHeadAttentionConfig.init")

        def linear(bias: bool) -> Linear:
            return LinearConfig(self.d_model, self.d_model, bias=bias,
                                initializer=self.initializer).init(dev, backend)

        return MultiHeadAttention(
            query=linear(self.query_bias), key=linear(self.key_bias),
            value=linear(self.value_bias), output=linear(self.output_bias),
            dropout=DropoutConfig(self.dropout).init(),
            d_model=self.d_model, n_heads=self.n_heads, d_k=self.d_model // self.n_heads,
            min_float=float(self.min_float), quiet_softmax=bool(self.quiet_softmax))


class MhaInput:
    """Queries ``[batch, seq_q, d_model]``, keys and values ``[batch, seq_k, d_model]``, and
    optional masks (True = do not attend). Build with ``MhaInput(query, key, value)`` (Burn's
    ``MhaInput::new``) or ``MhaInput.self_attn(x)``; add masks with the chained methods."""

    def __init__(self, query: Any, key: Any, value: Any) -> None:
        self.query = query
        self.key = key
        self.value = value
        self.mask_pad_tensor: Any = None
        self.mask_attn_tensor: Any = None

    @classmethod
    def new(cls, query: Any, key: Any, value: Any) -> "MhaInput":
        return cls(query, key, value)

    @classmethod
    def self_attn(cls, tensor: Any) -> "MhaInput":
        """Self-attention: `tensor` is the query, the key and the value."""
        return cls(tensor, tensor, tensor)

    def mask_pad(self, mask_pad: Any) -> "MhaInput":
        """A padding mask ``[batch, seq_k]`` (Bool, True at padded keys): torch's
        ``key_padding_mask``."""
        out = self._copy()
        out.mask_pad_tensor = mask_pad
        return out

    def mask_attn(self, mask_attn: Any) -> "MhaInput":
        """An attention mask ``[batch, seq_q, seq_k]`` (Bool, True where query ``i`` must not
        see key ``j``), e.g. `generate_autoregressive_mask`: torch's boolean ``attn_mask``."""
        out = self._copy()
        out.mask_attn_tensor = mask_attn
        return out

    def _copy(self) -> "MhaInput":
        out = MhaInput(self.query, self.key, self.value)
        out.mask_pad_tensor, out.mask_attn_tensor = self.mask_pad_tensor, self.mask_attn_tensor
        return out


class MhaOutput:
    """`context` ``[batch, seq_q, d_model]`` and the attention `weights`
    ``[batch, n_heads, seq_q, seq_k]`` (per head, after masking and softmax)."""

    def __init__(self, weights: Any, context: Any) -> None:
        self.weights = weights
        self.context = context

    def __iter__(self) -> Any:  # ``context, weights = mha(input)`` reads like torch's tuple
        return iter((self.context, self.weights))


class MhaCache:
    """What `MultiHeadAttention.forward_cache` keeps between decoding steps (Burn's
    ``MhaCache``): per-head projections of past positions and past outputs."""

    def __init__(self, query: TensorCache, key: TensorCache, value: TensorCache,
                 output: TensorCache, full_key_value: bool) -> None:
        self.query, self.key, self.value, self.output = query, key, value, output
        self.full_key_value = full_key_value

    @classmethod
    def autoregressive(cls) -> "MhaCache":
        """For self-attention over a sequence that grows by one token per call."""
        return cls(TensorCache(), TensorCache(), TensorCache(), TensorCache(), False)

    @classmethod
    def autoregressive_cross_attention(cls) -> "MhaCache":
        """For cross-attention: keys and values (the encoder's output) are projected once."""
        return cls(TensorCache(), TensorCache(), TensorCache(), TensorCache(), True)


class MultiHeadAttention(Module):
    """See the module docstring. Fields as Burn's: `query`, `key`, `value`, `output`
    (`Linear` ``[d_model, d_model]``), `dropout`, and the sizes."""

    query: Linear
    key: Linear
    value: Linear
    output: Linear
    dropout: Dropout
    d_model: int
    n_heads: int
    d_k: int
    min_float: float = -1.0e4
    quiet_softmax: bool = False

    def forward(self, input: MhaInput) -> MhaOutput:
        """Attention of every query over every (unmasked) key; returns `MhaOutput`."""
        batch, seq_q = self._check_input(input)
        if input.query is input.key is input.value and self._packable():
            query, key, value = self._self_heads(input.query)
        else:
            query = self._heads(input.query, self.query)
            key = self._heads(input.key, self.key)
            value = self._heads(input.value, self.value)
        weights = self._weights(query, key, input)
        context = self._merge(weights.matmul(value), batch, seq_q)
        return MhaOutput(weights, self.output.forward(context))

    __call__ = forward

    def forward_cache(self, input: MhaInput, cache: MhaCache) -> MhaOutput:
        """`forward` for autoregressive inference: `input` holds the whole sequence so far and
        only its last position is projected (the rest comes from `cache`, which is updated).
        With a causal mask it equals `forward` on the same input."""
        batch, seq_q = self._check_input(input)
        query = cache.query.forward_autoregressive(
            input.query, 2, lambda t: self._heads(t, self.query))
        key_value: Callable[[TensorCache, Any, Linear], Any]
        if cache.full_key_value:
            def key_value(c: TensorCache, t: Any, lin: Linear) -> Any:
                return c.forward_full(t, lambda u: self._heads(u, lin))
        else:
            def key_value(c: TensorCache, t: Any, lin: Linear) -> Any:
                return c.forward_autoregressive(t, 2, lambda u: self._heads(u, lin))
        key = key_value(cache.key, input.key, self.key)
        value = key_value(cache.value, input.value, self.value)
        weights = self._weights(query, key, input)
        context = self._merge(weights.matmul(value), batch, seq_q)
        context = cache.output.forward_autoregressive(context, 1, self.output.forward)
        return MhaOutput(weights, context)

    # --- parts -----------------------------------------------------------------------------------
    def _heads(self, x: Any, linear: Linear) -> Any:
        """``[batch, seq, d_model]`` -> projected ``[batch, n_heads, seq, d_k]``."""
        batch, seq, _ = x.dims()
        return linear.forward(x).reshape([batch, seq, self.n_heads, self.d_k]).swap_dims(1, 2)

    def _packable(self) -> bool:
        biases = [lin.bias is not None for lin in (self.query, self.key, self.value)]
        return all(biases) or not any(biases)

    def _self_heads(self, x: Any) -> tuple[Any, Any, Any]:
        """Self-attention's three projections as one GEMM on the weights side by side (as
        torch's packed ``in_proj_weight``): the same values as three `Linear` calls, one input
        read and one input gradient instead of three."""
        batch, seq, d_model = x.dims()
        linears = (self.query, self.key, self.value)
        cls = type(linears[0].weight.val())
        weight = cls.cat([lin.weight.val() for lin in linears], 1)
        out = x.reshape([batch * seq, d_model]).matmul(weight)
        biases = [lin.bias for lin in linears if lin.bias is not None]
        if biases:  # all three (`_packable`)
            out = out + cls.cat([b.val() for b in biases], 0).unsqueeze_dim(0)
        heads = out.reshape([batch, seq, 3, self.n_heads, self.d_k]).permute([2, 0, 3, 1, 4])
        q, k, v = unstack3.apply(heads)
        return q, k, v

    def _merge(self, context: Any, batch: int, seq: int) -> Any:
        return context.swap_dims(1, 2).reshape([batch, seq, self.d_model])

    def _weights(self, query: Any, key: Any, input: MhaInput) -> Any:
        """Scores, dropout, masks and softmax in one op (`attention_weights`, with native
        kernels and a closed-form backward), computing exactly Burn's sequence of tensor ops."""
        batch, _, seq_q, _ = query.dims()
        seq_k = key.dims()[2]
        mask_pad = mask_attn = None
        if input.mask_pad_tensor is not None:
            self._check_mask("mask_pad", input.mask_pad_tensor, [batch, seq_k])
            mask_pad = input.mask_pad_tensor.reshape([batch, 1, 1, seq_k])
        if input.mask_attn_tensor is not None:
            self._check_mask("mask_attn", input.mask_attn_tensor, [batch, seq_q, seq_k])
            mask_attn = input.mask_attn_tensor.reshape([batch, 1, seq_q, seq_k])
        dropout = self._dropout_multiplier(query, [batch, self.n_heads, seq_q, seq_k])
        return attention_weights.apply(query, key, dropout, mask_pad, mask_attn,
                                       sqrt_dk=math.sqrt(self.d_k), min_float=self.min_float,
                                       quiet_softmax=self.quiet_softmax)

    def _dropout_multiplier(self, like: Any, shape: list[int]) -> Any:
        """`Dropout` on the scores as a multiplier (0 or ``1 / keep``), drawn as `Dropout`
        draws its mask; None when dropout is off (no Autodiff backend, or prob 0)."""
        prob = self.dropout.prob
        if prob == 0.0 or not type(like).backend.is_autodiff():
            return None
        cls = type(like)
        if prob >= 1.0:
            return cls.zeros(shape, device=like.device)
        keep = 1.0 - prob
        return cls.random(shape, Distribution.Bernoulli(keep), device=like.device) * (1.0 / keep)

    def _check_mask(self, name: str, mask: Any, want: list[int]) -> None:
        if not isinstance(mask, Tensor) or mask.kind.prefix != "bool":
            raise TypeError(f"MultiHeadAttention.forward: {name} must be a Bool tensor "
                            f"{want}, got {type(mask).__name__}"
                            f"{'' if not isinstance(mask, Tensor) else ' of kind ' + mask.kind.prefix}")
        if list(mask.dims()) != want:
            raise ShapeError(f"MultiHeadAttention.forward: {name} must have shape {want}, got "
                             f"{list(mask.dims())}")

    def _check_input(self, input: MhaInput) -> tuple[int, int]:
        if self.d_model % self.n_heads:
            raise ValueError(f"MultiHeadAttention.forward: d_model ({self.d_model}) must be a "
                             f"multiple of n_heads ({self.n_heads}) to split it into heads "
                             f"(fix the MultiHeadAttentionConfig)")
        if not isinstance(input, MhaInput):
            raise TypeError(f"MultiHeadAttention.forward: expected an MhaInput "
                            f"(MhaInput.self_attn(x) or MhaInput(query, key, value)), got "
                            f"{type(input).__name__}")
        shapes = {}
        for name in ("query", "key", "value"):
            dims = list(input.__dict__[name].dims())
            if len(dims) != 3:
                raise RankError(f"MultiHeadAttention.forward: {name} must be [batch, seq, "
                                f"d_model={self.d_model}], got shape {dims}")
            if dims[2] != self.d_model:
                raise ShapeError(f"MultiHeadAttention.forward: {name} must be [batch, seq, "
                                 f"d_model={self.d_model}], got shape {dims}")
            shapes[name] = dims
        q, k, v = shapes["query"], shapes["key"], shapes["value"]
        if not (q[0] == k[0] == v[0]) or k[1] != v[1]:
            raise ShapeError(f"MultiHeadAttention.forward: query [batch, seq_q, d], key and "
                             f"value [batch, seq_k, d] must agree, got query {q}, key {k}, "
                             f"value {v}")
        return q[0], q[1]

    def display_fields(self) -> dict[str, Any]:
        return {"d_model": self.d_model, "n_heads": self.n_heads, "d_k": self.d_k,
                "dropout": self.dropout.prob, "min_float": self.min_float,
                "quiet_softmax": self.quiet_softmax}
