"""Burn's `tensor/int/ops/cat.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_cat_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_data([[1, 2, 3]], device)
    tensor_2 = TestTensorInt.from_data([[4, 5, 6]], device)
    output = TestTensor.cat([tensor_1, tensor_2], 0)
    output.into_data().assert_eq(TensorData([[1, 2, 3], [4, 5, 6]]), False)


def test_should_support_cat_with_empty_tensor_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_data([[1, 2, 3]], device)
    tensor_2 = expect_rank(TestTensorInt.empty([1, 0], device), 2, 'TestTensorInt.empty([1, 0], device)')
    output = TestTensor.cat([tensor_1, tensor_2], 1)
    output.into_data().assert_eq(TensorData([[1, 2, 3]]), False)
