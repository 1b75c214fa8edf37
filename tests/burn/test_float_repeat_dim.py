"""Burn's `tensor/float/ops/repeat_dim.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_repeat_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.repeat_dim(0, 4)
    expected = TensorData([[0.0, 1.0, 2.0], [0.0, 1.0, 2.0], [0.0, 1.0, 2.0], [0.0, 1.0, 2.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_float_repeat_on_dims_larger_than_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]], [[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.repeat_dim(2, 2)
    expected = TensorData([[[1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0]], [[5.0, 6.0, 5.0, 6.0], [7.0, 8.0, 7.0, 8.0]], [[9.0, 10.0, 9.0, 10.0], [11.0, 12.0, 11.0, 12.0]], [[13.0, 14.0, 13.0, 14.0], [15.0, 16.0, 15.0, 16.0]]])
    output.into_data().assert_eq(expected, False)


def test_repeat_dim_swap_dims_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 16, 1, False), device).float()
    tensor = tensor.reshape([4, 1, 4])
    tensor = tensor.swap_dims(0, 2)
    output = tensor.repeat_dim(1, 4)
    expected = TensorData([[[0.0, 4.0, 8.0, 12.0], [0.0, 4.0, 8.0, 12.0], [0.0, 4.0, 8.0, 12.0], [0.0, 4.0, 8.0, 12.0]], [[1.0, 5.0, 9.0, 13.0], [1.0, 5.0, 9.0, 13.0], [1.0, 5.0, 9.0, 13.0], [1.0, 5.0, 9.0, 13.0]], [[2.0, 6.0, 10.0, 14.0], [2.0, 6.0, 10.0, 14.0], [2.0, 6.0, 10.0, 14.0], [2.0, 6.0, 10.0, 14.0]], [[3.0, 7.0, 11.0, 15.0], [3.0, 7.0, 11.0, 15.0], [3.0, 7.0, 11.0, 15.0], [3.0, 7.0, 11.0, 15.0]]])
    output.into_data().assert_eq(expected, False)


def test_repeat_dim_swap_dims_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 16, 1, False), device).float()
    tensor = tensor.reshape([2, 2, 1, 4])
    tensor = tensor.swap_dims(0, 1)
    output = tensor.repeat_dim(2, 4)
    expected = TensorData([[[[0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0]], [[8.0, 9.0, 10.0, 11.0], [8.0, 9.0, 10.0, 11.0], [8.0, 9.0, 10.0, 11.0], [8.0, 9.0, 10.0, 11.0]]], [[[4.0, 5.0, 6.0, 7.0], [4.0, 5.0, 6.0, 7.0], [4.0, 5.0, 6.0, 7.0], [4.0, 5.0, 6.0, 7.0]], [[12.0, 13.0, 14.0, 15.0], [12.0, 13.0, 14.0, 15.0], [12.0, 13.0, 14.0, 15.0], [12.0, 13.0, 14.0, 15.0]]]])
    output.into_data().assert_eq(expected, False)


def test_repeat_dim_swap_dims_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 16, 1, False), device).float()
    tensor = tensor.reshape([1, 2, 2, 4])
    tensor = tensor.swap_dims(0, 2)
    tensor = tensor.swap_dims(1, 3)
    output = tensor.repeat_dim(2, 4)
    expected = TensorData([[[[0.0, 8.0], [0.0, 8.0], [0.0, 8.0], [0.0, 8.0]], [[1.0, 9.0], [1.0, 9.0], [1.0, 9.0], [1.0, 9.0]], [[2.0, 10.0], [2.0, 10.0], [2.0, 10.0], [2.0, 10.0]], [[3.0, 11.0], [3.0, 11.0], [3.0, 11.0], [3.0, 11.0]]], [[[4.0, 12.0], [4.0, 12.0], [4.0, 12.0], [4.0, 12.0]], [[5.0, 13.0], [5.0, 13.0], [5.0, 13.0], [5.0, 13.0]], [[6.0, 14.0], [6.0, 14.0], [6.0, 14.0], [6.0, 14.0]], [[7.0, 15.0], [7.0, 15.0], [7.0, 15.0], [7.0, 15.0]]]])
    output.into_data().assert_eq(expected, False)


def test_should_repeat_dim_0_times_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones([2, 3, 4], device)
    output = tensor.repeat_dim(2, 0)
    assert_eq_(output.shape(), [2, 3, 0])


def test_should_support_unsqueeze_of_repeat_dim_view(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([1.0, 2.0, 3.0], device)
    view = expect_rank(tensor.unsqueeze_dim(1).repeat_dim(1, 1), 2, 'tensor.unsqueeze_dim(1).repeat_dim(1, 1)')
    view = expect_rank(view.unsqueeze_dim(2), 3, 'view.unsqueeze_dim(2)')
    view.into_data().assert_eq(TensorData([[[1.0]], [[2.0]], [[3.0]]]), False)
