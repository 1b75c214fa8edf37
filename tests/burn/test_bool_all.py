"""Burn's `tensor/bool/ops/all.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_all(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[False, True, False], [True, True, True]])
    data_actual = tensor.all().into_data()
    data_expected = TensorData([False])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorBool.from_([[True, True, True], [True, True, True]])
    data_actual = tensor.all().into_data()
    data_expected = TensorData([True])
    data_expected.assert_eq(data_actual, False)


def test_all_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[False, True, False], [True, True, True]])
    data_actual = tensor.all_dim(1).into_data()
    data_expected = TensorData([[False], [True]])
    data_expected.assert_eq(data_actual, False)


def test_all_with_bool_from_lower_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensor.from_([[0.0, 1.0, 0.0], [1.0, -1.0, 1.0]]) + 1e-6
    tensor2 = TestTensor.from_([[0.0, 1.0, 0.0], [1.0, -1.0, 1.0]]) + 1e-6
    ge = tensor1.lower_equal(tensor2)
    all = rall(ge)
    TensorData([True]).assert_eq(all.into_data(), False)
