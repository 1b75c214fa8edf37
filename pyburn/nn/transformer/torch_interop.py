"""PyTorch weights in and out for the transformers: ``torch.nn.TransformerEncoder`` /
``TransformerDecoder`` (and their single ``...Layer``) state dicts <-> pyburn's
`TransformerEncoder` / `TransformerDecoder` (and their layers).

What differs between the two layouts:

- torch packs the query/key/value projections in ``self_attn.in_proj_weight`` ``[3 d, d]``
  (rows q, k, v) and ``in_proj_bias``; pyburn (as Burn) has four `Linear` layers ``query``,
  ``key``, ``value``, ``output`` holding the transpose ``[d, d]``.
- ``linear1``/``linear2`` are Burn's ``pwff.linear_inner``/``linear_outer`` (transposed).
- The norms: torch names them by the sub-layer they wrap (``norm1`` self-attention, ``norm2``
  feed-forward, or cross-attention then ``norm3`` feed-forward in a decoder). Burn names them
  by position, and its pre-norm (``norm_first``) layer uses them in another order: an encoder
  layer normalizes the attention input with ``norm_2`` and the feed-forward input with
  ``norm_1``; a decoder layer uses ``norm_3``, ``norm_1``, ``norm_2``. The mapping below
  follows that, so the same weights compute the same function in both frameworks.

torch's ``nn.TransformerEncoder(norm=...)`` final norm has no Burn counterpart and is refused.
Dispatched to from `pyburn.nn.load_torch_state_dict` / `to_torch_state_dict` / `from_torch`.
"""

from __future__ import annotations

from typing import Any, TypeVar

import numpy as np

from pyburn.module import Module
from pyburn.record import RecordError
from pyburn.tensor import Device, ShapeError

from ..activation import ActivationConfig
from .decoder import TransformerDecoder, TransformerDecoderConfig, TransformerDecoderLayer
from .encoder import TransformerEncoder, TransformerEncoderConfig, TransformerEncoderLayer

__all__ = ["is_transformer", "transformer_from_torch_state_dict",
           "transformer_to_torch_state_dict", "transformer_from_torch"]

M = TypeVar("M", bound=Module)
TRANSFORMERS = (TransformerEncoder, TransformerEncoderLayer, TransformerDecoder,
                TransformerDecoderLayer)

# (torch norm name -> pyburn norm name) by (layer kind, norm_first)
_NORMS = {("encoder", False): {"norm1": "norm_1", "norm2": "norm_2"},
          ("encoder", True): {"norm1": "norm_2", "norm2": "norm_1"},
          ("decoder", False): {"norm1": "norm_1", "norm2": "norm_2", "norm3": "norm_3"},
          ("decoder", True): {"norm1": "norm_3", "norm2": "norm_1", "norm3": "norm_2"}}
_ATTENTIONS = {"encoder": {"self_attn": "mha"},
               "decoder": {"self_attn": "self_attn", "multihead_attn": "cross_attn"}}


def is_transformer(module: Any) -> bool:
    return isinstance(module, TRANSFORMERS)


def _layers(module: Any) -> list[tuple[str, str, Any]]:
    """(torch prefix, pyburn prefix, layer) of every layer of `module`."""
    if isinstance(module, (TransformerEncoder, TransformerDecoder)):
        return [(f"layers.{i}.", f"layers.{i}.", layer) for i, layer in enumerate(module.layers)]
    return [("", "", module)]


def _kind(layer: Any) -> str:
    return "encoder" if isinstance(layer, TransformerEncoderLayer) else "decoder"


def _layer_names(layer: Any) -> dict[str, tuple[str, str]]:
    """torch key within a layer -> (pyburn path, "T" to transpose or "" to copy); a key
    ending in ``#i`` is the i-th third (q, k, v) of torch's packed in-projection."""
    names: dict[str, tuple[str, str]] = {}
    for torch_attn, ours in _ATTENTIONS[_kind(layer)].items():
        for part, kind in (("weight", "T"), ("bias", "")):
            for i, proj in enumerate(("query", "key", "value")):
                names[f"{torch_attn}.in_proj_{part}#{i}"] = (f"{ours}.{proj}.{part}", kind)
            names[f"{torch_attn}.out_proj.{part}"] = (f"{ours}.output.{part}", kind)
    for torch_lin, ours in (("linear1", "linear_inner"), ("linear2", "linear_outer")):
        names[f"{torch_lin}.weight"] = (f"pwff.{ours}.weight", "T")
        names[f"{torch_lin}.bias"] = (f"pwff.{ours}.bias", "")
    for torch_norm, ours in _NORMS[(_kind(layer), bool(layer.norm_first))].items():
        names[f"{torch_norm}.weight"] = (f"{ours}.gamma", "")
        names[f"{torch_norm}.bias"] = (f"{ours}.beta", "")
    return names


def transformer_from_torch_state_dict(module: M, tensors: dict[str, np.ndarray]) -> M:
    """`module` with the weights of a torch state dict (already read into arrays, prefix
    removed). Every key must be used and every parameter set: a partial load is an error."""
    from ..rnn.torch_interop import _replace_params
    what = _torch_name(module)
    if any(k == "norm.weight" or k.startswith("norm.") for k in tensors):
        raise RecordError(f"load_torch_state_dict: the {what} state dict has a final 'norm' "
                          f"(nn.{what}(norm=...)); Burn's {type(module).__name__} has none: "
                          "load that LayerNorm separately")
    arrays: dict[str, np.ndarray] = {}
    expected: set[str] = set()
    for torch_prefix, our_prefix, layer in _layers(module):
        for key, (path, conv) in _layer_names(layer).items():
            torch_key, _, chunk = key.partition("#")
            full = torch_prefix + torch_key
            expected.add(full)
            if full not in tensors:
                continue
            value = tensors[full]
            if chunk:
                d = layer_d_model(layer)
                if value.shape[0] != 3 * d:
                    raise ShapeError(f"load_torch_state_dict: {full!r}: expected [3 * d_model, "
                                     f"...] = {[3 * d] + list(value.shape[1:])}, got "
                                     f"{list(value.shape)}")
                value = value[int(chunk) * d:(int(chunk) + 1) * d]
            arrays[our_prefix + path] = value.T if conv == "T" else value
    missing = sorted(expected - set(tensors))
    extra = sorted(set(tensors) - expected)
    if missing or extra:
        parts = ([f"missing {', '.join(missing)}"] if missing else []) + \
            ([f"unexpected {', '.join(extra)}"] if extra else [])
        raise RecordError(f"load_torch_state_dict: keys do not match a {what} state dict with "
                          f"{len(_layers(module))} layer(s): {'; '.join(parts)}")
    return _replace_params(module, arrays)


def transformer_to_torch_state_dict(module: Module, value: Any) -> dict[str, np.ndarray]:
    """The module's weights (or, through `value`, their gradients) in torch's layout."""
    ours = {path: p for path, p in module.named_params()}
    out: dict[str, np.ndarray] = {}
    for torch_prefix, our_prefix, layer in _layers(module):
        packed: dict[str, list[np.ndarray]] = {}
        for key, (path, conv) in _layer_names(layer).items():
            array = np.asarray(value(ours[our_prefix + path]))
            array = array.T if conv == "T" else array
            torch_key, _, chunk = key.partition("#")
            if chunk:
                packed.setdefault(torch_prefix + torch_key, []).append(array)
            else:
                out[torch_prefix + torch_key] = np.ascontiguousarray(array)
        for key, chunks in packed.items():
            out[key] = np.ascontiguousarray(np.concatenate(chunks, 0))
    return out


def layer_d_model(layer: Any) -> int:
    return int(layer.pwff.d_model)


def _torch_name(module: Any) -> str:
    return {TransformerEncoder: "TransformerEncoder", TransformerDecoder: "TransformerDecoder",
            TransformerEncoderLayer: "TransformerEncoderLayer",
            TransformerDecoderLayer: "TransformerDecoderLayer"}[type(module)]


def check_torch_semantics(module: Any, op: str) -> None:
    """What torch's layers cannot compute with the same weights: quiet softmax, and
    activations other than ReLU/GELU. (Burn's masks fill -1e4 where torch fills -inf: equal
    unless a query has every key masked, where Burn averages and torch gives NaN.)"""
    for _, _, layer in _layers(module):
        attns = [layer.mha] if _kind(layer) == "encoder" else [layer.self_attn, layer.cross_attn]
        if any(a.quiet_softmax for a in attns):
            raise ValueError(f"{op}: quiet_softmax has no torch.nn.{_torch_name(module)} "
                             "equivalent; pass strict=False to convert the weights anyway")
        act = layer.pwff.activation.config
        if not isinstance(act, (ActivationConfig.Gelu, ActivationConfig.Relu)):
            raise ValueError(f"{op}: torch's transformer layers use relu or gelu, this one uses "
                             f"{type(act).__name__}; pass strict=False to convert the weights "
                             "anyway")
        if any(a.query.bias is None or a.key.bias is None or a.value.bias is None
               or a.output.bias is None for a in attns):
            raise ValueError(f"{op}: torch's attention has all four biases or none; this "
                             "layer has some of them")


def transformer_from_torch(torch_module: Any, device: Device | str | None = None,
                           backend: Any = None) -> Module:
    """A pyburn transformer built from a ``torch.nn.TransformerEncoder(Layer)`` /
    ``TransformerDecoder(Layer)`` (batch_first=True, no final norm): its config and weights."""
    kind = type(torch_module).__name__
    stack = kind in ("TransformerEncoder", "TransformerDecoder")
    first = torch_module.layers[0] if stack else torch_module
    if not bool(getattr(first.self_attn, "batch_first", False)):
        raise ValueError(f"from_torch: nn.{kind} must be built with batch_first=True (Burn's "
                         "transformers take [batch, seq, d_model])")
    act = getattr(first, "activation", None)
    act_name = getattr(act, "__name__", type(act).__name__).lower()
    if act_name not in ("relu", "gelu"):
        raise ValueError(f"from_torch: nn.{kind} with activation {act!r}: only relu and gelu "
                         "convert")
    if act_name == "gelu":
        approximate = getattr(act, "approximate", "none")
        if approximate != "none":
            raise ValueError(f"from_torch: nn.{kind} uses gelu(approximate={approximate!r}); "
                             "pyburn's Gelu is the exact erf form")
    args = dict(d_model=int(first.self_attn.embed_dim), d_ff=int(first.linear1.out_features),
                n_heads=int(first.self_attn.num_heads),
                n_layers=len(torch_module.layers) if stack else 1,
                dropout=float(first.dropout.p), norm_first=bool(first.norm_first),
                activation=ActivationConfig.Gelu() if act_name == "gelu"
                else ActivationConfig.Relu(),
                layer_norm_eps=float(first.norm1.eps))
    config: Any = (TransformerEncoderConfig if "Encoder" in kind else
                   TransformerDecoderConfig)(**args)  # type: ignore[arg-type]
    module: Any = config.init(device, backend)
    if not stack:
        module = module.layers[0]
    tensors = {k: v.detach().cpu().numpy() for k, v in torch_module.state_dict().items()}
    return transformer_from_torch_state_dict(module, tensors)



# --- entry points of pyburn.nn's load_torch_state_dict / to_torch_state_dict -------------------


def load(module: M, tensors: dict[str, np.ndarray], layer: int | None, strict: bool) -> M:
    """`load_torch_state_dict` for a transformer module."""
    if layer is not None:
        raise ValueError("load_torch_state_dict: `layer` is for recurrent layers; a "
                         f"{type(module).__name__} loads all of its layers from 'layers.<i>.'")
    if strict:
        check_torch_semantics(module, "load_torch_state_dict")
    return transformer_from_torch_state_dict(module, tensors)


def export(module: Module, value: Any, strict: bool) -> dict[str, np.ndarray]:
    """`to_torch_state_dict` for a transformer module (keys without the prefix)."""
    if strict:
        check_torch_semantics(module, "to_torch_state_dict")
    return transformer_to_torch_state_dict(module, value)
