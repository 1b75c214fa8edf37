"""Batches over a dataset, epoch after epoch (Burn's `DataLoaderBuilder` / `DataLoader`).

    loader = (DataLoaderBuilder(batcher).batch_size(64).shuffle(42).num_workers(4)
              .set_device(device).build(train_dataset))
    for epoch in range(num_epochs):
        for batch in loader:      # a new, reproducible order every epoch
            ...

Reproducibility is the design constraint: epoch `e` of a loader built with `shuffle(seed)` always
visits the items in the order `numpy.random.default_rng([seed, e]).permutation(n)`, whatever the
number of workers, because workers only decide *when* a batch is computed, never *what* it holds.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, Self, TypeVar

import numpy as np

from ._checks import check_int, check_seed
from .batcher import BatcherLike, batch_with
from .dataset import Dataset
from .sampler import DistributedSampler, ShardPolicy

__all__ = ["DataLoader", "DataLoaderBuilder", "DataLoaderIterator", "Progress"]

I = TypeVar("I")
O = TypeVar("O")

# Batches computed ahead of the consumer, per worker: enough to hide an uneven batch cost
# without holding a large part of the epoch in memory.
_PREFETCH_PER_WORKER = 2


@dataclass(frozen=True)
class Progress:
    """How far an iteration is through its epoch, in items (Burn's `Progress`)."""

    items_processed: int
    items_total: int


class DataLoaderBuilder(Generic[I, O]):
    """Configures a `DataLoader` step by step; every setter returns the builder for chaining.

    Defaults follow Burn: batch size 1, no shuffling, no worker thread, device `None`. The builder
    can `build` several loaders (e.g. train and validation) from the same settings.
    """

    def __init__(self, batcher: BatcherLike[I, O]) -> None:
        batch_with(batcher)  # fail here, where the batcher is given, rather than mid-epoch
        self._batcher = batcher
        self._batch_size = 1
        self._shuffle_seed: int | None = None
        self._num_workers = 0
        self._device: Any = None
        self._sampler: DistributedSampler | None = None

    def batch_size(self, batch_size: int) -> Self:
        """Items per batch; the last batch of an epoch holds the remainder (it is not dropped)."""
        self._batch_size = check_int("DataLoaderBuilder.batch_size", "batch_size", batch_size, 1)
        return self

    def shuffle(self, seed: int) -> Self:
        """Visit the items in a new random order each epoch, derived from `seed` and the epoch."""
        self._shuffle_seed = check_seed("DataLoaderBuilder.shuffle", seed)
        return self

    def num_workers(self, num_workers: int) -> Self:
        """Threads that read items and build batches ahead of the training loop.

        0 (the default) does all the work in the iterating thread. Threads suit the common case
        where `get` or `batch` spend their time in numpy, I/O or a backend, which release the GIL.
        Backend random generators are per thread: a batcher that draws with ``Tensor.random``
        follows the iterating thread's ``B.seed`` only with 0 workers (workers draw from their
        own unseeded generators; seed a NumPy generator per item for reproducible augmentation).
        """
        self._num_workers = check_int(
            "DataLoaderBuilder.num_workers", "num_workers", num_workers, 0
        )
        return self

    def set_device(self, device: Any) -> Self:
        """The device handed to `batcher.batch`; any value, the loader never looks inside it."""
        self._device = device
        return self

    def distributed(self, rank: int | None = None, world_size: int | None = None,
                    policy: ShardPolicy | str = ShardPolicy.Pad) -> Self:
        """Data-parallel sharding: this rank (default: the process's, `pyburn.distributed`)
        sees every `world_size`-th item of each epoch's order, so the ranks together cover the
        epoch once (see `DistributedSampler` for the `policy` when it does not divide evenly).
        Outside a process group this is a world of one: the loader is unchanged."""
        self._sampler = DistributedSampler(rank, world_size, policy)
        return self

    def build(self, dataset: Dataset[I]) -> DataLoader[I, O]:
        """A loader over `dataset` with the settings chosen so far."""
        return DataLoader(
            dataset,
            self._batcher,
            batch_size=self._batch_size,
            shuffle_seed=self._shuffle_seed,
            num_workers=self._num_workers,
            device=self._device,
            sampler=self._sampler,
        )


class DataLoaderIterator(Generic[O]):
    """One epoch's batches, in order, with `progress()` for progress bars and logs."""

    def __init__(self, batches: Iterator[O], batch_lengths: list[int], items_total: int) -> None:
        self._batches = batches
        self._lengths = batch_lengths
        self._done = 0
        self._items_processed = 0
        self._items_total = items_total

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> O:
        batch = next(self._batches)
        self._items_processed += self._lengths[self._done]
        self._done += 1
        return batch

    def progress(self) -> Progress:
        """Items in the batches returned so far, out of the epoch's total."""
        return Progress(self._items_processed, self._items_total)

    def close(self) -> None:
        """Stop early: cancel batches not yet started and wait for the running ones."""
        close = getattr(self._batches, "close", None)
        if close is not None:
            close()


class DataLoader(Generic[I, O]):
    """Iterates over a dataset in batches; each `for` loop over it is one epoch.

    Each iteration takes the next epoch number (0, 1, 2, ...). With a shuffle seed the epoch's
    order is `default_rng([seed, epoch]).permutation(num_items)`, so epochs differ from each other
    yet a fresh loader built the same way replays exactly the same sequence of epochs.
    """

    def __init__(
        self,
        dataset: Dataset[I],
        batcher: BatcherLike[I, O],
        batch_size: int = 1,
        shuffle_seed: int | None = None,
        num_workers: int = 0,
        device: Any = None,
        sampler: DistributedSampler | None = None,
    ) -> None:
        self.dataset = dataset
        self.batcher = batcher
        self._batch: Callable[[list[I], Any], O] = batch_with(batcher)
        self.batch_size = check_int("DataLoader", "batch_size", batch_size, 1)
        self.shuffle_seed = check_seed("DataLoader", shuffle_seed)
        self.num_workers = check_int("DataLoader", "num_workers", num_workers, 0)
        self.device: Any = device
        if sampler is not None and not isinstance(sampler, DistributedSampler):
            raise TypeError(f"DataLoader: sampler must be a DistributedSampler, got "
                            f"{type(sampler).__name__}")
        self.sampler = sampler
        self._next_epoch = 0

    def num_items(self) -> int:
        """Items per epoch (Burn's `num_items`); with a sampler, this rank's share."""
        if self.sampler is not None:
            return self.sampler.num_items(self.dataset.len())
        return self.dataset.len()

    def len(self) -> int:
        """Batches per epoch, counting the last partial batch."""
        return -(-self.num_items() // self.batch_size)

    def __len__(self) -> int:
        return self.len()

    def set_device(self, device: Any) -> None:
        """The device passed to `batcher.batch` from the next iteration on."""
        self.device = device

    @property
    def epoch(self) -> int:
        """The epoch number the next iteration will use."""
        return self._next_epoch

    def set_epoch(self, epoch: int) -> None:
        """Make the next iteration epoch `epoch`, e.g. to resume a run from a checkpoint."""
        self._next_epoch = check_int("DataLoader.set_epoch", "epoch", epoch, 0)

    def batch_indices(self, epoch: int) -> list[list[int]]:
        """The dataset indices of each batch of `epoch`, without reading any item."""
        epoch = check_int("DataLoader.batch_indices", "epoch", epoch, 0)
        size = self.dataset.len()
        if self.shuffle_seed is None:
            order = np.arange(size)
        else:
            order = np.random.default_rng([self.shuffle_seed, epoch]).permutation(size)
        flat: list[int] = order.tolist()
        if self.sampler is not None:
            flat = self.sampler.shard(flat)
            size = len(flat)
        return [flat[start:start + self.batch_size] for start in range(0, size, self.batch_size)]

    def iter(self) -> DataLoaderIterator[O]:
        """Burn's `dataloader.iter()`; the same as `iter(loader)`."""
        return iter(self)

    def __iter__(self) -> DataLoaderIterator[O]:
        epoch = self._next_epoch
        self._next_epoch = epoch + 1
        chunks = self.batch_indices(epoch)
        batches = self._run(chunks, self.device)
        return DataLoaderIterator(batches, [len(chunk) for chunk in chunks], self.num_items())

    def __repr__(self) -> str:
        return (
            f"DataLoader(num_items={self.num_items()}, batch_size={self.batch_size}, "
            f"shuffle_seed={self.shuffle_seed}, num_workers={self.num_workers}"
            + (f", sampler={self.sampler!r})" if self.sampler is not None else ")")
        )

    def _make_batch(self, indices: list[int], device: Any) -> O:
        items: list[I] = []
        for index in indices:
            item = self.dataset.get(index)
            if item is None:
                raise IndexError(
                    f"DataLoader: {type(self.dataset).__name__}.get({index}) returned None "
                    f"although len() is {self.dataset.len()}"
                )
            items.append(item)
        return self._batch(items, device)

    def _run(self, chunks: list[list[int]], device: Any) -> Iterator[O]:
        if self.num_workers == 0:
            for chunk in chunks:
                yield self._make_batch(chunk, device)
            return
        # Futures are consumed in submission order, so the batch sequence is the single-threaded
        # one; the bounded window keeps memory flat however long the epoch is.
        executor = ThreadPoolExecutor(self.num_workers, thread_name_prefix="pyburn-data")
        pending: deque[Future[O]] = deque()
        todo = iter(chunks)
        try:
            for chunk in itertools.islice(todo, self.num_workers * _PREFETCH_PER_WORKER):
                pending.append(executor.submit(self._make_batch, chunk, device))
            while pending:
                future = pending.popleft()
                for chunk in itertools.islice(todo, 1):
                    pending.append(executor.submit(self._make_batch, chunk, device))
                yield future.result()
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
