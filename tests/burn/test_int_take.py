"""Burn's `tensor/int/ops/take.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_take_int_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[10, 20, 30], [40, 50, 60]], device)
    indices = TestTensorInt.from_data([1, 0], device)
    output = tensor.take(0, indices)
    expected = TensorData([[40, 50, 60], [10, 20, 30]])
    output.into_data().assert_eq(expected, False)


def test_should_take_int_tensor_with_2d_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[10, 20, 30], [40, 50, 60], [70, 80, 90]], device)
    indices = TestTensorInt.from_data([[0, 2], [2, 1]], device)
    output = tensor.take(0, indices)
    expected = TensorData([[[10, 20, 30], [70, 80, 90]], [[70, 80, 90], [40, 50, 60]]])
    output.into_data().assert_eq(expected, False)
