"""Burn's `tensor/bool/ops/take.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_take_bool_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([[True, False], [False, True]], device)
    indices = TestTensorInt.from_data([1, 0], device)
    output = tensor.take(0, indices)
    expected = TensorData([[False, True], [True, False]])
    output.into_data().assert_eq(expected, False)


def test_should_take_bool_tensor_with_2d_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([[True, False, True], [False, True, False], [True, True, False]], device)
    indices = TestTensorInt.from_data([[0, 2], [1, 0]], device)
    output = tensor.take(0, indices)
    expected = TensorData([[[True, False, True], [True, True, False]], [[False, True, False], [True, False, True]]])
    output.into_data().assert_eq(expected, False)
