"""Burn's `crates/burn-optim/src/lr_scheduler/sequential.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_rejects_empty_scheduler_list(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    result = SequentialLrSchedulerConfig([], []).init()
    assert_eq_(result.err(), "At least one scheduler is required")


def test_reports_invalid_child_config(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    result = SequentialLrSchedulerConfig([LinearLrSchedulerConfig(0.1, 0.2, 0)], []).init()
    assert_eq_(result.err(), "Number of iterations must be at least 1" )
