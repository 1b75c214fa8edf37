"""Burn's `tensor/int/ops/arange.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_arange(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(2, 5, 1, False), device)
    tensor.into_data().assert_eq(TensorData([2, 3, 4]), False)
    tensor = TestTensorInt.arange(bslice(-10, -5, 1, False), device)
    tensor.into_data().assert_eq(TensorData([-10, -9, -8, -7, -6]), False)
    tensor = TestTensorInt.arange(bslice(-3, 0, 1, False), device)
    tensor.into_data().assert_eq(TensorData([-3, -2, -1]), False)
    tensor = TestTensorInt.arange(bslice(-2, 3, 1, False), device)
    tensor.into_data().assert_eq(TensorData([-2, -1, 0, 1, 2]), False)
    assert_eq_(tensor.device(), device)
