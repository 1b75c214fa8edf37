"""Burn's `crates/burn-optim/src/lr_scheduler/linear.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
NUM_ITERS = 6


def test_config_initial_lr_too_low(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: LinearLrSchedulerConfig(0.0, 0.5, 100).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Initial learning rate must be greater than 0 and at most 1")


def test_config_initial_lr_too_high(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: LinearLrSchedulerConfig(1.5, 0.5, 100).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Initial learning rate must be greater than 0 and at most 1")


def test_config_final_lr_too_low(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: LinearLrSchedulerConfig(0.5, -0.5, 100).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Final learning rate must be at least 0 and at most 1")


def test_config_final_lr_too_high(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: LinearLrSchedulerConfig(0.5, 1.5, 100).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Final learning rate must be at least 0 and at most 1")


def test_config_num_iters_too_low(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: LinearLrSchedulerConfig(0.9, 0.1, 0).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Number of iterations must be at least 1")


def test_lr_decreasing(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = LinearLrSchedulerConfig(0.9, 0.5, 4).init()
    expected_lrs = [0.9, 0.8, 0.7, 0.6, 0.5, 0.5]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_lr_increasing(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = LinearLrSchedulerConfig(0.01, 0.04, 3).init()
    expected_lrs = [0.01, 0.02, 0.03, 0.04, 0.04]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_lr_unchanging(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = LinearLrSchedulerConfig(0.3, 0.3, 2).init()
    expected_lrs = [0.3, 0.3, 0.3, 0.3]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_save_and_load(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    NUM_ITERS = 6
    scheduler = LinearLrSchedulerConfig(1.0, 0.01, NUM_ITERS).init() 
    test_utils.check_save_load(scheduler, NUM_ITERS / 3 * 2)
