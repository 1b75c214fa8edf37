"""Burn's `crates/burn-optim/src/lr_scheduler/step.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
INIT_LR = 0.4
STEP_SIZE = 2
STEP_SIZE = 10


def test_config_step_size_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: StepLrSchedulerConfig(1.0, 0).init())
    assert_(r.is_err())


def test_config_step_size_nonzero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: StepLrSchedulerConfig(1.0, 1).init())
    assert_(r.is_ok())


def test_config_default_gamma(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    INIT_LR = 0.4
    STEP_SIZE = 2
    default = StepLrSchedulerConfig(INIT_LR, STEP_SIZE).init() 
    explicit = StepLrSchedulerConfig(INIT_LR, STEP_SIZE).with_gamma(0.1).init() 
    test_utils.compare_steps(default, explicit, 3 * STEP_SIZE)


def test_lr_decreasing(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = StepLrSchedulerConfig(0.5, 3).with_gamma(0.1).init() 
    expected_lrs = [0.5, 0.5, 0.5, 0.05, 0.05, 0.05, 0.005, 0.005, 0.005]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_lr_increasing(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = StepLrSchedulerConfig(0.1, 2).with_gamma(2.0).init() 
    expected_lrs = [0.1, 0.1, 0.2, 0.2, 0.4, 0.4]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_lr_unchanging(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = StepLrSchedulerConfig(3.1, 1).with_gamma(1.0).init() 
    expected_lrs = [3.1, 3.1, 3.1]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_save_and_load(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    STEP_SIZE = 10
    scheduler = StepLrSchedulerConfig(0.007, STEP_SIZE).with_gamma(0.03).init() 
    test_utils.check_save_load(scheduler, 3 * STEP_SIZE / 2)


def test_number_of_calls_within_limit(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = StepLrSchedulerConfig(0.1, 2).init()
    scheduler.load_record(LrSchedulerRecord.from_state(StepLrSchedulerState(iter_idx=lim('i32', 'MAX') - 1)))
    scheduler.step()


def test_number_of_calls_over_limit(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'load_record', 'from_state', 'step']):
        scheduler = StepLrSchedulerConfig(0.1, 2).init()
        scheduler.load_record(LrSchedulerRecord.from_state(StepLrSchedulerState(iter_idx=lim('i32', 'MAX') - 1)))
        scheduler.step()
        scheduler.step()
