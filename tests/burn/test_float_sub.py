"""Burn's `tensor/float/ops/sub.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_sub_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    data_2 = TensorData([[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device)
    tensor_2 = TestTensor.from_data(data_2, device)
    output = tensor_1 - tensor_2
    expected = TensorData([[-6.0, -6.0, -6.0], [-6.0, -6.0, -6.0]])
    output.into_data().assert_eq(expected, False)


def test_sub_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0.0, 1.0, 2.0]])
    data_2 = TensorData([[3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device)
    tensor_2 = TestTensor.from_data(data_2, device)
    output = tensor_1 - tensor_2
    expected = TensorData([[-3.0, -3.0, -3.0], [-6.0, -6.0, -6.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_sub_scalar_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    scalar = 2.0
    tensor = TestTensor.from_data(data, device)
    output = tensor - scalar
    expected = TensorData([[-2.0, -1.0, 0.0], [1.0, 2.0, 3.0]])
    output.into_data().assert_eq(expected, False)
