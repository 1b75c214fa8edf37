"""Seeded runs are reproducible per thread: ``B.seed(s)`` seeds the calling thread's generators,
so two threads that each seed and then build, run and train draw bit for bit what each draws
alone. The workload covers every place a program draws: lazily initialized parameters (Linear,
Lstm), random tensors, Dropout masks (Autodiff) and seeded DataLoaders (a batcher that draws,
run by the iterating thread; a shuffle with worker threads).
The threads run in lockstep (a barrier between stages), so with a process-wide generator their
draws would interleave on every run, not only on unlucky ones. Runs on every backend row."""

from __future__ import annotations

import threading
from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Distribution, Tensor
from pyburn.data import DataLoaderBuilder, InMemDataset
from pyburn.nn import DropoutConfig, Initializer, LinearConfig, LstmConfig


def workload(case: Any, seed: int, sync: Callable[[], Any]) -> list[np.ndarray]:
    """Everything a small training program draws, in order, with `sync()` between stages."""
    B, device = case.B, case.device
    AD = case.ad
    out: list[np.ndarray] = []
    B.seed(seed)
    sync()
    linear = LinearConfig(6, 5).with_initializer(Initializer.KaimingUniform(1.0)).init(device)
    lstm = LstmConfig(5, 4, True).init(device)  # lazy: drawn at the first forward below
    sync()
    x = Tensor[B].random([3, 2, 6], Distribution.Normal(0.0, 1.0), device)
    sync()
    hidden, _ = lstm.forward(linear.forward(x))
    out += [x.to_numpy(), hidden.to_numpy()]
    sync()
    dropout = DropoutConfig(0.5).init()
    for _ in range(3):
        active = Tensor[AD.B].ones([4, 8], AD.device)
        out.append(dropout.forward(active).to_numpy())
        sync()
    # A batcher run by the iterating thread (no workers) draws from that thread's seeded
    # stream; one run by a worker thread draws from the worker's own generator, so only the
    # loader's own (seeded) shuffling is compared there. See docs/tensor.md.
    def augment(items: list[int], dev: Any) -> Any:
        return (Tensor[B].from_data(np.array(items, dtype=np.float64), dev)
                + Tensor[B].random([len(items)], device=dev))

    def stack(items: list[int], dev: Any) -> Any:
        return Tensor[B].from_data(np.array(items, dtype=np.float64), dev)

    for batcher, workers in ((augment, 0), (stack, 2)):
        loader = (DataLoaderBuilder(batcher).batch_size(3).shuffle(seed).num_workers(workers)
                  .set_device(device).build(InMemDataset(list(range(10)))))
        for batch in loader:
            out.append(batch.to_numpy())
            sync()
    out.append(Tensor[B].random([5], Distribution.Uniform(-1.0, 1.0), device).to_numpy())
    return out


def run_threads(targets: list[Callable[[], Any]]) -> list[Any]:
    """Run `targets` at once, each in its own thread; their results, or the first error."""
    results: list[Any] = [None] * len(targets)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            results[i] = targets[i]()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(targets))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    if errors:
        raise errors[0]
    return results


def assert_same(got: list[np.ndarray], expected: list[np.ndarray], what: str) -> None:
    assert len(got) == len(expected), what
    for i, (a, b) in enumerate(zip(got, expected)):
        np.testing.assert_array_equal(a, b, err_msg=f"{what}: draw {i}")


def test_two_seeded_threads_draw_what_each_draws_alone(backend: Any) -> None:
    solo = {s: workload(backend, s, lambda: None) for s in (11, 22)}
    assert not np.array_equal(solo[11][0], solo[22][0])   # the seeds matter
    assert_same(workload(backend, 11, lambda: None), solo[11], "solo run repeated")
    for _ in range(2):
        barrier = threading.Barrier(2, timeout=60)
        got = run_threads([lambda s=s: workload(backend, s, barrier.wait) for s in (11, 22)])
        assert_same(got[0], solo[11], "seed 11 next to seed 22")
        assert_same(got[1], solo[22], "seed 22 next to seed 11")


def test_a_thread_that_never_seeded_leaves_the_seeded_stream_alone(backend: Any) -> None:
    """A thread that draws without seeding has its own fresh generator: it neither consumes
    the seeded thread's numbers nor replays them."""
    B, device = backend.B, backend.device

    def draws() -> np.ndarray:
        return Tensor[B].random([64], device=device).to_numpy()

    B.seed(3)
    expected = [draws(), draws()]
    B.seed(3)
    first = draws()
    unseeded = run_threads([lambda: [draws() for _ in range(5)], draws])
    second = draws()
    assert_same([first, second], expected, "seeded main thread around unseeded threads")
    assert not any(np.array_equal(a, b) for a in unseeded[0] for b in expected)
    assert not np.array_equal(unseeded[1], unseeded[0][0])  # each thread its own generator


def test_seeding_another_thread_does_not_reseed_this_one(backend: Any) -> None:
    B, device = backend.B, backend.device
    B.seed(9)
    expected_other = Tensor[B].random([16], device=device).to_numpy()
    B.seed(4)
    expected = [Tensor[B].random([16], device=device).to_numpy() for _ in range(2)]
    B.seed(4)
    first = Tensor[B].random([16], device=device).to_numpy()
    other = run_threads([lambda: (B.seed(9), Tensor[B].random([16], device=device))[1]])[0]
    second = Tensor[B].random([16], device=device).to_numpy()
    assert_same([first, second], expected, "main thread while another thread seeds")
    np.testing.assert_array_equal(other.to_numpy(), expected_other)  # its own seeded stream


def test_a_lazy_parameter_is_drawn_by_the_thread_that_first_uses_it(backend: Any) -> None:
    """The documented rule for a model built in one thread and run in another."""
    B, device = backend.B, backend.device
    B.seed(5)
    expected = LinearConfig(4, 3).init(device).weight.val().to_numpy()
    B.seed(1)
    lazy = LinearConfig(4, 3).init(device)          # built here, nothing drawn yet

    def first_use() -> np.ndarray:
        B.seed(5)
        return lazy.weight.val().to_numpy()

    np.testing.assert_array_equal(run_threads([first_use])[0], expected)


@pytest.mark.parametrize("bad", [-1, 1.5, True, "0"])
def test_seed_must_be_a_non_negative_int(backend: Any, bad: Any) -> None:
    with pytest.raises(ValueError, match=rf"\.seed: expected a seed that is an integer >= 0, "
                                         rf"got {bad!r}$"):
        backend.B.seed(bad)
    backend.B.seed(np.int64(7))  # any integer type
