"""Burn's `tensor/float/stats/var.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_var(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], device)
    output = tensor.var(1)
    expected = TensorData([[2.4892], [15.3333]]).convert('float32')
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_var_mean(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], device)
    var, mean = tensor.var_mean(1)
    var_expected = TensorData([[2.4892], [15.3333]]).convert('float32')
    mean_expected = TensorData([[0.125], [1.0]]).convert('float32')
    var.into_data().assert_approx_eq(var_expected, Tolerance.default())
    mean.into_data().assert_approx_eq(mean_expected, Tolerance.default())


def test_var_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], device)
    output = tensor.var_bias(1)
    expected = TensorData([[1.86688], [11.5]]).convert('float32')
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_var_mean_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], device)
    var, mean = tensor.var_mean_bias(1)
    var_expected = TensorData([[1.86688], [11.5]]).convert('float32')
    mean_expected = TensorData([[0.125], [1.0]]).convert('float32')
    var.into_data().assert_approx_eq(var_expected, Tolerance.default())
    mean.into_data().assert_approx_eq(mean_expected, Tolerance.default())


def test_variance_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], device)
    var = tensor.var(1).into_data()
    tensor.var(-1).into_data().assert_approx_eq(var, Tolerance.default())
    var_bias = tensor.var_bias(1).into_data()
    tensor.var_bias(-1).into_data().assert_approx_eq(var_bias, Tolerance.default())
    var, mean = tensor.var_mean(1)
    var_negative, mean_negative = tensor.var_mean(-1)
    var_negative.into_data().assert_approx_eq(var.into_data(), Tolerance.default())
    mean_negative.into_data().assert_approx_eq(mean.into_data(), Tolerance.default())
    var, mean = tensor.var_mean_bias(1)
    var_negative, mean_negative = tensor.var_mean_bias(-1)
    var_negative.into_data().assert_approx_eq(var.into_data(), Tolerance.default())
    mean_negative.into_data().assert_approx_eq(mean.into_data(), Tolerance.default())
