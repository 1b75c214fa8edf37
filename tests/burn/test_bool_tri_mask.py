"""Burn's `tensor/bool/ops/tri_mask.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_square_diag(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_expected = TensorData([[False, True, True], [True, False, True], [True, True, False]])
    tensor = TestTensorBool.diag_mask([3, 3], 0, device)
    tensor.into_data().assert_eq(data_expected, False)


def test_square_diag_offset(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_expected = TensorData([[True, False, True], [True, True, False], [True, True, True]])
    tensor = TestTensorBool.diag_mask([3, 3], 1, device)
    tensor.into_data().assert_eq(data_expected, False)


def test_square_tri_upper(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_expected = TensorData([[False, False, False], [True, False, False], [True, True, False]])
    tensor = TestTensorBool.triu_mask([3, 3], 0, device)
    tensor.into_data().assert_eq(data_expected, False)


def test_square_tri_upper_offset(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_expected = TensorData([[True, False, False], [True, True, False], [True, True, True]])
    tensor = TestTensorBool.triu_mask([3, 3], 1, device)
    tensor.into_data().assert_eq(data_expected, False)


def test_square_tri_lower(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_expected = TensorData([[False, True, True], [False, False, True], [False, False, False]])
    tensor = TestTensorBool.tril_mask([3, 3], 0, device)
    tensor.into_data().assert_eq(data_expected, False)


def test_square_tri_lower_offset(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_expected = TensorData([[True, True, True], [False, True, True], [False, False, True]])
    tensor = TestTensorBool.tril_mask([3, 3], -1, device)
    tensor.into_data().assert_eq(data_expected, False)


def test_rect_diag(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_expected = TensorData([[False, True, True, True], [True, False, True, True], [True, True, False, True]])
    tensor = TestTensorBool.diag_mask([3, 4], 0, device)
    tensor.into_data().assert_eq(data_expected, False)
    data_expected = TensorData([[False, True, True], [True, False, True], [True, True, False], [True, True, True]])
    tensor = TestTensorBool.diag_mask([4, 3], 0, device)
    tensor.into_data().assert_eq(data_expected, False)
