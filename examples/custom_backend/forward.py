"""The user-facing functions (Burn's ``forward.rs``): tensors in, tensors out.

`fused_matmul_add_relu` checks its inputs with errors that name the op and the shapes, then runs
the op on whatever backend the tensors belong to: a native kernel where one is registered, the
reference composite elsewhere, recorded on the tape under ``Autodiff``.
`matmul_add_relu_reference` is the same math with ordinary tensor ops, kept to test against.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

from pyburn import Tensor
from pyburn.tensor import Backend, Float
from pyburn.tensor.errors import KindError, RankError, ShapeError, a_or_an

from .backend import fused_matmul_add_relu_op

B = TypeVar("B", bound=Backend)
OP = "fused_matmul_add_relu"


def check_shapes(lhs: Sequence[int], rhs: Sequence[int], bias: Sequence[int]) -> tuple[int, ...]:
    """The output shape of ``relu(lhs @ rhs + bias)``, or a `RankError`/`ShapeError` saying why
    there is none. ``lhs [..., M, K]`` and ``rhs [..., K, N]`` have one rank (their batch dims
    broadcast); ``bias`` broadcasts to the output without growing it (``[N]``, ``[M, N]``...)."""
    lhs, rhs, bias = tuple(lhs), tuple(rhs), tuple(bias)
    if len(lhs) < 2 or len(lhs) != len(rhs):
        raise RankError(f"{OP}: lhs and rhs need the same rank (>= 2), got shapes {list(lhs)} "
                        f"and {list(rhs)}")
    if lhs[-1] != rhs[-2]:
        raise ShapeError(f"{OP}: inner dimensions differ: {list(lhs)} @ {list(rhs)} "
                         f"({lhs[-1]} != {rhs[-2]})")
    batch = []
    for a, b in zip(lhs[:-2], rhs[:-2]):
        if a != b and 1 not in (a, b):
            raise ShapeError(f"{OP}: batch dimensions of {list(lhs)} and {list(rhs)} do not "
                             "broadcast")
        batch.append(max(a, b))
    out = (*batch, lhs[-2], rhs[-1])
    if len(bias) > len(out):
        raise RankError(f"{OP}: bias of shape {list(bias)} has a higher rank than the output "
                        f"{list(out)}")
    if any(b not in (1, o) for b, o in zip(reversed(bias), reversed(out))):
        raise ShapeError(f"{OP}: bias of shape {list(bias)} does not broadcast to the output "
                         f"shape {list(out)}")
    return out


def fused_matmul_add_relu(lhs: Tensor[B], rhs: Tensor[B], bias: Tensor[B]) -> Tensor[B]:
    """``relu(lhs @ rhs + bias)`` in one op: the backend's fused kernel when it has one."""
    for name, t in (("lhs", lhs), ("rhs", rhs), ("bias", bias)):
        if not isinstance(t, Tensor):
            raise TypeError(f"{OP}: {name} must be a Tensor, got {type(t).__name__}")
        if type(t).kind is not Float:
            raise KindError(f"{OP}: {name} must be a Float tensor, got "
                            f"{a_or_an(type(t).kind.__name__)} "
                            f"tensor of shape {list(t.shape)}")
    check_shapes(lhs.shape, rhs.shape, bias.shape)
    out: Tensor[B] = fused_matmul_add_relu_op.apply(lhs, rhs, bias)
    return out


def matmul_add_relu_reference(lhs: Tensor[B], rhs: Tensor[B], bias: Tensor[B]) -> Tensor[B]:
    """The same function from ordinary tensor ops (their own autodiff): the test oracle."""
    return (lhs.matmul(rhs) + bias).relu()
