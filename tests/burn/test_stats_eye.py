"""Burn's `tensor/float/stats/eye.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_eye_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    rhs = TestTensor.eye(3, device)
    assert_eq_(tensor.to_data(), rhs.to_data())


def test_eye_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    rhs = TestTensorInt.eye(3, device)
    assert_eq_(tensor.to_data(), rhs.to_data())
