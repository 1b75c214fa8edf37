"""Burn's `tensor/float/ops/hypot.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_hypot_basic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_a = TensorData([[3.0, 4.0], [5.0, 12.0]])
    data_b = TensorData([[4.0, 3.0], [12.0, 5.0]])
    tensor_a = TestTensor.from_data(data_a, device)
    tensor_b = TestTensor.from_data(data_b, device)
    result = tensor_a.hypot(tensor_b)
    expected = TensorData([[5.0, 5.0], [13.0, 13.0]])
    result.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_hypot_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_a = TensorData([[3.0, 4.0, 5.0]])
    data_b = TensorData([[4.0], [3.0]])
    tensor_a = TestTensor.from_data(data_a, device)
    tensor_b = TestTensor.from_data(data_b, device)
    result = tensor_a.hypot(tensor_b)
    expected = TensorData([[5.0, 5.656854, 6.404], [4.2426405, 5.0, 5.831]])
    result.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_hypot_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_a = TensorData([[0.0, 3.0], [0.0, 0.0]])
    data_b = TensorData([[4.0, 0.0], [0.0, 5.0]])
    tensor_a = TestTensor.from_data(data_a, device)
    tensor_b = TestTensor.from_data(data_b, device)
    result = tensor_a.hypot(tensor_b)
    expected = TensorData([[4.0, 3.0], [0.0, 5.0]])
    result.into_data().assert_approx_eq(expected, Tolerance.default())
