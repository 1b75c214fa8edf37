"""Burn's `crates/burn-optim/src/lr_scheduler/exponential.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_config_initial_lr_too_low(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: ExponentialLrSchedulerConfig(0.0, 0.5).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Initial learning rate must be greater than 0 and at most 1")


def test_config_initial_lr_too_high(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: ExponentialLrSchedulerConfig(1.5, 0.5).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Initial learning rate must be greater than 0 and at most 1")


def test_config_gamma_too_low(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: ExponentialLrSchedulerConfig(0.5, 0.0).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Gamma must be greater than 0 and at most 1")


def test_config_gamma_too_high(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: ExponentialLrSchedulerConfig(0.5, 1.5).init())
    assert_(r.is_err())
    assert_eq_(r.unwrap_err(), "Gamma must be greater than 0 and at most 1")


def test_lr_change(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = ExponentialLrSchedulerConfig(0.8, 0.1).init()
    expected_lrs = [0.8, 0.08, 0.008, 0.0008, 0.00008]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_save_and_load(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = ExponentialLrSchedulerConfig(0.083, 0.3).init() 
    test_utils.check_save_load(scheduler, 7)
