"""Burn's `tensor/int/ops/arange_step.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_arange_step(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange_step(bslice(0, 9, 1, False), 1, device)
    tensor.into_data().assert_eq(TensorData([0, 1, 2, 3, 4, 5, 6, 7, 8]), False)
    tensor = TestTensorInt.arange_step(bslice(0, 3, 1, False), 2, device)
    tensor.into_data().assert_eq(TensorData([0, 2]), False)
    tensor = TestTensorInt.arange_step(bslice(0, 2, 1, False), 5, device)
    tensor.into_data().assert_eq(TensorData([0]), False)
    tensor = TestTensorInt.arange_step(bslice(-3, 3, 1, False), 2, device)
    tensor.into_data().assert_eq(TensorData([-3, -1, 1]), False)
    tensor = TestTensorInt.arange_step(bslice(-5, 1, 1, False), 5, device)
    tensor.into_data().assert_eq(TensorData([-5, 0]), False)
    assert_eq_(tensor.device(), device)


def test_should_panic_when_step_is_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['arange_step']):
        device = device
        _tensor = TestTensorInt.arange_step(bslice(0, 3, 1, False), 0, device)
