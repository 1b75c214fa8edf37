"""Burn's `tensor/int/ops/any.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_any(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[0, 0, 0], [1, -1, 0]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([True])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorInt.from_([[0, 0, 0], [0, 0, 0]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([False])
    data_expected.assert_eq(data_actual, False)


def test_any_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[0, 0, 0], [1, -1, 0]])
    data_actual = tensor.any_dim(1).into_data()
    data_expected = TensorData([[False], [True]])
    data_expected.assert_eq(data_actual, False)
