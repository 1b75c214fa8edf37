"""The `Dataset` contract and the in-memory storage (Burn's `burn-dataset` core).

A dataset is a fixed-length collection of items with constant-time random access, exactly like
Burn's `Dataset<I>` trait: `get(index)` returns the item or `None` when the index is out of range,
`len()` returns the number of items. Nothing else is assumed about how it is read, which is what
lets the lazy transforms in `pyburn.data.transform` wrap any dataset, including a user's own.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Generic, Protocol, TypeVar, runtime_checkable

__all__ = ["Dataset", "DatasetBase", "InMemDataset"]

I = TypeVar("I")
I_co = TypeVar("I_co", covariant=True)


@runtime_checkable
class Dataset(Protocol[I_co]):
    """Anything with Burn's two methods is a dataset; subclassing is not required.

    Being a protocol (structural) rather than a base class means a user's existing class only
    needs `get` and `len` to be accepted by every transform and by the `DataLoader`.
    """

    def get(self, index: int) -> I_co | None:
        """The item at `index`, or `None` when `index` is out of range (Burn's `Option<I>`)."""
        ...

    def len(self) -> int:
        """The number of items; fixed for the lifetime of the dataset."""
        ...


class DatasetBase(ABC, Generic[I]):
    """Implement `get` and `len`; get Python's `len()`, `ds[i]` and `for item in ds` for free.

    Burn's semantics stay on `get` (out of range gives `None`); the Python protocols follow Python's
    (out of range raises `IndexError`, negative indices count from the end) so that a dataset
    behaves like a read-only sequence wherever Python code expects one.
    """

    @abstractmethod
    def get(self, index: int) -> I | None:
        """The item at `index`, or `None` when `index` is out of range."""

    @abstractmethod
    def len(self) -> int:
        """The number of items."""

    def is_empty(self) -> bool:
        """Whether the dataset has no item (Burn's `is_empty`)."""
        return self.len() == 0

    def __len__(self) -> int:
        return self.len()

    def __getitem__(self, index: int) -> I:
        size = self.len()
        position = index + size if index < 0 else index
        if not 0 <= position < size:
            raise IndexError(
                f"{type(self).__name__} index out of range: expected -{size} <= index < {size}, "
                f"got {index}"
            )
        item = self.get(position)
        if item is None:
            raise IndexError(
                f"{type(self).__name__}.get({position}) returned None although len() is {size}"
            )
        return item

    def __iter__(self) -> Iterator[I]:
        # Indexing through `__getitem__` turns a broken `get` (None in range) into an error
        # instead of silently yielding None.
        for index in range(self.len()):
            yield self[index]

    def iter(self) -> Iterator[I]:
        """Burn's `dataset.iter()`; the same as `iter(dataset)`."""
        return iter(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(len={self.len()})"


class InMemDataset(DatasetBase[I]):
    """Items held in a Python list: the storage for data that fits in memory.

    The items are copied into a new list at construction so that later changes to the caller's
    collection cannot change the dataset's length under a running `DataLoader`.
    """

    def __init__(self, items: Iterable[I]) -> None:
        self._items: list[I] = list(items)

    @classmethod
    def from_dataset(cls, dataset: Dataset[I]) -> InMemDataset[I]:
        """Materialize any dataset, e.g. to pay for an expensive lazy `MapperDataset` only once."""
        items: list[I] = []
        for index in range(dataset.len()):
            item = dataset.get(index)
            if item is None:
                raise IndexError(
                    f"InMemDataset.from_dataset: {type(dataset).__name__}.get({index}) returned "
                    f"None although len() is {dataset.len()}"
                )
            items.append(item)
        return cls(items)

    def get(self, index: int) -> I | None:
        if 0 <= index < len(self._items):
            return self._items[index]
        return None

    def len(self) -> int:
        return len(self._items)
