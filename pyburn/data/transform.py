"""Lazy dataset transforms (Burn's `burn_dataset::transform`).

Each transform wraps one or more datasets and maps indices; no item is read or copied until
`get` is called, so splitting, shuffling and sampling a large dataset is free at construction
(only index tables are built). All of them are safe to read from several threads at once: after
construction they hold no mutable state, which is what lets the `DataLoader`'s workers call `get`
concurrently and still produce the exact same batches as a single thread.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar, cast

import numpy as np

from ._checks import check_int, check_seed
from .dataset import Dataset, DatasetBase

__all__ = [
    "ComposedDataset",
    "Mapper",
    "MapperDataset",
    "PartialDataset",
    "SamplerDataset",
    "ShuffledDataset",
]

I = TypeVar("I")
O = TypeVar("O")
I_contra = TypeVar("I_contra", contravariant=True)
O_co = TypeVar("O_co", covariant=True)


class ShuffledDataset(DatasetBase[I]):
    """A fixed random permutation of a dataset (Burn's `ShuffledDataset::with_seed`).

    The permutation is drawn once, at construction, from `numpy.random.default_rng(seed)`, so the
    same seed always gives the same order: shuffle once *before* `PartialDataset` to make
    reproducible train/validation splits. `seed=None` draws fresh OS entropy (not reproducible).
    For a new order every epoch use the `DataLoader`'s `shuffle(seed)` instead.
    """

    def __init__(self, dataset: Dataset[I], seed: int | None = None) -> None:
        self.dataset = dataset
        self.seed = check_seed("ShuffledDataset", seed)
        self._indices = np.random.default_rng(self.seed).permutation(dataset.len())

    def get(self, index: int) -> I | None:
        if 0 <= index < len(self._indices):
            return self.dataset.get(int(self._indices[index]))
        return None

    def len(self) -> int:
        return len(self._indices)


class PartialDataset(DatasetBase[I]):
    """The items `start <= i < end` of a dataset, as a view (Burn's `PartialDataset`).

    Used to cut train/validation/test splits without copying. The range is checked against the
    wrapped dataset at construction, because a view that silently ends early would make an epoch
    shorter than the user asked for.
    """

    def __init__(self, dataset: Dataset[I], start: int, end: int) -> None:
        size = dataset.len()
        self.end = check_int("PartialDataset", "end", end, 0, size,
                             expected=f"0 <= end <= len(dataset) (= {size})")
        self.start = check_int("PartialDataset", "start", start, 0, self.end,
                               expected=f"0 <= start <= end (= {self.end})")
        self.dataset = dataset

    @classmethod
    def split(cls, dataset: Dataset[I], num: int) -> list[PartialDataset[I]]:
        """Cut `dataset` into `num` consecutive parts, the last one taking the remainder.

        Same rule as Burn: each part gets `len // num` items and the last part also gets the
        `len % num` left over, e.g. 27 items in 4 parts give lengths `[6, 6, 6, 9]`.
        """
        num = check_int("PartialDataset.split", "num", num, 1)
        size = dataset.len()
        part = size // num
        return [
            cls(dataset, i * part, size if i == num - 1 else (i + 1) * part)
            for i in range(num)
        ]

    def get(self, index: int) -> I | None:
        if 0 <= index < self.end - self.start:
            return self.dataset.get(self.start + index)
        return None

    def len(self) -> int:
        return self.end - self.start


class Mapper(Protocol[I_contra, O_co]):
    """An object that turns one item into another (Burn's `Mapper<I, O>` trait).

    A plain function or lambda works as well; an object is handy when the mapping has parameters
    (e.g. channel means for normalization).
    """

    def map(self, item: I_contra) -> O_co:
        """The transformed item; called once per `get`, possibly from several threads."""
        ...


class MapperDataset(DatasetBase[O]):
    """Applies `mapper` to each item lazily, when it is read (Burn's `MapperDataset`).

    Nothing is cached: the mapping runs again on every read, which keeps memory flat and lets the
    `DataLoader`'s workers do the work in parallel. Wrap in `InMemDataset.from_dataset` to pay for
    an expensive mapping only once.
    """

    def __init__(self, dataset: Dataset[I], mapper: Mapper[I, O] | Callable[[I], O]) -> None:
        method = getattr(mapper, "map", None)
        if callable(method):
            self._map = cast(Callable[[I], O], method)
        elif callable(mapper):
            self._map = mapper
        else:
            raise TypeError(
                "MapperDataset: mapper must be a callable or an object with a map(item) method, "
                f"got {type(mapper).__name__}"
            )
        self.dataset: Dataset[I] = dataset
        self.mapper = mapper

    def get(self, index: int) -> O | None:
        item = self.dataset.get(index)
        return None if item is None else self._map(item)

    def len(self) -> int:
        return self.dataset.len()


class ComposedDataset(DatasetBase[I]):
    """Several datasets read one after the other as a single one (Burn's `ComposedDataset`).

    Used to merge sources without copying. The lengths are read once at construction (datasets
    have a fixed length); `get` finds the right source by binary search over the running totals.
    """

    def __init__(self, datasets: Iterable[Dataset[I]]) -> None:
        self.datasets: list[Dataset[I]] = list(datasets)
        if not self.datasets:
            raise ValueError(
                "ComposedDataset: datasets must hold at least 1 dataset (expected len(datasets) "
                ">= 1), got 0"
            )
        self._ends: list[int] = []
        total = 0
        for dataset in self.datasets:
            total += dataset.len()
            self._ends.append(total)

    def get(self, index: int) -> I | None:
        if not 0 <= index < self._ends[-1]:
            return None
        which = bisect.bisect_right(self._ends, index)
        start = self._ends[which - 1] if which > 0 else 0
        return self.datasets[which].get(index - start)

    def len(self) -> int:
        return self._ends[-1]


class SamplerDataset(DatasetBase[I]):
    """`size` items drawn at random from a dataset (Burn's `SamplerDataset`).

    The size of an "epoch" becomes a free choice: sample 10_000 items of a huge dataset to
    validate and checkpoint more often, or more items than a small dataset holds to oversample it.

    - `with_replacement=True` (Burn's default): every item is an independent uniform draw.
    - `with_replacement=False`: the draws cycle through random permutations of the source, so each
      source item appears once per `len(dataset)` draws before any appears again.

    Unlike Burn, whose sampler draws a new index on every `get` call, the draws are fixed at
    construction from `numpy.random.default_rng(seed)`: `get(i)` always returns the same item.
    That makes a seeded run reproducible and keeps multi-threaded loading identical to
    single-threaded loading. To draw a new sample each epoch, build a new `SamplerDataset` with a
    seed derived from the epoch.
    """

    def __init__(self, dataset: Dataset[I], size: int, with_replacement: bool = True,
                 seed: int | None = None) -> None:
        size = check_int("SamplerDataset", "size", size, 0)
        source = dataset.len()
        if source == 0 and size > 0:
            raise ValueError(
                f"SamplerDataset: dataset must hold at least 1 item to draw size={size} items "
                "(expected len(dataset) >= 1), got len(dataset) = 0"
            )
        self.dataset = dataset
        self.size = size
        self.with_replacement = bool(with_replacement)
        self.seed = check_seed("SamplerDataset", seed)
        rng = np.random.default_rng(self.seed)
        if size == 0:
            self._indices = np.zeros(0, dtype=np.int64)
        elif self.with_replacement:
            self._indices = rng.integers(0, source, size=size, dtype=np.int64)
        else:
            cycles = -(-size // source)
            self._indices = np.concatenate(
                [rng.permutation(source) for _ in range(cycles)]
            )[:size]

    def get(self, index: int) -> I | None:
        if 0 <= index < self.size:
            return self.dataset.get(int(self._indices[index]))
        return None

    def len(self) -> int:
        return self.size
