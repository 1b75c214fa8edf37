# The mixin calls methods and operators of its sibling mixins (BasicOps, NumericOps, FloatOps),
# which mypy cannot see from here; the public signatures below stay typed.
# mypy: disable-error-code="attr-defined, operator, return-value, union-attr, arg-type"
"""Burn's tensor ops beyond the Book's tables, as composites of the backend ops.

Each op here is composed from existing ops the way Burn composes it (``pad``, ``take``, ``roll``,
``dot``, ``eye``, the ``*_dims`` reductions, ``cov``, ``median``...), so it runs on every backend
and Autodiff differentiates it through its parts. Ops Burn gives a backend kernel (trig, trunc)
are backend ops in `pyburn.tensor.backend`.
"""

from __future__ import annotations

import builtins
import math
from enum import Enum
from typing import TYPE_CHECKING, Any, Sequence

from .errors import IndexRangeError, KindError, RankError, ShapeError
from .kind import Bool, Float, Int
from .ops_base import B, K, TensorOpsBase

if TYPE_CHECKING:
    from typing_extensions import Self

    from .tensor import Tensor


class IndexingUpdateOp(Enum):
    """How scatter-like ops combine a value with what is already there (Burn's enum)."""

    Assign = "assign"
    Add = "add"
    Mul = "mul"
    Min = "min"
    Max = "max"


class PadMode:
    """Burn's ``PadMode``: ``PadMode.Constant(value)``, ``PadMode.Reflect``, ``PadMode.Edge``."""

    Reflect: "PadMode"
    Edge: "PadMode"

    def __init__(self, kind: str, value: float = 0.0) -> None:
        self.kind = kind
        self.value = value

    @staticmethod
    def Constant(value: float) -> "PadMode":  # noqa: N802  (Burn's variant name)
        return PadMode("constant", value)

    def __repr__(self) -> str:
        return f"PadMode.Constant({self.value})" if self.kind == "constant" else \
            f"PadMode.{self.kind.capitalize()}"


PadMode.Reflect = PadMode("reflect")
PadMode.Edge = PadMode("edge")


class GridSampleMode(Enum):
    """How `grid_sample_2d` reads between pixels (Burn's op-level ``InterpolateMode``)."""

    Nearest = "nearest"
    Bilinear = "bilinear"


class GridSamplePaddingMode(Enum):
    """What `grid_sample_2d` reads outside the input: zeros, the border, or a reflection."""

    Zeros = "zeros"
    Border = "border"
    Reflection = "reflection"


class GridSampleOptions:
    """Burn's ``GridSampleOptions``: mode, padding mode (Zeros) and align_corners (False)."""

    def __init__(self, mode: Any = GridSampleMode.Bilinear,
                 padding_mode: GridSamplePaddingMode = GridSamplePaddingMode.Zeros,
                 align_corners: bool = False) -> None:
        self.mode = GridSampleMode(getattr(mode, "value", mode))
        self.padding_mode = padding_mode
        self.align_corners = align_corners

    @staticmethod
    def new(mode: Any) -> "GridSampleOptions":
        return GridSampleOptions(mode)

    @staticmethod
    def default() -> "GridSampleOptions":
        return GridSampleOptions()

    def with_padding_mode(self, padding_mode: GridSamplePaddingMode) -> "GridSampleOptions":
        return GridSampleOptions(self.mode, padding_mode, self.align_corners)

    def with_align_corners(self, align_corners: bool) -> "GridSampleOptions":
        return GridSampleOptions(self.mode, self.padding_mode, align_corners)


def _reflect(c: Any, twice_low: float, twice_high: float) -> Any:
    """torch's reflect_coordinates: fold `c` back into [low, high] by reflections."""
    if twice_low == twice_high:
        return c * 0.0
    low, span = twice_low / 2.0, (twice_high - twice_low) / 2.0
    c = (c - low).abs()
    extra = c.fmod_scalar(span)
    flips = (c / span).floor()
    odd = flips.remainder_scalar(2.0).equal_elem(1.0)
    return (extra + low).mask_where(odd, (extra * -1.0) + (span + low))


def _cls(t: Any, kind: Any) -> Any:
    return type(t).of(type(t).backend, kind)


def _ints(t: Any, values: Sequence[int], shape: Sequence[int] | None = None) -> Any:
    out = _cls(t, Int).from_data(list(values), t.device)
    return out if shape is None else out.reshape(list(shape))


def scatter_update(op: str, x: Any, update: Any, add: Any, written: Any,
                   combined: Any = None) -> Any:
    """`add(base)` (the backend's adding scatter) for ``Add``; for ``Assign`` the written places
    are cleared first (`written()` gives their Bool mask), so each holds its new value. ``Mul``,
    ``Min`` and ``Max`` assign ``combined(mode)``: the old values there combined with the new ones,
    which needs each place written once (`combined` refuses repeated indices)."""
    mode = IndexingUpdateOp.Add if update is None else update
    if mode is IndexingUpdateOp.Add:
        return add(x)
    zero: Any = False if x.kind is Bool else 0
    if mode is IndexingUpdateOp.Assign:
        return add(x.mask_fill(written(), zero))
    if combined is None:
        raise ValueError(f"{op}: IndexingUpdateOp.{mode.name} is not supported here; supported: "
                         "Add, Assign")
    return combined(mode, lambda values: add_with(add, x.mask_fill(written(), zero), values))


def add_with(add: Any, base: Any, values: Any) -> Any:
    return add(base, values)


def combine(mode: IndexingUpdateOp, old: Any, new: Any) -> Any:
    if mode is IndexingUpdateOp.Mul:
        return old * new
    if mode is IndexingUpdateOp.Min:
        return new.min_pair(old)
    return new.max_pair(old)


def require_unique(op: str, mode: IndexingUpdateOp, lin: Any) -> None:
    """Mul/Min/Max read each written place once: repeated indices are refused."""
    values = lin.to_data().as_numpy().reshape(-1)
    if len(set(values.tolist())) != values.size:
        raise ValueError(f"{op}: IndexingUpdateOp.{mode.name} with repeated indices is not "
                         "supported (each place must be written once)")


class ExtraOps(TensorOpsBase[B, K]):
    __slots__ = ()

    # --- shape and indexing ----------------------------------------------------------------------
    def t(self) -> "Self":
        """Burn's ``t()``: the transpose of the last two dims."""
        return self.transpose()

    def slice_dim(self, dim: int, r: Any) -> "Self":
        """Slice one dim with a range (``slice(start, end, step)``), the others whole."""
        d = self._dim(dim, "slice_dim")
        return self.slice([slice(None)] * d + [r])

    def select_dim(self, dim: int, index: int) -> "Self":
        """The slice at `index` of `dim`, with `dim` removed (rank - 1): Burn's ``select_dim``,
        torch's ``select(dim, index)``. Negative `dim` and `index` count from the end."""
        d = self._dim(dim, "select_dim")
        size = int(self.shape[d])
        if not -size <= index < size:
            raise IndexRangeError(f"select_dim: index {index} is out of range for dim {dim} of "
                                  f"size {size} (shape {list(self.shape)})",
                                  index=index, size=size)
        i = index + size if index < 0 else index
        return self.slice_dim(d, slice(i, i + 1)).squeeze_dim(d)

    def take(self, dim: int, indices: Any) -> "Self":
        """Pick entries of `dim` by an Int tensor of any rank: `dim` is replaced by the
        indices' shape (``take`` with 1-D indices is ``select``)."""
        d = self._dim(dim, "take")
        if indices.kind is not Int:
            raise KindError(f"take: indices must be an Int tensor, got a "
                            f"{indices.kind.__name__} tensor")
        shape = list(self.shape)
        picked = self.select(d, indices.reshape([-1]))
        return picked.reshape(shape[:d] + list(indices.shape) + shape[d + 1:])

    def gather_nd(self, indices: Any) -> "Self":
        """Gather slices by multi-dim indices: ``indices[..., k]`` address the first k dims;
        the result has shape ``indices.shape[:-1] + self.shape[k:]``."""
        lead, rest, lin = self._nd_index("gather_nd", indices)
        flat = self.reshape([math.prod(lead)] + rest)
        return flat.select(0, lin).reshape(list(indices.shape)[:-1] + rest)

    def scatter_nd(self, indices: Any, values: Any, update: Any = None) -> "Self":
        """Write `values` at the multi-dim `indices` (see `gather_nd`), combined by `update`
        (``IndexingUpdateOp.Add`` by default, ``Assign`` replaces)."""
        lead, rest, lin = self._nd_index("scatter_nd", indices)
        expected = list(indices.shape)[:-1] + rest
        if list(values.shape) != expected:
            raise ShapeError(f"scatter_nd: values must have shape {expected}, got "
                             f"{list(values.shape)}")
        rows = math.prod(lead)
        flat = self.reshape([rows] + rest)
        v = values.reshape([lin.shape[0]] + rest)

        def written() -> Any:
            hits = _cls(self, Int).zeros([rows], self.device).select_assign(
                0, lin, _cls(self, Int).ones([lin.shape[0]], self.device))
            return hits.greater_elem(0).reshape([rows] + [1] * len(rest)).expand([rows] + rest)

        def add(base: Any, values: Any = None) -> Any:
            values = v if values is None else values
            if base.kind is Bool:
                return base.int().select_assign(0, lin, values.int()).bool()
            return base.select_assign(0, lin, values)

        def combined(mode: IndexingUpdateOp, assign: Any) -> Any:
            require_unique("scatter_nd", mode, lin)
            return assign(combine(mode, flat.select(0, lin), v))
        return scatter_update("scatter_nd", flat, update, add, written, combined).reshape(
            list(self.shape))

    def _nd_index(self, op: str, indices: Any) -> tuple[list[int], list[int], Any]:
        if indices.kind is not Int:
            raise KindError(f"{op}: indices must be an Int tensor, got a "
                            f"{indices.kind.__name__} tensor")
        k = indices.shape[-1] if indices.rank else 0
        if indices.rank < 1 or not 1 <= k <= self.rank:
            raise ShapeError(f"{op}: the last dim of indices ({list(indices.shape)}) must be "
                             f"between 1 and the tensor's rank {self.rank}")
        shape = list(self.shape)
        lead, rest = shape[:k], shape[k:]
        strides = [math.prod(lead[i + 1:]) for i in range(k)]
        flat_idx = indices.reshape([-1, k])
        lin = (flat_idx * _ints(self, strides, [1, k])).sum_dim(1).reshape([-1])
        from .ops_basic import check_index_range
        check_index_range(op, lin, 0, math.prod(lead))
        return lead, rest, lin

    def mask_select(self, mask: Any) -> "Self":
        """The elements where `mask` is true, as a 1-D tensor (row-major order)."""
        if mask.kind is not Bool:
            raise KindError(f"mask_select: mask must be a Bool tensor, got a "
                            f"{mask.kind.__name__} tensor")
        if list(mask.shape) != list(self.shape):
            raise ShapeError(f"mask_select: the mask's shape {list(mask.shape)} must equal the "
                             f"tensor's {list(self.shape)}")
        where = mask.reshape([-1]).argwhere().reshape([-1])
        return self.reshape([-1]).select(0, where)

    def roll_dim(self, shift: int, dim: int) -> "Self":
        """Rotate the entries of `dim` by `shift` as Burn does: the result starts at index
        `shift` (``cat([x[shift:], x[:shift]])``, torch's ``roll(x, -shift, dim)``)."""
        d = self._dim(dim, "roll_dim")
        n = self.shape[d]
        if n == 0:
            return self
        s = shift % n
        if s == 0:
            return self
        return type(self).cat([self.narrow(d, s, n - s), self.narrow(d, 0, s)], d)

    def roll(self, shifts: Sequence[int], dims: Sequence[int]) -> "Self":
        """`roll_dim` for each (shift, dim) pair."""
        if len(shifts) != len(dims):
            raise ShapeError(f"roll: {len(shifts)} shifts for {len(dims)} dims; they must pair up")
        out = self
        for s, d in zip(shifts, dims):
            out = out.roll_dim(s, d)
        return out

    def unfold(self, dim: int, size: int, step: int) -> "Self":
        """Sliding windows of `size` along `dim`, every `step`: `dim` becomes the window count
        and a new last dim of length `size` holds each window (torch's ``Tensor.unfold``)."""
        d = self._dim(dim, "unfold")
        if size <= 0 or step <= 0:
            raise ValueError(f"unfold: size and step must be > 0, got size={size}, step={step}")
        n = self.shape[d]
        count = 0 if n < size else (n - size) // step + 1
        starts = [i * step for i in range(count)]
        index = _ints(self, [s + j for s in starts for j in range(size)])
        shape = list(self.shape)
        picked = self.select(d, index).reshape(shape[:d] + [count, size] + shape[d + 1:])
        return picked.movedim(d + 1, self.rank)

    def pad(self, padding: Any, mode: Any = 0.0) -> "Self":
        """Pad with a constant (a number or ``PadMode.Constant(v)``), by reflection
        (``PadMode.Reflect``) or by repeating the edge (``PadMode.Edge``). `padding` is
        ``(left, right, top, bottom, ...)`` from the last dim backwards, as torch's ``F.pad``, or a
        list of ``(before, after)`` pairs for the trailing dims, in order."""
        rank = self.rank
        pairs = _pad_pairs(padding, rank)
        if not isinstance(mode, PadMode):
            mode = PadMode.Constant(mode)
        out = self
        for d, (before, after) in enumerate(pairs):
            if before == 0 and after == 0:
                continue
            n = out.shape[d]
            if mode.kind == "reflect" and (before >= n or after >= n):
                raise ShapeError(f"pad: reflect padding ({before}, {after}) must be less than "
                                 f"dim {d} size ({n})")
            if mode.kind == "edge" and n == 0:
                raise ShapeError(f"pad: cannot edge-pad dim {d} of size 0")
            out = _pad_dim(out, d, before, after, mode)
        return out

    # --- bitwise (Int) ---------------------------------------------------------------------------
    def _bitwise(self, name: str, other: Any) -> "Self":
        op = f"bitwise_{name}"
        self._require_kind(op, Int)
        if isinstance(other, builtins.int):
            other = type(self).full([1] * self.rank, other, self.device)
        from .ops_basic import checked_call
        return self._new(checked_call(op, self, (other,), getattr(self._ops, op), self._p,
                                      self._check_peer(op, other)))

    def bitwise_and(self, other: Any) -> "Self":
        return self._bitwise("and", other)

    def bitwise_or(self, other: Any) -> "Self":
        return self._bitwise("or", other)

    def bitwise_xor(self, other: Any) -> "Self":
        return self._bitwise("xor", other)

    def bitwise_left_shift(self, other: Any) -> "Self":
        return self._bitwise("left_shift", other)

    def bitwise_right_shift(self, other: Any) -> "Self":
        return self._bitwise("right_shift", other)

    bitwise_and_scalar = bitwise_and
    bitwise_or_scalar = bitwise_or
    bitwise_xor_scalar = bitwise_xor
    bitwise_left_shift_scalar = bitwise_left_shift
    bitwise_right_shift_scalar = bitwise_right_shift

    def bitwise_not(self) -> "Self":
        self._require_kind("bitwise_not", Int)
        return self._new(self._ops.bitwise_not(self._p))

    # --- reductions ------------------------------------------------------------------------------
    def sum_dims(self, dims: Sequence[int]) -> "Self":
        out = self
        for d in dims:
            out = out.sum_dim(d)
        return out

    def mean_dims(self, dims: Sequence[int]) -> "Self":
        out = self
        for d in dims:
            out = out.mean_dim(d)
        return out

    def prod_dims(self, dims: Sequence[int]) -> "Self":
        out = self
        for d in dims:
            out = out.prod_dim(d)
        return out

    def max_dims(self, dims: Sequence[int]) -> "Self":
        out = self
        for d in dims:
            out = out.max_dim(d)
        return out

    def min_dims(self, dims: Sequence[int]) -> "Self":
        out = self
        for d in dims:
            out = out.min_dim(d)
        return out

    def max_abs_dims(self, dims: Sequence[int]) -> "Self":
        return self.abs().max_dims(dims)

    def sum_dims_squeeze(self, dims: Sequence[int]) -> "Self":
        ds = sorted((self._dim(d, "sum_dims_squeeze") for d in dims), reverse=True)
        return self.sum_dims(ds).squeeze_dims(ds)

    def max_abs(self) -> "Self":
        return self.abs().max()

    def max_abs_dim(self, dim: int) -> "Self":
        return self.abs().max_dim(dim)

    def dot(self, other: "Self") -> "Self":
        """Sum of the elementwise product of two 1-D tensors (shape [1])."""
        if self.rank != 1 or other.rank != 1 or self.shape != other.shape:
            raise ShapeError(f"dot: expected two 1-D tensors of the same size, got shapes "
                             f"{list(self.shape)} and {list(other.shape)}")
        return (self * other).sum()

    def argtopk(self, k: int, dim: int = -1) -> "Tensor[B, Int]":
        return self.topk_with_indices(k, dim)[1]

    def argsort_descending(self, dim: int = -1) -> "Tensor[B, Int]":
        return self.argsort(dim, descending=True)

    def sort_descending_with_indices(self, dim: int = -1) -> tuple["Self", "Tensor[B, Int]"]:
        return self.sort_with_indices(dim, descending=True)

    def cumprod(self, dim: int) -> "Self":
        return self._cumulative("cumprod", dim, lambda a, b: a * b)

    # On a tie the newer element is the running extreme (its index is the one reported, and it
    # gets the gradient), as in Burn and torch: hence ``x.min_pair(running)``.
    def cummin(self, dim: int) -> "Self":
        return self._cumulative("cummin", dim, lambda a, b: b.min_pair(a))

    def cummax(self, dim: int) -> "Self":
        return self._cumulative("cummax", dim, lambda a, b: b.max_pair(a))

    def _cumulative(self, op: str, dim: int, combine: Any) -> "Self":
        """A running `combine` along `dim` (a scan over its slices, differentiable through
        `combine`)."""
        d = self._dim(dim, op)
        n = self.shape[d]
        if n == 0:
            return self
        parts = [self.narrow(d, 0, 1)]
        for i in range(1, n):
            parts.append(combine(parts[-1], self.narrow(d, i, 1)))
        return type(self).cat(parts, d)

    def median(self, dim: int) -> "Self":
        """The lower median along `dim` (kept as size 1), as Burn and torch define it."""
        return self.median_with_indices(dim)[0]

    def median_with_indices(self, dim: int) -> tuple["Self", "Tensor[B, Int]"]:
        d = self._dim(dim, "median")
        n = self.shape[d]
        if n == 0:
            raise ShapeError(f"median: dim {dim} is empty")
        values, indices = self.sort_with_indices(d)
        k = (n - 1) // 2
        return values.narrow(d, k, 1), indices.narrow(d, k, 1)

    def cov(self, dim: int, correction_factor: int) -> "Self":
        """Covariance between the variables laid out along the other dim of a 2-D tensor, with
        `dim` indexing the observations (Burn's ``cov``)."""
        d = self._dim(dim, "cov")
        n = self.shape[d]
        centered = (self - self.mean_dim(d)).swap_dims(d, 0)
        return centered.transpose().matmul(centered) / (n - correction_factor)

    def grid_sample_2d(self, grid: Any, options: Any = None) -> "Self":
        """Sample `self` ``[N, C, H, W]`` at the normalized (x, y) points of `grid`
        ``[N, Ho, Wo, 2]`` (-1..1 spans the input), as torch's ``F.grid_sample``: bilinear or
        nearest, zeros/border/reflection padding, `align_corners`."""
        if not isinstance(options, GridSampleOptions):
            options = GridSampleOptions(GridSampleMode.Bilinear if options is None else options)
        if self.rank != 4 or grid.rank != 4 or grid.shape[-1] != 2:
            raise ShapeError(f"grid_sample_2d: expected an input [N, C, H, W] and a grid "
                             f"[N, Ho, Wo, 2], got {list(self.shape)} and {list(grid.shape)}")
        n, c, h, w = self.shape
        _, ho, wo, _ = grid.shape
        coords = []
        for size, comp in ((w, 0), (h, 1)):
            g = grid.narrow(3, comp, 1).squeeze_dim(3)                      # [N, Ho, Wo]
            if options.align_corners:
                pos = (g + 1.0) * ((size - 1) / 2.0)
            else:
                pos = ((g + 1.0) * size - 1.0) / 2.0
            if options.padding_mode is GridSamplePaddingMode.Reflection:
                pos = (_reflect(pos, 0.0, 2.0 * (size - 1)) if options.align_corners
                       else _reflect(pos, -1.0, 2.0 * size - 1.0))
            if options.padding_mode is not GridSamplePaddingMode.Zeros:
                pos = pos.clamp(0.0, float(size - 1))
            coords.append(pos)
        ix, iy = coords
        flat = self.reshape([n, c, h * w])

        def read(xc: Any, yc: Any) -> Any:        # integer-valued float coords -> [N, C, Ho, Wo]
            inside = (xc.greater_equal_elem(0.0) & xc.lower_equal_elem(w - 1.0)
                      & yc.greater_equal_elem(0.0) & yc.lower_equal_elem(h - 1.0))
            index = (yc.clamp(0.0, h - 1.0) * float(w) + xc.clamp(0.0, w - 1.0)).int()
            index = index.reshape([n, 1, ho * wo]).expand([n, c, ho * wo])
            values = flat.gather(2, index).reshape([n, c, ho, wo])
            return values * inside.float().unsqueeze_dim(1)

        if options.mode is GridSampleMode.Nearest:
            return read(ix.round(), iy.round())
        x0, y0 = ix.floor(), iy.floor()
        wx, wy = (ix - x0).unsqueeze_dim(1), (iy - y0).unsqueeze_dim(1)
        return (read(x0, y0) * (1.0 - wx) * (1.0 - wy) + read(x0 + 1.0, y0) * wx * (1.0 - wy)
                + read(x0, y0 + 1.0) * (1.0 - wx) * wy + read(x0 + 1.0, y0 + 1.0) * wx * wy)

    # --- float math -----------------------------------------------------------------------------
    def atan2(self, other: "Self") -> "Self":
        """The angle of the point (other, self) in (-pi, pi], elementwise (torch's ``atan2``)."""
        from .ops_basic import checked_call
        self._require_kind("atan2", Float)
        return self._new(checked_call("atan2", self, (other,), self._ops.atan2, self._p,
                                      self._check_peer("atan2", other)))

    @classmethod
    def cartesian_grid(cls, shape: Sequence[int], device: Any = None) -> "Self":
        """Every index of `shape`: an Int tensor ``shape + [len(shape)]``."""
        IntT = cls.of(cls.backend, Int)
        axes = [IntT.arange(0, n, device=device) for n in shape]
        return meshgrid_stack(axes, IndexPos.Last)

    @classmethod
    def eye(cls, size: int, device: Any = None) -> "Self":
        """The ``size x size`` identity matrix."""
        return eye(cls, size, device)

    @classmethod
    def tril_mask(cls, shape: Sequence[int], offset: int = 0, device: Any = None) -> "Self":
        """True above the `offset` diagonal: where ``tril`` zeroes (a Bool tensor)."""
        return tri_mask(cls, shape, offset, "tril", device)

    @classmethod
    def triu_mask(cls, shape: Sequence[int], offset: int = 0, device: Any = None) -> "Self":
        """True below the `offset` diagonal: where ``triu`` zeroes (a Bool tensor)."""
        return tri_mask(cls, shape, offset, "triu", device)

    @classmethod
    def diag_mask(cls, shape: Sequence[int], offset: int = 0, device: Any = None) -> "Self":
        """True off the `offset` diagonal (a Bool tensor)."""
        return tri_mask(cls, shape, offset, "diag", device)

    def hypot(self, other: "Self") -> "Self":
        """``sqrt(a² + b²)``."""
        return (self * self + other * other).sqrt()

    def fmod(self, other: Any) -> "Self":
        """C's ``fmod``: the remainder with the sign of the dividend (``x - y * trunc(x/y)``)."""
        if isinstance(other, (int, float)):
            return self.fmod_scalar(other)
        return self - other * (self / other).trunc()

    def fmod_scalar(self, value: float) -> "Self":
        return self - (self / value).trunc() * value

    def deg2rad(self) -> "Self":
        return self * (math.pi / 180.0)

    def rad2deg(self) -> "Self":
        return self * (180.0 / math.pi)

    def cross(self, other: "Self", dim: int) -> "Self":
        """The 3-D cross product along `dim` (which must have size 3)."""
        d = self._dim(dim, "cross")
        if self.shape[d] != 3 or other.shape[d] != 3:
            raise ShapeError(f"cross: dim {dim} must have size 3 in both tensors, got shapes "
                             f"{list(self.shape)} and {list(other.shape)}")
        a = [self.narrow(d, i, 1) for i in range(3)]
        b = [other.narrow(d, i, 1) for i in range(3)]
        return type(self).cat([a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
                               a[0] * b[1] - a[1] * b[0]], d)

    def is_close(self, other: "Self", rtol: float | None = None,
                 atol: float | None = None) -> "Tensor[B, Bool]":
        """``|a - b| <= atol + rtol * |b|`` elementwise for finite values, and equal infinities
        of the same sign (Burn's ``is_close``; torch's ``isclose``). Int tensors compare as
        floats, so ``all_close`` works on every numeric kind as in Burn."""
        rtol = 1e-5 if rtol is None else rtol
        atol = 1e-8 if atol is None else atol
        a, b = (self, other) if self.kind.prefix == "float" else (self.float(), other.float())
        close = (a - b).abs().lower_equal((b.abs() * rtol) + atol)
        both_finite = a.is_finite().bool_and(b.is_finite())
        same_inf = a.is_finite().bool_or(b.is_finite()).bool_not().bool_and(a.equal(b))
        return close.bool_and(both_finite).bool_or(same_inf)

    def is_finite(self) -> "Tensor[B, Bool]":
        return self.is_nan().bool_or(self.is_inf()).bool_not()

    def one_hot_fill(self, num_classes: int, on_value: float, off_value: float,
                     axis: int) -> "Tensor[B, Float]":
        """One-hot along a new `axis`, `on_value` at each index (negative indices count from
        the end) and `off_value` elsewhere (Burn's ONNX-style ``one_hot_fill``)."""
        if not -self.rank - 1 <= axis <= self.rank:
            raise ShapeError(f"one_hot_fill: axis {axis} out of range for an output of rank "
                             f"{self.rank + 1}")
        idx = self if self.kind is Int else self.int()
        idx = idx.mask_where(idx.lower_elem(0), idx + num_classes)
        hot = idx.one_hot(num_classes).float()
        out = hot * (on_value - off_value) + off_value
        a = axis if axis >= 0 else axis + self.rank + 1
        return out.movedim(self.rank, a)

    def categorical(self, num_samples: int) -> "Tensor[B, Int]":
        """Draw `num_samples` class indices per row from (unnormalized) probabilities along
        the last dim: inverse-CDF sampling of uniforms."""
        if num_samples < 1:
            raise ValueError(f"categorical: num_samples must be >= 1, got {num_samples}")
        shape = list(self.shape)
        k = shape[-1]
        probs = self / self.sum_dim(-1)
        cdf = probs.cumsum(-1).unsqueeze_dim(-2)                    # [..., 1, k]
        from .distribution import Distribution
        u = type(self).random(shape[:-1] + [num_samples, 1], Distribution.Default,
                              self.device)                          # [..., s, 1]
        below = u.greater_equal(cdf.expand(shape[:-1] + [num_samples, k])).int()
        return below.sum_dim(-1).squeeze_dim(-1).clamp_max(k - 1)


def _pad_pairs(padding: Any, rank: int) -> list[tuple[int, int]]:
    if padding and isinstance(padding[0], (tuple, list)):
        pairs = [(int(a), int(b)) for a, b in padding]
        if len(pairs) > rank:
            raise ShapeError(f"pad: {len(pairs)} (before, after) pairs for a tensor of rank {rank}")
        return [(0, 0)] * (rank - len(pairs)) + pairs     # the pairs pad the trailing dims
    flat = [int(p) for p in padding]
    if len(flat) % 2 or len(flat) // 2 > rank:
        raise ShapeError(f"pad: expected (left, right, top, bottom, ...) pairs for at most "
                         f"{rank} dims, got {tuple(flat)}")
    pairs = [(0, 0)] * rank
    for i in range(len(flat) // 2):
        pairs[rank - 1 - i] = (flat[2 * i], flat[2 * i + 1])
    return pairs


def _pad_dim(t: Any, d: int, before: int, after: int, mode: PadMode) -> Any:
    n = t.shape[d]
    parts = []
    if mode.kind == "constant":
        shape = list(t.shape)
        fill = type(t).full
        if before:
            parts.append(fill(shape[:d] + [before] + shape[d + 1:], mode.value, t.device))
        parts.append(t)
        if after:
            parts.append(fill(shape[:d] + [after] + shape[d + 1:], mode.value, t.device))
        return type(t).cat(parts, d)
    if mode.kind == "reflect":
        if before:
            parts.append(t.narrow(d, 1, before).flip([d]))
        parts.append(t)
        if after:
            parts.append(t.narrow(d, n - 1 - after, after).flip([d]))
        return type(t).cat(parts, d)
    edge_lo, edge_hi = t.narrow(d, 0, 1), t.narrow(d, n - 1, 1)
    if before:
        parts.append(edge_lo.repeat_dim(d, before))
    parts.append(t)
    if after:
        parts.append(edge_hi.repeat_dim(d, after))
    return type(t).cat(parts, d)


def eye(cls: Any, size: int, device: Any = None) -> Any:
    """The ``size x size`` identity matrix of tensor class `cls`."""
    idx = _cls_of(cls, Int).arange(0, size, device=device)
    hot = idx.unsqueeze_dim(1).equal(idx.unsqueeze_dim(0))
    return hot if cls.kind is Bool else (hot.float() if cls.kind is Float else hot.int())


def _cls_of(cls: Any, kind: Any) -> Any:
    return cls.of(cls.backend, kind)


def tri_mask(cls: Any, shape: Sequence[int], offset: int, part: str, device: Any = None) -> Any:
    """Bool mask over the last two dims of `shape`: ``lower``/``upper`` mark what lies above /
    below the `offset` diagonal (Burn: true where ``tril``/``triu`` would zero), ``diag`` what
    is off that diagonal."""
    shape = list(shape)
    if len(shape) < 2:
        raise RankError(f"{part}_mask: expected a shape of rank >= 2, got {shape}")
    rows, cols = shape[-2], shape[-1]
    IntT = _cls_of(cls, Int)
    r = IntT.arange(0, rows, device=device).reshape([rows, 1]).expand([rows, cols])
    c = IntT.arange(0, cols, device=device).reshape([1, cols]).expand([rows, cols])
    diff = c - r                                             # > offset: above the diagonal
    if part == "tril":
        mask = diff.greater_elem(offset)
    elif part == "triu":
        mask = diff.lower_elem(offset)
    else:
        mask = diff.not_equal_elem(offset)
    return mask.reshape([1] * (len(shape) - 2) + [rows, cols]).expand(shape)


def _window(kind: str, size: int, periodic: bool, device: Any) -> Any:
    """A window on `device` (``(device, dtype)`` as Burn's options also works)."""
    dtype = None
    if isinstance(device, tuple):
        device, dtype = device
    from .tensor import Tensor
    cls = Tensor.of(device.require_backend(f"{kind}_window"))
    out = window(kind, cls, size, periodic, device)
    return out if dtype is None else out.cast(dtype)


def hann_window(size: int, periodic: bool, device: Any, dtype: Any = None) -> Any:
    """The Hann window of `size` points (``periodic`` for spectral analysis), as torch's."""
    return _window("hann", size, periodic, device if dtype is None else (device, dtype))


def hamming_window(size: int, periodic: bool, device: Any, dtype: Any = None) -> Any:
    """The Hamming window ``25/46 - 21/46 cos`` (Burn's; torch's default is 0.54 - 0.46 cos)."""
    return _window("hamming", size, periodic, device if dtype is None else (device, dtype))


def blackman_window(size: int, periodic: bool, device: Any, dtype: Any = None) -> Any:
    """The Blackman window, as torch's ``blackman_window``."""
    return _window("blackman", size, periodic, device if dtype is None else (device, dtype))


def window(kind: str, cls: Any, size: int, periodic: bool, device: Any) -> Any:
    """Hann, Hamming and Blackman windows as ``torch.*_window`` defines them."""
    if size == 0:
        return cls.zeros([0], device)
    if size == 1:
        return cls.ones([1], device)
    n = size if periodic else size - 1
    k = _cls_of(cls, Int).arange(0, size, device=device).float()
    x = k * (2.0 * math.pi / n)
    if kind == "hann":
        out = 0.5 - x.cos() * 0.5
    elif kind == "hamming":         # Burn's coefficients: 25/46 and 21/46
        out = 25.0 / 46.0 - x.cos() * (21.0 / 46.0)
    else:
        out = 0.42 - x.cos() * 0.5 + (x * 2.0).cos() * 0.08
    return out


class IndexPos(Enum):
    """Where `meshgrid_stack` puts the stacked coordinate dim: first or last."""

    First = "first"
    Last = "last"


def meshgrid(tensors: Sequence[Any]) -> list[Any]:
    """Coordinate grids of 1-D tensors, 'ij' indexing (torch's ``meshgrid(indexing="ij")``)."""
    shape = [t.shape[0] for t in tensors]
    out = []
    for i, t in enumerate(tensors):
        view = [1] * len(tensors)
        view[i] = shape[i]
        out.append(t.reshape(view).expand(shape))
    return out


def meshgrid_stack(tensors: Sequence[Any], index_pos: IndexPos = IndexPos.First) -> Any:
    """`meshgrid`'s grids stacked along a new first or last dim."""
    grids = meshgrid(tensors)
    dim = 0 if index_pos is IndexPos.First else len(grids)
    return type(grids[0]).stack(grids, dim)


def affine_grid_2d(theta: Any, size: Sequence[int]) -> Any:
    """The sampling grid ``[N, H, W, 2]`` of affine matrices `theta` ``[N, 2, 3]`` for an output
    of `size` ``[N, C, H, W]`` (torch's ``affine_grid`` with ``align_corners=True``)."""
    if theta.rank != 3 or list(theta.shape[1:]) != [2, 3] or len(size) != 4:
        raise ShapeError(f"affine_grid_2d: expected theta [N, 2, 3] and a size [N, C, H, W], got "
                         f"{list(theta.shape)} and {list(size)}")
    n, _, h, w = size
    cls = type(theta)

    def axis(k: int) -> Any:
        steps = _cls(theta, Int).arange(0, k, device=theta.device).float()
        return steps * (2.0 / (k - 1)) - 1.0 if k > 1 else steps

    ys, xs = meshgrid([axis(h), axis(w)])
    base = cls.stack([xs, ys, cls.ones([h, w], theta.device)], 2).reshape([1, h * w, 3])
    out = base.expand([n, h * w, 3]).matmul(theta.swap_dims(1, 2))      # [N, H*W, 2]
    return out.reshape([n, h, w, 2])
