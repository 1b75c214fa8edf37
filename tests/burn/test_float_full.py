"""Burn's `tensor/float/ops/full.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_data_full(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = td_full([2, 3], 2.0)
    tensor.assert_eq(TensorData([[2.0, 2.0, 2.0], [2.0, 2.0, 2.0]]), False)


def test_tensor_full(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.full([2, 3], 2.1, device)
    tensor.into_data().assert_eq(TensorData([[2.1, 2.1, 2.1], [2.1, 2.1, 2.1]]), False)


def test_tensor_full_options(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.full([2, 3], 2.1, device, dtype=DType.F32)
    assert_eq_(tensor.dtype, DType.F32)
    tensor.into_data().assert_eq(TensorData([[2.1, 2.1, 2.1], [2.1, 2.1, 2.1]]), False)
