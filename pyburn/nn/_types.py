"""The type variable of pyburn.nn's signatures: a layer returns tensors of its input's backend,
so ``Linear.forward(x: Tensor[B]) -> Tensor[B]`` keeps ``Tensor[NumPy]`` (or any ``B``) through
a model for a type checker."""

from __future__ import annotations

from typing import TypeVar

from pyburn.tensor import Backend

B = TypeVar("B", bound=Backend)
