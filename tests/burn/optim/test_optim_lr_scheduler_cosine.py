"""Burn's `crates/burn-optim/src/lr_scheduler/cosine.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
INITIAL_LR = 0.5
MIN_LR = 0.1
NUM_ITERS = 9


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
