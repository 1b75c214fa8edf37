"""Burn's `tensor/bool/ops/cast.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cast_bool_to_int_with_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[True, False, True], [False, False, True]])
    output = tensor.cast(IntDType.I32)
    assert_eq_(output.dtype, DType.I32)
    expected = TensorData([[1, 0, 1], [0, 0, 1]])
    output.into_data().assert_eq(expected, False)


def test_cast_bool_to_float_with_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[True, False, True], [False, False, True]])
    output = tensor.cast(FloatDType.F32)
    assert_eq_(output.dtype, DType.F32)
    expected = TensorData([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    output.into_data().assert_eq(expected, False)


def test_bool_into_int_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    t = TestTensorBool.from_([True, False, True, False]).flip([0])
    output = t.int()
    output.into_data().assert_eq(TensorData([0, 1, 0, 1]), False)


def test_bool_into_float_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    t = TestTensorBool.from_([True, False, True, False]).flip([0])
    output = t.float()
    output.into_data().assert_eq(TensorData([0.0, 1.0, 0.0, 1.0]), False)


def test_bool_into_int_flipped_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    t = TestTensorBool.from_([[True, False], [False, True]]).flip([0])
    output = t.int()
    output.into_data().assert_eq(TensorData([[0, 1], [1, 0]]), False)
