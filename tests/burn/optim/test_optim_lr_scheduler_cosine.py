"""Burn's `crates/burn-optim/src/lr_scheduler/cosine.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
INITIAL_LR = 0.5
MIN_LR = 0.1
NUM_ITERS = 9


def test_config_initial_lr_too_low(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: CosineAnnealingLrSchedulerConfig(0.0, 10).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Initial learning rate must be greater than 0 and at most 1")


def test_config_initial_lr_too_high(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: CosineAnnealingLrSchedulerConfig(1.5, 10).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Initial learning rate must be greater than 0 and at most 1")


def test_config_min_lr_too_low(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: CosineAnnealingLrSchedulerConfig(0.5, 10).with_min_lr(-0.1).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Minimum learning rate must be at least 0 and at most equal to the initial learning rate")


def test_config_min_lr_too_high(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: CosineAnnealingLrSchedulerConfig(0.5, 10).with_min_lr(0.6).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Minimum learning rate must be at least 0 and at most equal to the initial learning rate")


def test_config_num_iters_too_low(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: CosineAnnealingLrSchedulerConfig(0.5, 0).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Number of iterations must be at least 1")


def test_lr_change(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    INITIAL_LR = 0.5
    MIN_LR = 0.1
    scheduler = CosineAnnealingLrSchedulerConfig(INITIAL_LR, 2).with_min_lr(MIN_LR).init() 
    expected_lrs = [INITIAL_LR, (INITIAL_LR + MIN_LR) * 0.5, MIN_LR, (INITIAL_LR + MIN_LR) * 0.5, INITIAL_LR]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_save_and_load(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    NUM_ITERS = 9
    scheduler = CosineAnnealingLrSchedulerConfig(1.0, NUM_ITERS).init() 
    test_utils.check_save_load(scheduler, NUM_ITERS / 3 * 2)
