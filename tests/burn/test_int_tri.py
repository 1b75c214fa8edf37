"""Burn's `tensor/int/ops/tri.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_triu_negative_diagonal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 1, 1], [1, 1, 1], [1, 1, 1]])
    output = tensor.triu(-1)
    expected = TensorData([[1, 1, 1], [1, 1, 1], [0, 1, 1]])
    output.into_data().assert_eq(expected, False)


def test_triu_batch_tensors(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]], [[[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]]])
    output = tensor.triu(1)
    expected = TensorData([[[[0, 1, 1, 1], [0, 0, 1, 1], [0, 0, 0, 1], [0, 0, 0, 0]]], [[[0, 1, 1, 1], [0, 0, 1, 1], [0, 0, 0, 1], [0, 0, 0, 0]]]])
    output.into_data().assert_eq(expected, False)


def test_triu_too_few_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['triu']):
        tensor = TestTensorInt.from_([1, 2, 3])
        _output = tensor.triu(0)


def test_tril(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
    output = tensor.tril(0)
    expected = TensorData([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [1.0, 1.0, 1.0]])
    output.into_data().assert_eq(expected, False)


def test_tril_positive_diagonal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 1, 1], [1, 1, 1], [1, 1, 1]])
    output = tensor.tril(1)
    expected = TensorData([[1, 1, 0], [1, 1, 1], [1, 1, 1]])
    output.into_data().assert_eq(expected, False)


def test_tril_negative_diagonal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 1, 1], [1, 1, 1], [1, 1, 1]])
    output = tensor.tril(-1)
    expected = TensorData([[0, 0, 0], [1, 0, 0], [1, 1, 0]])
    output.into_data().assert_eq(expected, False)


def test_tril_batch_tensors(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]], [[[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]]])
    output = tensor.tril(1)
    expected = TensorData([[[[1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1], [1, 1, 1, 1]]], [[[1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1], [1, 1, 1, 1]]]])
    output.into_data().assert_eq(expected, False)


def test_tril_too_few_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['tril']):
        tensor = TestTensorInt.from_([1, 2, 3])
        _output = tensor.tril(0)
