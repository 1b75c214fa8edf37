"""Burn's `tensor/int/ops/div.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_div_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0, 1, 2], [3, 4, 5]])
    data_2 = TensorData([[1, 1, 2], [1, 1, 2]])
    device = device
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    output = tensor_1 / tensor_2
    output.into_data().assert_eq(TensorData([[0, 1, 1], [3, 4, 2]]), False)


def test_div_broadcast_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0, 1, 2]])
    data_2 = TensorData([[1, 1, 2], [3, 4, 5]])
    device = device
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    output = tensor_1 / tensor_2
    output.into_data().assert_eq(TensorData([[0, 1, 1], [0, 0, 0]]), False)


def test_should_support_div_scalar_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0, 1, 2], [3, 4, 5]])
    scalar = 2
    tensor = TestTensorInt.from_data(data, device)
    output = tensor / scalar
    output.into_data().assert_eq(TensorData([[0, 0, 1], [1, 2, 2]]), False)
