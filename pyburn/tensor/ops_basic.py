"""Basic operations, available for every kind (Burn Book "Basic Operations"): creation, data,
devices, shape and layout, slicing and indexing."""

from __future__ import annotations

import copy
import math
import operator
from typing import TYPE_CHECKING, Any, Iterator, Sequence, TypeVar, overload

import numpy as np

from .data import TensorData
from .device import Device, same_storage
from .distribution import Distribution, DistributionValue
from .dtype import DType, int_fill_value
from .kind import Bool, Int
from .errors import (BackendError, DeviceError, IndexRangeError, RankError, ShapeError,
                     a_or_an)
from .ops_base import B, K, TensorOpsBase
from .shape import Shape, dims_arg
from .display import format_tensor
from .torch_habits import mask_index, reject_any_all, varargs

if TYPE_CHECKING:
    from typing_extensions import Self

    from .tensor import Tensor

_TensorT = TypeVar("_TensorT", bound=TensorOpsBase[Any, Any])  # cat/stack: same type out
Index = Any  # int | slice | None | Ellipsis | Tensor[B, Int] | tuple of these


def _resolve_device(backend: Any, device: "Device | str | None") -> Device:
    if device is None:
        return backend.default_device()
    if isinstance(device, str):
        return backend.device(device)
    return device


class BasicOps(TensorOpsBase[B, K]):
    __slots__ = ()

    # --- creation ------------------------------------------------------------------------------
    @classmethod
    def from_data(cls, data: Any, device: "Device | str | None" = None) -> "Self":
        """From a `TensorData`, nested lists, a number or a NumPy array, converted to the
        backend's dtype for this kind."""
        data = data if isinstance(data, TensorData) else TensorData(data)
        return cls.from_primitive(cls._ops.from_data(data, _resolve_device(cls.backend, device)))

    from_floats = from_data
    from_ints = from_data
    from_bools = from_data

    @classmethod
    def full(cls, shape: Sequence[int], value: Any, device: "Device | str | None" = None,
             dtype: Any = None) -> "Self":
        return cls._filled(shape, value, device, "full", dtype)

    @classmethod
    def _filled(cls, shape: Sequence[int], value: Any, device: "Device | str | None",
                op: str, dtype: Any = None) -> "Self":
        if cls.kind is Int:
            value = int_fill_value(value, cls.backend.int_elem)
        out = cls.from_primitive(cls._ops.full(dims_arg(shape, op), value,
                                               _resolve_device(cls.backend, device)))
        return out if dtype is None else out.cast(dtype)  # type: ignore[attr-defined]

    @classmethod
    def zeros(cls, shape: Sequence[int], device: "Device | str | None" = None,
              dtype: Any = None) -> "Self":
        return cls._filled(shape, 0, device, "zeros", dtype)

    @classmethod
    def ones(cls, shape: Sequence[int], device: "Device | str | None" = None,
              dtype: Any = None) -> "Self":
        return cls._filled(shape, 1, device, "ones", dtype)

    @classmethod
    def empty(cls, shape: Sequence[int], device: "Device | str | None" = None,
              dtype: Any = None) -> "Self":
        """Burn's ``empty``: values are unspecified (here: zeros, never garbage)."""
        return cls._filled(shape, 0, device, "empty", dtype)

    @classmethod
    def random(cls, shape: Sequence[int], distribution: DistributionValue = Distribution.Default,
               device: "Device | str | None" = None) -> "Self":
        return cls.from_primitive(cls._ops.random(dims_arg(shape, "random"), distribution,
                                                  _resolve_device(cls.backend, device)))

    # The *_like constructors keep this tensor's shape, device and dtype (an f16 tensor's
    # zeros_like is f16), as Burn's and torch's do.
    def zeros_like(self) -> "Self":
        return self._same_dtype(type(self).full(self.shape, 0, self.device))

    def ones_like(self) -> "Self":
        return self._same_dtype(type(self).full(self.shape, 1, self.device))

    def full_like(self, value: Any) -> "Self":
        return self._same_dtype(type(self).full(self.shape, value, self.device))

    def empty_like(self) -> "Self":
        """Burn's ``empty_like``: values are unspecified (here: zeros, never garbage)."""
        return self.zeros_like()

    def random_like(self, distribution: DistributionValue = Distribution.Default) -> "Self":
        return self._same_dtype(type(self).random(self.shape, distribution, self.device))

    def _same_dtype(self, out: "Self") -> "Self":
        return out if out.dtype == self.dtype else out.cast(self.dtype)  # type: ignore[attr-defined]

    @classmethod
    def cat(cls, tensors: Sequence[_TensorT], dim: int) -> _TensorT:
        """Concatenate along an existing `dim` (all tensors: same backend, kind and rank)."""
        first = _first("cat", tensors)
        prims = [first._check_peer("cat", t) for t in tensors]
        ops = type(first)._ops
        shapes = [ops.shape(p) for p in prims]
        rank = len(shapes[0])
        if any(len(s) != rank for s in shapes):
            raise RankError(f"cat: all tensors must have rank {rank}, got shapes "
                            f"{[list(s) for s in shapes]}")
        d = first._dim(dim, "cat")
        others = shapes[0][:d] + shapes[0][d + 1:]
        if any(s[:d] + s[d + 1:] != others for s in shapes):
            raise ShapeError(f"cat: shapes must match except in dim {d}, got "
                             f"{[list(s) for s in shapes]}")
        return first._new(ops.cat(prims, d))

    @classmethod
    def stack(cls, tensors: Sequence[_TensorT], dim: int) -> _TensorT:
        """Join along a new `dim`."""
        first = _first("stack", tensors)
        shapes = {tuple(t.shape) for t in tensors}
        if len(shapes) != 1:
            raise ShapeError(f"stack: all tensors must have the same shape, got "
                             f"{[list(t.shape) for t in tensors]}")
        d = dim if dim >= 0 else dim + first.rank + 1
        if not 0 <= d <= first.rank:
            raise ShapeError(f"stack: dim {dim} out of range for rank {first.rank} + 1")
        return cls.cat([t.unsqueeze_dim(d) for t in tensors], d)

    # --- data, device, dtype ----------------------------------------------------------------
    @property
    def primitive(self) -> Any:
        """The backend primitive (Burn's ``into_primitive``)."""
        return self._p

    def into_primitive(self) -> Any:
        return self._p

    def to_data(self) -> TensorData:
        return self._ops.to_data(self._p)

    into_data = to_data

    def to_numpy(self) -> np.ndarray:
        return self.to_data().to_numpy()

    def tolist(self) -> Any:
        return self.to_data().to_list()

    def into_scalar(self) -> float | int | bool:
        """The value of a one-element tensor as a Python number."""
        if self.num_elements() != 1:
            raise ShapeError(f"into_scalar: expected a tensor with one element, got shape "
                             f"{list(self.shape)}")
        return self.to_data().item()

    item = into_scalar

    @property
    def shape(self) -> Shape:
        return Shape(self._ops.shape(self._p))

    def dims(self) -> list[int]:
        return list(self._ops.shape(self._p))

    @overload
    def size(self) -> list[int]: ...
    @overload
    def size(self, dim: int) -> int: ...

    def size(self, dim: int | None = None) -> list[int] | int:
        """``dims()``; ``size(dim)`` is one dim's length, as in PyTorch."""
        shape = self._ops.shape(self._p)
        return list(shape) if dim is None else int(shape[self._dim(dim, "size")])

    @property
    def rank(self) -> int:
        return len(self._ops.shape(self._p))

    ndim = rank

    def num_elements(self) -> int:
        return math.prod(self._ops.shape(self._p))

    numel = num_elements

    def is_empty(self) -> bool:
        return self.num_elements() == 0

    @property
    def device(self) -> Device:
        """The device, tagged with this tensor's backend."""
        return self._ops.device(self._p).on(type(self).backend)

    def to_device(self, device: "Device | str") -> "Self":
        """This tensor on `device`, same backend. A device of another backend is an error
        (``to_backend`` moves between backends): never a silent stay on this one."""
        backend = type(self).backend
        if isinstance(device, Device) and device.backend is not None \
                and device.backend is not backend and not same_storage(backend, device.backend):
            raise BackendError(f"to_device: the device {device} belongs to {device.backend!r}, "
                               f"but the tensor is on {backend!r}; a device move never changes "
                               f"the backend. Use tensor.to_backend({device.backend!r}, device)")
        dev = _resolve_device(backend, device)
        return self._new(self._ops.to_device(self._p, dev))

    @property
    def dtype(self) -> DType:
        if self.kind.prefix == "bool":
            return DType.BOOL
        return self._ops.dtype(self._p)

    def to_backend(self, backend: Any, device: "Device | str | None" = None) -> Any:
        """The same values on another backend (through DLPack when both sides allow it)."""
        from .transfer import to_backend
        return to_backend(self, backend, device)

    # --- Python copying and pickling ----------------------------------------------------------
    def __copy__(self) -> "Self":
        return self._new(self._p)  # tensors are immutable values: sharing is safe

    def __deepcopy__(self, memo: dict[int, Any]) -> "Self":
        """Copied storage on the same device. Under Autodiff the graph is not copied: the copy
        is a new leaf when the original required gradients, a constant otherwise."""
        backend = type(self).backend
        if backend.is_autodiff() and self.kind.prefix == "float":
            inner = self.of(backend.inner, self.kind).from_primitive(backend.ad_inner(self._p))
            copied = backend.ad_from_inner(copy.deepcopy(inner, memo)._p)
            return self._new(backend.ad_require_grad(copied, backend.ad_is_require_grad(self._p)))
        return self._new(copy.deepcopy(self._p, memo))

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise TypeError(
            f"pickle: cannot pickle a tensor ({type(self).__name__}): pyburn never loads "
            "pickles, because loading one can run code. Save tensors in a record "
            "(pyburn.record: recorder.record({'x': tensor.to_data()}, path)); to hand values to "
            "another process, send tensor.to_data().to_numpy() and rebuild with "
            "Tensor[B].from_data(array, device)")

    # --- shape and layout -----------------------------------------------------------------------
    def _dim(self, dim: int, op: str) -> int:
        rank = len(self._ops.shape(self._p))
        d = dim + rank if dim < 0 else dim
        if not 0 <= d < rank:
            raise ShapeError(f"{op}: dim {dim} out of range for a tensor of rank {rank} "
                             f"(shape {list(self.shape)})")
        return d

    def reshape(self, shape: Sequence[int] | int, *more: int) -> "Self":
        """New shape with the same elements; -1 infers one dim, 0 keeps the input's dim.
        ``reshape(2, 3)`` is ``reshape([2, 3])``, as in PyTorch."""
        src = self._ops.shape(self._p)
        if not more and isinstance(shape, (list, tuple)):  # the common case: explicit dims
            dims_ = tuple(shape)
            if all(type(d) is int and d > 0 for d in dims_) and math.prod(dims_) == math.prod(src):
                return self if dims_ == tuple(src) else self._new(self._ops.reshape(self._p, dims_))
        shape = varargs(shape, more)
        asked = list(dims_arg(shape, "reshape", low=-1))
        dims = [src[i] if d == 0 and i < len(src) else d for i, d in enumerate(asked)]
        if dims.count(-1) > 1:
            raise ShapeError(f"reshape: invalid shape {asked} (at most one -1 is inferred)")
        total = math.prod(src)
        if -1 in dims:
            known = math.prod(d for d in dims if d != -1)
            if known == 0 or total % known:
                raise ShapeError(f"reshape: cannot infer -1 in {asked} for {total} elements "
                                 f"(shape {list(src)})")
            dims[dims.index(-1)] = total // known
        if math.prod(dims) != total:
            raise ShapeError(f"reshape: cannot reshape {list(src)} ({total} elements) into "
                             f"{asked}")
        return self._new(self._ops.reshape(self._p, tuple(dims)))

    view = reshape

    def flatten(self, start_dim: int = 0, end_dim: int = -1) -> "Self":
        s, e = self._dim(start_dim, "flatten"), self._dim(end_dim, "flatten")
        if s > e:
            raise ShapeError(f"flatten: start_dim {start_dim} is after end_dim {end_dim}")
        src = list(self.shape)
        return self.reshape(src[:s] + [math.prod(src[s:e + 1])] + src[e + 1:])

    def squeeze(self, dim: int | None = None) -> "Self":
        """Remove `dim` (which must have size 1), or every size-1 dim when `dim` is None."""
        if dim is None:
            return self.reshape([d for d in self.shape if d != 1])
        return self.squeeze_dim(dim)

    def squeeze_dim(self, dim: int) -> "Self":
        d = self._dim(dim, "squeeze_dim")
        shape = list(self._ops.shape(self._p))
        if shape[d] != 1:
            raise ShapeError(f"squeeze_dim: dim {dim} has size {shape[d]}, expected 1 "
                             f"(shape {shape})")
        return self._new(self._ops.reshape(self._p, tuple(shape[:d] + shape[d + 1:])))

    def squeeze_dims(self, dims: Sequence[int]) -> "Self":
        ds = sorted({self._dim(d, "squeeze_dims") for d in dims})
        shape = list(self.shape)
        for d in ds:
            if shape[d] != 1:
                raise ShapeError(f"squeeze_dims: dim {d} has size {shape[d]}, expected 1")
        return self.reshape([n for i, n in enumerate(shape) if i not in ds])

    def unsqueeze(self, dim: int = 0) -> "Self":
        """Add a leading dim of size 1 (Burn's ``unsqueeze`` to rank + 1), or one at `dim`
        (PyTorch's ``unsqueeze(dim)``, Burn's ``unsqueeze_dim``)."""
        return self.unsqueeze_dim(dim)

    def unsqueeze_dim(self, dim: int) -> "Self":
        shape = list(self._ops.shape(self._p))
        rank = len(shape)
        d = dim + rank + 1 if dim < 0 else dim
        if not 0 <= d <= rank:
            raise ShapeError(f"unsqueeze_dim: dim {dim} out of range for a tensor of rank {rank}")
        return self._new(self._ops.reshape(self._p, tuple(shape[:d] + [1] + shape[d:])))

    def unsqueeze_dims(self, dims: Sequence[int]) -> "Self":
        """Insert size-1 dims at `dims` of the output, as Burn: negative dims count from the
        end of the output (several negatives fill it from the back), and a repeated dim inserts
        that many dims starting there."""
        out_rank = self.rank + len(dims)
        offset, ds = out_rank, []
        for d in dims:
            if not -out_rank <= d < out_rank:
                raise ShapeError(f"unsqueeze_dims: dim {d} out of range for an output of rank "
                                 f"{out_rank}")
            if d < 0:
                offset -= 1
                d = d + offset + 1
            ds.append(d)
        ds.sort()
        for i in range(1, len(ds)):
            if ds[i] <= ds[i - 1]:
                ds[i] = ds[i - 1] + 1
        if ds and ds[-1] >= out_rank:
            raise ShapeError(f"unsqueeze_dims: dims {list(dims)} do not fit an output of rank "
                             f"{out_rank}")
        old = iter(self.shape)
        new = [1 if i in ds else next(old) for i in range(out_rank)]
        return self.reshape(new)

    def swap_dims(self, dim1: int, dim2: int) -> "Self":
        a, b = self._dim(dim1, "swap_dims"), self._dim(dim2, "swap_dims")
        if a == b:
            return self
        axes = list(range(self.rank))
        axes[a], axes[b] = axes[b], axes[a]
        return self._new(self._ops.permute(self._p, axes))

    def transpose(self, dim0: int | None = None, dim1: int | None = None) -> "Self":
        """Swap the last two dims (Burn); ``transpose(a, b)`` swaps those (PyTorch's form of
        ``swap_dims``)."""
        if dim0 is not None or dim1 is not None:
            if dim0 is None or dim1 is None:
                raise TypeError(f"transpose: give both dims to swap (transpose(a, b), or "
                                f"swap_dims(a, b)) or none for the last two, got {dim0}, {dim1}")
            return self.swap_dims(dim0, dim1)
        if self.rank < 2:
            raise RankError(f"transpose: expected rank >= 2, got shape {list(self.shape)}")
        return self.swap_dims(-2, -1)

    @property
    def T(self) -> "Self":
        return self.transpose()

    def permute(self, axes: Sequence[int] | int, *more: int) -> "Self":
        """Reorder the dims; ``permute(0, 2, 1)`` is ``permute([0, 2, 1])``, as in PyTorch."""
        order: Sequence[int] = varargs(axes, more)
        ds = [self._dim(a, "permute") for a in order]
        if sorted(ds) != list(range(self.rank)):
            raise ShapeError(f"permute: axes {list(order)} are not a permutation of "
                             f"0..{self.rank - 1}")
        return self._new(self._ops.permute(self._p, ds))

    def movedim(self, src: int | Sequence[int], dst: int | Sequence[int]) -> "Self":
        """Move dim `src` to position `dst`; with lists, each src to its dst (torch's)."""
        if isinstance(src, int) and isinstance(dst, int):
            s, d = self._dim(src, "movedim"), self._dim(dst, "movedim")
            axes = [i for i in range(self.rank) if i != s]
            axes.insert(d, s)
            return self._new(self._ops.permute(self._p, axes))
        srcs = [src] if isinstance(src, int) else list(src)
        dsts = [dst] if isinstance(dst, int) else list(dst)
        if len(srcs) != len(dsts):
            raise ShapeError(f"movedim: {len(srcs)} source dims for {len(dsts)} destinations")
        ss = [self._dim(v, "movedim") for v in srcs]
        ds = [self._dim(v, "movedim") for v in dsts]
        if len(set(ss)) != len(ss) or len(set(ds)) != len(ds):
            raise ShapeError(f"movedim: repeated dims in source {srcs} or destination {dsts}")
        rest = iter(i for i in range(self.rank) if i not in ss)
        placed = dict(zip(ds, ss))
        axes = [placed[i] if i in placed else next(rest) for i in range(self.rank)]
        return self._new(self._ops.permute(self._p, axes))

    def flip(self, axes: Sequence[int]) -> "Self":
        ds = [self._dim(a, "flip") for a in axes]
        if len(set(ds)) != len(ds):
            raise ShapeError(f"flip: repeated axes {list(axes)}")
        return self._new(self._ops.flip(self._p, ds))

    def expand(self, shape: Sequence[int] | int, *more: int) -> "Self":
        """Broadcast to `shape` (-1 keeps a dim); new dims are added in front. ``expand(2, -1)``
        is ``expand([2, -1])``, as in PyTorch."""
        shape = varargs(shape, more)
        src = list(self.shape)
        shape = dims_arg(shape, "expand", low=-1)
        if len(shape) < len(src):
            raise ShapeError(f"expand: cannot expand shape {src} to fewer dims {list(shape)}")
        lead = len(shape) - len(src)
        target = []
        for i, d in enumerate(shape):
            if d == -1:
                if i < lead:
                    raise ShapeError(f"expand: -1 not allowed for a new leading dim in {list(shape)}")
                d = src[i - lead]
            if i >= lead and src[i - lead] not in (1, d):
                raise ShapeError(f"expand: cannot expand shape {src} to {list(shape)} "
                                 f"(dim {i}: {src[i - lead]} vs {d})")
            target.append(d)
        return self._new(self._ops.expand(self._p, tuple(target)))

    broadcast_to = expand

    def repeat(self, sizes: Sequence[int] | int, *more: int) -> "Self":
        """Repeat along each dim ``sizes[i]`` times (Burn's ``repeat``, torch's ``repeat``, whose
        ``repeat(2, 1)`` form works too)."""
        sizes = varargs(sizes, more)
        sizes = dims_arg(sizes, "repeat")
        if len(sizes) < self.rank or any(t != 1 for t in sizes[self.rank:]):
            extra = " (sizes past the rank must be 1, as in Burn)" if len(sizes) > self.rank else ""
            raise ShapeError(f"repeat: expected {self.rank} sizes, got {list(sizes)}{extra}")
        out = self
        for d, times in enumerate(sizes):
            if times != 1:
                out = out.repeat_dim(d, times)
        return out

    def repeat_dim(self, dim: int, times: int) -> "Self":
        d = self._dim(dim, "repeat_dim")
        if isinstance(times, int) and times < 0:
            raise ShapeError(f"repeat_dim: times must be >= 0, got {times}")
        (times,) = dims_arg((times,), "repeat_dim")
        return self._new(self._ops.repeat_dim(self._p, d, times))

    def narrow(self, dim: int, start: int, length: int) -> "Self":
        d = self._dim(dim, "narrow")
        shape = self._ops.shape(self._p)
        n = shape[d]
        if start < 0:
            start += n
        if not (0 <= start and length >= 0 and start + length <= n):
            raise ShapeError(f"narrow: [{start}, {start + length}) out of range for dim {dim} of "
                             f"size {n}")
        slices = [slice(0, s, 1) for s in shape]
        slices[d] = slice(start, start + length, 1)
        return self._new(self._ops.slice(self._p, tuple(slices)))

    def chunk(self, chunks: int, dim: int = 0) -> list["Self"]:
        """Split into `chunks` pieces of ceil(n / chunks) (the last may be smaller), as torch."""
        d = self._dim(dim, "chunk")
        if chunks <= 0:
            raise ValueError(f"chunk: chunks must be > 0, got {chunks}")
        n = self._ops.shape(self._p)[d]
        size = max(1, -(-n // chunks))
        return self.split(size, d)

    def split(self, split_size: int, dim: int = 0) -> list["Self"]:
        d = self._dim(dim, "split")
        n = self._ops.shape(self._p)[d]
        if n == 0 and split_size >= 0:
            return []                           # nothing to split, as Burn
        if split_size <= 0:
            raise ValueError(f"split: split_size must be > 0, got {split_size}")
        sizes = [min(split_size, n - s) for s in range(0, n, split_size)]
        if len(sizes) > 1 and self.kind.prefix == "float" and type(self).backend.is_autodiff():
            # one op on the tape: its backward is one cat, not a zero tensor per piece
            from .module_ops.split import split_op
            pieces = split_op(len(sizes)).apply(self, dim=d, sizes=tuple(sizes))
            return list(pieces)
        return [self.narrow(d, s, size) for s, size in zip(range(0, n, split_size), sizes)]

    def split_with_sizes(self, sizes: Sequence[int], dim: int = 0) -> list["Self"]:
        d = self._dim(dim, "split_with_sizes")
        if sum(sizes) != self.shape[d]:
            raise ShapeError(f"split_with_sizes: sizes {list(sizes)} do not add up to "
                             f"{self.shape[d]} (dim {dim})")
        out, start = [], 0
        for s in sizes:
            if s:                               # zero-sized pieces are left out, as in Burn
                out.append(self.narrow(d, start, s))
            start += s
        return out

    def iter_dim(self, dim: int) -> Iterator["Self"]:
        """Iterate over `dim`, each item keeping `dim` with size 1 (Burn's ``iter_dim``). A dim
        past the rank is refused here, at the call, not at the first ``next``."""
        d = self._dim(dim, "iter_dim")
        return (self.narrow(d, i, 1) for i in range(self.shape[d]))

    def unbind(self, dim: int = 0) -> list["Self"]:
        """Like torch's ``unbind``: the items of `dim`, with `dim` removed."""
        return [t.squeeze_dim(dim) for t in self.iter_dim(dim)]

    # --- slicing ---------------------------------------------------------------------------------
    def _slices(self, ranges: Sequence[Any], op: str) -> tuple[tuple[slice, ...], list[int]]:
        """Normalize Burn-style ranges (``(start, end)``, ``slice`` or ``int``; missing trailing
        dims are full) to concrete slices; also the dims whose step was negative (to flip)."""
        shape = self._ops.shape(self._p)
        if isinstance(ranges, slice):
            ranges = [ranges]       # Burn's slice(range): one range, for the first dim
        if len(ranges) > len(shape):
            raise ShapeError(f"{op}: {len(ranges)} ranges for a tensor of rank {len(shape)}")
        out, flips = [], []
        for d, n in enumerate(shape):
            r = ranges[d] if d < len(ranges) else slice(None)
            if isinstance(r, (int, np.integer)) and not isinstance(r, bool):
                i = int(r) + n if r < 0 else int(r)
                if not 0 <= i < n:
                    raise ShapeError(f"{op}: index {r} out of range for dim {d} of size {n}")
                r = slice(i, i + 1)
            elif isinstance(r, (tuple, list)) and len(r) == 2:
                r = slice(r[0], r[1])
            elif r is None:
                r = slice(None)
            if not isinstance(r, slice):
                raise TypeError(f"{op}: range for dim {d} must be an int, a slice or a "
                                f"(start, end) pair, got {r!r}")
            _check_range_start(op, r, d, n)
            start, stop, step = r.indices(n)
            if step < 0:
                picked = range(start, stop, step)
                if len(picked) == 0:
                    out.append(slice(0, 0, 1))
                else:
                    out.append(slice(picked[-1], picked[0] + 1, -step))
                    flips.append(d)
            else:
                out.append(slice(start, max(start, stop), step))
        return tuple(out), flips

    def slice(self, ranges: Sequence[Any]) -> "Self":
        """Burn's ``slice``: one range per leading dim (``(start, end)``, ``slice``, ``int``)."""
        return self._new(self._sliced(ranges))

    def _sliced(self, ranges: Sequence[Any], op: str = "slice") -> Any:
        """The primitive `slice` returns (negative steps: a positive-step slice, flipped)."""
        slices, flips = self._slices(ranges, op)
        out = self._ops.slice(self._p, slices)
        return self._ops.flip(out, flips) if flips else out

    def slice_assign(self, ranges: Sequence[Any], values: "Self") -> "Self":
        """A copy with `values` written into the region `ranges` selects."""
        slices, flips = self._slices(ranges, "slice_assign")
        vp = self._check_peer("slice_assign", values)
        region = tuple(len(range(s.start, s.stop, s.step)) for s in slices)
        vshape = tuple(self._ops.shape(vp))
        if vshape != region:
            if len(vshape) != len(region) or any(v not in (1, r) for v, r in zip(vshape, region)):
                raise ShapeError(f"slice_assign: values of shape {list(vshape)} do not fit the "
                                 f"region of shape {list(region)}")
            vp = self._ops.expand(vp, region)
        if flips:
            vp = self._ops.flip(vp, flips)
        return self._new(self._ops.slice_assign(self._p, slices, vp))

    def slice_fill(self, ranges: Sequence[Any], value: Any) -> "Self":
        slices, _ = self._slices(ranges, "slice_fill")
        region = tuple(len(range(s.start, s.stop, s.step)) for s in slices)
        fill = type(self).full(region, value, self.device)
        return self._new(self._ops.slice_assign(self._p, slices, fill._p))

    def __getitem__(self, key: Index) -> "Self":
        """NumPy-style indexing: ints (drop the dim), slices (any step), ``None`` (new dim),
        ``...``, and a 1-D Int tensor on one dim (``select``)."""
        key = key if isinstance(key, tuple) else (key,)
        if all(type(k) is slice for k in key):  # the common case, kept lean
            sliced = self._sliced_fast(key)
            if sliced is not None:
                return self._new(sliced)
        tensor_dims = [i for i, k in enumerate(key) if isinstance(k, BasicOps)]
        if tensor_dims:
            return self._index_with_tensor(key, tensor_dims)
        shape = self._ops.shape(self._p)
        rank = len(shape)
        n_real = sum(1 for k in key if k is not None and k is not Ellipsis)
        if key.count(Ellipsis) > 1:
            raise IndexError("index: at most one '...' is allowed")
        if n_real > rank:
            raise IndexError(f"index: too many indices ({n_real}) for a tensor of rank {rank}")
        if Ellipsis in key:
            i = key.index(Ellipsis)
            key = key[:i] + (slice(None),) * (rank - n_real) + key[i + 1:]
        ranges, final, d = [], [], 0
        for k in key:
            if k is None:
                final.append(1)
                continue
            ranges.append(k)
            if isinstance(k, (int, np.integer)) and not isinstance(k, bool):
                if not -shape[d] <= int(k) < shape[d]:
                    raise IndexError(f"index {k} is out of range for dim {d} of size {shape[d]}")
            else:
                if not isinstance(k, slice):
                    raise TypeError(f"index: unsupported index {k!r} (use ints, slices, None, "
                                    "... or an Int tensor)")
                final.append(len(range(*k.indices(shape[d]))))
            d += 1
        final += shape[d:]
        out = self._sliced(ranges, "index") if ranges else self._p
        if tuple(self._ops.shape(out)) != tuple(final):
            out = self._ops.reshape(out, tuple(final))
        return self._new(out)

    def _sliced_fast(self, key: tuple[Any, ...]) -> Any:
        """``x[a:b, c:d]``: plain slices with positive steps, checked as `_slices` checks them;
        None sends anything else (negative steps, too many dims) to the general path."""
        shape = self._ops.shape(self._p)
        if len(key) > len(shape):
            return None
        out = []
        for d, n in enumerate(shape):
            if d < len(key):
                r = key[d]
                if r.start is not None:
                    _check_range_start("index", r, d, n)
                start, stop, step = r.indices(n)
                if step < 0:
                    return None
                out.append(slice(start, stop if stop > start else start, step))
            else:
                out.append(slice(0, n, 1))
        return self._ops.slice(self._p, tuple(out))

    def _index_with_tensor(self, key: tuple[Any, ...], tensor_dims: list[int]) -> "Self":
        if len(tensor_dims) != 1 or any(k is not Ellipsis and not (isinstance(k, slice) and k == slice(None))
                                        for i, k in enumerate(key) if i != tensor_dims[0]):
            raise IndexError("index: a tensor index must be the only non-':' index "
                             "(use select/gather for more)")
        pos = tensor_dims[0]
        if len(key) == 1 and key[0].kind.prefix == "bool":
            return mask_index(self, key[0])
        # Identity tests: `in`/`==` would compare the tensor index elementwise.
        ellipsis_before = any(k is Ellipsis for k in key[:pos])
        dim = pos - len(key) + self.rank if ellipsis_before else pos
        index = key[pos]
        return self.select(dim, index)

    def __len__(self) -> int:
        shape = self._ops.shape(self._p)
        if not shape:
            raise TypeError("len() of a 0-d tensor")
        return int(shape[0])

    def __iter__(self) -> Iterator["Self"]:
        for i in range(len(self)):
            yield self[i]

    # --- gather / scatter / select / masks --------------------------------------------------------
    def gather(self, dim: int, indices: Any) -> "Self":
        if self.kind is Bool:       # Bool tensors index as 0/1 Int tensors, as Burn's do
            return self.int().gather(dim, indices).bool()  # type: ignore[attr-defined]
        d = self._dim(dim, "gather")
        _require_int("gather", indices, self)
        if indices.rank != self.rank:
            raise RankError(f"gather: indices must have the tensor's rank {self.rank}, got shape "
                            f"{list(indices.shape)}")
        check_index_range("gather", indices, d, self._ops.shape(self._p)[d])
        return self._new(self._ops.gather(d, self._p, indices._p))

    def scatter(self, dim: int, indices: Any, values: "Self", update: Any = None) -> "Self":
        """Add `values` at `indices` along `dim` (Burn's scatter = torch's scatter_add);
        ``update=IndexingUpdateOp.Assign`` replaces instead (on Bool tensors, add is "or")."""
        if self.kind is Bool and getattr(values, "kind", None) is Bool:
            return self.int().scatter(dim, indices, values.int(), update).bool()  # type: ignore
        d = self._dim(dim, "scatter")
        _require_int("scatter", indices, self)
        vp = self._check_peer("scatter", values)
        if tuple(indices.shape) != tuple(values.shape):
            raise ShapeError(f"scatter: indices shape {list(indices.shape)} must equal values "
                             f"shape {list(values.shape)}")
        check_index_range("scatter", indices, d, self._ops.shape(self._p)[d])
        if update is not None:
            from .ops_extra import scatter_update
            ones = type(indices).ones(list(indices.shape), indices.device)
            return scatter_update(
                "scatter", self, update,
                lambda base: base._new(base._ops.scatter(d, base._p, indices._p, vp)),
                lambda: type(indices).zeros(list(self.shape), self.device).scatter(
                    d, indices, ones).greater_elem(0))
        return self._new(self._ops.scatter(d, self._p, indices._p, vp))

    def select(self, dim: int, indices: Any) -> "Self":
        """Pick entries of `dim` by a 1-D Int tensor (torch's ``index_select``)."""
        if self.kind is Bool:
            return self.int().select(dim, indices).bool()  # type: ignore[attr-defined]
        d = self._dim(dim, "select")
        _require_int("select", indices, self)
        if indices.rank != 1:
            raise RankError(f"select: indices must be 1-D, got shape {list(indices.shape)}")
        check_index_range("select", indices, d, self._ops.shape(self._p)[d])
        return self._new(self._ops.select(self._p, d, indices._p))

    def select_assign(self, dim: int, indices: Any, values: "Self", update: Any = None) -> "Self":
        """Add `values` into the entries of `dim` picked by `indices`;
        ``update=IndexingUpdateOp.Assign`` replaces them instead (on Bool tensors, add is
        "or")."""
        if self.kind is Bool and getattr(values, "kind", None) is Bool:
            return self.int().select_assign(dim, indices, values.int(),  # type: ignore
                                            update).bool()
        d = self._dim(dim, "select_assign")
        _require_int("select_assign", indices, self)
        vp = self._check_peer("select_assign", values)
        if indices.rank != 1 or values.shape[d] != indices.shape[0]:
            raise ShapeError(f"select_assign: {list(indices.shape)} indices for values of shape "
                             f"{list(values.shape)} along dim {dim}")
        check_index_range("select_assign", indices, d, self._ops.shape(self._p)[d])
        if update is not None:
            from .ops_extra import scatter_update
            n = self._ops.shape(self._p)[d]
            shape = [1] * self.rank
            shape[d] = n
            ones = type(indices).ones(list(indices.shape), indices.device)
            return scatter_update(
                "select_assign", self, update,
                lambda base: base._new(base._ops.select_assign(base._p, d, indices._p, vp)),
                lambda: type(indices).zeros([n], self.device).select_assign(0, indices, ones)
                .greater_elem(0).reshape(shape).expand(list(self.shape)))
        return self._new(self._ops.select_assign(self._p, d, indices._p, vp))

    def mask_where(self, mask: Any, value: "Self") -> "Self":
        """`value` where `mask` is true, this tensor elsewhere (torch.where(mask, value, self))."""
        _require_bool("mask_where", mask, self)
        vp = self._check_peer("mask_where", value)
        return self._new(checked_call("mask_where", self, (mask, value), self._ops.mask_where,
                                      self._p, mask._p, vp))

    def mask_fill(self, mask: Any, value: Any) -> "Self":
        _require_bool("mask_fill", mask, self)
        if self.kind is Bool:
            return self.int().mask_fill(mask, int(bool(value))).bool()  # type: ignore

        if self.kind is Int:
            value = int_fill_value(value, self.dtype)
        return self._new(checked_call("mask_fill", self, (mask,), self._ops.mask_fill,
                                      self._p, mask._p, value))

    # --- comparisons shared by all kinds ---------------------------------------------------------
    def equal(self, other: Any) -> "Tensor[B, Bool]":
        """Elementwise ``==`` (a Bool tensor); ``equal_elem`` for a scalar."""
        from .ops_numeric import _compare
        return _compare(self, other, "equal")

    def not_equal(self, other: Any) -> "Tensor[B, Bool]":
        from .ops_numeric import _compare
        return _compare(self, other, "not_equal")

    def all(self, dim: int | None = None) -> "Tensor[B, Bool]":
        """Whether every element is true (shape [1]); PyTorch's ``all(dim)`` is ``all_dim``."""
        if dim is not None:
            raise reject_any_all("all", dim)
        return self._as(Bool, type(self).backend.bool_all(self._as_bool_p()))

    def any(self, dim: int | None = None) -> "Tensor[B, Bool]":
        if dim is not None:
            raise reject_any_all("any", dim)
        return self._as(Bool, type(self).backend.bool_any(self._as_bool_p()))

    def all_dim(self, dim: int) -> "Tensor[B, Bool]":
        return self._as(Bool, type(self).backend.bool_all_dim(self._as_bool_p(), self._dim(dim, "all_dim")))

    def any_dim(self, dim: int) -> "Tensor[B, Bool]":
        return self._as(Bool, type(self).backend.bool_any_dim(self._as_bool_p(), self._dim(dim, "any_dim")))

    def _as_bool_p(self) -> Any:
        if self.kind.prefix == "bool":
            return self._p
        return self._ops.not_equal_elem(self._p, 0)

    def argwhere(self) -> "Tensor[B, Int]":
        """Indices of non-zero (true) elements, an Int tensor of shape ``[n, rank]``."""
        return self._as(Int, type(self).backend.bool_argwhere(self._as_bool_p()))

    def nonzero(self) -> "list[Tensor[B, Int]]":
        """Burn's ``nonzero``: the non-zero (true) positions as one 1-D Int tensor per dim
        (torch's ``nonzero(as_tuple=True)``); ``argwhere`` gives them as one ``[n, rank]``.
        As in Burn, a tensor with no non-zero element gives an empty list."""
        found = self.argwhere()
        if found.shape[0] == 0:
            return []
        return [found.select_dim(1, d) for d in range(self.rank)]

    # --- display -----------------------------------------------------------------------------------
    def __repr__(self) -> str:
        """Burn's ``Display`` (see `display`): also what ``print`` and ``str`` show."""
        return format_tensor(self)

    def __format__(self, spec: str) -> str:
        """``f"{t:.3}"`` prints 3 decimals, as Burn's ``{:.3}``."""
        return format_tensor(self, spec)


def _check_range_start(op: str, r: slice, dim: int, n: int) -> None:
    """A range may not start outside the tensor: ``slice([5..9])`` of a size-1 dim is a bug,
    not an empty result. The end is clamped to the size, as Burn's ``Slice::to_range`` does
    (and Python's slices); an empty range inside the tensor (``2..1``, ``n..``) stays allowed."""
    if r.start is None:
        return
    start = operator.index(r.start)
    if not -n <= start <= n:
        raise IndexError(f"{op}: range {_fmt_range(r)} starts outside dim {dim} of size {n} "
                         f"(a start must lie in [-{n}, {n}]; the end is clamped to the size)")


def _fmt_range(r: slice) -> str:
    text = f"{'' if r.start is None else r.start}..{'' if r.stop is None else r.stop}"
    return text if r.step in (None, 1) else f"{text};{r.step}"


def check_index_range(op: str, indices: Any, dim: int, size: int) -> None:
    """Every index along `dim` must lie in ``[0, size)``, as in Burn and torch: NumPy would wrap
    -1 to the last row and CuPy would clip, so a bad index gave a silent wrong result on some
    backends. Checked here, above the backends, so they all agree; it costs one min/max
    reduction and one two-element transfer."""
    bounds = index_bounds(indices)
    if bounds is not None and (bounds[0] < 0 or bounds[1] >= size):
        bad = bounds[0] if bounds[0] < 0 else bounds[1]
        raise IndexRangeError(f"{op}: index {bad} is out of range for dim {dim} of size {size} "
                              f"(indices must be in [0, {size}))", bad, size)


def index_bounds(indices: Any) -> tuple[int, int] | None:
    """The smallest and largest value of an Int tensor (None when it is empty), in one
    transfer of two values."""
    n = indices.num_elements()
    if n == 0:
        return None
    ops = type(indices)._ops
    flat = ops.reshape(indices._p, (n,))
    bounds = ops.to_data(ops.cat([ops.min_dim(flat, 0), ops.max_dim(flat, 0)], 0)).as_numpy()
    return int(bounds[0]), int(bounds[1])


def _first(op: str, tensors: Sequence[Any]) -> Any:
    if len(tensors) == 0:
        raise ValueError(f"{op}: expected at least one tensor")
    return tensors[0]


def _require_int(op: str, indices: Any, owner: Any) -> None:
    from .tensor import Tensor
    if not isinstance(indices, Tensor) or indices.kind.prefix != "int":
        got = (type(indices).__name__ if not isinstance(indices, Tensor)
               else f"{a_or_an(indices.kind.__name__)} tensor")
        raise TypeError(f"{op}: indices must be an Int tensor, got {got}")
    if type(indices).backend is not type(owner).backend:
        raise BackendError(f"{op}: indices are on backend {type(indices).backend!r}, the tensor "
                           f"on {type(owner).backend!r}")


def _require_bool(op: str, mask: Any, owner: Any) -> None:
    from .tensor import Tensor
    if not isinstance(mask, Tensor) or mask.kind.prefix != "bool":
        got = (type(mask).__name__ if not isinstance(mask, Tensor)
               else f"{a_or_an(mask.kind.__name__)} tensor")
        raise TypeError(f"{op}: mask must be a Bool tensor, got {got}")
    if type(mask).backend is not type(owner).backend:
        raise BackendError(f"{op}: the mask is on backend {type(mask).backend!r}, the tensor on "
                           f"{type(owner).backend!r}")


def checked_call(op: str, owner: Any, operands: Sequence[Any], fn: Any, *prims: Any) -> Any:
    """Call a backend op; if the backend fails, explain why in our terms (shapes that do not
    broadcast, mixed devices), naming the op. Costs nothing when the call succeeds."""
    try:
        return fn(*prims)
    except Exception as exc:
        raise explain(op, owner, operands, exc) from exc


def explain(op: str, owner: Any, others: Sequence[Any], exc: Exception) -> Exception:
    """The error to raise for a backend failure in `op`: mixed devices or shapes that do not
    broadcast, named in our terms; else the backend's own exception."""
    from .tensor import Tensor
    tensors = [owner] + [o for o in others if isinstance(o, Tensor)]
    devices = {str(t.device) for t in tensors}
    if len(devices) > 1:
        return DeviceError(f"{op}: tensors on different devices: "
                           f"{', '.join(str(t.device) for t in tensors)}")
    shapes = [tuple(t.shape) for t in tensors]
    try:
        np.broadcast_shapes(*shapes)
    except ValueError:
        return ShapeError(f"{op}: incompatible shapes {', '.join(str(list(s)) for s in shapes)} "
                          "(they do not broadcast)")
    return exc
