"""Burn's `tensor/bool/ops/repeat_dim.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_bool_repeat_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[True, False, False]])
    tensor = TestTensorBool.from_data(data, device)
    output = tensor.repeat_dim(0, 4)
    expected = TensorData([[True, False, False], [True, False, False], [True, False, False], [True, False, False]])
    output.into_data().assert_eq(expected, False)


def test_should_support_bool_repeat_on_dims_larger_than_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[[False, True], [True, False]], [[True, True], [False, False]]])
    tensor = TestTensorBool.from_data(data, device)
    output = tensor.repeat_dim(1, 2)
    expected = TensorData([[[False, True], [True, False], [False, True], [True, False]], [[True, True], [False, False], [True, True], [False, False]]])
    output.into_data().assert_eq(expected, False)
