"""``pyburn.linalg``: Burn's ``burn_tensor::linalg`` functions, composed from tensor ops.

Like Burn's, these are written with the public tensor ops (no backend kernel), so every backend
runs them and Autodiff differentiates them through their parts. Matrices are the last two dims;
leading dims are a batch.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import Any

import numpy as np

from .errors import RankError, ShapeError
from .kind import Int


class Norm(Enum):
    """Burn's ``linalg::Norm``; a float exponent works wherever a Norm does."""

    L0 = 0.0
    L1 = 1.0
    L2 = 2.0
    LInf = math.inf
    LNegInf = -math.inf


def _exponent(norm: Any) -> float:
    return float(norm.value if isinstance(norm, Norm) else norm)


def vector_norm(x: Any, norm: Any, dim: int) -> Any:
    """The vector norm of `x` along `dim` (kept as size 1): ``L0`` counts non-zeros, ``L1``,
    ``L2``, ``LInf``/``LNegInf`` the largest/smallest magnitude, any other p ``(Σ|x|^p)^(1/p)``."""
    p = _exponent(norm)
    if p == 0.0:
        return l0_norm(x, dim)
    if p == 1.0:
        return l1_norm(x, dim)
    if p == 2.0:
        return l2_norm(x, dim)
    if p == math.inf:
        return max_abs_norm(x, dim)
    if p == -math.inf:
        return min_abs_norm(x, dim)
    return lp_norm(x, p, dim)


def l0_norm(x: Any, dim: int) -> Any:
    nonzero = x.not_equal_elem(0)
    return (nonzero.float() if x.kind.prefix == "float" else nonzero.int()).sum_dim(dim)


def l1_norm(x: Any, dim: int) -> Any:
    return x.abs().sum_dim(dim)


def l2_norm(x: Any, dim: int) -> Any:
    return (x * x).sum_dim(dim).sqrt()


def lp_norm(x: Any, p: float, dim: int) -> Any:
    return x.abs().powf_scalar(p).sum_dim(dim).powf_scalar(1.0 / p)


def max_abs_norm(x: Any, dim: int) -> Any:
    return x.abs().max_dim(dim)


def min_abs_norm(x: Any, dim: int) -> Any:
    return x.abs().min_dim(dim)


def vector_normalize(x: Any, norm: Any, dim: int, eps: float) -> Any:
    """`x` divided by its norm along `dim` (at least `eps`, so zero vectors stay finite)."""
    return x / vector_norm(x, norm, dim).clamp_min(eps)


def cosine_similarity(x1: Any, x2: Any, dim: int, eps: float | None = None) -> Any:
    """``x1·x2 / (max(|x1|, eps) * max(|x2|, eps))`` along `dim` (kept as size 1). Each norm
    is clamped on its own, as Burn and ``torch.nn.functional.cosine_similarity`` do; `eps`
    defaults to Burn's, the dtype's smallest positive normal number."""
    if eps is None:
        eps = float(np.finfo(x1.dtype.numpy()).tiny)
    dot = (x1 * x2).sum_dim(dim)
    return dot / (_l2_norm_zero_safe(x1, dim).clamp_min(eps) *
                  _l2_norm_zero_safe(x2, dim).clamp_min(eps))


def _l2_norm_zero_safe(x: Any, dim: int) -> Any:
    """`l2_norm` whose backward gives 0 for a zero vector (torch's choice) instead of the
    ``0 * inf = NaN`` of sqrt's backward at 0: the root is taken of 1 there and 0 written back."""
    total = (x * x).sum_dim(dim)
    zero = total.equal_elem(0.0)
    return total.mask_fill(zero, 1.0).sqrt().mask_fill(zero, 0.0)


def outer(lhs: Any, rhs: Any) -> Any:
    """The outer product of two vectors (``[m] x [n] -> [m, n]``), or batched
    (``[b, m] x [b, n] -> [b, m, n]``)."""
    if lhs.rank != rhs.rank or lhs.rank not in (1, 2):
        raise RankError(f"outer: expected two 1-D or two 2-D tensors, got shapes "
                        f"{list(lhs.shape)} and {list(rhs.shape)}")
    if lhs.rank == 2 and lhs.shape[0] != rhs.shape[0]:
        raise ShapeError(f"outer: batch sizes differ: {lhs.shape[0]} and {rhs.shape[0]}")
    return lhs.unsqueeze_dim(-1) * rhs.unsqueeze_dim(-2)


def outer_dim(lhs: Any, rhs: Any, dim: int) -> Any:
    """The outer product over `dim`: that dim of `lhs` times that dim of `rhs` makes two."""
    d = dim % lhs.rank
    return lhs.unsqueeze_dim(d + 1) * rhs.unsqueeze_dim(d)


def matvec(matrix: Any, vector: Any) -> Any:
    """``matrix @ vector`` with `vector` one rank lower (batches broadcast)."""
    if matrix.rank != vector.rank + 1:
        raise RankError(f"matvec: the matrix must have one more dim than the vector, got shapes "
                        f"{list(matrix.shape)} and {list(vector.shape)}")
    if matrix.shape[-1] != vector.shape[-1]:
        raise ShapeError(f"matvec: the matrix has {matrix.shape[-1]} columns, the vector "
                         f"{vector.shape[-1]} entries")
    try:
        return matrix.matmul(vector.unsqueeze_dim(-1)).squeeze_dim(-1)
    except ShapeError as exc:
        raise ShapeError(f"matvec: batch dims do not broadcast: matrix {list(matrix.shape)}, "
                         f"vector {list(vector.shape)}") from exc


def diag(x: Any) -> Any:
    """The main diagonal of the last two dims (length ``min(rows, cols)``)."""
    if x.rank < 2:
        raise RankError(f"diag: expected a tensor of rank >= 2, got shape {list(x.shape)}")
    shape = list(x.shape)
    rows, cols = shape[-2], shape[-1]
    n = min(rows, cols)
    flat = x.reshape(shape[:-2] + [rows * cols])
    index = type(x).of(type(x).backend, Int).arange_step(0, n * (cols + 1), cols + 1,
                                                         device=x.device)
    return flat.select(x.rank - 2, index.narrow(0, 0, n))


def trace(x: Any) -> Any:
    """The sum of the main diagonal (a `[..., 1]` tensor)."""
    if x.rank < 2:
        raise RankError(f"trace: expected a tensor of rank >= 2, got shape {list(x.shape)}")
    return diag(x).sum_dim(-1)


def _square(op: str, x: Any) -> int:
    if x.rank < 2 or x.shape[-1] != x.shape[-2]:
        raise ShapeError(f"{op}: expected square matrices in the last two dims, got shape "
                         f"{list(x.shape)}")
    return int(x.shape[-1])


def _lu_steps(a: Any) -> tuple[Any, Any, Any, Any]:
    """Gaussian elimination with partial pivoting: (perm, L, U, sign) with
    ``a[..., perm, :] = L @ U`` and `sign` the permutation's parity (+-1 per matrix)."""
    if a.rank < 2:
        raise RankError(f"lu: expected a tensor of rank >= 2, got shape {list(a.shape)}")
    shape = list(a.shape)
    batch, n, cols = shape[:-2], shape[-2], shape[-1]
    steps = min(n, cols)
    IntT = type(a).of(type(a).backend, Int)
    rows = IntT.arange(0, n, device=a.device).reshape([1] * len(batch) + [n]).expand(batch + [n])
    perm, u = rows, a
    lower = type(a).zeros(batch + [n, n], a.device)
    sign = type(a).ones(batch + [1], a.device)
    for k in range(steps):
        col = u.narrow(-1, k, 1).narrow(-2, k, n - k).abs()                # [..., n-k, 1]
        piv = col.argmax(-2).reshape(batch + [1]) + k                       # [..., 1]
        swap = rows.equal_elem(k)
        order = rows.mask_where(swap, piv.expand(batch + [n]))
        order = order.mask_where(rows.equal(piv.expand(batch + [n])) & ~swap,
                                 IntT.full(batch + [n], k, a.device))
        u = u.gather(-2, order.unsqueeze_dim(-1).expand(shape))
        lower = lower.gather(-2, order.unsqueeze_dim(-1).expand(batch + [n, n]))
        perm = perm.gather(-1, order)
        sign = sign.mask_where(piv.not_equal_elem(k), -sign)
        if k == n - 1:
            break
        pivot = u.narrow(-2, k, 1).narrow(-1, k, 1)                          # [..., 1, 1]
        safe = pivot.mask_fill(pivot.equal_elem(0.0), 1.0)
        factors = (u.narrow(-2, k + 1, n - k - 1).narrow(-1, k, 1) / safe).mask_fill(
            pivot.equal_elem(0.0).expand(batch + [n - k - 1, 1]), 0.0)     # [..., n-k-1, 1]
        below = u.narrow(-2, k + 1, n - k - 1) - factors * u.narrow(-2, k, 1)
        u = type(a).cat([u.narrow(-2, 0, k + 1), below], -2)
        col_l = type(a).cat([type(a).zeros(batch + [k + 1, 1], a.device), factors], -2)
        lower = type(a).cat([lower.narrow(-1, 0, k), col_l,
                             lower.narrow(-1, k + 1, n - k - 1)], -1)
    eye = type(a).eye(n, a.device).reshape([1] * len(batch) + [n, n]).expand(batch + [n, n])
    return perm, (lower + eye).narrow(-1, 0, steps), u.narrow(-2, 0, steps), sign


def lu(x: Any) -> tuple[Any, Any, Any]:
    """LU decomposition with partial pivoting: ``(p, l, u)`` with ``x = p @ l @ u``, `l` unit
    lower-triangular and `u` upper-triangular."""
    perm, lower, upper, _ = _lu_steps(x)
    n = x.shape[-2]
    p = perm.one_hot(n).float().swap_dims(-1, -2)
    return p, lower, upper


def det(x: Any) -> Any:
    """The determinant of each matrix of a batch (``[..., b, n, n] -> [..., b]``). As Burn's, it
    takes batches only (rank >= 3): a single matrix is ``det(m.unsqueeze())``."""
    if x.rank < 3:
        raise RankError(f"det: expected a batch of square matrices (rank >= 3), got shape "
                        f"{list(x.shape)}; a single matrix is det(m.unsqueeze())")
    _square("det", x)
    _, _, upper, sign = _lu_steps(x)
    d = diag(upper)
    out = d.narrow(-1, 0, 1)
    for i in range(1, d.shape[-1]):
        out = out * d.narrow(-1, i, 1)
    return (out * sign).squeeze_dim(-1)


def qr(x: Any, reduced: bool = True) -> tuple[Any, Any]:
    """QR decomposition by Householder reflections: ``x = q @ r``, `q` with orthonormal
    columns and `r` upper-triangular; `reduced` keeps ``min(m, n)`` columns of q."""
    if x.rank < 2:
        raise RankError(f"qr: expected a tensor of rank >= 2, got shape {list(x.shape)}")
    shape = list(x.shape)
    batch, m, n = shape[:-2], shape[-2], shape[-1]
    lead = [1] * len(batch)
    q = type(x).eye(m, x.device).reshape(lead + [m, m]).expand(batch + [m, m])
    r = x
    for k in range(min(m - 1, n)):
        col = r.narrow(-2, k, m - k).narrow(-1, k, 1)                      # [..., m-k, 1]
        norm = (col * col).sum_dim(-2).sqrt()                                # [..., 1, 1]
        head = col.narrow(-2, 0, 1)
        alpha = norm.mask_where(head.lower_elem(0.0), -norm)
        e1 = type(x).zeros([m - k, 1], x.device).slice_fill([slice(0, 1)], 1.0)
        v = col + alpha * e1.reshape(lead + [m - k, 1])
        vnorm = (v * v).sum_dim(-2).sqrt()
        v = v / vnorm.mask_fill(vnorm.equal_elem(0.0), 1.0)
        tail = r.narrow(-2, k, m - k)
        tail = tail - (v * 2.0).matmul(v.swap_dims(-1, -2).matmul(tail))
        r = type(x).cat([r.narrow(-2, 0, k), tail], -2) if k else tail
        qk = q.narrow(-1, k, m - k)
        qk = qk - qk.matmul(v).matmul(v.swap_dims(-1, -2) * 2.0)
        q = type(x).cat([q.narrow(-1, 0, k), qk], -1) if k else qk
    r = r.triu()
    if reduced:
        kk = min(m, n)
        return q.narrow(-1, 0, kk), r.narrow(-2, 0, kk)
    return q, r


__all__ = ["Norm", "vector_norm", "l0_norm", "l1_norm", "l2_norm", "lp_norm", "max_abs_norm",
           "min_abs_norm", "vector_normalize", "cosine_similarity", "outer", "outer_dim",
           "matvec", "diag", "trace", "lu", "det", "qr"]
