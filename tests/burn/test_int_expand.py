"""Burn's `tensor/int/ops/expand.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_expand_2d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3])
    output = tensor.expand([3, 3])
    output.into_data().assert_eq(TensorData([[1, 2, 3], [1, 2, 3], [1, 2, 3]]), False)


def test_should_all_negative_one(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3])
    output = tensor.expand([2, -1])
    output.into_data().assert_eq(TensorData([[1, 2, 3], [1, 2, 3]]), False)


def test_should_panic_negative_one_on_non_existing_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['expand']):
        tensor = TestTensorInt.from_([1, 2, 3])
        _expanded_tensor = tensor.expand([-1, 3])


def test_inplace_op_after_expand(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3])
    output = tensor.expand([2, 3])
    output = output + 1
    output.into_data().assert_eq(TensorData([[2, 3, 4], [2, 3, 4]]), False)


def test_expand_int_after_transpose(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2], [3, 4]]).transpose()
    output = tensor.expand([3, 2, 2])
    output.into_data().assert_eq(TensorData([[[1, 3], [2, 4]], [[1, 3], [2, 4]], [[1, 3], [2, 4]]]), False)


def test_expand_int_after_flip(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3]).flip([0])
    output = tensor.expand([2, 3])
    output.into_data().assert_eq(TensorData([[3, 2, 1], [3, 2, 1]]), False)


def test_expand_int_after_narrow(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([0, 1, 2, 3, 4]).narrow(0, 1, 3)
    output = tensor.expand([2, 3])
    output.into_data().assert_eq(TensorData([[1, 2, 3], [1, 2, 3]]), False)
