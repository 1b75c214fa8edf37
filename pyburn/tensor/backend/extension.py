"""Backend extensions: new ops with native kernels per backend, a composite default, a backward.

This is the Python form of the Burn Book's "Backend Extension" chapter, and pyburn's own fused
ops (the fused LSTM sequence) use it too::

    def reference(B, ctx, lhs, rhs, bias):            # any backend: existing primitive ops
        return B.float_relu(B.float_add(B.float_matmul(lhs, rhs), bias))

    fused_matmul_add_relu = CustomOp("fused_matmul_add_relu", reference)

    @fused_matmul_add_relu.native(NumPy)               # a native kernel for one backend family
    def _(B, ctx, lhs, rhs, bias): ...

    @fused_matmul_add_relu.define_backward              # what Autodiff[B] uses, for every B
    def _(B, ctx, grad): ...                            # -> one gradient (or None) per input

    y = fused_matmul_add_relu.apply(x, w, b)            # on Tensors of any backend

Kernels take ``(B, ctx, *inputs, **attrs)``: positional inputs are primitives (or None), keyword
attributes are plain values. A backend class may also implement the op itself as a classmethod
with the op's name (``cls, ctx, *inputs``): that is the "protocol" route for user backends.
``ctx`` carries what the backward needs: the inputs and outputs are kept automatically (an op
whose backward never reads its outputs says ``keep_outputs=False``, so a layer's activation is
not held until the backward for nothing), and ``ctx.save(...)`` keeps residuals a kernel computed
anyway. When nothing needs a gradient,
``ctx.needs_grad`` is False and kernels can skip saving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

if TYPE_CHECKING:
    from .base import Backend

Kernel = Callable[..., Any]
BackwardFn = Callable[..., Sequence[Any]]


class OpContext:
    """Per-call state shared by a custom op's forward kernel and its backward."""

    __slots__ = ("needs_grad", "needs_input_grad", "inputs", "outputs", "attrs", "saved")

    def __init__(self, needs_input_grad: tuple[bool, ...], inputs: tuple[Any, ...],
                 attrs: dict[str, Any]) -> None:
        self.needs_input_grad = needs_input_grad
        self.needs_grad = any(needs_input_grad)
        self.inputs = inputs
        self.attrs = attrs
        self.outputs: Any = None
        self.saved: tuple[Any, ...] = ()

    def save(self, *values: Any) -> None:
        """Keep residuals for the backward (only worth doing when ``needs_grad``)."""
        self.saved = values


class CustomOp:
    """A new backend op: dispatch to a native kernel, else the composite default."""

    def __init__(self, name: str, default: Kernel, *, n_outputs: int = 1,
                 keep_outputs: bool = True) -> None:
        self.name = name
        self.n_outputs = n_outputs
        self.keep_outputs = keep_outputs
        self._default = default
        self._native: dict[type, Kernel] = {}
        self._native_backward: dict[type, BackwardFn] = {}
        self._backward: BackwardFn | None = None
        self.__doc__ = default.__doc__

    def native(self, *backends: type) -> Callable[[Kernel], Kernel]:
        """Register a kernel for these backend classes (their dtype variants included)."""
        def register(fn: Kernel) -> Kernel:
            for backend in backends:
                self._native[backend] = fn
            return fn
        return register

    def define_backward(self, fn: BackwardFn) -> BackwardFn:
        """Set the backward: ``fn(B, ctx, grad) -> gradients``, one per positional input.

        ``B`` is the inner backend; ``grad`` is a primitive (a tuple with None for outputs that
        received no gradient when the op has several outputs)."""
        self._backward = fn
        return fn

    def native_backward(self, *backends: type) -> Callable[[BackwardFn], BackwardFn]:
        """Register a backward for these backends' native kernel (it reads what that kernel
        saved in ``ctx``); other backends use the backward set with `define_backward`."""
        def register(fn: BackwardFn) -> BackwardFn:
            for backend in backends:
                self._native_backward[backend] = fn
            return fn
        return register

    @property
    def backward(self) -> BackwardFn | None:
        return self._backward

    def backward_for(self, backend: "type[Backend]") -> BackwardFn | None:
        """The backward matching the kernel `backend` runs."""
        hook = getattr(backend, "_jit_custom_op", None)
        if hook is not None:  # pyburn.jit's Recording backend: the backward becomes a plan entry
            return hook.backward_for(self)
        if self.has_native(backend):
            for cls in backend.__mro__:
                fn = self._native_backward.get(cls)
                if fn is not None:
                    return fn
        return self._backward

    def kernel(self, backend: "type[Backend]") -> Kernel:
        """The kernel `backend` runs: its own method, a registered native one, or the default."""
        method = getattr(backend, self.name, None)
        if method is not None:
            return lambda B, ctx, *inputs, **attrs: method(ctx, *inputs, **attrs)
        for cls in backend.__mro__:
            fn = self._native.get(cls)
            if fn is not None:
                return fn
        return self._default

    def has_native(self, backend: "type[Backend]") -> bool:
        return self.kernel(backend) is not self._default

    def __call__(self, backend: "type[Backend]", *inputs: Any, **attrs: Any) -> Any:
        """Run on primitives of `backend` (``Autodiff`` backends record it on their tape)."""
        return backend.run_custom_op(self, inputs, attrs)

    def forward(self, backend: "type[Backend]", ctx: OpContext, inputs: Sequence[Any],
                attrs: dict[str, Any]) -> Any:
        hook = getattr(backend, "_jit_custom_op", None)
        if hook is not None:  # pyburn.jit's Recording backend: the op becomes one plan entry
            return hook.forward(self, ctx, inputs, attrs)
        out = self.kernel(backend)(backend, ctx, *inputs, **attrs)
        if self.keep_outputs:
            ctx.outputs = out
        return out

    def apply(self, *inputs: Any, **attrs: Any) -> Any:
        """Run on Tensors (None allowed for optional inputs); returns Tensor(s)."""
        first = next((t for t in inputs if t is not None), None)
        if first is None:
            raise ValueError(f"{self.name}: needs at least one tensor input")
        backend = first.backend
        for t in inputs:
            if t is not None and t.backend is not backend:
                raise TypeError(f"{self.name}: inputs mix backends {backend!r} and {t.backend!r}")
        prims = tuple(None if t is None else t.primitive for t in inputs)
        out = self(backend, *prims, **attrs)
        cls = type(first).of(backend)
        if self.n_outputs == 1:
            return cls.from_primitive(out)
        return tuple(cls.from_primitive(o) for o in out)

    def __repr__(self) -> str:
        return f"CustomOp({self.name!r})"


def custom_op(name: str | None = None, *, n_outputs: int = 1,
              keep_outputs: bool = True) -> Callable[[Kernel], CustomOp]:
    """Decorator form: the decorated function is the composite default."""
    def wrap(fn: Kernel) -> CustomOp:
        return CustomOp(name or fn.__name__, fn, n_outputs=n_outputs, keep_outputs=keep_outputs)
    return wrap
