"""Burn's `tensor/float/ops/remainder.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_remainder_basic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data(TensorData([-3.0, -2.0, -1.0, 1.0, 2.0, 3.0]), device)
    rhs = TestTensor.from_data(TensorData([2.0, 3.0, 1.0, 2.0, 1.0, 3.0]), device)
    output = lhs.remainder(rhs)
    expected = TensorData([1.0, 1.0, -0.0, 1.0, 0.0, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_remainder_basic_scalar(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-3.0, -2.0, -1.0, 1.0, 2.0, 3.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.remainder_scalar(2.0)
    expected = TensorData([1.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_remainder_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data(TensorData([1.0, 2.0, 3.0, 4.0, 5.0]), device)
    rhs = TestTensor.from_data(TensorData([1.4233, 2.7313, 0.2641, 1.9651, 0.5897]), device)
    output = lhs.remainder(rhs)
    expected = TensorData([1.0, 2.0, 0.0949, 0.0698, 0.2824])
    tolerance = Tolerance.default().set_half_precision_relative(1e-2).set_half_precision_absolute(2e-3)
    output.into_data().assert_approx_eq(expected, tolerance)


def test_should_support_remainder_float_scalar(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([1.0, 2.0, 3.0, 4.0, 5.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.remainder_scalar(-1.5)
    expected = TensorData([-0.5, -1.0, 0.0, -0.5, -1.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_be_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data(TensorData([0.0, 0.0, 0.0]), device)
    rhs = TestTensor.from_data(TensorData([3.5, -2.1, 1e-4]), device)
    output = lhs.remainder(rhs)
    expected = TensorData([0.0, 0.0, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_be_zero_scalar(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 0.0, 0.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.remainder_scalar(3.5)
    expected = TensorData([0.0, 0.0, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_have_no_remainder(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data(TensorData([-1.0, 1.5, -2.0, 2.5, 0.5, 4.0]), device)
    rhs = TestTensor.from_data(TensorData([1.0, 1.5, 2.0, 2.5, 0.5, 4.0]), device)
    output = lhs.remainder(rhs)
    expected = TensorData([-0.0, 0.0, -0.0, 0.0, 0.0, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_have_no_remainder_scalar(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-4.0, 4.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.remainder_scalar(4.0)
    expected = TensorData([-0.0, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_be_negative(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data(TensorData([-7.0, -3.0, 2.0, 6.0]), device)
    rhs = TestTensor.from_data(TensorData([-2.5, -2.1, -1.5, -3.25]), device)
    output = lhs.remainder(rhs)
    expected = TensorData([-2.0, -0.9, -1.0, -0.5])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_be_negative_scalar(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-7.0, -3.0, 2.0, 6.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.remainder_scalar(-2.5)
    expected = TensorData([-2.0, -0.50, -0.50, -1.5])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_fp_dividends(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-7.5, -2.5, 2.5, 7.5])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.remainder_scalar(3.0)
    expected = TensorData([1.5, 0.5, 2.5, 1.5])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_large_divisor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data(TensorData([-1.0, 1.0, -1.5, 1.5, -1.0, 1.0, -1.5, 1.5]), device)
    rhs = TestTensor.from_data(TensorData([10.0, 10.0, 10.0, 10.0, -10.0, -10.0, -10.0, -10.0]), device)
    output = lhs.remainder(rhs)
    expected = TensorData([9.0, 1.0, 8.5, 1.5, -1.0, -9.0, -1.5, -8.5])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_large_divisor_scalar(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-1.0, 1.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.remainder_scalar(10.0)
    expected = TensorData([9.0, 1.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_remainder_op(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data(TensorData([-3.0, -2.0, -1.0, 1.0, 2.0, 3.0]), device)
    rhs = TestTensor.from_data(TensorData([2.0, 3.0, 1.0, 2.0, 1.0, 3.0]), device)
    output = lhs % rhs
    expected = TensorData([1.0, 1.0, -0.0, 1.0, 0.0, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_remainder_scalar_op(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-3.0, -2.0, -1.0, 1.0, 2.0, 3.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor % 2.0
    expected = TensorData([1.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
