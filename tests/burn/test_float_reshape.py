"""Burn's `tensor/float/ops/reshape.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_rank(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    tensor = TestTensor.from_data(data, device)
    assert_eq_(tensor.rank(), 1)
    data = TensorData([[0.0, 1.0, 2.0]])
    tensor = TestTensor.from_data(data, device)
    assert_eq_(tensor.rank(), 2)


def test_should_support_reshape_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    tensor = TestTensor.from_data(data, device)
    output = tensor.reshape([1, 3])
    expected = TensorData([[0.0, 1.0, 2.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_reshape_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.reshape([6])
    expected = TensorData([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    output.into_data().assert_eq(expected, False)


def test_should_support_dim_infererence(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0], [9.0, 10.0, 11.0]])
    tensor = TestTensor.from_data(data, device)
    reshaped = tensor.reshape([2, -1])
    assert_eq_(reshaped.shape(), [2, 6])
    reshaped = reshaped.reshape([0, 2, -1])
    assert_eq_(reshaped.shape(), [2, 2, 3])
    reshaped = tensor.reshape([-1])
    assert_eq_(reshaped.shape(), [12])
    reshaped = tensor.reshape([0, 3])
    assert_eq_(reshaped.shape(), [4, 3])


def test_should_not_corrupt_after_slice(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    zeros = TestTensor.zeros([2], device)
    zeros.slice([bslice(1, 2, 1, False)]).reshape([1]).exp()
    zeros.into_data().assert_eq(TestTensor.zeros([2], device).to_data(), True)


def test_multiple_neg_ones(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape']):
        data = TensorData([0.0, 1.0, 2.0])
        tensor = TestTensor.from_data(data, device)
        _data_actual = tensor.reshape([-1, -1]).into_data()


def test_neg_value(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape']):
        data = TensorData([0.0, 1.0, 2.0])
        tensor = TestTensor.from_data(data, device)
        _data_actual = tensor.reshape([-2, -1]).into_data()
