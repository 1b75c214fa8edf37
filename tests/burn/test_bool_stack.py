"""Burn's `tensor/bool/ops/stack.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_stack_ops_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorBool.from_data([[False, True, True]], device)
    tensor_2 = TestTensorBool.from_data([[True, True, False]], device)
    output = TestTensor.stack([tensor_1, tensor_2], 0)
    expected = TensorData([[[False, True, True]], [[True, True, False]]])
    output.into_data().assert_eq(expected, False)
