"""Burn's `tensor/int/ops/permute.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_permute_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
    permuted = tensor.permute([2, 1, 0])
    expected = TensorData([[[0, 12], [4, 16], [8, 20]], [[1, 13], [5, 17], [9, 21]], [[2, 14], [6, 18], [10, 22]], [[3, 15], [7, 19], [11, 23]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.permute([-1, 1, 0])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.permute([0, 1, 2])
    permuted.into_data().assert_eq(tensor.into_data(), True)


def test_edge_repeated_axes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape', 'permute']):
        device = device
        tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
        _ = tensor.permute([0, 0, 1])


def test_edge_out_of_bound_axis(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape', 'permute']):
        device = device
        tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
        _ = tensor.permute([3, 0, 1])
