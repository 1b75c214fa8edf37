"""Autodiff operations (Burn Book "Autodiff"). On a backend without autodiff, ``detach``,
``require_grad``, ``set_require_grad`` and ``is_require_grad`` do nothing, as in Burn; ``backward``
and ``grad`` explain that an ``Autodiff[...]`` backend is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import GradientError, KindError, a_or_an
from .ops_base import B, K, TensorOpsBase

if TYPE_CHECKING:
    from typing_extensions import Self


def _needs_autodiff(t: Any, op: str) -> Any:
    backend = type(t).backend
    if not backend.is_autodiff():
        raise GradientError(f"{op}: backend {backend!r} has no autodiff; use "
                            f"Autodiff[{backend!r}] as the backend type")
    if t.kind.prefix != "float":
        raise KindError(f"{op}: only Float tensors have gradients, got "
                        f"{a_or_an(t.kind.__name__)} tensor")
    return backend


class AutodiffOps(TensorOpsBase[B, K]):
    __slots__ = ()

    def require_grad(self) -> "Self":
        """Mark as a leaf whose gradient ``backward`` computes (a no-op without autodiff)."""
        return self.set_require_grad(True)

    def set_require_grad(self, require_grad: bool) -> "Self":
        backend = type(self).backend
        if not backend.is_autodiff() or self.kind.prefix != "float":
            return self
        return self._new(backend.ad_require_grad(self._p, require_grad))

    def is_require_grad(self) -> bool:
        backend = type(self).backend
        if not backend.is_autodiff() or self.kind.prefix != "float":
            return False
        return bool(backend.ad_is_require_grad(self._p))

    def detach(self) -> "Self":
        """The same values, cut from the graph."""
        backend = type(self).backend
        if not backend.is_autodiff() or self.kind.prefix != "float":
            return self
        return self._new(backend.ad_detach(self._p))

    def backward(self) -> Any:
        """Gradients of this tensor w.r.t. every ``require_grad`` leaf of its graph, in a
        `Gradients` container (nothing is stored on tensors). As in Burn, the walk is seeded
        with ones of this tensor's shape: on a batched output it gives the gradients of its
        sum."""
        return _needs_autodiff(self, "backward").ad_backward(self._p)

    def grad(self, grads: Any) -> Any:
        """This leaf's gradient as a tensor of the inner backend, or None."""
        backend = _needs_autodiff(self, "grad")
        g = backend.ad_grad(self._p, grads)
        return None if g is None else self._inner_cls().from_primitive(g)

    def grad_remove(self, grads: Any) -> Any:
        backend = _needs_autodiff(self, "grad_remove")
        g = backend.ad_grad_remove(self._p, grads)
        return None if g is None else self._inner_cls().from_primitive(g)

    def grad_replace(self, grads: Any, grad: Any) -> None:
        backend = _needs_autodiff(self, "grad_replace")
        if type(grad) is not self._inner_cls():
            raise TypeError(f"grad_replace: expected a {self._inner_cls().__name__}, got "
                            f"{type(grad).__name__}")
        backend.ad_grad_replace(self._p, grads, grad._p)

    def inner(self) -> Any:
        """The same values as a tensor of the inner backend (no graph)."""
        backend = type(self).backend
        if not backend.is_autodiff():
            raise GradientError(f"inner: backend {backend!r} has no autodiff (inner() is for "
                                "Autodiff[...] tensors)")
        p = backend.ad_inner(self._p) if self.kind.prefix == "float" else self._p
        return self._inner_cls().from_primitive(p)

    @classmethod
    def from_inner(cls, tensor: Any) -> "Self":
        """Wrap an inner-backend tensor as an (untracked) tensor of this Autodiff backend."""
        backend = cls.backend
        if not backend.is_autodiff():
            raise GradientError(f"from_inner: backend {backend!r} has no autodiff")
        if type(tensor).backend is not backend.inner:
            raise TypeError(f"from_inner: expected a tensor of {backend.inner!r}, got one of "
                            f"{type(tensor).backend!r}")
        p = backend.ad_from_inner(tensor._p) if cls.kind.prefix == "float" else tensor._p
        return cls.from_primitive(p)

    def _inner_cls(self) -> Any:
        return type(self).of(type(self).backend.inner, self.kind)
