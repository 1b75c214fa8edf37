"""``Autodiff[B]``: the decorator backend that gives any backend gradients.

Float ops run on the inner backend through the Backend protocol only, and when an input is
tracked they record a node whose vjp is written next to the forward, as in Burn's
``burn-autodiff/src/ops/tensor.rs``. Int and bool ops are the inner backend's, unchanged.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Sequence, TypeVar

from pyburn.tensor.backend import Backend, BackendMeta, CustomOp, OpContext
from pyburn.tensor.data import TensorData
from pyburn.tensor.device import Device
from pyburn.tensor.distribution import DistributionValue
from pyburn.tensor.dtype import DType
from pyburn.tensor.errors import GradientError

from .graph import ADPrimitive as AD
from .graph import Gradients, Node, OutputPart, run_backward

Shape = tuple[int, ...]
_SQRT_2_OVER_PI = 2.0 / math.sqrt(math.pi)


InnerB = TypeVar("InnerB", bound=Backend)


class Autodiff(Backend, Generic[InnerB]):
    """``Autodiff[NumPy]``, ``Autodiff[Torch]``, ``Autodiff[YourBackend]``: cached, so
    ``Autodiff[NumPy] is Autodiff[NumPy]``.

    Generic only for type checkers (``Tensor[Autodiff[NumPy]]`` is a valid annotation); at run
    time ``Autodiff[X]`` builds (once) the concrete backend class that wraps `X`."""

    abstract = True
    inner: ClassVar[Any]

    if not TYPE_CHECKING:  # type checkers see the plain generic subscription
        def __class_getitem__(cls, inner: Any) -> Any:
            if "inner" in cls.__dict__:  # Autodiff[NumPy]["float64"]: a dtype variant
                return cls.with_dtypes(float=inner)
            return _autodiff_of(cls, inner)

    @classmethod
    def of(cls, inner: Any) -> Any:
        """``Autodiff[inner]`` for a backend chosen at run time (``Autodiff.of(by_name(arg))``).

        Type checkers read ``Autodiff[x]`` as a type, so `x` must be a type alias there; this
        spelling is the same cached class and type-checks with any value."""
        return _autodiff_of(Autodiff, inner)

    # --- identity -----------------------------------------------------------------------------
    @classmethod
    def name(cls) -> str:
        return f"autodiff<{cls.inner.name()}>"

    @classmethod
    def default_device(cls) -> Device:
        return cls.inner.default_device().on(cls)

    @classmethod
    def device_kinds(cls) -> tuple[str, ...]:
        return cls.inner.device_kinds()

    @classmethod
    def device(cls, spec: "str | Device" = "cpu") -> Device:
        return cls.inner.device(spec).on(cls)

    @classmethod
    def unavailable_reason(cls) -> str | None:
        return cls.inner.unavailable_reason()

    @classmethod
    def seed(cls, seed: int) -> None:
        cls.inner.seed(seed)

    @classmethod
    def sync(cls, device: Device | None = None) -> None:
        cls.inner.sync(device)

    @classmethod
    def is_autodiff(cls) -> bool:
        return True

    @classmethod
    def supported_float_dtypes(cls) -> tuple[DType, ...]:
        return cls.inner.supported_float_dtypes()

    @classmethod
    def with_dtypes(cls, float: "DType | str | None" = None, int: "DType | str | None" = None) -> Any:
        # Autodiff[...], spelled so that type checkers see a call, not a type application.
        return _autodiff_of(Autodiff, cls.inner.with_dtypes(float=float, int=int))

    # --- the AutodiffBackend part ---------------------------------------------------------------
    @classmethod
    def ad_backward(cls, x: AD) -> Gradients:
        I = cls.inner
        if x.node is None:
            raise GradientError("backward: the tensor is not tracked: no input of its graph "
                                "requires a gradient (call require_grad() on the parameters)")
        # Burn seeds the walk with ones of the root's shape: backward() on a batched output is
        # backward() on its sum.
        shape = I.float_shape(x.inner)
        seed = I.float_full(shape, 1.0, I.float_device(x.inner))
        seed = I.float_cast(seed, I.float_dtype(x.inner))
        return run_backward(x.node, seed, I.float_add)

    @classmethod
    def ad_grad(cls, x: AD, grads: Gradients) -> Any:
        return grads.get(x.node)

    @classmethod
    def ad_grad_remove(cls, x: AD, grads: Gradients) -> Any:
        return grads.remove(x.node)

    @classmethod
    def ad_grad_replace(cls, x: AD, grads: Gradients, grad: Any) -> None:
        if x.node is None:
            raise GradientError("grad_replace: the tensor is not tracked")
        expected, got = cls.inner.float_shape(x.inner), cls.inner.float_shape(grad)
        if tuple(expected) != tuple(got):
            raise GradientError(f"grad_replace: gradient shape {list(got)} does not match the "
                                f"tensor shape {list(expected)}")
        grads.set(x.node, grad)

    @classmethod
    def ad_require_grad(cls, x: AD, require: bool = True) -> AD:
        if not require:
            return AD(x.inner, None)
        if x.node is not None and x.node.is_leaf:
            return x
        return AD(x.inner, Node())

    @classmethod
    def ad_is_require_grad(cls, x: AD) -> bool:
        return x.node is not None

    @classmethod
    def ad_detach(cls, x: AD) -> AD:
        return x if x.node is None else AD(x.inner, None)

    @classmethod
    def ad_inner(cls, x: AD) -> Any:
        return x.inner

    @classmethod
    def ad_from_inner(cls, x: Any) -> AD:
        return AD(x, None)

    @classmethod
    def to_dlpack(cls, x: Any, kind_prefix: str) -> Any:
        """The inner value's export: DLPack carries values, never the graph (detached)."""
        return cls.inner.to_dlpack(x.inner if kind_prefix == "float" else x, kind_prefix)

    @classmethod
    def from_dlpack(cls, obj: Any, kind_prefix: str, device: Device) -> Any:
        out = cls.inner.from_dlpack(obj, kind_prefix, device)
        return AD(out) if out is not None and kind_prefix == "float" else out

    @classmethod
    def run_custom_op(cls, op: CustomOp, inputs: tuple[Any, ...], attrs: dict[str, Any]) -> Any:
        I = cls.inner
        nodes = tuple(i.node if isinstance(i, AD) else None for i in inputs)
        raw = tuple(i.inner if isinstance(i, AD) else i for i in inputs)
        ctx = OpContext(tuple(n is not None for n in nodes), raw, attrs)
        out = op.forward(I, ctx, raw, attrs)
        n = op.n_outputs
        if not ctx.needs_grad:
            return AD(out, None) if n == 1 else tuple(AD(o, None) for o in out)
        backward = op.backward_for(I)
        if backward is None:
            raise GradientError(f"{op.name}: a tracked input needs a gradient but the op has no "
                                "backward; define one with @op.define_backward")

        def vjp(grad: Any) -> Sequence[Any]:
            if n > 1:
                grad = tuple(grad)
            return tuple(backward(I, ctx, grad))

        node = Node(nodes, vjp, n_outputs=n)
        if n == 1:
            return AD(out, node)
        return tuple(AD(o, Node((node,), _part(i))) for i, o in enumerate(out))

    # --- creation, data, device ---------------------------------------------------------------
    @classmethod
    def float_from_data(cls, data: TensorData, device: Device) -> AD:
        return AD(cls.inner.float_from_data(data, device))

    @classmethod
    def float_to_data(cls, x: AD) -> TensorData:
        return cls.inner.float_to_data(x.inner)

    @classmethod
    def float_random(cls, shape: Shape, distribution: DistributionValue, device: Device) -> AD:
        return AD(cls.inner.float_random(shape, distribution, device))

    @classmethod
    def float_full(cls, shape: Shape, value: float, device: Device) -> AD:
        return AD(cls.inner.float_full(shape, value, device))

    @classmethod
    def float_shape(cls, x: AD) -> Shape:
        return cls.inner.float_shape(x.inner)

    @classmethod
    def float_device(cls, x: AD) -> Device:
        return cls.inner.float_device(x.inner)

    @classmethod
    def float_dtype(cls, x: AD) -> DType:
        return cls.inner.float_dtype(x.inner)

    @classmethod
    def float_to_device(cls, x: AD, device: Device) -> AD:
        I = cls.inner
        source = I.float_device(x.inner)
        return _unary(x, I.float_to_device(x.inner, device), lambda g: I.float_to_device(g, source))

    @classmethod
    def float_cast(cls, x: AD, dtype: DType) -> AD:
        I = cls.inner
        source = I.float_dtype(x.inner)
        return _unary(x, I.float_cast(x.inner, dtype), lambda g: I.float_cast(g, source))

    @classmethod
    def float_into_int(cls, x: AD) -> Any:
        return cls.inner.float_into_int(x.inner)

    @classmethod
    def int_into_float(cls, x: Any) -> AD:
        return AD(cls.inner.int_into_float(x))

    @classmethod
    def bool_into_float(cls, x: Any) -> AD:
        return AD(cls.inner.bool_into_float(x))

    # --- layout -------------------------------------------------------------------------------
    @classmethod
    def float_reshape(cls, x: AD, shape: Shape) -> AD:
        I = cls.inner
        source = I.float_shape(x.inner)
        if tuple(shape) == tuple(source):  # e.g. Linear's flatten of a 2-D input: no node
            return x
        out = I.float_reshape(x.inner, shape)
        if x.node is None:
            return AD(out)
        return _track(x, out, lambda g: I.float_reshape(g, source))

    @classmethod
    def float_permute(cls, x: AD, axes: Sequence[int]) -> AD:
        I = cls.inner
        inverse = [0] * len(axes)
        for i, a in enumerate(axes):
            inverse[a] = i
        return _unary(x, I.float_permute(x.inner, axes), lambda g: I.float_permute(g, inverse))

    @classmethod
    def float_expand(cls, x: AD, shape: Shape) -> AD:
        I = cls.inner
        out = I.float_expand(x.inner, shape)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        return _track(x, out, lambda g: reduce_to(I, g, source))

    @classmethod
    def float_flip(cls, x: AD, axes: Sequence[int]) -> AD:
        I = cls.inner
        return _unary(x, I.float_flip(x.inner, axes), lambda g: I.float_flip(g, axes))

    @classmethod
    def float_slice(cls, x: AD, slices: tuple[slice, ...]) -> AD:
        I = cls.inner
        out = I.float_slice(x.inner, slices)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        return _track(x, out, lambda g:
            I.float_slice_assign(_zeros(I, g, source), slices, g))

    @classmethod
    def float_slice_assign(cls, x: AD, slices: tuple[slice, ...], values: AD) -> AD:
        I = cls.inner
        out = I.float_slice_assign(x.inner, slices, values.inner)
        nx, nv = x.node, values.node
        if nx is None and nv is None:
            return AD(out)
        vshape = I.float_shape(values.inner)
        return AD(out, Node((nx, nv), lambda g: (
            I.float_slice_assign(g, slices, _zeros(I, g, vshape)) if nx else None,
            I.float_slice(g, slices) if nv else None)))

    @classmethod
    def float_cat(cls, xs: Sequence[AD], dim: int) -> AD:
        I = cls.inner
        out = I.float_cat([x.inner for x in xs], dim)
        nodes = tuple(x.node for x in xs)
        if nodes.count(None) == len(nodes):
            return AD(out)
        sizes = [I.float_shape(x.inner)[dim] for x in xs]

        def vjp(g: Any) -> Sequence[Any]:
            grads, start = [], 0
            full = [slice(0, n) for n in I.float_shape(g)]
            for node, size in zip(nodes, sizes):
                if node is not None:
                    full[dim] = slice(start, start + size)
                    grads.append(I.float_slice(g, tuple(full)))
                else:
                    grads.append(None)
                start += size
            return grads
        return AD(out, Node(nodes, vjp))

    @classmethod
    def float_repeat_dim(cls, x: AD, dim: int, times: int) -> AD:
        I = cls.inner
        out = I.float_repeat_dim(x.inner, dim, times)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        split = source[:dim] + (times, source[dim]) + source[dim + 1:]

        def vjp(g: Any) -> Any:
            return I.float_reshape(I.float_sum_dim(I.float_reshape(g, split), dim), source)
        return _track(x, out, vjp)

    @classmethod
    def float_gather(cls, dim: int, x: AD, indices: Any) -> AD:
        I = cls.inner
        out = I.float_gather(dim, x.inner, indices)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        return _track(x, out, lambda g:
            I.float_scatter(dim, _zeros(I, g, source), indices, g))

    @classmethod
    def float_scatter(cls, dim: int, x: AD, indices: Any, values: AD) -> AD:
        I = cls.inner
        out = I.float_scatter(dim, x.inner, indices, values.inner)
        nx, nv = x.node, values.node
        if nx is None and nv is None:
            return AD(out)
        return AD(out, Node((nx, nv), lambda g: (
            g, I.float_gather(dim, g, indices) if nv else None)))

    @classmethod
    def float_select(cls, x: AD, dim: int, indices: Any) -> AD:
        I = cls.inner
        out = I.float_select(x.inner, dim, indices)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        return _track(x, out, lambda g:
            I.float_select_assign(_zeros(I, g, source), dim, indices, g))

    @classmethod
    def float_select_assign(cls, x: AD, dim: int, indices: Any, values: AD) -> AD:
        I = cls.inner
        out = I.float_select_assign(x.inner, dim, indices, values.inner)
        nx, nv = x.node, values.node
        if nx is None and nv is None:
            return AD(out)
        return AD(out, Node((nx, nv), lambda g: (
            g, I.float_select(g, dim, indices) if nv else None)))

    @classmethod
    def float_mask_where(cls, x: AD, mask: Any, value: AD) -> AD:
        I = cls.inner
        out = I.float_mask_where(x.inner, mask, value.inner)
        nx, nv = x.node, value.node
        if nx is None and nv is None:
            return AD(out)
        sx, sv = I.float_shape(x.inner), I.float_shape(value.inner)
        return AD(out, Node((nx, nv), lambda g: (
            reduce_to(I, I.float_mask_fill(g, mask, 0.0), sx) if nx else None,
            reduce_to(I, I.float_mask_fill(g, I.bool_not(mask), 0.0), sv) if nv else None)))

    @classmethod
    def float_mask_fill(cls, x: AD, mask: Any, value: float) -> AD:
        I = cls.inner
        out = I.float_mask_fill(x.inner, mask, value)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        return _track(x, out, lambda g:
            reduce_to(I, I.float_mask_fill(g, mask, 0.0), source))

    # --- arithmetic ---------------------------------------------------------------------------
    @classmethod
    def float_add(cls, x: AD, y: AD) -> AD:
        I = cls.inner
        return _binary(I, x, y, I.float_add(x.inner, y.inner), lambda g: g, lambda g: g)

    @classmethod
    def float_sub(cls, x: AD, y: AD) -> AD:
        I = cls.inner
        return _binary(I, x, y, I.float_sub(x.inner, y.inner), lambda g: g, I.float_neg)

    @classmethod
    def float_mul(cls, x: AD, y: AD) -> AD:
        I = cls.inner
        a, b = x.inner, y.inner
        return _binary(I, x, y, I.float_mul(a, b),
                       lambda g: I.float_mul(g, b), lambda g: I.float_mul(g, a))

    @classmethod
    def float_div(cls, x: AD, y: AD) -> AD:
        I = cls.inner
        a, b = x.inner, y.inner
        out = I.float_div(a, b)
        return _binary(I, x, y, out, lambda g: I.float_div(g, b),
                       lambda g: I.float_neg(I.float_div(I.float_mul(g, out), b)))

    @classmethod
    def float_remainder(cls, x: AD, y: AD) -> AD:
        I = cls.inner
        a, b = x.inner, y.inner
        return _binary(I, x, y, I.float_remainder(a, b), lambda g: g,
                       lambda g: I.float_neg(I.float_mul(g, I.float_floor(I.float_div(a, b)))))

    @classmethod
    def float_powf(cls, x: AD, y: AD) -> AD:
        """``a ** b``. Where the formulas read ``0 * inf`` the true derivative is 0: ``a ** 0`` is
        the constant 1 (d/da is 0, not ``0 * a ** -1``), and ``0 ** b`` for ``b > 0`` is the
        constant 0 (d/db is 0, not ``0 * log 0``); as torch, ``0 ** 0`` counts as ``b >= 0``."""
        I = cls.inner
        a, b = x.inner, y.inner
        out = I.float_powf(a, b)

        def vjp_a(g: Any) -> Any:
            local = I.float_mul(b, I.float_powf(a, I.float_sub_scalar(b, 1.0)))
            return I.float_mul(g, I.float_mask_fill(local, I.float_equal_elem(b, 0.0), 0.0))

        def vjp_b(g: Any) -> Any:
            local = I.float_mul(out, I.float_log(a))
            at_zero = I.bool_and(I.float_equal_elem(a, 0.0), I.float_greater_equal_elem(b, 0.0))
            return I.float_mul(g, I.float_mask_fill(local, at_zero, 0.0))
        return _binary(I, x, y, out, vjp_a, vjp_b)

    @classmethod
    def float_max_pair(cls, x: AD, y: AD) -> AD:
        return cls._pair(x, y, cls.inner.float_max_pair, cls.inner.float_lower)

    @classmethod
    def float_min_pair(cls, x: AD, y: AD) -> AD:
        return cls._pair(x, y, cls.inner.float_min_pair, cls.inner.float_greater)

    @classmethod
    def _pair(cls, x: AD, y: AD, op: Any, y_wins: Any) -> AD:
        """max/min of two tensors: the winner gets the whole gradient. As in Burn (whose
        ``max_pair`` is ``x.mask_where(x.lower(y), y)``), `y` wins only strictly, so a tie goes
        to `x` (torch splits it in halves)."""
        I = cls.inner
        a, b = x.inner, y.inner
        out = op(a, b)
        if x.node is None and y.node is None:
            return AD(out)
        to_y = y_wins(a, b)
        return _binary(I, x, y, out, lambda g: I.float_mask_fill(g, to_y, 0.0),
                       lambda g: I.float_mask_fill(g, I.bool_not(to_y), 0.0))

    @classmethod
    def float_matmul(cls, x: AD, y: AD) -> AD:
        I = cls.inner
        a, b = x.inner, y.inner
        return _binary(I, x, y, I.float_matmul(a, b),
                       lambda g: I.float_matmul(g, _transpose(I, b)),
                       lambda g: I.float_matmul(_transpose(I, a), g))

    @classmethod
    def float_add_scalar(cls, x: AD, s: float) -> AD:
        return _unary(x, cls.inner.float_add_scalar(x.inner, s), _identity)

    @classmethod
    def float_sub_scalar(cls, x: AD, s: float) -> AD:
        return _unary(x, cls.inner.float_sub_scalar(x.inner, s), _identity)

    @classmethod
    def float_mul_scalar(cls, x: AD, s: float) -> AD:
        I = cls.inner
        return _unary(x, I.float_mul_scalar(x.inner, s), lambda g: I.float_mul_scalar(g, s))

    @classmethod
    def float_div_scalar(cls, x: AD, s: float) -> AD:
        I = cls.inner
        return _unary(x, I.float_div_scalar(x.inner, s), lambda g: I.float_div_scalar(g, s))

    @classmethod
    def float_remainder_scalar(cls, x: AD, s: float) -> AD:
        return _unary(x, cls.inner.float_remainder_scalar(x.inner, s), _identity)

    @classmethod
    def float_powf_scalar(cls, x: AD, s: float) -> AD:
        I = cls.inner
        a = x.inner
        if s == 0.0:  # a ** 0 is the constant 1: no `0 * a ** -1`, which is NaN at a = 0
            shape = I.float_shape(a)
            return _unary(x, I.float_powf_scalar(a, s), lambda g: _zeros(I, g, shape))
        return _unary(x, I.float_powf_scalar(a, s),
                      lambda g: I.float_mul(g, I.float_mul_scalar(I.float_powf_scalar(a, s - 1.0), s)))

    @classmethod
    def float_clamp(cls, x: AD, min: float | None, max: float | None) -> AD:
        I = cls.inner
        a = x.inner
        out = I.float_clamp(a, min, max)
        if x.node is None:
            return AD(out)

        def vjp(g: Any) -> Any:
            if min is not None:
                g = I.float_mask_fill(g, I.float_lower_elem(a, min), 0.0)
            if max is not None:
                g = I.float_mask_fill(g, I.float_greater_elem(a, max), 0.0)
            return g
        return _track(x, out, vjp)

    # --- unary math -----------------------------------------------------------------------------
    @classmethod
    def float_neg(cls, x: AD) -> AD:
        I = cls.inner
        return _unary(x, I.float_neg(x.inner), I.float_neg)

    @classmethod
    def float_exp(cls, x: AD) -> AD:
        I = cls.inner
        out = I.float_exp(x.inner)
        return _unary(x, out, lambda g: I.float_mul(g, out))

    @classmethod
    def float_log(cls, x: AD) -> AD:
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_log(a), lambda g: I.float_div(g, a))

    @classmethod
    def float_log1p(cls, x: AD) -> AD:
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_log1p(a), lambda g: I.float_div(g, I.float_add_scalar(a, 1.0)))

    @classmethod
    def float_erf(cls, x: AD) -> AD:
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_erf(a), lambda g: I.float_mul(g, I.float_mul_scalar(
            I.float_exp(I.float_neg(I.float_mul(a, a))), _SQRT_2_OVER_PI)))

    @classmethod
    def float_sqrt(cls, x: AD) -> AD:
        I = cls.inner
        out = I.float_sqrt(x.inner)
        return _unary(x, out, lambda g: I.float_div(I.float_mul_scalar(g, 0.5), out))

    @classmethod
    def float_recip(cls, x: AD) -> AD:
        I = cls.inner
        out = I.float_recip(x.inner)
        return _unary(x, out, lambda g: I.float_neg(I.float_mul(g, I.float_mul(out, out))))

    @classmethod
    def float_abs(cls, x: AD) -> AD:
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_abs(a), lambda g: I.float_mul(g, I.float_sign(a)))

    @classmethod
    def float_cos(cls, x: AD) -> AD:
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_cos(a), lambda g: I.float_neg(I.float_mul(g, I.float_sin(a))))

    @classmethod
    def float_sin(cls, x: AD) -> AD:
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_sin(a), lambda g: I.float_mul(g, I.float_cos(a)))

    @classmethod
    def float_tan(cls, x: AD) -> AD:
        I = cls.inner
        out = I.float_tan(x.inner)
        return _unary(x, out, lambda g: I.float_mul(g, I.float_add_scalar(I.float_mul(out, out), 1.0)))

    @classmethod
    def float_tanh(cls, x: AD) -> AD:
        I = cls.inner
        out = I.float_tanh(x.inner)
        return _unary(x, out, lambda g: I.float_tanh_backward(out, g))

    @classmethod
    def float_relu(cls, x: AD) -> AD:
        I = cls.inner
        out = I.float_relu(x.inner)
        return _unary(x, out, lambda g: I.float_relu_backward(out, g))

    @classmethod
    def float_sigmoid(cls, x: AD) -> AD:
        I = cls.inner
        out = I.float_sigmoid(x.inner)
        return _unary(x, out, lambda g: I.float_sigmoid_backward(out, g))

    @classmethod
    def float_sinh(cls, x: AD) -> AD:
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_sinh(a), lambda g: I.float_mul(g, I.float_cosh(a)))

    @classmethod
    def float_cosh(cls, x: AD) -> AD:
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_cosh(a), lambda g: I.float_mul(g, I.float_sinh(a)))

    @classmethod
    def float_asin(cls, x: AD) -> AD:        # 1 / sqrt(1 - x²)
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_asin(a), lambda g: I.float_div(g, I.float_sqrt(_one_minus_sq(I, a))))

    @classmethod
    def float_acos(cls, x: AD) -> AD:        # -1 / sqrt(1 - x²)
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_acos(a), lambda g: I.float_neg(
            I.float_div(g, I.float_sqrt(_one_minus_sq(I, a)))))

    @classmethod
    def float_atan(cls, x: AD) -> AD:        # 1 / (1 + x²)
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_atan(a), lambda g: I.float_div(
            g, I.float_add_scalar(I.float_mul(a, a), 1.0)))

    @classmethod
    def float_asinh(cls, x: AD) -> AD:       # 1 / sqrt(x² + 1)
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_asinh(a), lambda g: I.float_div(
            g, I.float_sqrt(I.float_add_scalar(I.float_mul(a, a), 1.0))))

    @classmethod
    def float_acosh(cls, x: AD) -> AD:       # 1 / sqrt(x² - 1)
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_acosh(a), lambda g: I.float_div(
            g, I.float_sqrt(I.float_add_scalar(I.float_mul(a, a), -1.0))))

    @classmethod
    def float_atanh(cls, x: AD) -> AD:       # 1 / (1 - x²)
        I = cls.inner
        a = x.inner
        return _unary(x, I.float_atanh(a), lambda g: I.float_div(g, _one_minus_sq(I, a)))

    @classmethod
    def float_atan2(cls, x: AD, y: AD) -> AD:  # atan2(a, b): d/da = b / r², d/db = -a / r²
        I = cls.inner
        a, b = x.inner, y.inner
        r2 = I.float_add(I.float_mul(a, a), I.float_mul(b, b))
        # Where x² + y² is 0 (the origin, or underflow) the gradient is 0, as torch's.
        inv = I.float_recip(r2)
        inv = I.float_mask_fill(inv, I.float_equal_elem(r2, 0.0), 0.0)
        return _binary(I, x, y, I.float_atan2(a, b),
                       lambda g: I.float_mul(I.float_mul(g, b), inv),
                       lambda g: I.float_neg(I.float_mul(I.float_mul(g, a), inv)))

    @classmethod
    def float_trunc(cls, x: AD) -> AD:
        return AD(cls.inner.float_trunc(x.inner))

    # Piecewise-constant ops: their gradient is zero almost everywhere, so the output is a constant.
    @classmethod
    def float_sign(cls, x: AD) -> AD:
        return AD(cls.inner.float_sign(x.inner))

    @classmethod
    def float_floor(cls, x: AD) -> AD:
        return AD(cls.inner.float_floor(x.inner))

    @classmethod
    def float_ceil(cls, x: AD) -> AD:
        return AD(cls.inner.float_ceil(x.inner))

    @classmethod
    def float_round(cls, x: AD) -> AD:
        return AD(cls.inner.float_round(x.inner))

    # --- reductions ---------------------------------------------------------------------------
    @classmethod
    def float_sum(cls, x: AD) -> AD:
        I = cls.inner
        out = I.float_sum(x.inner)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        ones = (1,) * len(source)
        return _track(x, out, lambda g: I.float_expand(I.float_reshape(g, ones), source))

    @classmethod
    def float_sum_dim(cls, x: AD, dim: int) -> AD:
        I = cls.inner
        out = I.float_sum_dim(x.inner, dim)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        return _track(x, out, lambda g: I.float_expand(g, source))

    @classmethod
    def float_mean_dim(cls, x: AD, dim: int) -> AD:
        I = cls.inner
        out = I.float_mean_dim(x.inner, dim)
        if x.node is None:
            return AD(out)
        source = I.float_shape(x.inner)
        n = source[dim]
        return _track(x, out, lambda g: I.float_expand(I.float_div_scalar(g, n), source))

    @classmethod
    def float_prod(cls, x: AD) -> AD:
        I = cls.inner
        shape = I.float_shape(x.inner)
        flat = cls.float_reshape(x, (math.prod(shape),))
        return cls.float_reshape(cls.float_prod_dim(flat, 0), (1,))

    @classmethod
    def float_prod_dim(cls, x: AD, dim: int) -> AD:
        I = cls.inner
        a = x.inner
        out = I.float_prod_dim(a, dim)
        if x.node is None:
            return AD(out)
        # d prod / d x_i is the product of the others, multiplied out rather than `out / x_i`:
        # exact with zeros, and right where `out` underflows to 0 or overflows to inf.
        return _track(x, out, lambda g: I.float_mul(_products_of_others(I, a, dim), g))

    @classmethod
    def float_max_dim(cls, x: AD, dim: int) -> AD:
        return cls._extremum(x, dim, cls.inner.float_max_dim, cls.inner.float_argmax)

    @classmethod
    def float_min_dim(cls, x: AD, dim: int) -> AD:
        return cls._extremum(x, dim, cls.inner.float_min_dim, cls.inner.float_argmin)

    @classmethod
    def _extremum(cls, x: AD, dim: int, op: Any, arg: Any) -> AD:
        I = cls.inner
        out = op(x.inner, dim)
        if x.node is None:
            return AD(out)
        index = arg(x.inner, dim)
        source = I.float_shape(x.inner)
        return _track(x, out, lambda g: I.float_scatter(dim, _zeros(I, g, source), index, g))

    @classmethod
    def float_cumsum(cls, x: AD, dim: int) -> AD:
        I = cls.inner
        return _unary(x, I.float_cumsum(x.inner, dim),
                      lambda g: I.float_flip(I.float_cumsum(I.float_flip(g, (dim,)), dim), (dim,)))

    @classmethod
    def float_sort(cls, x: AD, dim: int, descending: bool) -> AD:
        I = cls.inner
        if x.node is None:
            return AD(I.float_sort(x.inner, dim, descending))
        index = I.float_argsort(x.inner, dim, descending)
        return cls.float_gather(dim, x, index)

    # --- ops whose output is not float (no gradient flows) ----------------------------------
    @classmethod
    def _unwrap1(cls, name: str) -> Any:
        return getattr(cls.inner, name)


def _autodiff_of(base: type, inner: Any) -> Any:
    """``Autodiff[inner]`` (`base` is `Autodiff`), built once and cached."""
    if not (isinstance(inner, type) and issubclass(inner, Backend)) or inner.abstract:
        raise TypeError(f"Autodiff[...] takes a concrete backend class, got {inner!r}")
    if inner.is_autodiff():
        raise TypeError(f"Autodiff[{inner!r}]: the backend already has autodiff")
    cached = _CACHE.get(inner)
    if cached is None:
        cached = _CACHE[inner] = _make_autodiff(base, inner)
    return cached


def _make_autodiff(base: type, inner: Any) -> Any:
    """Build ``Autodiff[inner]``: int/bool ops and the non-differentiable float ops (comparisons,
    argmax, ...) are the inner backend's, reached through small unwrapping shims."""
    ns: dict[str, Any] = {
        "inner": inner, "float_elem": inner.float_elem, "int_elem": inner.int_elem,
        "_display_name": f"Autodiff<{inner!r}>", "__module__": base.__module__,
        "abstract": False,
    }
    for name in Backend.REQUIRED_OPS:
        if name in vars(Autodiff):
            continue
        target = getattr(inner, name)
        if name.startswith("float_"):
            ns[name] = staticmethod(_unwrapping(target, name))
        else:
            ns[name] = staticmethod(target)
    return BackendMeta(f"Autodiff<{inner!r}>", (base,), ns)


def _unwrapping(target: Any, name: str) -> Any:
    """A float op with a non-float result: unwrap float arguments, call the inner op."""
    def op(*args: Any) -> Any:
        return target(*(a.inner if isinstance(a, AD) else a for a in args))
    op.__name__ = name
    return op


_CACHE: dict[Any, Any] = {}


def _identity(g: Any) -> Any:
    return g


def _part(index: int) -> Any:
    return lambda g: (OutputPart(index, g),)


def _track(x: AD, out: Any, vjp: Any) -> AD:
    """`out` recorded as a function of the tracked `x` alone; `vjp` returns x's gradient."""
    return AD(out, Node((x.node,), vjp, 1, True))


def _one_minus_sq(I: Any, a: Any) -> Any:
    return I.float_add_scalar(I.float_neg(I.float_mul(a, a)), 1.0)


def _unary(x: AD, out: Any, vjp: Any) -> AD:
    if x.node is None:
        return AD(out)
    return AD(out, Node((x.node,), vjp, 1, True))


def _binary(I: Any, x: AD, y: AD, out: Any, vjp_x: Any, vjp_y: Any) -> AD:
    """Record a broadcasting binary op; each side's gradient is summed back to its shape.

    The shapes are compared once, here: a side with the output's shape (the common case, and
    both sides when their shapes are equal) gets its vjp as it is, with no reduction to check
    on the way back; a side with one tracked input records a unary node."""
    nx, ny = x.node, y.node
    if nx is None:
        if ny is None:
            return AD(out)
        return AD(out, Node((ny,), _summed_back(I, vjp_y, y.inner, out), 1, True))
    if ny is None:
        return AD(out, Node((nx,), _summed_back(I, vjp_x, x.inner, out), 1, True))
    sx, sy = I.float_shape(x.inner), I.float_shape(y.inner)
    if sx != sy:
        vjp_x = _summed_back(I, vjp_x, x.inner, out, sx)
        vjp_y = _summed_back(I, vjp_y, y.inner, out, sy)
    return AD(out, Node((nx, ny), lambda g: (vjp_x(g), vjp_y(g))))


def _summed_back(I: Any, vjp: Any, source: Any, out: Any, shape: Any = None) -> Any:
    """`vjp`, followed by the sum back to `source`'s shape where `out` broadcast it."""
    shape = I.float_shape(source) if shape is None else shape
    if shape == I.float_shape(out):
        return vjp
    return lambda g: reduce_to(I, vjp(g), shape)


def reduce_to(I: Any, grad: Any, shape: Shape) -> Any:
    """Sum a broadcast gradient back to `shape` (leading dims, and dims that were 1)."""
    gshape = I.float_shape(grad)
    if tuple(gshape) == tuple(shape):
        return grad
    lead = len(gshape) - len(shape)
    for d in range(len(gshape)):
        if d < lead or (shape[d - lead] == 1 and gshape[d] != 1):
            grad = I.float_sum_dim(grad, d)
    # sum_dim keeps each summed dim (size 1): only leading dims need a reshape away.
    return I.float_reshape(grad, tuple(shape)) if lead else grad


def _zeros(I: Any, like: Any, shape: Shape) -> Any:
    """Zeros of `shape` on the device and in the dtype of `like` (a gradient)."""
    zeros = I.float_full(tuple(shape), 0.0, I.float_device(like))
    dtype = I.float_dtype(like)
    return zeros if dtype == I.float_elem else I.float_cast(zeros, dtype)


def _products_of_others(I: Any, a: Any, dim: int) -> Any:
    """For each element, the product of the other elements of its slice along `dim`: the
    exclusive prefix product times the exclusive suffix product, each a log-step scan."""
    shape = I.float_shape(a)
    if shape[dim] <= 1:  # the empty product
        return I.float_add_scalar(_zeros(I, a, shape), 1.0)
    return I.float_mul(_exclusive_cumprod(I, a, dim),
                       I.float_flip(_exclusive_cumprod(I, I.float_flip(a, (dim,)), dim), (dim,)))


def _exclusive_cumprod(I: Any, a: Any, dim: int) -> Any:
    """``out[i] = prod(a[:i])`` along `dim` (1 at i = 0), by Hillis-Steele doubling."""
    shape = I.float_shape(a)
    n = shape[dim]

    def shift(p: Any, k: int) -> Any:  # p moved k places along dim, ones in front
        ones = I.float_add_scalar(_zeros(I, p, shape[:dim] + (k,) + shape[dim + 1:]), 1.0)
        keep = tuple(slice(0, n - k) if d == dim else slice(0, size) for d, size in enumerate(shape))
        return I.float_cat([ones, I.float_slice(p, keep)], dim)
    out, k = shift(a, 1), 1
    while k < n:
        out = I.float_mul(out, shift(out, k))
        k *= 2
    return out


def _transpose(I: Any, x: Any) -> Any:
    n = len(I.float_shape(x))
    axes = list(range(n))
    axes[-1], axes[-2] = axes[-2], axes[-1]
    return I.float_permute(x, axes)
