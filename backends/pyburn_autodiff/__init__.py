"""The Autodiff decorator backend (Burn's burn-autodiff): ``Autodiff[B]`` for any backend B."""

from .backend import Autodiff, reduce_to
from .graph import ADPrimitive, Gradients, Node

__all__ = ["Autodiff", "ADPrimitive", "Gradients", "Node", "reduce_to"]
