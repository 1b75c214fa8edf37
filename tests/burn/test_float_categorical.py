"""Burn's `tensor/float/ops/categorical.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_categorical_output_shape(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    probs = TestTensor.from_([[0.5, 0.5], [0.5, 0.5]])
    samples = probs.categorical(5)
    assert_eq_(samples.dims(), [2, 5])


def test_categorical_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    probs = TestTensor.from_([0.0, 0.0, 1.0])
    samples = probs.categorical(5)
    assert_eq_(samples.dims(), [5])
    data = samples.into_data()
    expected = TensorData([2, 2, 2, 2, 2])
    data.assert_eq(expected, False)


def test_categorical_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    probs = TestTensor.from_data(TensorData([[[1.0, 0.0, 0.0]], [[0.0, 0.0, 1.0]]]), device)
    samples = probs.categorical(4)
    assert_eq_(samples.dims(), [2, 1, 4])
    data = samples.into_data()
    expected = TensorData([[[0, 0, 0, 0]], [[2, 2, 2, 2]]])
    data.assert_eq(expected, False)


def test_categorical_deterministic_single_category(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    probs = TestTensor.from_([[1.0, 0.0, 0.0]])
    samples = probs.categorical(10)
    data = samples.into_data()
    expected = TensorData([[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]])
    data.assert_eq(expected, False)


def test_categorical_deterministic_last_category(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    probs = TestTensor.from_([[0.0, 0.0, 1.0]])
    samples = probs.categorical(10)
    data = samples.into_data()
    expected = TensorData([[2, 2, 2, 2, 2, 2, 2, 2, 2, 2]])
    data.assert_eq(expected, False)


def test_categorical_indices_in_range(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    num_categories = 5
    probs = TestTensor.from_([[0.2, 0.2, 0.2, 0.2, 0.2]])
    samples = probs.categorical(100)
    data = samples.into_data()
    data.assert_within_range(bslice(0, num_categories, 1, False))


def test_categorical_batch_deterministic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    probs = TestTensor.from_([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    samples = probs.categorical(5)
    data = samples.into_data()
    expected = TensorData([[0, 0, 0, 0, 0], [2, 2, 2, 2, 2]])
    data.assert_eq(expected, False)


def test_categorical_single_category_always_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    probs = TestTensor.from_([[1.0]])
    samples = probs.categorical(5)
    data = samples.into_data()
    expected = TensorData([[0, 0, 0, 0, 0]])
    data.assert_eq(expected, False)


def test_categorical_unnormalized_weights(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    probs = TestTensor.from_([[0.0, 0.0, 10.0]])
    samples = probs.categorical(10)
    data = samples.into_data()
    expected = TensorData([[2, 2, 2, 2, 2, 2, 2, 2, 2, 2]])
    data.assert_eq(expected, False)


def test_categorical_zero_samples_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['categorical']):
        probs = TestTensor.from_([[0.5, 0.5]])
        _ = probs.categorical(0)
