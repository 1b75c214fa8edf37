"""Burn's `tensor/float/ops/powf_scalar.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_powf_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.powf_scalar(0.71)
    expected = TensorData([[0.0, 1.0, 1.6358], [2.1815, 2.67586, 3.13522]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_neg_power(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[1.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.powf_scalar(-0.33)
    expected = TensorData([[1.0, 1.0, 0.79553646], [0.695905, 0.6328783, 0.58794934]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_neg_values_with_even_power(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, -1.0, -2.0], [-3.0, -4.0, -5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.powf_scalar(4.0)
    expected = TensorData([[0.0, 1.0, 16.0], [81.0, 256.0, 625.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_neg_values_with_odd_power(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, -1.0, -2.0], [-3.0, -4.0, -5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.powf_scalar(3.0)
    expected = TensorData([[0.0, -1.0, -8.0], [-27.0, -64.0, -125.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
