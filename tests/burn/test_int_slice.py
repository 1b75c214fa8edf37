"""Burn's `tensor/int/ops/slice.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_slice_should_not_corrupt_potentially_inplace_operations(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3, 4, 5])
    tensor = tensor.slice([bslice(0, 3, 1, False)]) + tensor.slice([bslice(2, 5, 1, False)])
    expected = TensorData([4, 6, 8])
    tensor.into_data().assert_eq(expected, False)


def test_slice_int_tensor_with_steps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], device)
    sliced = tensor.slice([bslice(0, 3, 2, False)])
    expected = TensorData([[1, 2, 3, 4], [9, 10, 11, 12]])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(None, None, 1, False), bslice(0, 4, -1, False)])
    expected = TensorData([[4, 3, 2, 1], [8, 7, 6, 5], [12, 11, 10, 9]])
    sliced.into_data().assert_eq(expected, False)
