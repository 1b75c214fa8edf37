"""Burn's `tensor/bool/ops/cat.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_cat_ops_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorBool.from_data([[False, True, True]], device)
    tensor_2 = TestTensorBool.from_data([[True, True, False]], device)
    output = TestTensor.cat([tensor_1, tensor_2], 0)
    output.into_data().assert_eq(TensorData([[False, True, True], [True, True, False]]), False)


def test_should_support_cat_with_empty_tensor_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorBool.from_data([[True, False, True]], device)
    tensor_2 = expect_rank(TestTensorBool.empty([1, 0], device), 2, 'TestTensorBool.empty([1, 0], device)')
    output = TestTensor.cat([tensor_1, tensor_2], 1)
    output.into_data().assert_eq(TensorData([[True, False, True]]), False)
