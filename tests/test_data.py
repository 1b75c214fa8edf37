"""Tests for pyburn.data: datasets, lazy transforms, batchers and the data loader."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from typing import Any

import numpy as np
import pytest

from pyburn.data import (
    ComposedDataset,
    DataLoader,
    DataLoaderBuilder,
    Dataset,
    DatasetBase,
    InMemDataset,
    MapperDataset,
    PartialDataset,
    Progress,
    SamplerDataset,
    ShuffledDataset,
)


def items(dataset: Dataset[Any]) -> list[Any]:
    """Every item of a dataset through the raw protocol (get/len), not through iteration."""
    return [dataset.get(i) for i in range(dataset.len())]


class ListBatcher:
    """A Burn-style batcher that keeps items as they are, and records the device it was given."""

    def __init__(self) -> None:
        self.devices: list[Any] = []
        self.threads: set[str] = set()
        self._lock = threading.Lock()

    def batch(self, items: list[int], device: Any) -> list[int]:
        with self._lock:
            self.devices.append(device)
            self.threads.add(threading.current_thread().name)
        return list(items)


class Squares(DatasetBase[int]):
    """A user dataset that implements only Burn's two methods."""

    def __init__(self, n: int) -> None:
        self.n = n

    def get(self, index: int) -> int | None:
        return index * index if 0 <= index < self.n else None

    def len(self) -> int:
        return self.n


class PlainDataset:
    """Not a subclass of anything: only has get/len, like a Burn trait implementation."""

    def get(self, index: int) -> str | None:
        return "abc"[index] if 0 <= index < 3 else None

    def len(self) -> int:
        return 3


# --------------------------------------------------------------------------- Dataset / DatasetBase


def test_in_mem_dataset_get_len_and_out_of_range() -> None:
    ds = InMemDataset([10, 20, 30])
    assert ds.len() == 3
    assert len(ds) == 3
    assert [ds.get(0), ds.get(1), ds.get(2)] == [10, 20, 30]
    assert ds.get(3) is None
    assert ds.get(-1) is None  # Burn's get takes a usize: negative is out of range
    assert not ds.is_empty()
    assert InMemDataset([]).is_empty()


def test_in_mem_dataset_copies_its_input() -> None:
    source = [1, 2]
    ds = InMemDataset(source)
    source.append(3)
    assert ds.len() == 2
    assert list(ds) == [1, 2]


def test_python_protocols_on_dataset_base() -> None:
    ds = Squares(5)
    assert list(ds) == [0, 1, 4, 9, 16]
    assert list(ds.iter()) == [0, 1, 4, 9, 16]
    assert ds[0] == 0
    assert ds[4] == 16
    assert ds[-1] == 16
    assert ds[-5] == 0
    with pytest.raises(IndexError, match=r"Squares index out of range: expected -5 <= index < 5, got 5"):
        ds[5]
    with pytest.raises(IndexError, match=r"got -6"):
        ds[-6]
    assert repr(ds) == "Squares(len=5)"


def test_dataset_base_requires_get_and_len() -> None:
    class Incomplete(DatasetBase[int]):
        def len(self) -> int:
            return 0

    with pytest.raises(TypeError):
        Incomplete()  # type: ignore[abstract]


def test_get_returning_none_in_range_is_an_error_when_indexing() -> None:
    class Holey(DatasetBase[int]):
        def get(self, index: int) -> int | None:
            return None if index == 1 else index

        def len(self) -> int:
            return 3

    with pytest.raises(IndexError, match=r"Holey.get\(1\) returned None although len\(\) is 3"):
        list(Holey())


def test_plain_object_satisfies_the_protocol_and_is_accepted_by_transforms() -> None:
    plain = PlainDataset()
    assert isinstance(plain, Dataset)
    assert not isinstance([1, 2], Dataset)
    assert list(MapperDataset(plain, str.upper)) == ["A", "B", "C"]
    assert list(PartialDataset(plain, 1, 3)) == ["b", "c"]


def test_in_mem_from_dataset_materializes_a_lazy_dataset() -> None:
    calls: list[int] = []

    def double(x: int) -> int:
        calls.append(x)
        return 2 * x

    lazy = MapperDataset(InMemDataset([1, 2, 3]), double)
    stored = InMemDataset.from_dataset(lazy)
    assert calls == [1, 2, 3]
    assert list(stored) == [2, 4, 6]
    assert list(stored) == [2, 4, 6]
    assert calls == [1, 2, 3]  # reading the stored copy does not run the mapper again


# --------------------------------------------------------------------------- ShuffledDataset


def test_shuffled_dataset_is_the_seeded_numpy_permutation() -> None:
    base = InMemDataset(list(range(100, 120)))
    shuffled = ShuffledDataset(base, seed=7)
    expected = [100 + int(i) for i in np.random.default_rng(7).permutation(20)]
    assert items(shuffled) == expected
    assert shuffled.len() == 20
    assert sorted(items(shuffled)) == list(range(100, 120))
    assert items(shuffled) != list(range(100, 120))
    assert shuffled.get(20) is None
    assert shuffled.get(-1) is None


def test_shuffled_dataset_reproducible_per_seed_and_different_across_seeds() -> None:
    base = InMemDataset(list(range(50)))
    assert items(ShuffledDataset(base, 3)) == items(ShuffledDataset(base, 3))
    assert items(ShuffledDataset(base, 3)) != items(ShuffledDataset(base, 4))
    unseeded = ShuffledDataset(base)
    assert sorted(items(unseeded)) == list(range(50))


def test_shuffled_dataset_rejects_negative_seed() -> None:
    with pytest.raises(ValueError, match=r"ShuffledDataset: seed must satisfy seed >= 0 \(or None\), got -1"):
        ShuffledDataset(InMemDataset([1]), -1)


# --------------------------------------------------------------------------- PartialDataset


def test_partial_dataset_is_a_view_of_the_range() -> None:
    base = InMemDataset(list("abcdefghij"))
    part = PartialDataset(base, 3, 7)
    assert part.len() == 4
    assert items(part) == ["d", "e", "f", "g"]
    assert part.get(4) is None
    assert part.get(-1) is None
    assert items(PartialDataset(base, 0, 10)) == list("abcdefghij")
    assert PartialDataset(base, 5, 5).len() == 0
    assert PartialDataset(base, 10, 10).get(0) is None


def test_partial_dataset_after_shuffle_gives_disjoint_reproducible_splits() -> None:
    base = InMemDataset(list(range(10)))
    shuffled = ShuffledDataset(base, 42)
    train = PartialDataset(shuffled, 0, 8)
    test = PartialDataset(shuffled, 8, 10)
    order = [int(i) for i in np.random.default_rng(42).permutation(10)]
    assert items(train) == order[:8]
    assert items(test) == order[8:]
    assert sorted(items(train) + items(test)) == list(range(10))


def test_partial_dataset_split_like_burn() -> None:
    base = InMemDataset(list(range(27)))
    parts = PartialDataset.split(base, 4)
    assert [p.len() for p in parts] == [6, 6, 6, 9]
    assert [(p.start, p.end) for p in parts] == [(0, 6), (6, 12), (12, 18), (18, 27)]
    assert sum((items(p) for p in parts), []) == list(range(27))
    assert [items(p) for p in PartialDataset.split(base, 1)] == [list(range(27))]
    # More parts than items: Burn's rule leaves the first parts empty.
    assert [p.len() for p in PartialDataset.split(InMemDataset([1, 2]), 3)] == [0, 0, 2]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (0, 11, r"PartialDataset: end must satisfy 0 <= end <= len\(dataset\) \(= 10\), got 11"),
        (0, -1, r"PartialDataset: end must satisfy 0 <= end <= len\(dataset\) \(= 10\), got -1"),
        (6, 5, r"PartialDataset: start must satisfy 0 <= start <= end \(= 5\), got 6"),
        (-2, 5, r"PartialDataset: start must satisfy 0 <= start <= end \(= 5\), got -2"),
    ],
)
def test_partial_dataset_range_errors(start: int, end: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDataset(InMemDataset(list(range(10))), start, end)


def test_partial_dataset_split_errors_and_type_errors() -> None:
    with pytest.raises(ValueError, match=r"PartialDataset.split: num must satisfy 1 <= num, got 0"):
        PartialDataset.split(InMemDataset([1]), 0)
    with pytest.raises(TypeError, match=r"PartialDataset: start must be an int, got float 1.5"):
        PartialDataset(InMemDataset([1, 2, 3]), 1.5, 2)  # type: ignore[arg-type]
    # numpy integers are accepted as indices
    assert items(PartialDataset(InMemDataset([1, 2, 3]), np.int64(1), np.int32(3))) == [2, 3]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- MapperDataset


def test_mapper_dataset_with_function_and_with_mapper_object() -> None:
    base = InMemDataset([1, 2, 3])

    class Affine:
        def __init__(self, scale: float, shift: float) -> None:
            self.scale, self.shift = scale, shift

        def map(self, item: int) -> float:
            return item * self.scale + self.shift

    assert items(MapperDataset(base, lambda x: x * 10)) == [10, 20, 30]
    assert items(MapperDataset(base, Affine(0.5, 1.0))) == [1.5, 2.0, 2.5]
    mapped = MapperDataset(base, str)
    assert mapped.len() == 3
    assert mapped.get(3) is None
    assert list(mapped) == ["1", "2", "3"]


def test_mapper_dataset_is_lazy() -> None:
    calls: list[int] = []

    def record(x: int) -> int:
        calls.append(x)
        return x

    mapped = MapperDataset(InMemDataset([5, 6, 7]), record)
    assert calls == []
    assert mapped.get(2) == 7
    assert calls == [7]


def test_mapper_dataset_rejects_non_callable() -> None:
    with pytest.raises(TypeError, match=r"MapperDataset: mapper must be a callable or an object with a map\(item\) method, got int"):
        MapperDataset(InMemDataset([1]), 3)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- ComposedDataset


def test_composed_dataset_concatenates_in_order() -> None:
    composed = ComposedDataset([InMemDataset([1, 2]), InMemDataset([]), InMemDataset([3]), Squares(3)])
    assert composed.len() == 6
    assert items(composed) == [1, 2, 3, 0, 1, 4]
    assert composed.get(6) is None
    assert composed.get(-1) is None
    assert list(ComposedDataset(iter([InMemDataset(["x"])]))) == ["x"]


def test_composed_dataset_rejects_empty_list() -> None:
    with pytest.raises(ValueError, match=r"ComposedDataset: datasets must hold at least 1 dataset \(expected len\(datasets\) >= 1\), got 0"):
        ComposedDataset([])


# --------------------------------------------------------------------------- SamplerDataset


def test_sampler_with_replacement_is_seeded_uniform_draws() -> None:
    base = InMemDataset([f"item{i}" for i in range(10)])
    sampler = SamplerDataset(base, 25, seed=3)
    draws = np.random.default_rng(3).integers(0, 10, size=25)
    assert sampler.len() == 25
    assert sampler.with_replacement
    assert items(sampler) == [f"item{i}" for i in draws]
    assert sampler.get(25) is None
    assert items(sampler) == items(sampler)  # get(i) is stable
    assert items(SamplerDataset(base, 25, seed=3)) == items(sampler)
    assert items(SamplerDataset(base, 25, seed=4)) != items(sampler)


def test_sampler_with_replacement_can_repeat_and_skip() -> None:
    sampler = SamplerDataset(InMemDataset(list(range(10))), 10, seed=0)
    counts = Counter(items(sampler))
    assert sum(counts.values()) == 10
    assert max(counts.values()) > 1  # with these draws some item comes twice...
    assert len(counts) < 10  # ...so another one is missing


def test_sampler_without_replacement_cycles_through_permutations() -> None:
    base = InMemDataset(list(range(10)))
    sampler = SamplerDataset(base, 25, with_replacement=False, seed=1)
    drawn = items(sampler)
    rng = np.random.default_rng(1)
    expected = [int(i) for _ in range(3) for i in rng.permutation(10)][:25]
    assert drawn == expected
    assert sorted(drawn[:10]) == list(range(10))
    assert sorted(drawn[10:20]) == list(range(10))
    assert len(set(drawn[20:])) == 5
    assert max(Counter(drawn).values()) == 3
    smaller = SamplerDataset(base, 4, with_replacement=False, seed=1)
    assert len(set(items(smaller))) == 4


def test_sampler_edge_sizes_and_errors() -> None:
    assert SamplerDataset(InMemDataset([]), 0).len() == 0
    assert items(SamplerDataset(InMemDataset([9]), 3, seed=0)) == [9, 9, 9]
    with pytest.raises(ValueError, match=r"SamplerDataset: size must satisfy 0 <= size, got -1"):
        SamplerDataset(InMemDataset([1]), -1)
    with pytest.raises(ValueError, match=r"SamplerDataset: dataset must hold at least 1 item to draw size=2 items \(expected len\(dataset\) >= 1\), got len\(dataset\) = 0"):
        SamplerDataset(InMemDataset([]), 2)
    with pytest.raises(ValueError, match=r"SamplerDataset: seed must satisfy seed >= 0 \(or None\), got -5"):
        SamplerDataset(InMemDataset([1]), 1, seed=-5)


def test_transforms_compose() -> None:
    # Burn Book style pipeline: merge sources, shuffle once, split, then map lazily.
    merged = ComposedDataset([InMemDataset(list(range(6))), InMemDataset(list(range(100, 104)))])
    shuffled = ShuffledDataset(merged, 0)
    train, valid = PartialDataset(shuffled, 0, 8), PartialDataset(shuffled, 8, 10)
    train_neg = MapperDataset(train, lambda x: -x)
    all_items = list(range(6)) + list(range(100, 104))
    order = [all_items[int(i)] for i in np.random.default_rng(0).permutation(10)]
    assert items(train_neg) == [-x for x in order[:8]]
    assert items(valid) == order[8:]


# --------------------------------------------------------------------------- DataLoader


def test_loader_batches_in_order_and_keeps_last_partial_batch() -> None:
    batcher = ListBatcher()
    loader = DataLoaderBuilder(batcher).batch_size(4).build(InMemDataset(list(range(10))))
    assert isinstance(loader, DataLoader)
    assert loader.num_items() == 10
    assert loader.len() == 3
    assert len(loader) == 3
    assert list(loader) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert list(loader) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]  # no shuffle: same every epoch


@pytest.mark.parametrize(("n", "batch_size", "lengths"), [(8, 4, [4, 4]), (9, 4, [4, 4, 1]), (3, 5, [3]), (0, 2, [])])
def test_loader_batch_lengths(n: int, batch_size: int, lengths: list[int]) -> None:
    loader = DataLoaderBuilder(ListBatcher()).batch_size(batch_size).build(InMemDataset(list(range(n))))
    assert len(loader) == len(lengths)
    assert [len(b) for b in loader] == lengths


def test_loader_default_batch_size_is_one() -> None:
    loader = DataLoaderBuilder(ListBatcher()).build(InMemDataset([7, 8]))
    assert list(loader) == [[7], [8]]


def test_loader_shuffle_covers_every_item_once_and_reshuffles_each_epoch() -> None:
    dataset = InMemDataset(list(range(23)))
    loader = DataLoaderBuilder(ListBatcher()).batch_size(5).shuffle(42).build(dataset)
    epochs = [list(loader) for _ in range(3)]
    for epoch, batches in enumerate(epochs):
        assert [len(b) for b in batches] == [5, 5, 5, 5, 3]
        flat = [x for b in batches for x in b]
        assert sorted(flat) == list(range(23))
        assert flat == [int(i) for i in np.random.default_rng([42, epoch]).permutation(23)]
    flat_epochs = [[x for b in batches for x in b] for batches in epochs]
    assert flat_epochs[0] != flat_epochs[1]
    assert flat_epochs[1] != flat_epochs[2]
    assert flat_epochs[0] != list(range(23))


def test_loader_epochs_are_reproducible_across_runs_and_depend_on_seed() -> None:
    def run(seed: int) -> list[list[list[int]]]:
        loader = DataLoaderBuilder(ListBatcher()).batch_size(4).shuffle(seed).build(InMemDataset(list(range(17))))
        return [list(loader) for _ in range(3)]

    assert run(7) == run(7)
    assert run(7) != run(8)


def test_loader_set_epoch_replays_an_epoch() -> None:
    loader = DataLoaderBuilder(ListBatcher()).batch_size(3).shuffle(1).build(InMemDataset(list(range(10))))
    assert loader.epoch == 0
    first, second = list(loader), list(loader)
    assert loader.epoch == 2
    loader.set_epoch(1)
    assert list(loader) == second
    loader.set_epoch(0)
    assert list(loader) == first
    assert loader.batch_indices(0) == first
    with pytest.raises(ValueError, match=r"DataLoader.set_epoch: epoch must satisfy 0 <= epoch, got -1"):
        loader.set_epoch(-1)


class SlowRandomBatcher:
    """Sleeps a random time per batch so that worker threads finish out of order."""

    def __init__(self) -> None:
        self.rng = random.Random(0)
        self.lock = threading.Lock()
        self.threads: set[str] = set()

    def batch(self, items: list[int], device: Any) -> tuple[tuple[int, ...], Any]:
        with self.lock:
            delay = self.rng.uniform(0.0, 0.003)
            self.threads.add(threading.current_thread().name)
        time.sleep(delay)
        return tuple(items), device


@pytest.mark.parametrize("num_workers", [1, 2, 4, 8])
def test_workers_give_the_same_batches_as_one_thread(num_workers: int) -> None:
    dataset = MapperDataset(InMemDataset(list(range(50))), lambda x: x * 3)

    def run(workers: int) -> tuple[list[list[tuple[tuple[int, ...], Any]]], set[str]]:
        batcher = SlowRandomBatcher()
        loader = (
            DataLoaderBuilder(batcher).batch_size(6).shuffle(5).num_workers(workers)
            .set_device("cpu:0").build(dataset)
        )
        return [list(loader) for _ in range(3)], batcher.threads

    reference, main_threads = run(0)
    threaded, worker_threads = run(num_workers)
    assert threaded == reference
    assert main_threads == {threading.current_thread().name}
    assert worker_threads and all(name.startswith("pyburn-data") for name in worker_threads)
    assert [len(batch) for batch, _ in reference[0]] == [6] * 8 + [2]
    assert {device for epoch in reference for _, device in epoch} == {"cpu:0"}
    assert sorted(x for batch, _ in reference[0] for x in batch) == [3 * i for i in range(50)]


def test_worker_exception_propagates_in_order() -> None:
    def failing(items: list[int], device: Any) -> list[int]:
        if 8 in items:
            raise RuntimeError("bad item 8")
        return items

    loader = DataLoaderBuilder(failing).batch_size(4).num_workers(3).build(InMemDataset(list(range(16))))
    iterator = iter(loader)
    assert next(iterator) == [0, 1, 2, 3]
    assert next(iterator) == [4, 5, 6, 7]
    with pytest.raises(RuntimeError, match="bad item 8"):
        next(iterator)


def test_stopping_early_does_not_disturb_the_next_epoch() -> None:
    loader = DataLoaderBuilder(ListBatcher()).batch_size(2).shuffle(3).num_workers(2).build(InMemDataset(list(range(20))))
    for batch in loader:
        break
    iterator = iter(loader)
    next(iterator)
    iterator.close()
    with pytest.raises(StopIteration):
        next(iterator)
    third = list(loader)
    assert third == loader.batch_indices(2)
    assert sorted(x for b in third for x in b) == list(range(20))


def test_progress_counts_items() -> None:
    loader = DataLoaderBuilder(ListBatcher()).batch_size(4).build(InMemDataset(list(range(10))))
    iterator = loader.iter()
    assert iterator.progress() == Progress(items_processed=0, items_total=10)
    next(iterator)
    assert iterator.progress() == Progress(4, 10)
    next(iterator)
    next(iterator)
    assert iterator.progress() == Progress(10, 10)


def test_device_is_passed_through_to_the_batcher() -> None:
    batcher = ListBatcher()
    device = object()
    loader = DataLoaderBuilder(batcher).batch_size(5).set_device(device).build(InMemDataset(list(range(10))))
    list(loader)
    assert batcher.devices == [device, device]
    loader.set_device("cuda:1")
    list(loader)
    assert batcher.devices == [device, device, "cuda:1", "cuda:1"]
    unset = ListBatcher()
    list(DataLoaderBuilder(unset).build(InMemDataset([1])))
    assert unset.devices == [None]


def test_plain_function_as_batcher() -> None:
    def stack(items: list[tuple[float, int]], device: Any) -> tuple[np.ndarray, np.ndarray]:
        xs = np.array([x for x, _ in items])
        ys = np.array([y for _, y in items])
        return xs, ys

    dataset = InMemDataset([(0.5, 1), (1.5, 0), (2.5, 1)])
    batches = list(DataLoaderBuilder(stack).batch_size(2).build(dataset))
    assert len(batches) == 2
    np.testing.assert_array_equal(batches[0][0], [0.5, 1.5])
    np.testing.assert_array_equal(batches[0][1], [1, 0])
    np.testing.assert_array_equal(batches[1][0], [2.5])


def test_builder_is_chainable_and_reusable() -> None:
    builder = DataLoaderBuilder(ListBatcher())
    assert builder.batch_size(2) is builder
    assert builder.shuffle(1) is builder
    assert builder.num_workers(2) is builder
    assert builder.set_device("cpu") is builder
    train = builder.build(InMemDataset(list(range(6))))
    valid = builder.build(InMemDataset(list(range(3))))
    assert (train.batch_size, train.shuffle_seed, train.num_workers, train.device) == (2, 1, 2, "cpu")
    assert len(train) == 3
    assert len(valid) == 2
    assert repr(train) == "DataLoader(num_items=6, batch_size=2, shuffle_seed=1, num_workers=2)"


def test_loader_reports_dataset_returning_none_in_range() -> None:
    class Broken(DatasetBase[int]):
        def get(self, index: int) -> int | None:
            return None

        def len(self) -> int:
            return 2

    loader = DataLoaderBuilder(ListBatcher()).build(Broken())
    with pytest.raises(IndexError, match=r"DataLoader: Broken.get\(0\) returned None although len\(\) is 2"):
        list(loader)


@pytest.mark.parametrize("bad", [0, -3])
def test_batch_size_must_be_positive(bad: int) -> None:
    with pytest.raises(ValueError, match=rf"DataLoaderBuilder.batch_size: batch_size must satisfy 1 <= batch_size, got {bad}"):
        DataLoaderBuilder(ListBatcher()).batch_size(bad)
    with pytest.raises(ValueError, match=rf"DataLoader: batch_size must satisfy 1 <= batch_size, got {bad}"):
        DataLoader(InMemDataset([1]), ListBatcher(), batch_size=bad)


def test_builder_argument_errors() -> None:
    builder = DataLoaderBuilder(ListBatcher())
    with pytest.raises(ValueError, match=r"DataLoaderBuilder.num_workers: num_workers must satisfy 0 <= num_workers, got -1"):
        builder.num_workers(-1)
    with pytest.raises(ValueError, match=r"DataLoaderBuilder.shuffle: seed must satisfy seed >= 0 \(or None\), got -2"):
        builder.shuffle(-2)
    with pytest.raises(TypeError, match=r"DataLoaderBuilder.batch_size: batch_size must be an int, got float 2.0"):
        builder.batch_size(2.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"batch_size must be an int, got bool True"):
        builder.batch_size(True)
    with pytest.raises(TypeError, match=r"DataLoaderBuilder: batcher must have a batch\(items, device\) method or be a callable"):
        DataLoaderBuilder(42)  # type: ignore[arg-type]
