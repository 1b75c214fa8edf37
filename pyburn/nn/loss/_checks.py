"""Argument checks shared by the losses: every error names the loss, what it expected and what
it got, before a backend op fails with a message about broadcasting."""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.tensor import KindError, RankError, ShapeError, Tensor
from pyburn.tensor.errors import a_or_an

_KIND_HINT = {"Float": ".float()", "Int": ".int()"}


def check_tensor(owner: str, name: str, value: Any, kind: str,
                 rank: int | Sequence[int] | None = None) -> None:
    """`value` is a tensor of `kind` (``"Float"``/``"Int"``) and, when given, of `rank`."""
    if not isinstance(value, Tensor):
        raise TypeError(f"{owner}: {name} must be {a_or_an(kind)} tensor, got "
                        f"{type(value).__name__}")
    got = type(value).kind.__name__
    if got != kind:
        raise KindError(f"{owner}: {name} must be {a_or_an(kind)} tensor, got {a_or_an(got)} "
                        f"tensor of shape {list(value.shape)} (convert with "
                        f"{_KIND_HINT.get(kind, '')})")
    if rank is not None:
        ranks = (rank,) if isinstance(rank, int) else tuple(rank)
        if value.rank not in ranks:
            want = " or ".join(str(r) for r in ranks)
            raise RankError(f"{owner}: {name} must have rank {want}, got shape "
                            f"{list(value.shape)}")


def check_same_shape(owner: str, a_name: str, a: Any, b_name: str, b: Any) -> None:
    if tuple(a.shape) != tuple(b.shape):
        raise ShapeError(f"{owner}: {a_name} shape {list(a.shape)} and {b_name} shape "
                         f"{list(b.shape)} must be equal")


def check_predictions_targets(owner: str, predictions: Any, targets: Any) -> None:
    """Both Float tensors of one shape: what every element-wise regression loss takes."""
    check_tensor(owner, "predictions", predictions, "Float")
    check_tensor(owner, "targets", targets, "Float")
    check_same_shape(owner, "predictions", predictions, "targets", targets)
