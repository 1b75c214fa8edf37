"""Burn's `tensor/float/ops/cast.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cast_float_to_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensor.from_([[0.0, 43.0, 0.0], [2.0, -4.2, 31.33]])
    data_actual = tensor1.bool().into_data()
    data_expected = TensorData([[False, True, False], [True, True, True]])
    data_actual.assert_eq(data_expected, False)


def test_cast_float_to_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.4, 5.5, 6.6]]).int()
    expected = TensorData([[1, 2, 3], [4, 5, 6]])
    tensor.into_data().assert_eq(expected, False)


def test_cast_int_to_float_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]]).float()
    expected = TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    tensor.into_data().assert_eq(expected, False)


def test_cast_bool_to_float_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[True, False, True], [False, False, True]]).float()
    expected = TensorData([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    tensor.into_data().assert_eq(expected, False)


def test_cast_float_precision(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[1.0, 2.0, 3.0], [4.4, 5.5, 6.6]])
    tensor = TestTensor.from_(data)
    output = tensor.cast(DType.F32)
    assert_eq_(output.dtype, DType.F32)
    output.into_data().assert_approx_eq(data, Tolerance.default())


def test_cast_float_to_int_with_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.4, 5.5, 6.6]])
    output = tensor.cast(IntDType.I32)
    assert_eq_(output.dtype, DType.I32)
    expected = TensorData([[1, 2, 3], [4, 5, 6]])
    output.into_data().assert_eq(expected, False)


def test_cast_float_within_kind_with_float_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.5, 3.7])
    output = tensor.cast(FloatDType.F32)
    assert_eq_(output.dtype, DType.F32)


def test_cast_float_same_dtype_is_noop(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([1.0, 2.0, 3.0])
    tensor = TestTensor.from_(data)
    original_dtype = tensor.dtype
    float_dtype = original_dtype
    output = tensor.cast(float_dtype)
    assert_eq_(output.dtype, original_dtype)
    output.into_data().assert_eq(data, False)


def test_cast_float_with_int_dtype_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['cast']):
        tensor = TestTensor.from_([1.0, 2.0])
        _ = tensor.cast(DType.I32)
