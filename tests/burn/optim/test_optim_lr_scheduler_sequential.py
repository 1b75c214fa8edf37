"""Burn's `crates/burn-optim/src/lr_scheduler/sequential.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def _fn_config(milestones):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return SequentialLrSchedulerConfig([LinearLrSchedulerConfig(0.1, 0.3, 2), ExponentialLrSchedulerConfig(0.5, 0.5), CosineAnnealingLrSchedulerConfig(0.8, 2)], milestones)


def test_switches_schedulers_at_milestones(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = _fn_config([2, 5]).init()
    test_utils.check_lr_sequence(scheduler, [0.1, 0.2, 0.5, 0.25, 0.125, 0.8, 0.4, 0.0])


def test_rejects_empty_scheduler_list(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    result = rtry(lambda: SequentialLrSchedulerConfig([], []).init())
    assert_eq_(result.err(), "At least one scheduler is required")


def test_rejects_wrong_milestone_count(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    result = rtry(lambda: _fn_config([2]).init())
    assert_eq_(result.err(), "The number of milestones must be one less than the number of schedulers" )


def test_rejects_zero_or_non_increasing_milestones(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    for milestones in [[0, 2], [2, 2], [3, 2]]:
        result = rtry(lambda: _fn_config(milestones).init())
        assert_eq_(result.err(), "Milestones must be greater than zero and strictly increasing" )


def test_reports_invalid_child_config(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    result = rtry(lambda: SequentialLrSchedulerConfig([LinearLrSchedulerConfig(0.1, 0.2, 0)], []).init())
    assert_eq_(result.err(), "Number of iterations must be at least 1" )


def test_saves_and_loads_before_and_after_transitions(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    test_utils.check_save_load(_fn_config([2, 5]).init(), 1)
    test_utils.check_save_load(_fn_config([2, 5]).init(), 4)
    test_utils.check_save_load(_fn_config([2, 5]).init(), 6)
