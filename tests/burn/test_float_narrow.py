"""Burn's `tensor/float/ops/narrow.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_narrow_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device)
    output = tensor.narrow(0, 0, 2)
    expected = TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    assert_eq_(output.shape(), Shape([2, 3]))
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_narrow_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device)
    output = tensor.narrow(1, 1, 2)
    expected = TensorData([[2.0, 3.0], [5.0, 6.0], [8.0, 9.0]])
    assert_eq_(output.shape(), Shape([3, 2]))
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_narrow_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    shape = Shape([8, 8])
    tensor = TestTensorInt.arange(bslice(0, shape.num_elements(), 1, False), device).reshape(shape).float()
    output = tensor.narrow(0, 3, 4)
    expected = TensorData([[24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0], [32.0, 33.0, 34.0, 35.0, 36.0, 37.0, 38.0, 39.0], [40.0, 41.0, 42.0, 43.0, 44.0, 45.0, 46.0, 47.0], [48.0, 49.0, 50.0, 51.0, 52.0, 53.0, 54.0, 55.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_narrow_invalid_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['narrow']):
        tensor = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device)
        _output = tensor.narrow(2, 0, 2)


def test_narrow_invalid_start(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['narrow']):
        tensor = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device)
        _output = tensor.narrow(0, 3, 2)


def test_narrow_invalid_zero_length(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['narrow']):
        tensor = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device)
        _output = tensor.narrow(0, 1, 0)


def test_narrow_invalid_length(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['narrow']):
        tensor = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device)
        _output = tensor.narrow(0, 0, 4)
