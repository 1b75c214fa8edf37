"""Native ``fused_matmul_add_relu`` for `Torch` (Burn's ``impl Backend for LibTorch``).

Rank-2 inputs take ``torch.addmm``, one BLAS call that adds the bias inside the GEMM; batched
inputs take ``matmul`` and an in-place add. The relu runs in place on that output. Primitives are
plain ``torch.Tensor`` that never require grad, so torch's autograd records nothing: pyburn's
``Autodiff`` calls `torch_backward` instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pyburn.backend import Torch
from pyburn.tensor import OpContext

from .backend import fused_matmul_add_relu_op

if TYPE_CHECKING:
    from torch import Tensor
else:
    Tensor = Any


def _sum_to(x: Tensor, shape: tuple[int, ...]) -> Tensor:
    lead = x.dim() - len(shape)
    dims = list(range(lead)) + [lead + d for d, n in enumerate(shape)
                                if n == 1 and x.shape[lead + d] != 1]
    return x.sum(dim=dims, keepdim=True).reshape(shape) if dims else x


@fused_matmul_add_relu_op.native(Torch)
def torch_kernel(B: Any, ctx: OpContext, lhs: Tensor, rhs: Tensor, bias: Tensor) -> Tensor:
    import torch
    if lhs.dim() == 2 and rhs.dim() == 2 and bias.dim() <= 2:
        out = torch.addmm(bias, lhs, rhs)
    else:
        out = torch.matmul(lhs, rhs).add_(bias)
    return out.relu_()


@fused_matmul_add_relu_op.native_backward(Torch)
def torch_backward(B: Any, ctx: OpContext, grad: Tensor) -> list[Tensor | None]:
    lhs, rhs, bias = ctx.inputs
    want_lhs, want_rhs, want_bias = ctx.needs_input_grad
    dz = grad.masked_fill(ctx.outputs <= 0, 0.0)
    return [
        _sum_to(dz @ rhs.mT, tuple(lhs.shape)) if want_lhs else None,
        _sum_to(lhs.mT @ dz, tuple(rhs.shape)) if want_rhs else None,
        _sum_to(dz, tuple(bias.shape)) if want_bias else None,
    ]
