"""SequentialLrScheduler and LrSchedulerConfig: Burn's sequence, torch's SequentialLR on the same
children, config files in Burn's enum spelling, exact resume from a record, clear errors."""

from __future__ import annotations

import copy

import pytest

from pyburn.config import ConfigError
from pyburn.optim.lr_scheduler import (CosineAnnealingLrSchedulerConfig,
                                       ExponentialLrSchedulerConfig, LinearLrSchedulerConfig,
                                       LrSchedulerConfig, SequentialLrSchedulerConfig,
                                       StepLrSchedulerConfig)
from pyburn.record import RecordError


def burn_config(milestones: list[int]) -> SequentialLrSchedulerConfig:
    return SequentialLrSchedulerConfig(
        [LinearLrSchedulerConfig(0.1, 0.3, 2), ExponentialLrSchedulerConfig(0.5, 0.5),
         CosineAnnealingLrSchedulerConfig(0.8, 2)], milestones)


def test_switches_schedulers_at_milestones() -> None:
    """Burn's ``switches_schedulers_at_milestones``."""
    scheduler = burn_config([2, 5]).init()
    got = [scheduler.step() for _ in range(8)]
    assert got == pytest.approx([0.1, 0.2, 0.5, 0.25, 0.125, 0.8, 0.4, 0.0], abs=1e-12)


def test_matches_torch_sequential_lr() -> None:
    torch = pytest.importorskip("torch")
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=1.0)
    warm = torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.25, end_factor=1.0,
                                             total_iters=3)
    decay = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
    seq = torch.optim.lr_scheduler.SequentialLR(opt, [warm, decay], milestones=[4])
    expected = []
    for _ in range(9):
        expected.append(opt.param_groups[0]["lr"])
        opt.step()
        seq.step()
    ours = SequentialLrSchedulerConfig([LinearLrSchedulerConfig(0.25, 1.0, 3),
                                        ExponentialLrSchedulerConfig(1.0, 0.5)], [4]).init()
    assert [ours.step() for _ in range(9)] == pytest.approx(expected, abs=1e-12)


def test_config_file_uses_burns_enum_spelling() -> None:
    config = SequentialLrSchedulerConfig([0.01, StepLrSchedulerConfig(0.1, 2)], [3])
    assert isinstance(config.schedulers[0], LrSchedulerConfig.Constant)
    text = config.to_json()
    assert '"Constant": 0.01' in text and '"Step": {' in text
    loaded = SequentialLrSchedulerConfig.from_json(text)
    assert loaded == config
    a, b = config.init(), loaded.init()
    assert [a.step() for _ in range(7)] == [b.step() for _ in range(7)]
    nested = LrSchedulerConfig.from_(config)
    assert isinstance(nested, LrSchedulerConfig.Sequential)
    assert LrSchedulerConfig.from_json(nested.to_json()) == nested


def test_resumes_exactly_from_a_record() -> None:
    scheduler = burn_config([2, 5]).init()
    truth = copy.deepcopy(scheduler)
    for _ in range(3):
        scheduler.step(), truth.step()
    record = scheduler.to_record()
    fresh = burn_config([2, 5]).init().load_record(record)
    assert [fresh.step() for _ in range(5)] == [truth.step() for _ in range(5)]
    with pytest.raises(RecordError, match="expected 'schedulers', a list of 3 records"):
        burn_config([2, 5]).init().load_record({"step": 1, "schedulers": []})


@pytest.mark.parametrize("schedulers,milestones,message", [
    ([], [], "At least one scheduler is required"),
    ([0.1, 0.2], [], "The number of milestones must be one less than the number of schedulers"),
    ([0.1, 0.2, 0.3], [0, 2], "Milestones must be greater than zero and strictly increasing"),
    ([0.1, 0.2, 0.3], [2, 2], "Milestones must be greater than zero and strictly increasing"),
    ([LinearLrSchedulerConfig(0.1, 0.2, 0)], [], "scheduler 0: LinearLrSchedulerConfig: number "
     "of iterations must be at least 1"),
])
def test_bad_configs_are_refused(schedulers: list, milestones: list[int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SequentialLrSchedulerConfig(schedulers, milestones).init()


def test_a_non_scheduler_is_refused_where_written() -> None:
    with pytest.raises(ConfigError, match="schedulers"):
        SequentialLrSchedulerConfig(["fast"], [])
