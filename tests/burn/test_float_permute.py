"""Burn's `tensor/float/ops/permute.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_permute_float_a(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]).reshape([2, 2, 4])
    permuted = tensor.permute([2, 1, 0])
    expected = TensorData([[[0.0, 8.0], [4.0, 12.0]], [[1.0, 9.0], [5.0, 13.0]], [[2.0, 10.0], [6.0, 14.0]], [[3.0, 11.0], [7.0, 15.0]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.permute([-1, 1, 0])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.permute([0, 1, 2])
    permuted.into_data().assert_eq(tensor.into_data(), False)


def test_permute_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4]).float()
    permuted = tensor.permute([2, 1, 0])
    expected = TensorData([[[0.0, 12.0], [4.0, 16.0], [8.0, 20.0]], [[1.0, 13.0], [5.0, 17.0], [9.0, 21.0]], [[2.0, 14.0], [6.0, 18.0], [10.0, 22.0]], [[3.0, 15.0], [7.0, 19.0], [11.0, 23.0]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.permute([-1, 1, 0])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.permute([0, 1, 2])
    permuted.into_data().assert_eq(tensor.into_data(), True)
