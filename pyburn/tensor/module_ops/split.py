"""``split``: a float tensor cut along one dim into consecutive pieces, as one op for its backward.

Cut with slices, each piece's backward builds a zero tensor of the whole input, writes its
gradient in, and the tape adds the pieces up: for an LSTM cell's four gate chunks that is
eleven ops per step. As one op with one output per piece, the backward is one ``cat`` of the
pieces' gradients (zeros only for a piece that received none). `Tensor.split`/``chunk`` use it
on Autodiff backends; plain backends keep the slices, which cost nothing to record.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..backend import CustomOp, OpContext

_OPS: dict[int, CustomOp] = {}


def split_op(pieces: int) -> CustomOp:
    """The op with `pieces` outputs (an op's output count is fixed; one op per count, cached).
    Attributes: ``dim`` and ``sizes`` (the pieces' lengths along it, summing to its size)."""
    op = _OPS.get(pieces)
    if op is None:
        op = _OPS[pieces] = CustomOp(f"split{pieces}", _forward, n_outputs=pieces,
                                     keep_outputs=False)
        op.define_backward(_backward)
    return op


def _forward(B: Any, ctx: OpContext, x: Any, *, dim: int, sizes: Sequence[int]) -> tuple[Any, ...]:
    shape = B.float_shape(x)
    region = [slice(0, n, 1) for n in shape]
    out, start = [], 0
    for size in sizes:
        region[dim] = slice(start, start + size, 1)
        out.append(B.float_slice(x, tuple(region)))
        start += size
    if ctx.needs_grad:
        ctx.save(tuple(shape), B.float_device(x), B.float_dtype(x))
    return tuple(out)


def _backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    if not ctx.needs_input_grad[0]:
        return [None]
    shape, device, dtype = ctx.saved
    dim, sizes = ctx.attrs["dim"], ctx.attrs["sizes"]
    parts = []
    for grad, size in zip(grads, sizes):
        if grad is None:
            grad = B.float_full(shape[:dim] + (size,) + shape[dim + 1:], 0.0, device)
            if dtype != B.float_elem:
                grad = B.float_cast(grad, dtype)
        parts.append(grad)
    return [B.float_cat(parts, dim)]
