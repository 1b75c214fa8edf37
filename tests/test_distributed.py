"""Data parallelism over torch.distributed (gloo, loopback): 2 and 3 processes end where one
process training on the concatenated batch ends, every rank holds the same parameters after
every step, bucketed == unbucketed all-reduce, shards cover each epoch once, the Learner (rank 0
writes, metrics reduced, resume), and a rank that dies or hangs fails the others within the
timeout.

The processes are this file run as a script (``python tests/test_distributed.py WORKER ...``),
joined over a file store in the test's temporary directory; every wait is bounded, so a hang
fails the test instead of the CI job.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.data import DataLoaderBuilder, DistributedSampler, InMemDataset, ShardPolicy
from pyburn.module import Module
from pyburn.nn import Linear, LinearConfig
from pyburn.optim import AdamConfig, GradientsParams
from pyburn.train import LearnerBuilder, RegressionOutput, TrainOutput
from pyburn.train.metric import LossMetric
from pyburn.train.renderer.none import NoneRenderer

ROOT = Path(__file__).resolve().parent.parent
N_ITEMS, GLOBAL_BATCH, STEPS_EPOCHS = 24, 6, 2     # 4 global steps per epoch, 2 epochs
WAIT_S = 45.0                                        # the bound on any group of processes


# --- the model and data every process builds the same way ----------------------------------

class Net(Module):
    hidden: Linear
    output: Linear

    def forward(self, x: Any) -> Any:
        return self.output.forward(self.hidden.forward(x).tanh())

    def step(self, batch: Any) -> TrainOutput[RegressionOutput]:
        x, y = batch
        out = self.forward(x)
        loss = ((out - y) ** 2).mean()
        return TrainOutput.new(self, loss.backward(), RegressionOutput(loss, out, y))

    def valid_step(self, batch: Any) -> RegressionOutput:
        x, y = batch
        out = self.forward(x)
        return RegressionOutput(((out - y) ** 2).mean(), out, y)


def net(B: Any, device: Any, seed: int) -> Net:
    B.seed(seed)
    model = Net(LinearConfig(4, 8).init(device), LinearConfig(8, 2).init(device))
    for param in model.params():
        param.val()          # draw the lazy parameters now, in one order on every path
    return model


def items(n: int = N_ITEMS, seed: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=4), rng.normal(size=2)) for _ in range(n)]


class PairBatcher:
    def __init__(self, B: Any) -> None:
        self.B = B

    def batch(self, pairs: list[Any], device: Any) -> Any:
        x = np.stack([p for p, _ in pairs])
        y = np.stack([t for _, t in pairs])
        return Tensor[self.B].from_data(x, device), Tensor[self.B].from_data(y, device)


def backend_of(row: str) -> tuple[Any, Any]:
    """The float64 Autodiff backend of a matrix row id, and its device."""
    from pyburn.backend import Autodiff, NumPy, Torch
    plain = NumPy if "numpy" in row else Torch
    B = Autodiff[plain.with_dtypes(float="float64")]
    return B, B.default_device()


def loader(B: Any, device: Any, batch: int, distributed: bool, policy: str = "pad") -> Any:
    builder = DataLoaderBuilder(PairBatcher(B)).batch_size(batch).shuffle(7).set_device(device)
    if distributed:
        builder = builder.distributed(policy=policy)
    return builder.build(InMemDataset(items()))


def flat_params(model: Any) -> dict[str, np.ndarray]:
    return {path: np.asarray(p.val().to_data().to_numpy(), dtype=np.float64)
            for path, p in model.named_params()}


# --- worker processes ----------------------------------------------------------------------

def _join(rank: int, world: int, store: str, timeout: float) -> None:
    import torch

    from pyburn import distributed
    torch.set_num_threads(1)
    distributed.init(rank=rank, world_size=world, init_method=Path(store).as_uri(),
                     timeout=timeout)


def _identical_everywhere(model: Any) -> bool:
    from pyburn import distributed
    values = np.concatenate([v.ravel() for v in flat_params(model).values()]).tolist()
    low = distributed.all_reduce_sum(values, op="min")
    high = distributed.all_reduce_sum(values, op="max")
    return low == values == high


def worker_loop(row: str, rank: int, world: int, store: str, out: str, die_at: int) -> None:
    """The custom loop: rank-specific init, broadcast, sharded loader, synced Adam steps."""
    from pyburn import distributed
    from pyburn.distributed import DistributedError, GradientSynchronizer
    _join(rank, world, store, 4.0 if die_at else 30.0)
    B, device = backend_of(row)
    model = distributed.broadcast_module(net(B, device, 100 + rank))  # rank 0's init wins
    train = loader(B, device, GLOBAL_BATCH // world, distributed=True)
    optim = AdamConfig().init()
    tiny, unbucketed, default = (GradientSynchronizer(1e-4), GradientSynchronizer(0),
                                 GradientSynchronizer())
    shards, step, report = [], 0, Path(out) / f"rank{rank}.json"
    try:
        for epoch in range(STEPS_EPOCHS):
            shards.append(train.batch_indices(epoch))
            for batch in train:
                step += 1
                if die_at and rank == 1 and step == die_at:
                    (Path(out) / "died.json").write_text(json.dumps({"at": time.time()}))
                    os.kill(os.getpid(), signal.SIGKILL)       # a rank dies mid-epoch
                grads = GradientsParams.from_grads(model.step(batch).grads, model)
                synced = [s.sync(grads, model) for s in (tiny, unbucketed, default)]
                for pid in grads.ids():
                    arrays = [g.get(pid).to_data().to_numpy() for g in synced]
                    assert all(np.array_equal(arrays[0], a) for a in arrays[1:]), "bucketing"
                model = optim.step(1e-2, model, synced[2])
                assert _identical_everywhere(model), f"ranks differ after step {step}"
    except DistributedError as exc:
        report.write_text(json.dumps({"error": str(exc), "at": time.time()}))
        return
    report.write_text(json.dumps({"shards": shards, "steps": step}))
    if rank == 0:
        np.savez(Path(out) / "params.npz", **flat_params(model))


def worker_learner(row: str, out: str) -> None:
    """The Learner, 2 epochs straight (dir a) and 1 epoch + resume (dir b); started by
    `pyburn.distributed.launch`, which has already joined the group."""
    from pyburn import distributed
    from pyburn.record import DoublePrecisionSettings, NamedMpkFileRecorder
    rank, world = distributed.rank(), distributed.world_size()
    B, device = backend_of(row)

    def fit(directory: Path, epochs: int, resume: int | None) -> Any:
        builder = (LearnerBuilder(directory).renderer(NoneRenderer())
                   .with_file_checkpointer(NamedMpkFileRecorder(DoublePrecisionSettings))
                   .metric_train_numeric(LossMetric()).metric_valid_numeric(LossMetric())
                   .devices([device] * world).data_parallel(1e-4).num_epochs(epochs).seed(3))
        if resume is not None:
            builder = builder.checkpoint(resume)
        learner = builder.build(net(B, device, 100 + rank), AdamConfig().init(), 1e-2)
        trained = learner.fit(loader(B, device, GLOBAL_BATCH // world, True),
                              loader(B.inner, device, 5, True, policy="uneven"))
        return trained, learner

    a, learner = fit(Path(out) / "a", 2, None)
    fit(Path(out) / "b", 1, None)
    b, _ = fit(Path(out) / "b", 2, 1)
    assert _identical_everywhere(a) and _identical_everywhere(b)
    if rank == 0:
        np.savez(Path(out) / "a.npz", **flat_params(a))
        np.savez(Path(out) / "b.npz", **flat_params(b))
        losses = {split.value: learner.store.epochs("Loss", split) for split in learner.metrics}
        (Path(out) / "losses.json").write_text(json.dumps(losses))


def worker_hang(rank: int, world: int, store: str, out: str) -> None:
    """Rank 1 stops answering after two collectives; the others must fail by the timeout."""
    from pyburn import distributed
    from pyburn.distributed import DistributedError
    _join(rank, world, store, 3.0)
    started = time.time()
    try:
        for i in range(1000):
            if rank == 1 and i == 2:
                time.sleep(WAIT_S)
                return
            distributed.all_reduce_sum([1.0])
    except DistributedError as exc:
        (Path(out) / f"rank{rank}.json").write_text(json.dumps(
            {"error": str(exc), "seconds": time.time() - started}))


# --- running workers from the tests --------------------------------------------------------

def run_workers(tmp_path: Path, world: int, *args: str, wait: float = WAIT_S,
                all_ranks: bool = True) -> list[subprocess.Popen[bytes]]:
    """Start `world` workers and wait for rank 0 (and, when it succeeds and `all_ranks`, for
    the others), killing whatever is still running after `wait` seconds."""
    store = str(tmp_path / "store")
    env = dict(os.environ, OMP_NUM_THREADS="1",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "backends"),
                                           os.environ.get("PYTHONPATH", "")]))
    procs = [subprocess.Popen([sys.executable, __file__, *args, str(rank), str(world), store,
                               str(tmp_path)], cwd=ROOT, env=env, stderr=subprocess.PIPE)
             for rank in range(world)]
    deadline = time.monotonic() + wait
    try:
        procs[0].wait(timeout=max(0.1, deadline - time.monotonic()))
        for proc in procs[1:]:
            if all_ranks and procs[0].returncode == 0:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        pass
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return procs


def stderr_of(procs: list[subprocess.Popen[bytes]]) -> str:
    return "\n".join(f"--- rank {i} (rc {p.returncode}):\n" +
                     (p.stderr.read().decode()[-3000:] if p.stderr else "")
                     for i, p in enumerate(procs))


def single_process_params(row: str) -> dict[str, np.ndarray]:
    """One process, the concatenated batch, rank 0's seed."""
    B, device = backend_of(row)
    model = net(B, device, 100)
    optim = AdamConfig().init()
    train = loader(B, device, GLOBAL_BATCH, distributed=False)
    for _ in range(STEPS_EPOCHS):
        for batch in train:
            model = optim.step(1e-2, model, GradientsParams.from_grads(model.step(batch).grads,
                                                                       model))
    return flat_params(model)


# --- the checks ----------------------------------------------------------------------------

def test_three_processes_equal_one_process_on_the_concatenated_batch(
        ad_backend: Any, tmp_path: Path) -> None:
    """Custom loop, 3 ranks (the Learner test below runs 2): every step synced three ways
    (tiny buckets, unbucketed, default) with bit-equal results, identical ranks after each."""
    world = 3
    procs = run_workers(tmp_path, world, "loop", ad_backend.id, "0")
    assert all(p.returncode == 0 for p in procs), stderr_of(procs)
    reports = [json.loads((tmp_path / f"rank{r}.json").read_text()) for r in range(world)]
    assert {r["steps"] for r in reports} == {N_ITEMS // GLOBAL_BATCH * STEPS_EPOCHS}
    for epoch in range(STEPS_EPOCHS):       # the shards cover the epoch exactly once
        seen = [i for r in reports for batch in r["shards"][epoch] for i in batch]
        assert sorted(seen) == list(range(N_ITEMS))
    with np.load(tmp_path / "params.npz") as saved:
        distributed = dict(saved)
    expected = single_process_params(ad_backend.id)
    assert distributed.keys() == expected.keys()
    for path in expected:
        np.testing.assert_allclose(distributed[path], expected[path], rtol=1e-10, atol=1e-12)


def test_learner_data_parallel_rank0_writes_metrics_reduced_resume(
        ad_backend: Any, tmp_path: Path) -> None:
    """The Learner on 2 ranks: equal to one process on the concatenated batch, epoch values
    reduced to that process's, rank 0 alone writing, resume continuing exactly."""
    from pyburn import distributed
    # a failing rank raises here; a stuck collective fails its rank after the 30 s timeout
    distributed.launch(worker_learner, 2, ad_backend.id, str(tmp_path), timeout=30,
                       threads_per_process=1)
    with np.load(tmp_path / "a.npz") as a_file, np.load(tmp_path / "b.npz") as b_file:
        a, b = dict(a_file), dict(b_file)
    for path in a:                                   # resume continues exactly
        np.testing.assert_array_equal(a[path], b[path])
    # one process with the concatenated batch
    B, device = backend_of(ad_backend.id)
    learner = (LearnerBuilder(tmp_path / "single").renderer(NoneRenderer())
               .metric_train_numeric(LossMetric()).metric_valid_numeric(LossMetric())
               .num_epochs(2).seed(3).build(net(B, device, 100), AdamConfig().init(), 1e-2))
    single = flat_params(learner.fit(loader(B, device, GLOBAL_BATCH, False),
                                     loader(B.inner, device, 5, False)))
    for path in single:
        np.testing.assert_allclose(a[path], single[path], rtol=1e-10, atol=1e-12)
    # the epoch values are reduced over ranks: item-weighted means equal to one process's
    losses = json.loads((tmp_path / "losses.json").read_text())
    for split in ("train", "valid"):
        expected = learner.store.epochs("Loss", split)
        got = {int(k): v for k, v in losses[split].items()}
        assert got.keys() == expected.keys()
        np.testing.assert_allclose(list(got.values()), list(expected.values()), rtol=1e-9)
    # rank 0 alone wrote the logs and checkpoints: rank 0's 2 batches + the epoch's final line
    lines = (tmp_path / "a" / "train" / "epoch-1" / "Loss.log").read_text().splitlines()
    assert len(lines) == N_ITEMS // GLOBAL_BATCH + 1, lines
    assert (tmp_path / "a" / "checkpoint" / "model-2.mpk").exists()


def test_a_rank_killed_mid_epoch_fails_the_others_within_the_timeout(tmp_path: Path) -> None:
    procs = run_workers(tmp_path, 3, "loop", "autodiff-numpy", "3")
    assert procs[1].returncode == -signal.SIGKILL
    died = json.loads((tmp_path / "died.json").read_text())["at"]
    for rank in (0, 2):
        assert procs[rank].returncode == 0, stderr_of(procs)
        report = json.loads((tmp_path / f"rank{rank}.json").read_text())
        assert f"rank {rank} of 3 failed, a peer died or did not answer" in report["error"]
        assert report["at"] - died < 4.0 + 5.0          # the timeout, and slack for a busy CI


def test_a_hung_rank_fails_the_others_after_the_timeout(tmp_path: Path) -> None:
    start = time.monotonic()
    procs = run_workers(tmp_path, 2, "hang", wait=25.0, all_ranks=False)
    assert procs[0].returncode == 0, stderr_of(procs)
    report = json.loads((tmp_path / "rank0.json").read_text())
    assert "within the timeout (3 s)" in report["error"]
    assert 2.5 <= report["seconds"] < 15.0
    assert time.monotonic() - start < 25.0


def test_torchrun_trains_the_guide_on_two_processes(tmp_path: Path) -> None:
    env = dict(os.environ, OMP_NUM_THREADS="1",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "backends")]))
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone",
               "--nproc_per_node", "2", "-m", "examples.guide", "train", "--epochs", "1",
               "--limit", "128", "--num-workers", "0", "--artifact-dir", str(tmp_path)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=WAIT_S)
    assert done.returncode == 0, done.stderr.decode()[-4000:]
    assert (tmp_path / "model.mpk").exists() and (tmp_path / "config.json").exists()
    assert (tmp_path / "checkpoint" / "model-1.mpk").exists()
    assert done.stdout.decode().count("validation accuracy") == 1     # rank 0 reports


# --- in one process: the sampler, the bridge, a world of one --------------------------------

@pytest.mark.parametrize("policy", list(ShardPolicy))
@pytest.mark.parametrize("total", [0, 1, 7, 9, 10])
def test_sampler_shards_cover_the_epoch(policy: ShardPolicy, total: int) -> None:
    world = 3
    order = list(np.random.default_rng(1).permutation(total))
    shards = [DistributedSampler(r, world, policy).shard(order) for r in range(world)]
    for r, shard in enumerate(shards):
        assert len(shard) == DistributedSampler(r, world, policy).num_items(total)
    seen = sorted(i for shard in shards for i in shard)
    if policy is ShardPolicy.Uneven:
        assert seen == sorted(order)
    elif policy is ShardPolicy.Pad:
        assert set(seen) == set(order) and len({len(s) for s in shards}) == 1
        assert len(seen) == -(-total // world) * world
    else:
        assert len(set(seen)) == len(seen) == total - total % world
        assert len({len(s) for s in shards}) == 1


def test_sampler_and_builder_refuse_bad_arguments() -> None:
    with pytest.raises(ValueError, match=r"DistributedSampler: rank must be in \[0, 2\), got 2"):
        DistributedSampler(2, 2)
    with pytest.raises(ValueError, match="DistributedSampler: world_size must satisfy 1 <= "):
        DistributedSampler(0, 0)
    with pytest.raises(ValueError, match="DistributedSampler: policy must be one of"):
        DistributedSampler(0, 2, "spread")
    from pyburn.distributed import GradientSynchronizer
    with pytest.raises(ValueError, match="GradientSynchronizer: bucket_cap_mb must be a finite"):
        GradientSynchronizer(-1)
    with pytest.raises(ValueError, match="LearnerBuilder.data_parallel: bucket_cap_mb"):
        LearnerBuilder("x").data_parallel(float("nan"))


def test_loader_shards_follow_the_epoch_order(ad_backend: Any) -> None:
    full = loader(ad_backend.B, ad_backend.device, 6, distributed=False)
    parts = [DataLoaderBuilder(PairBatcher(ad_backend.B)).batch_size(3).shuffle(7)
             .distributed(r, 2).build(InMemDataset(items())) for r in range(2)]
    assert parts[0].num_items() == 12 and len(parts[0]) == 4 and "sampler=" in repr(parts[0])
    for epoch in range(2):
        for i, batch in enumerate(full.batch_indices(epoch)):
            together = parts[0].batch_indices(epoch)[i] + parts[1].batch_indices(epoch)[i]
            assert sorted(together) == sorted(batch)


def test_torch_views_share_memory(backend: Any) -> None:
    import torch

    from pyburn.distributed.bridge import from_torch, torch_view
    t = backend.tensor([[1.0, 2.0], [3.0, 4.0]])
    view = torch_view(t)
    assert view.tolist() == [[1.0, 2.0], [3.0, 4.0]]
    inner = t.inner() if backend.autodiff else t
    raw = inner.primitive
    pointer = raw.data_ptr() if isinstance(raw, torch.Tensor) else raw.__array_interface__[
        "data"][0]
    assert view.data_ptr() == pointer                  # no copy into torch
    back = from_torch(inner, view * 2)
    assert type(back) is type(inner) and back.to_data().to_list() == [[2.0, 4.0], [6.0, 8.0]]


def test_world_of_one(ad_backend: Any) -> None:
    from pyburn import distributed
    assert (distributed.rank(), distributed.world_size(), distributed.is_main()) == (0, 1, True)
    distributed.init(timeout=5)
    try:
        with pytest.raises(distributed.DistributedError, match="already belongs to a group"):
            distributed.init()
        assert distributed.world_size() == 1 and distributed.is_initialized()
        distributed.barrier()
        model = net(ad_backend.B, ad_backend.device, 1)
        assert distributed.broadcast_module(model) is model
        grads = GradientsParams.from_grads(model.step(next(iter(
            loader(ad_backend.B, ad_backend.device, 4, True)))).grads, model)
        assert distributed.sync_gradients(grads, model) is grads
        assert distributed.all_reduce_sum([1.5, 2.0]) == [1.5, 2.0]
    finally:
        distributed.shutdown()
        distributed.shutdown()            # idempotent
    assert not distributed.is_initialized()
    with pytest.raises(distributed.DistributedError, match="world_size 2 needs an init_method"):
        distributed.init(rank=0, world_size=2)
    with pytest.raises(ValueError, match="timeout must be > 0"):
        distributed.init(timeout=0)


if __name__ == "__main__":
    kind, rest = sys.argv[1], sys.argv[2:]
    if kind == "loop":
        row, die_at, rank, world, store, out = rest
        worker_loop(row, int(rank), int(world), store, out, int(die_at))
    elif kind == "hang":
        rank, world, store, out = rest
        worker_hang(int(rank), int(world), store, out)
    from pyburn import distributed as _distributed
    _distributed.shutdown()
