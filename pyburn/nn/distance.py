"""Distances between paired rows (Burn's ``nn::CosineSimilarity`` and ``nn::PairwiseDistance``,
PyTorch's ``nn.CosineSimilarity``/``nn.PairwiseDistance``). Parameterless layers: their
configs' ``init()`` takes no device.

`lp_distance` is the Lp norm both `PairwiseDistance` and `TripletMarginLoss` use. Its gradient
at a zero vector is 0 (the subgradient torch's ``norm`` backward picks), where the plain
``(Σ|x|^p)^(1/p)`` would give ``0 * inf = NaN`` in the backward pass of the root.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import KindError, RankError, ShapeError, Tensor, linalg
from pyburn.tensor.errors import a_or_an

from ._types import B

__all__ = ["CosineSimilarityConfig", "CosineSimilarity", "PairwiseDistanceConfig",
           "PairwiseDistance", "lp_distance"]


def lp_distance(diff: "Tensor[B]", p: float, dim: int) -> "Tensor[B]":
    """``||diff||_p`` along `dim` (kept as size 1), for ``p > 0`` (``inf`` included)."""
    if p == 1.0:
        return diff.abs().sum_dim(dim)
    if p == math.inf:
        return diff.abs().max_dim(dim)
    powered = diff.square() if p == 2.0 else diff.abs().powf_scalar(p)
    total = powered.sum_dim(dim)
    zero = total.equal_elem(0.0)
    # Evaluate the root at 1 where the sum is 0 and write the 0 back: exact values, and the
    # root's backward never sees 0.
    safe = total.mask_fill(zero, 1.0)
    root = safe.sqrt() if p == 2.0 else safe.powf_scalar(1.0 / p)
    return root.mask_fill(zero, 0.0)


def _check_pair(op: str, x1: Any, x2: Any) -> None:
    for name, x in (("x1", x1), ("x2", x2)):
        if not isinstance(x, Tensor):
            raise TypeError(f"{op}: {name} must be a Float tensor, got {type(x).__name__}")
        if type(x).kind.__name__ != "Float":
            kind = type(x).kind.__name__
            raise KindError(f"{op}: {name} must be a Float tensor, got {a_or_an(kind)} tensor "
                            f"of shape {list(x.shape)}")
    if x1.rank < 1:
        raise RankError(f"{op}: expected inputs of rank >= 1, got shape {list(x1.shape)}")
    if list(x1.shape) != list(x2.shape):
        raise ShapeError(f"{op}: x1 shape {list(x1.shape)} and x2 shape {list(x2.shape)} must "
                         f"be equal")


class CosineSimilarityConfig(Config):
    """``CosineSimilarityConfig(dim=1, eps=1e-8)``; a negative `dim` counts from the end."""

    dim: int = 1
    eps: float = 1e-8

    def init(self) -> "CosineSimilarity":
        if not self.eps > 0.0:
            raise ValueError(f"CosineSimilarityConfig: eps must be positive, got {self.eps}")
        return CosineSimilarity(int(self.dim), float(self.eps))


class CosineSimilarity(Module):
    """``x1·x2 / (max(|x1|, eps) * max(|x2|, eps))`` along `dim`, which the output drops
    (``[batch, features] -> [batch]`` with the default ``dim=1``). Each norm is clamped on its
    own, as Burn's ``linalg::cosine_similarity`` and torch's ``F.cosine_similarity``."""

    dim: int = 1
    eps: float = 1e-8

    def forward(self, x1: "Tensor[B]", x2: "Tensor[B]") -> "Tensor[B]":
        """Two tensors of one shape -> that shape without `dim`."""
        op = "CosineSimilarity.forward"
        _check_pair(op, x1, x2)
        if not -x1.rank <= self.dim < x1.rank:
            raise RankError(f"{op}: dim {self.dim} is out of range for inputs of shape "
                            f"{list(x1.shape)}")
        dim = self.dim % x1.rank
        return linalg.cosine_similarity(x1, x2, dim, self.eps).squeeze_dim(dim)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"dim": self.dim, "eps": self.eps}


class PairwiseDistanceConfig(Config):
    """``PairwiseDistanceConfig(p=2.0, eps=1e-6, keepdim=False)``; `keepdim` (torch's, a pyburn
    addition to Burn's config) keeps the feature dim as size 1."""

    p: float = 2.0
    eps: float = 1e-6
    keepdim: bool = False

    def init(self) -> "PairwiseDistance":
        if not self.p > 0.0:  # also refuses NaN
            raise ValueError(f"PairwiseDistanceConfig: p must be positive, got {self.p}")
        return PairwiseDistance(float(self.p), float(self.eps), bool(self.keepdim))


class PairwiseDistance(Module):
    """``||x1 - x2 + eps||_p`` over the last (feature) dim: ``[batch, features] -> [batch]``
    (``[batch, 1]`` with `keepdim`)."""

    p: float = 2.0
    eps: float = 1e-6
    keepdim: bool = False

    def forward(self, x1: "Tensor[B]", x2: "Tensor[B]") -> "Tensor[B]":
        """Two tensors of one shape ``[..., features]`` -> ``[...]``."""
        _check_pair("PairwiseDistance.forward", x1, x2)
        last = x1.rank - 1
        out = lp_distance(x1.sub(x2).add_scalar(self.eps), self.p, last)
        return out if self.keepdim else out.squeeze_dim(last)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"p": self.p, "eps": self.eps}
