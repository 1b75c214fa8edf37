"""PyTorch state-dict layout of `MultiHeadAttention` (used by
``pyburn.nn.rnn.torch_interop.load_torch_state_dict`` / ``to_torch_state_dict`` / ``from_torch``).

``torch.nn.MultiheadAttention`` packs the three input projections in ``in_proj_weight``
``[3 d, d]`` (rows: query, key, value; each the transpose of pyburn's ``[d_input, d_output]``
`Linear` weight) and ``in_proj_bias`` ``[3 d]``; a module built with ``kdim``/``vdim`` keeps
them apart as ``q_proj_weight``/``k_proj_weight``/``v_proj_weight`` (loaded too). The output
projection is ``out_proj.weight``/``out_proj.bias``. torch has one ``bias`` flag for all four
projections; Burn has one per projection, so a module with some biases only has no torch form.
``add_bias_kv`` (``bias_k``/``bias_v``) has no Burn equivalent and is refused.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from pyburn.record import RecordError
from pyburn.tensor import ShapeError

from .mha import MultiHeadAttention

__all__ = ["mha_from_torch", "mha_to_torch", "mha_config_from_torch"]

_PROJ = ("query", "key", "value")
_SEPARATE = {"query": "q_proj_weight", "key": "k_proj_weight", "value": "v_proj_weight"}


def _biases(module: MultiHeadAttention, op: str) -> bool:
    flags = [getattr(module, p).bias is not None for p in (*_PROJ, "output")]
    if any(flags) and not all(flags):
        raise ValueError(f"{op}: torch.nn.MultiheadAttention has biases on all four projections "
                         f"or on none; this MultiHeadAttention has query/key/value/output biases "
                         f"{flags}")
    return all(flags)


def mha_from_torch(module: MultiHeadAttention, tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """pyburn parameter path -> array, from a ``MultiheadAttention`` state dict."""
    op = "load_torch_state_dict"
    has_bias = _biases(module, op)
    d = module.d_model
    packed = "in_proj_weight" in tensors
    expected = {"out_proj.weight"} | ({"in_proj_weight"} if packed else set(_SEPARATE.values()))
    if has_bias:
        expected |= {"in_proj_bias", "out_proj.bias"}
    missing, extra = sorted(expected - set(tensors)), sorted(set(tensors) - expected)
    if missing or extra:
        hint = ""
        if {"bias_k", "bias_v"} & set(extra):
            hint = " (add_bias_kv=True has no Burn equivalent)"
        elif has_bias and missing and all("bias" in k for k in missing):
            hint = " (the torch module has bias=False: build the layer without biases)"
        elif not has_bias and extra and all("bias" in k for k in extra):
            hint = " (the torch module has biases: build the layer with them)"
        parts = ([f"missing {', '.join(missing)}"] if missing else []) + \
            ([f"unexpected {', '.join(extra)}"] if extra else [])
        raise RecordError(f"{op}: keys do not match an nn.MultiheadAttention state dict: "
                          f"{'; '.join(parts)}{hint}")
    if packed:
        _shape(tensors["in_proj_weight"], [3 * d, d], "in_proj_weight", "[3 * embed_dim, embed_dim]")
        weights = np.split(tensors["in_proj_weight"], 3, axis=0)
    else:
        weights = []
        for proj in _PROJ:
            _shape(tensors[_SEPARATE[proj]], [d, d], _SEPARATE[proj], "[embed_dim, embed_dim]")
            weights.append(tensors[_SEPARATE[proj]])
    _shape(tensors["out_proj.weight"], [d, d], "out_proj.weight", "[embed_dim, embed_dim]")
    arrays = {f"{p}.weight": w.T for p, w in zip(_PROJ, weights)}
    arrays["output.weight"] = tensors["out_proj.weight"].T
    if has_bias:
        _shape(tensors["in_proj_bias"], [3 * d], "in_proj_bias", "[3 * embed_dim]")
        _shape(tensors["out_proj.bias"], [d], "out_proj.bias", "[embed_dim]")
        for p, b in zip(_PROJ, np.split(tensors["in_proj_bias"], 3)):
            arrays[f"{p}.bias"] = b
        arrays["output.bias"] = tensors["out_proj.bias"]
    return arrays


def mha_to_torch(module: MultiHeadAttention, arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The packed ``MultiheadAttention`` state dict of pyburn parameter arrays (or gradients)."""
    has_bias = _biases(module, "to_torch_state_dict")
    out = {"in_proj_weight": np.ascontiguousarray(
        np.concatenate([arrays[f"{p}.weight"].T for p in _PROJ], 0))}
    if has_bias:
        out["in_proj_bias"] = np.concatenate([arrays[f"{p}.bias"] for p in _PROJ], 0)
    out["out_proj.weight"] = np.ascontiguousarray(arrays["output.weight"].T)
    if has_bias:
        out["out_proj.bias"] = arrays["output.bias"].copy()
    return out


def mha_config_from_torch(torch_module: Any) -> Any:
    """The `MultiHeadAttentionConfig` of a ``torch.nn.MultiheadAttention`` (pyburn's layer is
    always batch-first: feed it ``[batch, seq, d]`` whatever torch's ``batch_first``)."""
    from .mha import MultiHeadAttentionConfig
    if getattr(torch_module, "bias_k", None) is not None:
        raise ValueError("from_torch: nn.MultiheadAttention with add_bias_kv=True has no Burn "
                         "equivalent")
    if getattr(torch_module, "add_zero_attn", False):
        raise ValueError("from_torch: nn.MultiheadAttention with add_zero_attn=True has no "
                         "Burn equivalent (quiet_softmax is the closest)")
    if int(torch_module.kdim) != int(torch_module.embed_dim) or \
            int(torch_module.vdim) != int(torch_module.embed_dim):
        raise ValueError(f"from_torch: nn.MultiheadAttention with kdim={torch_module.kdim}, "
                         f"vdim={torch_module.vdim} != embed_dim={torch_module.embed_dim} has "
                         "no Burn equivalent")
    bias = torch_module.in_proj_bias is not None
    return MultiHeadAttentionConfig(int(torch_module.embed_dim), int(torch_module.num_heads),
                                    dropout=float(torch_module.dropout), query_bias=bias,
                                    key_bias=bias, value_bias=bias, output_bias=bias)


def _shape(array: np.ndarray, want: list[int], key: str, words: str) -> None:
    if list(array.shape) != want:
        raise ShapeError(f"load_torch_state_dict: {key!r}: expected {words} = {want}, got "
                         f"{list(array.shape)}")
