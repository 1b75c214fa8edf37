"""Burn's `tensor/bool/ops/any.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_any(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[False, False, False], [True, True, False]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([True])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorBool.from_([[False, False, False], [False, False, False]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([False])
    data_expected.assert_eq(data_actual, False)


def test_any_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[False, False, False], [True, True, False]])
    data_actual = tensor.any_dim(1).into_data()
    data_expected = TensorData([[False], [True]])
    data_expected.assert_eq(data_actual, False)
