"""Burn's `tensor/int/ops/cast.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cast_int_to_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensorInt.from_([[0, 43, 0], [2, -4, 31]])
    data_actual = tensor1.bool().into_data()
    data_expected = TensorData([[False, True, False], [True, True, True]])
    data_actual.assert_eq(data_expected, False)


def test_cast_bool_to_int_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[True, False, True], [False, False, True]]).int()
    expected = TensorData([[1, 0, 1], [0, 0, 1]])
    tensor.into_data().assert_eq(expected, False)


def test_cast_int_precision(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[1, 2, 3], [4, 5, 6]])
    tensor = TestTensorInt.from_(data)
    output = tensor.cast(DType.I32)
    assert_eq_(output.dtype, DType.I32)
    output.into_data().assert_eq(data, False)


def test_cast_int_to_float_with_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor.cast(FloatDType.F32)
    assert_eq_(output.dtype, DType.F32)
    expected = TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output.into_data().assert_eq(expected, False)


def test_cast_int_within_kind(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3])
    output = tensor.cast(IntDType.I32)
    assert_eq_(output.dtype, DType.I32)
    expected = TensorData([1, 2, 3])
    output.into_data().assert_eq(expected, False)


def test_cast_int_same_dtype_is_noop(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([1, 2, 3])
    tensor = TestTensorInt.from_(data)
    original_dtype = tensor.dtype
    int_dtype = original_dtype
    output = tensor.cast(int_dtype)
    assert_eq_(output.dtype, original_dtype)
    output.into_data().assert_eq(data, False)


def test_cast_int_with_float_dtype_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['cast']):
        tensor = TestTensorInt.from_([1, 2])
        _ = tensor.cast(DType.F32)


def test_int_into_float_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    t = TestTensorInt.from_([1, 2, 3, 4]).flip([0])
    output = t.float()
    output.into_data().assert_eq(TensorData([4.0, 3.0, 2.0, 1.0]), False)
