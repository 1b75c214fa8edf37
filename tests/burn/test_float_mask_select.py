"""Burn's `tensor/float/ops/mask_select.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_mask_select_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0, 5.0])
    mask = TestTensorBool.from_([False, True, False, True, True])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([2.0, 4.0, 5.0]), False)


def test_mask_select_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    mask = TestTensorBool.from_([[True, False, True], [False, True, False]])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([1.0, 3.0, 5.0]), False)


def test_mask_select_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]])
    mask = TestTensorBool.from_([[[True, False], [False, True]], [[True, True], [False, False]]])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([1.0, 4.0, 5.0, 6.0]), False)


def test_mask_select_single_element(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    mask = TestTensorBool.from_([[False, False], [True, False]])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([3.0]), False)


def test_mask_select_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0])
    mask = TestTensorBool.from_([False, False, False])
    output = tensor.mask_select(mask)
    assert_eq_(output.shape(), Shape([0]))
    out = output.to_data().to_vec()
    assert_(ris_empty(out))


def test_mask_select_transposed_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]]).transpose()
    mask = TestTensorBool.from_([[True, False], [False, True]])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([1.0, 4.0]), False)


def test_mask_select_both_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0]).flip([0])
    mask = TestTensorBool.from_([True, False, True, False]).flip([0])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([3.0, 1.0]), False)


def test_mask_select_narrowed_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).narrow(0, 1, 4)
    mask = TestTensorBool.from_([True, False, False, True])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([2.0, 5.0]), False)


def test_mask_select_shape_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['mask_select']):
        tensor = TestTensor.from_([1.0, 2.0, 3.0])
        mask = TestTensorBool.from_([True, False])
        _output = tensor.mask_select(mask)
