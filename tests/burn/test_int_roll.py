"""Burn's `tensor/int/ops/roll.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_roll(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    input.roll([0, 0], [0, 1]).to_data().assert_eq(input.to_data(), False)
    input.roll([1, -1], [0, 1]).to_data().assert_eq(TensorData([[5, 3, 4], [2, 0, 1]]), False)
    input.roll([-1, 1], [1, 0]).to_data().assert_eq(TensorData([[5, 3, 4], [2, 0, 1]]), False)
    input.roll([2 * 32 + 1, 3 * (-400) - 1], [0, 1]).to_data().assert_eq(TensorData([[5, 3, 4], [2, 0, 1]]), False)


def test_roll_dim_too_big(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['roll']):
        input = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
        _d = input.roll([1], [2])


def test_roll_dim_too_small(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['roll']):
        input = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
        _d = input.roll([1], [-3])


def test_roll_shift_size_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['roll']):
        input = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
        _d = input.roll([1, 2], [0])


def test_roll_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    input.roll_dim(1, 0).to_data().assert_eq(TensorData([[3, 4, 5], [0, 1, 2]]), False)
    input.roll_dim(-1, 1).to_data().assert_eq(TensorData([[2, 0, 1], [5, 3, 4]]), False)


def test_roll_dim_dim_too_big(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['roll_dim']):
        input = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
        _d = input.roll_dim(1, 2)


def test_roll_dim_dim_too_small(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['roll_dim']):
        input = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
        _d = input.roll_dim(1, -3)
