"""What `TransformerEncoder` and `TransformerDecoder` share: the config check, the sub-module
builders, one layer's residual sub-layer chain (cached or not), and the stack's cache, cache
check, construction and display."""

from __future__ import annotations

import math
from typing import Any, Callable, ClassVar, Generic, Sequence, TypeVar

from typing_extensions import Self

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device

from ..activation import ActivationConfig
from ..attention import MhaCache, MultiHeadAttention, MultiHeadAttentionConfig, TensorCache
from ..initializer import Initializer, resolve_device
from ..norm import LayerNorm, LayerNormConfig
from .pwff import PositionWiseFeedForward, PositionWiseFeedForwardConfig

KAIMING = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0), fan_out_only=False)



class TransformerStackConfig(Config):
    """The fields of `TransformerEncoderConfig` and `TransformerDecoderConfig`: Burn's
    ``(d_model, d_ff, n_heads, n_layers)`` and defaults (dropout 0.1, post-norm, regular
    softmax, GELU feed-forward, layer-norm epsilon 1e-5)."""

    d_model: int
    d_ff: int
    n_heads: int
    n_layers: int
    dropout: float = 0.1
    norm_first: bool = False
    quiet_softmax: bool = False
    initializer: Initializer = KAIMING
    activation: ActivationConfig = ActivationConfig.Gelu()
    layer_norm_eps: float = 1e-5


class TransformerStack(Module):
    """The fields of `TransformerEncoder` and `TransformerDecoder`: the layers and the sizes and
    settings of the config that built them."""

    layers: list[Any]
    d_model: int
    d_ff: int
    n_heads: int
    n_layers: int
    dropout: float = 0.1
    norm_first: bool = False
    quiet_softmax: bool = False


S = TypeVar("S")
L = TypeVar("L")
Step = Callable[[Any], Any]


def check_config(op: str, c: Any) -> None:
    """Sizes that cannot build a transformer fail here, naming the field."""
    for name in ("d_model", "d_ff", "n_heads"):
        if getattr(c, name) <= 0:
            raise ValueError(f"{op}: {name} must be positive, got {getattr(c, name)}")
    if c.n_layers < 0:
        raise ValueError(f"{op}: n_layers must be >= 0, got {c.n_layers}")
    if c.d_model % c.n_heads != 0:
        raise ValueError(f"{op}: d_model ({c.d_model}) must be divisible by n_heads "
                         f"({c.n_heads})")
    if not 0.0 <= c.dropout <= 1.0:
        raise ValueError(f"{op}: dropout must be between 0 and 1, got {c.dropout}")


def new_mha(c: Any, dev: Device, backend: Any) -> MultiHeadAttention:
    return (MultiHeadAttentionConfig(c.d_model, c.n_heads).with_initializer(c.initializer)
            .with_dropout(c.dropout).with_quiet_softmax(c.quiet_softmax).init(dev, backend))


def new_norm(c: Any, dev: Device, backend: Any) -> LayerNorm:
    return LayerNormConfig(c.d_model).with_epsilon(c.layer_norm_eps).init(dev, backend)


def new_pwff(c: Any, dev: Device, backend: Any) -> PositionWiseFeedForward:
    return (PositionWiseFeedForwardConfig(c.d_model, c.d_ff).with_initializer(c.initializer)
            .with_dropout(c.dropout).with_activation(c.activation).init(dev, backend))


def init_stack(op: str, c: Any, device: Any, backend: Any,
               new_layer: Callable[[Any, Device, Any], Any], stack: Callable[..., S]) -> S:
    """A config's ``init``: `n_layers` independent layers, each drawn with its initializer
    (lazily), in the stack module."""
    check_config(op, c)
    backend, dev = resolve_device(device, backend, op)
    layers = [new_layer(c, dev, backend) for _ in range(c.n_layers)]
    return stack(layers, c.d_model, c.d_ff, c.n_heads, c.n_layers, float(c.dropout),
                 c.norm_first, c.quiet_softmax)


# --- one layer ---------------------------------------------------------------------------------
def cached(sub: Any, slot: TensorCache | None) -> Step:
    """`sub.forward`, or, with a cache slot, the same computing only the newest position."""
    if slot is None:
        return sub.forward
    return lambda t: slot.forward_autoregressive(t, 1, sub.forward)


def attend(mha: MultiHeadAttention, attn_input: Any, slot: MhaCache | None) -> Any:
    """The attention's context, through its `MhaCache` when there is one."""
    out = mha.forward(attn_input) if slot is None else mha.forward_cache(attn_input, slot)
    return out.context


def masked(attn_input: Any, mask_pad: Any, mask_attn: Any) -> Any:
    """`attn_input` with the masks that are given."""
    if mask_pad is not None:
        attn_input = attn_input.mask_pad(mask_pad)
    if mask_attn is not None:
        attn_input = attn_input.mask_attn(mask_attn)
    return attn_input


def residual_chain(x: Any, norm_first: bool, dropout: Any, sublayers: Sequence[Step],
                   norms: Sequence[Step]) -> Any:
    """Sub-layer ``i`` with its residual and Burn's norm roles::

        post-norm:  x = norms[i](x + dropout(sublayers[i](x)))
        pre-norm:   x = x + dropout(sublayers[i](norms[i - 1](x)))   # norms[-1] before the first
    """
    for i, sub in enumerate(sublayers):
        if norm_first:
            x = x + dropout.forward(sub(norms[i - 1](x)))
        else:
            x = norms[i](x + dropout.forward(sub(x)))
    return x


# --- the stack ---------------------------------------------------------------------------------
class StackCache(Generic[L]):
    """One layer cache per layer; a stack's ``new_autoregressive_cache()`` makes it."""

    layer_cache: ClassVar[type[Any]]

    def __init__(self, num_layers: int) -> None:
        self.layers: list[L] = [self.layer_cache() for _ in range(num_layers)]

    @classmethod
    def empty(cls, num_layers: int) -> Self:
        return cls(num_layers)


def check_cache(op: str, what: str, cache: Any, cache_cls: type[Any], n_layers: int) -> None:
    """`cache` must be a `cache_cls` with one layer cache per layer of this `what`."""
    if not isinstance(cache, cache_cls) or len(cache.layers) != n_layers:
        got = (f"a cache of {len(cache.layers)} layers" if isinstance(cache, cache_cls)
               else type(cache).__name__)
        raise ValueError(f"{op}: expected the cache of this {what} "
                         f"({what}.new_autoregressive_cache(), {n_layers} layers), got {got}")


def display_fields(m: Any) -> dict[str, Any]:
    return {"d_model": m.d_model, "d_ff": m.d_ff, "n_heads": m.n_heads,
            "n_layers": m.n_layers, "dropout": m.dropout,
            "norm_first": m.norm_first, "quiet_softmax": m.quiet_softmax}
