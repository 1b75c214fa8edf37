"""Tests for pyburn.optim.lr_scheduler: each scheduler's sequence of learning rates (Burn's own
expected values, and torch.optim.lr_scheduler where it is the same schedule), validation, and
the state record round trip through a recorder."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable

import pytest

from pyburn.optim.lr_scheduler import (ConstantLr, CosineAnnealingLrSchedulerConfig,
                                       ExponentialLrSchedulerConfig, LinearLrSchedulerConfig,
                                       LrScheduler, NoamLrSchedulerConfig, StepLrSchedulerConfig,
                                       as_lr_scheduler)
from pyburn.record import NamedMpkBytesRecorder, PrettyJsonFileRecorder, RecordError

EPS = 1e-10  # Burn's LOOSE_EPSILON for learning-rate sequences


def lrs(scheduler: LrScheduler, n: int) -> list[float]:
    return [scheduler.step() for _ in range(n)]


def assert_sequence(got: list[float], expected: list[float], tol: float = EPS) -> None:
    assert len(got) == len(expected)
    for i, (a, b) in enumerate(zip(got, expected)):
        assert abs(a - b) < tol, f"step {i}: {a} != {b}"


# --- Burn's sequences ---------------------------------------------------------------------------------
def test_constant() -> None:
    assert lrs(ConstantLr(0.3), 4) == [0.3] * 4
    assert lrs(as_lr_scheduler(0.01), 2) == [0.01, 0.01]
    sched = StepLrSchedulerConfig(0.1, 1).init()
    assert as_lr_scheduler(sched) is sched
    with pytest.raises(TypeError, match="scheduler or a number"):
        as_lr_scheduler("0.1")  # type: ignore[arg-type]


def test_step() -> None:
    assert_sequence(lrs(StepLrSchedulerConfig(0.5, 3).with_gamma(0.1).init(), 9),
                    [0.5, 0.5, 0.5, 0.05, 0.05, 0.05, 0.005, 0.005, 0.005])
    assert_sequence(lrs(StepLrSchedulerConfig(0.1, 2, gamma=2.0).init(), 6),
                    [0.1, 0.1, 0.2, 0.2, 0.4, 0.4])
    assert_sequence(lrs(StepLrSchedulerConfig(3.1, 1, gamma=1.0).init(), 3), [3.1] * 3)
    assert StepLrSchedulerConfig(0.4, 2).gamma == 0.1


def test_exponential() -> None:
    assert_sequence(lrs(ExponentialLrSchedulerConfig(0.8, 0.1).init(), 5),
                    [0.8, 0.08, 0.008, 0.0008, 0.00008])


def test_linear() -> None:
    assert_sequence(lrs(LinearLrSchedulerConfig(0.9, 0.5, 4).init(), 6),
                    [0.9, 0.8, 0.7, 0.6, 0.5, 0.5])
    assert_sequence(lrs(LinearLrSchedulerConfig(0.01, 0.04, 3).init(), 5),
                    [0.01, 0.02, 0.03, 0.04, 0.04])
    assert_sequence(lrs(LinearLrSchedulerConfig(0.3, 0.3, 2).init(), 4), [0.3] * 4)


def test_cosine_continues_past_num_iters() -> None:
    sched = CosineAnnealingLrSchedulerConfig(0.5, 2).with_min_lr(0.1).init()
    assert_sequence(lrs(sched, 7), [0.5, 0.3, 0.1, 0.3, 0.5, 0.3, 0.1])
    assert CosineAnnealingLrSchedulerConfig(0.5, 2).min_lr == 0.0


def test_noam() -> None:
    cfg = NoamLrSchedulerConfig(10.0, warmup_steps=100)
    assert (cfg.warmup_steps, NoamLrSchedulerConfig(1.0).model_size) == (100, 512)
    seq = lrs(cfg.init(), 200)
    assert all(b > a for a, b in zip(seq[:100], seq[1:100]))     # warm-up: increasing
    assert all(b < a for a, b in zip(seq[99:], seq[100:]))       # then decreasing
    for s, lr in enumerate(seq, start=1):
        assert lr == pytest.approx(10.0 / math.sqrt(512) * min(s ** -0.5, s * 100 ** -1.5),
                                   rel=1e-14)
    assert max(seq) == pytest.approx(10.0 / math.sqrt(512 * 100), rel=1e-14)


# --- against torch.optim.lr_scheduler ----------------------------------------------------------------
def torch_lrs(make: Callable[[Any, Any], Any], n: int, base_lr: float) -> list[float]:
    torch = pytest.importorskip("torch", reason="torch is not installed: no "
                                                "torch.optim.lr_scheduler to compare with")
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=base_lr)
    sched = make(opt, torch.optim.lr_scheduler)
    out = []
    for _ in range(n):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


def test_step_matches_torch() -> None:
    want = torch_lrs(lambda o, s: s.StepLR(o, step_size=3, gamma=0.3), 12, 0.7)
    assert_sequence(lrs(StepLrSchedulerConfig(0.7, 3, gamma=0.3).init(), 12), want)


def test_exponential_matches_torch() -> None:
    want = torch_lrs(lambda o, s: s.ExponentialLR(o, gamma=0.9), 30, 0.2)
    assert_sequence(lrs(ExponentialLrSchedulerConfig(0.2, 0.9).init(), 30), want)


def test_linear_matches_torch() -> None:
    """Burn's linear schedule is torch's LinearLR on a base rate of 1 with start/end factors."""
    want = torch_lrs(lambda o, s: s.LinearLR(o, start_factor=0.9, end_factor=0.05,
                                             total_iters=7), 12, 1.0)
    assert_sequence(lrs(LinearLrSchedulerConfig(0.9, 0.05, 7).init(), 12), want)


def test_cosine_matches_torch_past_num_iters() -> None:
    n = 10
    want = torch_lrs(lambda o, s: s.CosineAnnealingLR(o, T_max=n, eta_min=0.01), 3 * n + 1, 0.3)
    sched = CosineAnnealingLrSchedulerConfig(0.3, n, min_lr=0.01).init()
    assert_sequence(lrs(sched, 3 * n + 1), want)


def test_noam_matches_torch_lambda() -> None:
    want = torch_lrs(lambda o, s: s.LambdaLR(
        o, lambda e: 512 ** -0.5 * min((e + 1) ** -0.5, (e + 1) * 40 ** -1.5)), 100, 2.0)
    assert_sequence(lrs(NoamLrSchedulerConfig(2.0, warmup_steps=40).init(), 100), want)


# --- validation -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("make, message", [
    (lambda: StepLrSchedulerConfig(1.0, 0), "step size must be greater than 0"),
    (lambda: ExponentialLrSchedulerConfig(0.0, 0.5), "initial learning rate"),
    (lambda: ExponentialLrSchedulerConfig(1.5, 0.5), "initial learning rate"),
    (lambda: ExponentialLrSchedulerConfig(0.5, 0.0), "gamma must be greater than 0"),
    (lambda: ExponentialLrSchedulerConfig(0.5, 1.5), "gamma must be greater than 0"),
    (lambda: LinearLrSchedulerConfig(0.0, 0.5, 100), "initial learning rate"),
    (lambda: LinearLrSchedulerConfig(0.5, -0.5, 100), "final learning rate"),
    (lambda: LinearLrSchedulerConfig(0.5, 1.5, 100), "final learning rate"),
    (lambda: LinearLrSchedulerConfig(0.9, 0.1, 0), "number of iterations"),
    (lambda: CosineAnnealingLrSchedulerConfig(1.5, 10), "initial learning rate"),
    (lambda: CosineAnnealingLrSchedulerConfig(0.5, 10, min_lr=0.6), "minimum learning rate"),
    (lambda: CosineAnnealingLrSchedulerConfig(0.5, 10, min_lr=-0.1), "minimum learning rate"),
    (lambda: CosineAnnealingLrSchedulerConfig(0.5, 0), "number of iterations"),
    (lambda: NoamLrSchedulerConfig(0.1, warmup_steps=0), "greater than 0"),
    (lambda: NoamLrSchedulerConfig(0.1, model_size=0), "model size"),
])
def test_invalid_configs_are_refused(make: Callable[[], Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make().init()


def test_step_accepts_atypical_values() -> None:
    """Burn only warns about these (useful e.g. for learning-rate range tests)."""
    assert lrs(StepLrSchedulerConfig(0.5, 1, gamma=2.0).init(), 3) == [0.5, 1.0, 2.0]
    assert lrs(StepLrSchedulerConfig(0.0, 1).init(), 2) == [0.0, 0.0]


# --- records --------------------------------------------------------------------------------------------------
SCHEDULERS: dict[str, Callable[[], LrScheduler]] = {
    "constant": lambda: ConstantLr(0.01),
    "step": lambda: StepLrSchedulerConfig(0.007, 10, gamma=0.03).init(),
    "exponential": lambda: ExponentialLrSchedulerConfig(0.083, 0.3).init(),
    "linear": lambda: LinearLrSchedulerConfig(1.0, 0.01, 6).init(),
    "cosine": lambda: CosineAnnealingLrSchedulerConfig(1.0, 9).init(),
    "noam": lambda: NoamLrSchedulerConfig(0.5, warmup_steps=5, model_size=64).init(),
}


@pytest.mark.parametrize("name", list(SCHEDULERS))
@pytest.mark.parametrize("save_at", [0, 4, 15])
def test_record_round_trip_resumes_exactly(name: str, save_at: int, tmp_path: Path) -> None:
    truth, sched = SCHEDULERS[name](), SCHEDULERS[name]()
    lrs(truth, save_at)
    lrs(sched, save_at)
    recorder = NamedMpkBytesRecorder()
    restored = SCHEDULERS[name]().load_record(recorder.load(recorder.record(sched.to_record())))
    assert lrs(restored, 20) == lrs(truth, 20)
    path = PrettyJsonFileRecorder().record(truth.to_record(), tmp_path / "sched")
    again = SCHEDULERS[name]().load_record(PrettyJsonFileRecorder().load(path))
    assert lrs(again, 5) == lrs(truth, 5)


def test_records_are_small_and_named_like_burn() -> None:
    assert ConstantLr(0.1).to_record() == {}
    step = StepLrSchedulerConfig(0.1, 2).init()
    step.step()
    assert step.to_record() == {"iter_idx": 0}
    assert set(LinearLrSchedulerConfig(0.5, 0.1, 3).init().to_record()) == {"remaining_iters"}
    assert set(CosineAnnealingLrSchedulerConfig(0.5, 3).init().to_record()) == {"current_iter"}
    assert set(ExponentialLrSchedulerConfig(0.5, 0.5).init().to_record()) == {"previous_lr"}
    assert set(NoamLrSchedulerConfig(0.5).init().to_record()) == {"step"}


def test_bad_records_are_refused() -> None:
    with pytest.raises(RecordError, match="iter_idx"):
        StepLrSchedulerConfig(0.1, 2).init().load_record({})
    with pytest.raises(RecordError, match="must be an int"):
        StepLrSchedulerConfig(0.1, 2).init().load_record({"iter_idx": 1.5})
    with pytest.raises(RecordError, match="previous_lr"):
        ExponentialLrSchedulerConfig(0.5, 0.5).init().load_record({"previous_lr": "x"})


def test_configs_save_and_load(tmp_path: Path) -> None:
    cfg = CosineAnnealingLrSchedulerConfig(0.5, 100, min_lr=0.01)
    cfg.save(str(tmp_path / "sched.json"))
    assert CosineAnnealingLrSchedulerConfig.load(str(tmp_path / "sched.json")) == cfg
    assert isinstance(cfg.init(), LrScheduler)
