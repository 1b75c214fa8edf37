"""Tensor kinds: the third type parameter of Burn's ``Tensor<B, D, K>``.

``Tensor[B]`` is a float tensor, ``Tensor[B, Int]`` and ``Tensor[B, Bool]`` the others. Kinds are
marker classes used as type arguments; at run time each names the backend op family it uses.
"""

from __future__ import annotations


class TensorKind:
    """Base of the three kinds; ``prefix`` selects the backend op family (``float_add``...)."""

    prefix: str = ""


class Float(TensorKind):
    """Floating point tensors: differentiable under ``Autodiff``."""

    prefix = "float"


class Int(TensorKind):
    """Integer tensors (the backend's int dtype, int64 by default)."""

    prefix = "int"


class Bool(TensorKind):
    """Boolean tensors, produced by comparisons and used as masks."""

    prefix = "bool"


KINDS: tuple[type[TensorKind], ...] = (Float, Int, Bool)
