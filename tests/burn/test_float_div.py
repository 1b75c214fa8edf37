"""Burn's `tensor/float/ops/div.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_div_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    data_2 = TensorData([[1.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device)
    tensor_2 = TestTensor.from_data(data_2, device)
    output = tensor_1 / tensor_2
    expected = TensorData([[0.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_div_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0.0, 1.0, 2.0]])
    data_2 = TensorData([[1.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device)
    tensor_2 = TestTensor.from_data(data_2, device)
    output = tensor_1 / tensor_2
    output.into_data().assert_eq(TensorData([[0.0, 1.0, 1.0], [0.0, 0.25, 0.4]]), False)


def test_should_support_div_scalar_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    scalar = 2.0
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor / scalar
    output.into_data().assert_eq(TensorData([[0.0, 0.5, 1.0], [1.5, 2.0, 2.5]]), False)
