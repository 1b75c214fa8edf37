"""Burn's ``adaptive_avg_pool3d``: average pooling of ``[batch, channels, depth, height, width]``
to a fixed output size, as torch's ``F.adaptive_avg_pool3d``.

An adaptive window is a box, so its average is separable: the backend's `adaptive_avg_pool2d`
pools height and width (with depth folded into the channels), then one ``[out_depth, depth]``
averaging matrix (torch's window bounds, `adaptive_pool_matrix`) pools depth. Both steps are
differentiable, so the composite is too.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..errors import RankError, ShapeError
from .pool import adaptive_avg_pool2d, adaptive_pool_matrix

__all__ = ["adaptive_avg_pool3d"]


def adaptive_avg_pool3d(x: Any, output_size: Sequence[int] | int) -> Any:
    """``[batch, channels, depth, height, width]`` -> ``[batch, channels, *output_size]``."""
    size = [output_size] * 3 if isinstance(output_size, int) else [int(s) for s in output_size]
    if len(size) != 3 or min(size) < 1:
        raise ValueError(f"adaptive_avg_pool3d: output_size must be three sizes >= 1 "
                         f"[depth, height, width], got {output_size!r}")
    if x.rank != 5:
        raise RankError(f"adaptive_avg_pool3d: expected a rank-5 input [batch, channels, depth, "
                        f"height, width], got shape {list(x.shape)}")
    n, c, d, h, w = (int(s) for s in x.shape)
    if min(d, h, w) < 1:
        raise ShapeError(f"adaptive_avg_pool3d: the input must not be empty, got shape "
                         f"{list(x.shape)}")
    od, oh, ow = size
    planes = adaptive_avg_pool2d(x.reshape([n, c * d, h, w]), (oh, ow))
    planes = planes.reshape([n, c, d, oh * ow])
    a_d = type(x).from_data(adaptive_pool_matrix(d, od)[None, None], x.device)
    return a_d.matmul(planes).reshape([n, c, od, oh, ow])
