"""Burn's `tensor/int/ops/stack.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_stack_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_data([[1, 2, 3]], device)
    tensor_2 = TestTensorInt.from_data([[4, 5, 6]], device)
    output = TestTensor.stack([tensor_1, tensor_2], 0)
    expected = TensorData([[[1, 2, 3]], [[4, 5, 6]]])
    output.into_data().assert_eq(expected, False)


def test_should_generate_row_major_layout(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(1, 25, 1, False), device).reshape([4, 6])
    zeros = TestTensorInt.zeros([4, 6], device)
    intersperse = TestTensor.stack([tensor, zeros].to_vec(), 2).reshape([4, 12])
    expected = TensorData([[1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0], [7, 0, 8, 0, 9, 0, 10, 0, 11, 0, 12, 0], [13, 0, 14, 0, 15, 0, 16, 0, 17, 0, 18, 0], [19, 0, 20, 0, 21, 0, 22, 0, 23, 0, 24, 0]])
    intersperse.into_data().assert_eq(expected, False)
