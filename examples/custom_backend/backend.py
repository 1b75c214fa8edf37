"""The extended backend: Burn's ``trait Backend: burn::tensor::backend::Backend`` with one new op.

In Burn the new op is a trait method with a default body, and each backend may override it. In
pyburn the same three roles are played by a `CustomOp`:

- ``fused_matmul_add_relu_op``'s *composite default* (`reference`) is the trait's default body:
  it is written with ops every backend already has, so every backend runs the op;
- native kernels registered on the op (``kernels_array``, ``kernels_torch``) are the
  ``impl Backend for NdArray/LibTorch`` overrides;
- a backend class of your own can also implement `FusedBackend` itself: a classmethod named
  ``fused_matmul_add_relu`` wins over both.

The backward lives here too: `composite_backward` is what ``Autodiff[B]`` uses for every ``B``,
unless ``B``'s native kernel registered a backward of its own.
"""

from __future__ import annotations

from typing import Any, Protocol, Sequence, runtime_checkable

from pyburn.tensor import CustomOp, OpContext

FloatPrimitive = Any  # a backend's float tensor: np.ndarray, torch.Tensor, cupy.ndarray, ...
Shape = Sequence[int]


@runtime_checkable
class FusedBackend(Protocol):
    """A backend that implements the fused op itself (Burn's ``fn fused_matmul_add_relu``).

    pyburn's `Backend` is a base class, not a protocol (a `Protocol` may only extend protocols),
    so this protocol states the extension alone: a class is "Backend + FusedBackend" when it
    subclasses a `Backend` and has this classmethod. ``isinstance(MyBackend, FusedBackend)`` checks
    it at run time. Shapes are ``lhs [..., M, K]``, ``rhs [..., K, N]`` and ``bias`` broadcastable
    to ``[..., M, N]``; ``ctx`` keeps what a backward needs (see `OpContext`)."""

    @classmethod
    def fused_matmul_add_relu(cls, ctx: OpContext, lhs: FloatPrimitive, rhs: FloatPrimitive,
                              bias: FloatPrimitive) -> FloatPrimitive: ...


def reference(B: Any, ctx: OpContext, lhs: FloatPrimitive, rhs: FloatPrimitive,
              bias: FloatPrimitive) -> FloatPrimitive:
    """``relu(lhs @ rhs + bias)`` from existing backend ops: the path of any other backend."""
    return B.float_relu(B.float_add(B.float_matmul(lhs, rhs), bias))


fused_matmul_add_relu_op = CustomOp("fused_matmul_add_relu", reference)


def transpose(B: Any, x: FloatPrimitive) -> FloatPrimitive:
    """Swap the last two dims."""
    rank = len(B.float_shape(x))
    axes = list(range(rank))
    axes[-2], axes[-1] = axes[-1], axes[-2]
    return B.float_permute(x, tuple(axes))


def sum_to(B: Any, x: FloatPrimitive, shape: Shape) -> FloatPrimitive:
    """Sum a gradient over the dims that broadcasting expanded, back to an input's `shape`."""
    have = tuple(B.float_shape(x))
    want = (1,) * (len(have) - len(shape)) + tuple(shape)
    for dim, (h, w) in enumerate(zip(have, want)):
        if w == 1 and h != 1:
            x = B.float_sum_dim(x, dim)  # keeps the dim, with size 1
    return x if tuple(B.float_shape(x)) == tuple(shape) else B.float_reshape(x, tuple(shape))


@fused_matmul_add_relu_op.define_backward
def composite_backward(B: Any, ctx: OpContext, grad: FloatPrimitive) -> list[FloatPrimitive | None]:
    """The backward for every backend, with existing ops: relu's mask, then the matmul's VJPs.

    ``y = relu(z)``, ``z = lhs @ rhs + bias``: ``dz = grad * (y > 0)``, ``dlhs = dz @ rhsᵀ``,
    ``drhs = lhsᵀ @ dz``, ``dbias = dz`` summed over the broadcast dims."""
    lhs, rhs, bias = ctx.inputs
    want_lhs, want_rhs, want_bias = ctx.needs_input_grad
    dz = B.float_mask_fill(grad, B.float_lower_equal_elem(ctx.outputs, 0.0), 0.0)
    return [
        sum_to(B, B.float_matmul(dz, transpose(B, rhs)), B.float_shape(lhs)) if want_lhs else None,
        sum_to(B, B.float_matmul(transpose(B, lhs), dz), B.float_shape(rhs)) if want_rhs else None,
        sum_to(B, dz, B.float_shape(bias)) if want_bias else None,
    ]


def implementation(backend: Any) -> str:
    """Which path `backend` (or its inner backend under Autodiff) runs: ``"backend method"``,
    ``"native"`` or ``"reference"``."""
    plain = backend.inner if backend.is_autodiff() else backend
    if isinstance(plain, FusedBackend):
        return "backend method"
    return "native" if fused_matmul_add_relu_op.has_native(plain) else "reference"
