"""Burn's `tensor/float/stats/cov.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cov_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.cov(1, 1)
    expected = TensorData([[2.48917, -1.73333], [-1.73333, 15.33333]]).convert('float32')
    tolerance = Tolerance.default().set_half_precision_relative(1e-3)
    output.into_data().assert_approx_eq(expected, tolerance)


def test_cov_4(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.cov(1, 0)
    expected = TensorData([[1.86687, -1.30000], [-1.30000, 11.5]]).convert('float32')
    tolerance = Tolerance.default().set_half_precision_relative(1e-3)
    output.into_data().assert_approx_eq(expected, tolerance)


def test_cov_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.5, 1.8], [0.2, -2.0], [3.0, -4.0], [5.0, 0.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.cov(1, 1)
    expected = TensorData([[0.845, -1.43, -4.55, -3.25], [-1.43, 2.42, 7.7, 5.5], [-4.55, 7.7, 24.5, 17.5], [-3.25, 5.5, 17.5, 12.5]]).convert('float32')
    tolerance = Tolerance.default().set_half_precision_relative(1e-3)
    output.into_data().assert_approx_eq(expected, tolerance)


def test_cov_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], [[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], [[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], [[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]]])
    device = device
    tensor = TestTensor.from_data(data, device)
    data_actual = tensor.cov(0, 1).into_data()
    data_expected = TestTensor.zeros([4, 4, 4], device).to_data()
    data_expected.assert_approx_eq(data_actual, Tolerance.default())


def test_cov_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]])
    tensor = TestTensor.from_data(data, device)
    expected = tensor.cov(1, 1).into_data()
    tensor.cov(-1, 1).into_data().assert_approx_eq(expected, Tolerance.default())
