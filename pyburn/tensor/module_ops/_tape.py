"""Composite defaults whose backward is a tape's (used by conv, pool, interpolate and
lstm_sequence).

`run_taped` runs an op's tensor-level body on an internal ``Autodiff`` tape when a gradient is
needed (tracking the inputs that need one), and straight on the backend otherwise;
`taped_backward` is then one backward pass over that tape, seeded with the output gradients.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from ..backend import OpContext


def run_taped(B: Any, ctx: OpContext, body: Callable[..., Any],
              inputs: Sequence[Any]) -> Any:
    """``body(*tensors)`` on `inputs` (primitives of `B`, or None): its output primitive, or a
    tuple of them when `body` returns a tuple. When ``ctx.needs_grad``, `body` runs on
    ``Autodiff[B]`` tensors (those of the inputs that need a gradient are tracked) and `ctx`
    keeps the leaves and outputs for `taped_backward`."""
    from pyburn.tensor import Tensor
    inner = Tensor[B]
    if ctx.needs_grad:
        from pyburn_autodiff import Autodiff  # the tape gives the composite its backward
        AD = Tensor[Autodiff[B]]
        leaves = [None if p is None else
                  (AD.from_inner(inner.from_primitive(p)).require_grad() if need
                   else AD.from_inner(inner.from_primitive(p)))
                  for p, need in zip(inputs, ctx.needs_input_grad)]
        out = body(*leaves)
        ctx.save(leaves, out)
        if isinstance(out, tuple):
            return tuple(o.inner().primitive for o in out)
        return out.inner().primitive
    out = body(*[None if p is None else inner.from_primitive(p) for p in inputs])
    return tuple(o.primitive for o in out) if isinstance(out, tuple) else out.primitive


def taped_backward(B: Any, ctx: OpContext, grads: Any) -> list[Any]:
    """The backward of `run_taped`: the gradient primitive of each input (None where none is
    needed) from one pass over its tape. `grads` is the output's gradient, or for a tuple of
    outputs one gradient each (None for an unused output). The tape is released."""
    from pyburn.tensor import Tensor
    leaves, out = ctx.saved
    ctx.saved = ()
    outs, gs = (out, grads) if isinstance(out, tuple) else ((out,), (grads,))
    total = None
    for o, g in zip(outs, gs):
        if g is None:
            continue
        term = (o * type(o).from_inner(Tensor[B].from_primitive(g))).sum()
        total = term if total is None else total + term
    if total is None:
        return [None] * len(leaves)
    found = total.backward()
    result = []
    for leaf, need in zip(leaves, ctx.needs_input_grad):
        grad = leaf.grad(found) if (need and leaf is not None) else None
        result.append(None if grad is None else grad.primitive)
    return result


def taped(fn: Callable[..., Any]) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """A (kernel, backward) pair from a Tensor-level function of one float input and keyword
    attributes."""

    def kernel(B: Any, ctx: OpContext, x: Any, **attrs: Any) -> Any:
        return run_taped(B, ctx, lambda t: fn(t, **attrs), (x,))

    return kernel, taped_backward
