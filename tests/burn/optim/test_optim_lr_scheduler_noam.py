"""Burn's `crates/burn-optim/src/lr_scheduler/noam.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_config_warmup_steps_invalid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: NoamLrSchedulerConfig(0.1).with_warmup_steps(0).init())
    assert_(r.is_err())


def test_config_warmup_steps_valid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: NoamLrSchedulerConfig(0.1).with_warmup_steps(1).init())
    assert_(r.is_ok())


def test_config_model_size_invalid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: NoamLrSchedulerConfig(0.1).with_model_size(0).init())
    assert_(r.is_err())


def test_config_model_size_valid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    r = rtry(lambda: NoamLrSchedulerConfig(0.1).with_model_size(1).init())
    assert_(r.is_ok())


def test_function_increase_and_decrease(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    warmup_steps = 100
    scheduler = NoamLrSchedulerConfig(10.0).with_warmup_steps(warmup_steps).init() 
    lr_current = 0.0
    for _ in range(0, warmup_steps):
        lr = scheduler.step()
        assert_(lr > lr_current)
        lr_current = lr
    for _ in range(0, warmup_steps):
        lr = scheduler.step()
        assert_(lr < lr_current)
        lr_current = lr
