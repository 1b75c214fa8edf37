"""Burn's `tensor/int/ops/remainder.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_int_remainder_basic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-3, -2, -1, 1, 2, 3])
    device = device
    lhs = TestTensorInt.from_data(data, device)
    rhs = TestTensorInt.from_data(TensorData([2, 3, 1, 2, 1, 3]), device)
    output = lhs.remainder(rhs)
    expected = TensorData([1, 1, -0, 1, 0, 0])
    output.into_data().assert_eq(expected, False)


def test_should_support_int_remainder_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensorInt.from_data(TensorData([[10, 20, 30]]), device)
    rhs = TestTensorInt.from_data(TensorData([[7]]), device)
    output = lhs.remainder(rhs)
    expected = TensorData([[3, 6, 2]])
    output.into_data().assert_eq(expected, False)


def test_should_support_int_remainder_basic_scalar(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-3, -2, -1, 1, 2, 3])
    device = device
    tensor = TestTensorInt.from_data(data, device)
    output = tensor.remainder_scalar(2)
    expected = TensorData([1, 0, 1, 1, 0, 1])
    output.into_data().assert_eq(expected, False)
