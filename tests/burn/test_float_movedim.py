"""Burn's `tensor/float/ops/movedim.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_movedim_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4]).float()
    permuted = tensor.movedim(0, 2)
    expected = TensorData([[[0.0, 12.0], [1.0, 13.0], [2.0, 14.0], [3.0, 15.0]], [[4.0, 16.0], [5.0, 17.0], [6.0, 18.0], [7.0, 19.0]], [[8.0, 20.0], [9.0, 21.0], [10.0, 22.0], [11.0, 23.0]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim(0, -1)
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim(0, 0)
    permuted.into_data().assert_eq(tensor.into_data(), True)


def test_vec_input_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4]).float()
    permuted = tensor.movedim([0, 1], [1, 0])
    expected = TensorData([[[0.0, 1.0, 2.0, 3.0], [12.0, 13.0, 14.0, 15.0]], [[4.0, 5.0, 6.0, 7.0], [16.0, 17.0, 18.0, 19.0]], [[8.0, 9.0, 10.0, 11.0], [20.0, 21.0, 22.0, 23.0]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim([-3, -2], [-2, -3])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim([0, 1], [0, 1])
    permuted.into_data().assert_eq(tensor.into_data(), True)


def test_different_input_types(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4]).float()
    permuted = tensor.movedim(0, 2)
    expected = TensorData([[[0.0, 12.0], [1.0, 13.0], [2.0, 14.0], [3.0, 15.0]], [[4.0, 16.0], [5.0, 17.0], [6.0, 18.0], [7.0, 19.0]], [[8.0, 20.0], [9.0, 21.0], [10.0, 22.0], [11.0, 23.0]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim(0, -1)
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim(0, 0)
    permuted.into_data().assert_eq(tensor.into_data(), True)


def test_edge_different_sizes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape', 'movedim']):
        device = device
        tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
        _ = tensor.movedim([0, 1], [0])


def test_edge_out_of_bound_axis(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape', 'movedim']):
        device = device
        tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
        _ = tensor.movedim(0, 100)


def test_edge_vec_is_not_a_set(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape', 'movedim']):
        device = device
        tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
        _ = tensor.movedim([0, 1, 1, 1, 1], [0, 0, 1])


def test_edge_out_of_bound_axis_vec(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape', 'movedim']):
        device = device
        tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
        _ = tensor.movedim([0, 100], [0, 1])
