"""Burn's `tensor/float/activation/softmax.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_softmax_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.softmax(tensor, 1)
    expected = TensorData([[2.472623e-03, 9.975274e-01], [1.0, 1.125352e-07]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_softmax_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.softmax(tensor, -1)
    expected = TensorData([[2.472623e-03, 9.975274e-01], [1.0, 1.125352e-07]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_softmax_d1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0])
    output = activation.softmax(tensor, 0)
    output.into_data().assert_approx_eq(TensorData([0.09003, 0.24473, 0.66524]), Tolerance.default().set_half_precision_absolute(2e-3))


def test_softmax_d2_varied(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-1.0, 0.0, 1.0, 2.0], [0.5, 0.5, 0.5, 0.5]])
    output = activation.softmax(tensor, 1)
    output.into_data().assert_approx_eq(TensorData([[0.03205860, 0.08714432, 0.23688284, 0.64391422], [0.25, 0.25, 0.25, 0.25]]), Tolerance.default().set_half_precision_absolute(2e-3))


def test_softmax_d3_last_axis(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[0.0, 0.0, 1.0], [1.0, 1.0, 1.0]]])
    output = activation.softmax(tensor, 2)
    output.into_data().assert_approx_eq(TensorData([[[0.09003057, 0.24472848, 0.66524094], [0.09003057, 0.24472848, 0.66524094]], [[0.21194156, 0.21194156, 0.57611688], [0.33333334, 0.33333334, 0.33333334]]]), Tolerance.default().set_half_precision_absolute(2e-3))


def test_softmax_non_contiguous_input(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    t = TestTensor.from_([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]])
    t_transposed = t.transpose()
    output = activation.softmax(t_transposed, 1)
    row = [3.2932044e-4, 1.7980287e-2, 0.98169035]
    expected = TensorData([row, row, row, row])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_absolute(2e-3))


def test_softmax_non_last_axis_d3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]], [[0.1, 2.5, -0.3], [1.2, -0.7, 2.1]]])
    output = activation.softmax(tensor, 1)
    exp = tensor.exp()
    sum = exp.sum_dim(1)
    expected = exp / sum
    output.into_data().assert_approx_eq(expected.into_data(), Tolerance.default())


def test_softmax_non_last_axis_d4_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[[1.0, -0.5], [0.3, 2.1]], [[-1.2, 0.0], [0.8, 1.5]]], [[[0.4, -1.1], [2.0, 0.2]], [[-0.3, 0.9], [1.1, -0.7]]]])
    output = activation.softmax(tensor, 0)
    exp = tensor.exp()
    sum = exp.sum_dim(0)
    expected = exp / sum
    output.into_data().assert_approx_eq(expected.into_data(), Tolerance.default())
