"""Burn's `crates/burn-optim/src/lr_scheduler/exponential.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_lr_change(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = ExponentialLrSchedulerConfig(0.8, 0.1).init()
    expected_lrs = [0.8, 0.08, 0.008, 0.0008, 0.00008]
    test_utils.check_lr_sequence(scheduler, expected_lrs)


def test_save_and_load(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = ExponentialLrSchedulerConfig(0.083, 0.3).init() 
    test_utils.check_save_load(scheduler, 7)
