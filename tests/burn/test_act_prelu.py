"""Burn's `tensor/float/activation/prelu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_prelu_2_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = [[-1.1, 0.0, 1.2, 0.25, -5.4], [-4.567, 0.56, -1.55, 99.9, 0.0]]
    tensor = TestTensor.from_(data)
    output = activation.prelu(tensor, TestTensor.from_([0.5, 0.25, 0.0, -0.8, -0.4]))
    expected = TensorData([[-0.5500, 0.0000, 1.2000, 0.2500, 2.1600], [-2.2835, 0.5600, -0.0000, 99.9000, -0.0000]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_prelu_2_dimension_scalar_weight(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = [[-1.1, 0.0, 1.2, 0.25, -5.4], [-4.567, 0.56, -1.55, 99.9, 0.0]]
    tensor = TestTensor.from_(data)
    output = activation.prelu(tensor, TestTensor.from_([-0.8]))
    expected = TensorData([[0.8800, -0.0000, 1.2000, 0.2500, 4.3200], [3.6536, 0.5600, 1.2400, 99.9000, -0.0000]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_prelu_positives(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = [[0.5447, 0.9809, 0.4114, 0.1398, 0.8045, 0.4103, 0.2388, 0.5262, 0.6677, 0.6737]]
    tensor = TestTensor.from_(data)
    output = activation.prelu(tensor, TestTensor.from_([0.25]))
    expected = TensorData(data)
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_prelu_zero_weight(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = [-1.1, 0.0, 1.2, 0.25, -5.4]
    tensor = TestTensor.from_(data)
    output = activation.prelu(tensor, TestTensor.from_([0.0]))
    expected = TensorData([0.0, 0.0, 1.2, 0.25, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_prelu_some_weight(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = [-1.1, 0.0, 1.2, 0.25, -5.4]
    tensor = TestTensor.from_(data)
    output = activation.prelu(tensor, TestTensor.from_([0.5]))
    expected = TensorData([-0.550, 0.0, 1.20, 0.250, -2.70])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_prelu_single_dim_multi_weight(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['prelu']):
        data = [-1.1, 2.0, 1.2, 0.25, -5.4]
        tensor = TestTensor.from_(data)
        data_actual = activation.prelu(tensor, TestTensor.from_([0.5, -0.25, 0.0, 0.5, -1.0])).into_data()
        data_expected = TensorData([-0.550, 0.0, 1.20, 0.250, -2.70])
        data_expected.assert_approx_eq(data_actual, Tolerance.default())


def test_prelu_multi_dim_wrong_weights(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['prelu']):
        data = [[-1.1, 0.0, 1.2, 0.25, -5.4], [-4.567, 0.56, -1.55, 99.9, 0.0]]
        tensor = TestTensor.from_(data)
        _ = activation.prelu(tensor, TestTensor.from_([-0.8, 0.1]))
