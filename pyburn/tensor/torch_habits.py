"""PyTorch spellings on pyburn tensors (the table is in docs/interop.md).

The rule: a PyTorch call form of a pyburn op that can only mean one thing is accepted
(``reshape(2, 3)``, ``permute(0, 2, 1)``, ``transpose(0, 1)``, ``unsqueeze(0)``, ``size(1)``,
``x[mask]``, ``sum(1, keepdim=True)``); one whose PyTorch meaning differs from Burn's, or a
PyTorch method name pyburn spells differently, fails with an error naming the pyburn spelling.
These helpers run only off the fast path: after the ops' usual arguments did not match.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

from .errors import BackendError, ShapeError


def reduce_dims(t: Any, op: str, burn_op: str, dim: Any, keepdim: bool | None) -> Any:
    """``sum``/``mean``/``prod`` with a dim. Burn's `burn_op` keeps the reduced dim while
    PyTorch drops it by default, so only an explicit `keepdim` says which the caller means."""
    if dim is None:
        raise TypeError(f"{op}: keepdim needs a dim; {op}() reduces every element to shape [1] "
                        "(Burn)")
    if keepdim is None:
        raise TypeError(f"{op}({dim}): pyburn's {op}() reduces every element (Burn). For one dim "
                        f"write {burn_op}({dim}), which keeps it with size 1 as Burn does, and "
                        f".squeeze_dim({dim}) to drop it; or pass keepdim= as in PyTorch")
    dims = sorted({t._dim(d, op) for d in (dim if isinstance(dim, (tuple, list)) else (dim,))})
    out = t
    for d in dims:
        out = getattr(out, burn_op)(d)
    if not keepdim:
        shape = [n for i, n in enumerate(out.shape) if i not in dims]
        out = out.reshape(shape)
    return out


def reject_extreme(op: str, arg: Any) -> TypeError:
    """``max(dim)``/``max(other)``: PyTorch returns (values, indices) or an elementwise max."""
    if hasattr(arg, "_p"):
        return TypeError(f"{op}(other): the elementwise {op} of two tensors is {op}_pair(other)")
    return TypeError(f"{op}({arg}): PyTorch returns (values, indices) with dim {arg} removed; "
                     f"pyburn spells it {op}_dim({arg}) (the values, dim kept with size 1 as "
                     f"Burn) or {op}_dim_with_indices({arg}); .squeeze_dim({arg}) drops the dim")


def reject_any_all(op: str, dim: Any) -> TypeError:
    return TypeError(f"{op}({dim}): pyburn's {op}() reduces every element; for one dim write "
                     f"{op}_dim({dim}) (keeps it with size 1, as Burn)")


def flat_argextreme(op: str) -> TypeError:
    return TypeError(f"{op}(): pyburn's {op} needs a dim (Burn); for the index into the "
                     f"flattened tensor write x.flatten().{op}(0)")


def varargs(first: Any, rest: Sequence[Any]) -> Any:
    """``f(2, 3)`` and ``f([2, 3])`` alike: PyTorch's varargs form of a shape or axes list."""
    if rest or not hasattr(first, "__len__"):
        return (first, *rest)
    return first


def mask_index(t: Any, mask: Any) -> Any:
    """``x[mask]`` as in NumPy and PyTorch: the entries where the Bool `mask` (x's shape, or its
    leading dims) is true, along a new first dim. The length depends on the values, so the
    mask is read on the host; gradients flow through (it is a ``select``)."""
    if type(mask).backend is not type(t).backend:
        raise BackendError(f"index: the mask is on backend {type(mask).backend!r}, the tensor on "
                           f"{type(t).backend!r}")
    mshape, shape = list(mask.shape), list(t.shape)
    if shape[:len(mshape)] != mshape:
        raise ShapeError(f"index: a Bool mask of shape {mshape} must match the tensor's shape "
                         f"{shape} or its leading dims (or use mask_fill / mask_where, which "
                         "keep the shape)")
    rest = shape[len(mshape):]
    rows = t.reshape([math.prod(mshape)] + rest)
    hits = mask.reshape([math.prod(mshape)]).argwhere()
    return rows.select(0, hits.reshape([hits.shape[0]]))


# PyTorch (and a few NumPy) names that pyburn spells differently: name -> the pyburn spelling.
_SPELLINGS = {
    "masked_fill": "mask_fill(mask, value)",
    "where": "values.mask_where(mask, other) (x.where(mask, y) in PyTorch is "
             "y.mask_where(mask, x))",
    "index_select": "select(dim, indices)",
    "scatter_add": "scatter(dim, indices, values) (Burn's scatter adds)",
    "long": "int()",
    "double": 'cast("float64")',
    "half": 'cast("float16")',
    "type": "cast(dtype), int(), float() or bool()",
    "to": "to_device(device) for a device, cast(dtype) for a float dtype",
    "cpu": 'to_device("cpu"), or to_numpy() for a NumPy array',
    "cuda": 'to_device("cuda:0") on a GPU backend (Torch, CuPy)',
    "numpy": "to_numpy() (a copy), or np.asarray(x) (a read-only view on the CPU)",
    "dim": "rank (a property), or len(x.shape)",
    "ndimension": "rank (a property)",
    "nelement": "num_elements()",
    "contiguous": "nothing: tensors are values and backends manage their layout (drop the call)",
    "view_as": "reshape(other.shape)",
    "reshape_as": "reshape(other.shape)",
    "expand_as": "expand(other.shape)",
    "t": "transpose() or .T",
    "mm": "matmul(other) or x @ other",
    "bmm": "matmul(other) or x @ other",
    "pow": "powf(exponent), powi(exponent) or x ** exponent",
    "std": "var(dim).sqrt()",
    "softmax": "pyburn.tensor.activation.softmax(x, dim)",
    "log_softmax": "pyburn.tensor.activation.log_softmax(x, dim)",
    "gelu": "pyburn.tensor.activation.gelu(x)",
    "eq": "equal(other) or ==",
    "ne": "not_equal(other) or !=",
    "lt": "lower(other) or <",
    "le": "lower_equal(other) or <=",
    "gt": "greater(other) or >",
    "ge": "greater_equal(other) or >=",
    "requires_grad": "is_require_grad()",
    "allclose": "all_close(other)",
    "new_zeros": "zeros_like(), or type(x).zeros(shape, device=x.device)",
    "new_ones": "ones_like(), or type(x).ones(shape, device=x.device)",
    "new_full": "full_like(value), or type(x).full(shape, value, device=x.device)",
    "is_cuda": 'device.kind == "cuda"',
    "data_ptr": "np.asarray(x) or the DLPack protocol (torch.from_dlpack(x))",
}

_IN_PLACE = {"requires_grad_": "require_grad()", "fill_": "full_like(value)",
             "zero_": "zeros_like()"}


def missing_attribute(owner: str, name: str) -> str:
    """The AttributeError message for `name`: the pyburn spelling when it is a known PyTorch
    habit, Python's usual message otherwise."""
    plain = f"{owner!r} object has no attribute {name!r}"
    if name.startswith("_"):
        return plain
    spelling = _SPELLINGS.get(name)
    if spelling is not None:
        return f"{plain}; pyburn spells it {spelling}"
    if name.endswith("_"):
        fix = _IN_PLACE.get(name) or f"{name[:-1]}(...)"
        return (f"{plain}: pyburn tensors are immutable values, with no in-place ops; write "
                f"x = x.{fix}")
    return plain
