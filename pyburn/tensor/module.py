"""Burn's ``burn::tensor::module``: the functional forms of the layers, on plain tensors.

``pyburn.nn`` layers hold parameters and call these; a user who keeps the weights themselves
(or ports Burn code written against ``burn::tensor::module::*``) calls them directly. The conv,
pool and interpolate functions live in `pyburn.tensor.module_ops` and are re-exported here, so
this one namespace matches Burn's.
"""

from __future__ import annotations

import math
from typing import Any

from .errors import IndexRangeError, KindError, RankError, ShapeError
from .kind import Float, Int
from . import module_ops as _ops
from .module_ops import (adaptive_avg_pool1d, adaptive_avg_pool2d, avg_pool1d,  # noqa: F401
                         avg_pool2d, interpolate, max_pool1d, max_pool1d_with_indices,
                         max_pool2d, max_pool2d_with_indices)
from .module_ops.burn_options import (ConvOptions, ConvTransposeOptions,  # noqa: F401
                                      DeformConvOptions, InterpolateOptions, ModuleFunction,
                                      PaddedConvOptions)

# Burn's call form, ``conv2d(x, weight, bias, ConvOptions.new(..))``; ``.apply(.., stride=..)``
# is the op's keyword form.
conv1d = ModuleFunction(_ops.conv1d, ConvOptions, PaddedConvOptions)
conv2d = ModuleFunction(_ops.conv2d, ConvOptions, PaddedConvOptions)
conv3d = ModuleFunction(_ops.conv3d, ConvOptions, PaddedConvOptions)
conv_transpose1d = ModuleFunction(_ops.conv_transpose1d, ConvTransposeOptions)
conv_transpose2d = ModuleFunction(_ops.conv_transpose2d, ConvTransposeOptions)
conv_transpose3d = ModuleFunction(_ops.conv_transpose3d, ConvTransposeOptions)
deform_conv2d = ModuleFunction(_ops.deform_conv2d, DeformConvOptions)

__all__ = ["embedding", "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
           "conv_transpose2d", "conv_transpose3d", "avg_pool1d", "avg_pool2d", "max_pool1d",
           "max_pool2d", "max_pool1d_with_indices", "max_pool2d_with_indices",
           "adaptive_avg_pool1d", "adaptive_avg_pool2d", "interpolate"]
from .module_ops.adaptive_pool3d import adaptive_avg_pool3d  # noqa: E402,F401
from .module_ops.fold import UnfoldOptions, fold4d, unfold4d  # noqa: E402,F401
__all__ += ["adaptive_avg_pool3d", "UnfoldOptions", "unfold4d", "fold4d"]
__all__ += ["deform_conv2d", "DeformConvOptions", "ConvOptions", "PaddedConvOptions",
            "ConvTransposeOptions", "InterpolateOptions"]
from .module_ops.ctc import ctc_loss  # noqa: E402,F401
__all__ += ["ctc_loss"]


def embedding(weights: Any, indices: Any) -> Any:
    """Rows of `weights` ``[n, d]`` picked by the Int `indices` ``[batch, seq]`` (any rank >= 1):
    ``[batch, seq, d]``. Differentiable with respect to `weights` (a row looked up twice gets
    both gradients; rows never looked up get zero). torch's ``F.embedding(indices, weights)``."""
    if type(weights).kind is not Float:
        raise KindError(f"embedding: weights must be a Float tensor, got a "
                        f"{type(weights).kind.__name__} tensor")
    if type(indices).kind is not Int:
        raise KindError(f"embedding: indices must be an Int tensor, got a "
                        f"{type(indices).kind.__name__} tensor")
    if weights.rank != 2:
        raise RankError(f"embedding: weights must have rank 2 [n_embedding, d_model], got shape "
                        f"{list(weights.shape)}")
    dims = list(indices.shape)
    if len(dims) < 1:
        raise RankError(f"embedding: indices must have rank >= 1, got shape {dims}")
    n, d_model = (int(s) for s in weights.shape)
    try:
        rows = weights.select(0, indices.reshape([math.prod(dims)]))
    except IndexRangeError as exc:
        raise IndexRangeError(f"embedding: index {exc.index} is out of range for weights with "
                              f"{n} rows", index=exc.index, size=n) from None
    return rows.reshape([*dims, d_model])


def linear(input: Any, weight: Any, bias: Any = None) -> Any:
    """``input @ weight + bias`` over the last dim: `input` ``[..., d_input]``, `weight`
    ``[d_input, d_output]`` (Burn's layout: torch's ``F.linear`` takes the transpose), `bias`
    ``[d_output]`` or None. A rank-1 input gives a rank-1 output, as in Burn."""
    if weight.rank != 2:
        raise RankError(f"linear: weight must have rank 2 [d_input, d_output], got shape "
                        f"{list(weight.shape)}")
    d_input, d_output = (int(s) for s in weight.shape)
    dims = list(input.shape)
    if len(dims) < 1:
        raise RankError(f"linear: input must have rank >= 1, got shape {dims}")
    if dims[-1] != d_input:
        raise ShapeError(f"linear: input's last dim must match weight [{d_input}, {d_output}], "
                         f"got input shape {dims}")
    if bias is not None and list(bias.shape) != [d_output]:
        raise ShapeError(f"linear: bias must have shape [{d_output}], got {list(bias.shape)}")
    lead = dims[:-1]
    out = input.reshape([math.prod(lead), d_input]) @ weight
    if bias is not None:
        out = out + bias.unsqueeze_dim(0)
    return out.reshape([*lead, d_output])
