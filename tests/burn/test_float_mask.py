"""Burn's `tensor/float/ops/mask.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_mask_fill_swap_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.arange(bslice(0, 16, 1, False), device).float()
    tensor_1 = tensor_1.reshape([2, 2, 4])
    tensor_1 = tensor_1.swap_dims(0, 2)
    mask = tensor_1.lower_equal_elem(5.0)
    output = tensor_1.mask_fill(mask, -5.0)
    expected = TensorData([[[-5.0, 8.0], [-5.0, 12.0]], [[-5.0, 9.0], [-5.0, 13.0]], [[-5.0, 10.0], [6.0, 14.0]], [[-5.0, 11.0], [7.0, 15.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_mask_where_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 7.0], [2.0, 3.0]], device)
    mask = TestTensorBool.from_bool(TensorData([[True, False], [False, True]]), device)
    value = TestTensor.from_data(TensorData([[1.8, 2.8], [3.8, 4.8]]), device)
    output = tensor.mask_where(mask, value)
    expected = TensorData([[1.8, 7.0], [2.0, 4.8]])
    output.into_data().assert_eq(expected, False)


def test_should_support_mask_where_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(2, 6, 1, False), device).reshape([1, 2, 2])
    mask = TestTensorBool.from_bool(TensorData([[[True, False], [False, True]], [[False, True], [True, False]], [[False, False], [False, False]], [[True, True], [True, True]]]), device)
    value = TestTensor.ones([4, 2, 2], device)
    output = tensor.float().mask_where(mask, value)
    expected = TensorData([[[1.0, 3.0], [4.0, 1.0]], [[2.0, 1.0], [1.0, 5.0]], [[2.0, 3.0], [4.0, 5.0]], [[1.0, 1.0], [1.0, 1.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_mask_where_broadcast_value_small(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(2, 4, 1, False), device).float()
    mask = TestTensorBool.from_bool(TensorData([True, False]), device)
    value = TestTensor.ones([1], device)
    output = tensor.mask_where(mask, value)
    expected = TensorData([1.0, 3.0])
    output.into_data().assert_eq(expected, False)


def test_should_handle_mask_where_nans(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[lim('f32', 'NAN'), lim('f32', 'NAN'), lim('f32', 'NAN')], [lim('f32', 'NAN'), lim('f32', 'NAN'), lim('f32', 'NAN')], [lim('f32', 'NAN'), lim('f32', 'NAN'), lim('f32', 'NAN')]], device)
    mask = TestTensorBool.from_bool(TensorData([[True, True, True], [True, True, False], [False, False, False]]), device)
    value = TestTensor.from_data(TensorData([[0.9, 0.8, 0.7], [0.6, 0.5, 0.4], [0.3, 0.2, 0.1]]), device)
    output = tensor.mask_where(mask, value)
    expected = TensorData([[0.9, 0.8, 0.7], [0.6, 0.5, lim('f32', 'NAN')], [lim('f32', 'NAN'), lim('f32', 'NAN'), lim('f32', 'NAN')]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_mask_fill_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 7.0], [2.0, 3.0]], device)
    mask = TestTensorBool.from_bool(TensorData([[True, False], [False, True]]), device)
    output = tensor.mask_fill(mask, 2.0)
    expected = TensorData([[2.0, 7.0], [2.0, 2.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_mask_fill_broadcasted(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.zeros([1, 4, 2, 2], device)
    mask = TestTensorBool.from_bool(TensorData([[[[True, False], [False, True]]]]), device)
    output = tensor.mask_fill(mask, 2.0)
    expected = TensorData([[[[2.0, 0.0], [0.0, 2.0]], [[2.0, 0.0], [0.0, 2.0]], [[2.0, 0.0], [0.0, 2.0]], [[2.0, 0.0], [0.0, 2.0]]]])
    output.into_data().assert_eq(expected, False)


def test_float_mask_fill_infinite(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[lim('f32', 'NEG_INFINITY'), lim('f32', 'NEG_INFINITY')], [lim('f32', 'NEG_INFINITY'), lim('f32', 'NEG_INFINITY')]], device)
    mask = TestTensorBool.from_bool(TensorData([[True, False], [False, True]]), device)
    output = tensor.mask_fill(mask, 10.0)
    expected = TensorData([[10, lim('f32', 'NEG_INFINITY')], [lim('f32', 'NEG_INFINITY'), 10]])
    output.into_data().assert_eq(expected, False)


def test_should_support_mask_fill_transposed_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]]).transpose()
    mask = TestTensorBool.from_([[True, False], [False, True]])
    output = tensor.mask_fill(mask, 0.0)
    output.into_data().assert_eq(TensorData([[0.0, 3.0], [2.0, 0.0]]), False)


def test_should_support_mask_fill_flipped_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0]).flip([0])
    mask = TestTensorBool.from_([True, True, False, False])
    output = tensor.mask_fill(mask, 0.0)
    output.into_data().assert_eq(TensorData([0.0, 0.0, 2.0, 1.0]), False)


def test_should_support_mask_fill_flipped_mask(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0])
    mask = TestTensorBool.from_([False, False, True, True]).flip([0])
    output = tensor.mask_fill(mask, 0.0)
    output.into_data().assert_eq(TensorData([0.0, 0.0, 3.0, 4.0]), False)


def test_should_support_mask_where_flipped_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]]).flip([0])
    mask = TestTensorBool.from_([[True, False], [False, True]])
    value = TestTensor.from_([[10.0, 20.0], [30.0, 40.0]])
    output = tensor.mask_where(mask, value)
    output.into_data().assert_eq(TensorData([[10.0, 4.0], [1.0, 40.0]]), False)


def test_should_support_mask_fill_both_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0]).flip([0])
    mask = TestTensorBool.from_([True, False, True, False]).flip([0])
    output = tensor.mask_fill(mask, 0.0)
    output.into_data().assert_eq(TensorData([4.0, 0.0, 2.0, 0.0]), False)


def test_should_support_mask_fill_narrowed_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).narrow(0, 1, 4)
    mask = TestTensorBool.from_([True, False, False, True])
    output = tensor.mask_fill(mask, 0.0)
    output.into_data().assert_eq(TensorData([0.0, 3.0, 4.0, 0.0]), False)
