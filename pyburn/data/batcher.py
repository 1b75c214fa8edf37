"""The `Batcher` contract (Burn's `burn::data::dataloader::batcher::Batcher`).

A batcher turns a list of dataset items into one batch, typically stacking them into tensors on
a device. It is the only place where items meet tensors, which is why datasets stay free of any
backend and the same dataset can feed a model on any backend or device.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

__all__ = ["Batcher", "BatcherLike", "batch_with"]

I = TypeVar("I")
O = TypeVar("O")
O_co = TypeVar("O_co", covariant=True)


class Batcher(Protocol[I, O_co]):
    """Builds one batch from a list of items, on `device`.

    `device` is whatever the `DataLoader` was given with `set_device` (default `None`); the data
    package treats it as an opaque value and only passes it through, so any backend's device works.
    `batch` may be called from several worker threads at once and must not depend on call order.
    """

    def batch(self, items: list[I], device: Any) -> O_co:
        """The batch made of `items` (in order), placed on `device`."""
        ...


BatcherLike = Batcher[I, O] | Callable[[list[I], Any], O]
"""A `Batcher` object or a plain function `(items, device) -> batch`."""


def batch_with(batcher: BatcherLike[I, O]) -> Callable[[list[I], Any], O]:
    """The function to call for one batch: `batcher.batch` if there is one, else `batcher` itself.

    Resolving it once lets the loader accept both a Burn-style batcher object and a plain function.
    """
    method = getattr(batcher, "batch", None)
    if callable(method):
        return cast(Callable[[list[I], Any], O], method)
    if callable(batcher):
        return batcher
    raise TypeError(
        "DataLoaderBuilder: batcher must have a batch(items, device) method or be a callable "
        f"(items, device) -> batch, got {type(batcher).__name__}"
    )
