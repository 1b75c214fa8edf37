"""Burn's `tensor/float/ops/slice_assign.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_slice_assign_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    data_assigned = TensorData([10.0, 5.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    tensor_assigned = TestTensor.from_data(data_assigned, device)
    output = tensor.slice_assign([bslice(0, 2, 1, False)], tensor_assigned)
    expected = TensorData([10.0, 5.0, 2.0])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_assign_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    data_assigned = TensorData([[10.0, 5.0]])
    device = device
    tensor = TestTensor.from_data(data, device)
    tensor_assigned = TestTensor.from_data(data_assigned, device)
    output = tensor.slice_assign([bslice(1, 2, 1, False),bslice(0, 2, 1, False)], tensor_assigned)
    expected = TensorData([[0.0, 1.0, 2.0], [10.0, 5.0, 5.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_assign_vec(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    data_assigned = TensorData([[10.0, 5.0]])
    device = device
    tensor = TestTensor.from_data(data, device)
    tensor_assigned = TestTensor.from_data(data_assigned, device)
    slices = list(rmap(iter([bslice(1, 2, 1, False),bslice(0, 2, 1, False)]), Slice.from_))
    output = tensor.slice_assign(slices, tensor_assigned)
    expected = TensorData([[0.0, 1.0, 2.0], [10.0, 5.0, 5.0]])
    output.into_data().assert_eq(expected, False)


def test_slice_assign_now_supports_non_unit_step(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.ones([4, 4], device)
    values = TestTensor.zeros([2, 4], device)
    result = tensor.slice_assign([bslice(0, 3, 2, False), bslice(None, None, 1, False)], values)
    expected = TensorData([[0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]])
    result.into_data().assert_eq(expected, False)


def test_slice_assign_with_positive_step_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], device)
    values = TestTensor.from_data([10.0, 20.0, 30.0], device)
    output = tensor.slice_assign([bslice(0, 6, 2, False)], values)
    expected = TensorData([10.0, 2.0, 20.0, 4.0, 30.0, 6.0])
    output.into_data().assert_eq(expected, False)


def test_slice_assign_with_positive_step_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]], device)
    values = TestTensor.from_data([[100.0, 101.0, 102.0, 103.0], [200.0, 201.0, 202.0, 203.0]], device)
    output = tensor.slice_assign([bslice(0, 4, 2, False)], values)
    expected = TensorData([[100.0, 101.0, 102.0, 103.0], [5.0, 6.0, 7.0, 8.0], [200.0, 201.0, 202.0, 203.0], [13.0, 14.0, 15.0, 16.0]])
    output.into_data().assert_eq(expected, False)
    values = TestTensor.from_data([[100.0, 200.0], [101.0, 201.0], [102.0, 202.0], [103.0, 203.0]], device)
    output = tensor.slice_assign([bslice(None, None, 1, False), bslice(0, 4, 2, False)], values)
    expected = TensorData([[100.0, 2.0, 200.0, 4.0], [101.0, 6.0, 201.0, 8.0], [102.0, 10.0, 202.0, 12.0], [103.0, 14.0, 203.0, 16.0]])
    output.into_data().assert_eq(expected, False)
    values = TestTensor.from_data([[100.0, 200.0], [300.0, 400.0]], device)
    output = tensor.slice_assign([bslice(0, 4, 2, False), bslice(0, 4, 2, False)], values)
    expected = TensorData([[100.0, 2.0, 200.0, 4.0], [5.0, 6.0, 7.0, 8.0], [300.0, 10.0, 400.0, 12.0], [13.0, 14.0, 15.0, 16.0]])
    output.into_data().assert_eq(expected, False)


def test_slice_assign_with_negative_step_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], device)
    values = TestTensor.from_data([60.0, 50.0, 40.0, 30.0, 20.0, 10.0], device)
    output = tensor.slice_assign([bslice(0, 6, -1, False)], values)
    expected = TensorData([10.0, 20.0, 30.0, 40.0, 50.0, 60.0])
    output.into_data().assert_eq(expected, False)


def test_slice_assign_with_negative_step_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]], device)
    values = TestTensor.from_data([[30.0, 31.0, 32.0, 33.0], [20.0, 21.0, 22.0, 23.0], [10.0, 11.0, 12.0, 13.0]], device)
    output = tensor.slice_assign([bslice(0, 3, -1, False)], values)
    expected = TensorData([[10.0, 11.0, 12.0, 13.0], [20.0, 21.0, 22.0, 23.0], [30.0, 31.0, 32.0, 33.0]])
    output.into_data().assert_eq(expected, False)
    values = TestTensor.from_data([[40.0, 30.0, 20.0, 10.0], [80.0, 70.0, 60.0, 50.0], [120.0, 110.0, 100.0, 90.0]], device)
    output = tensor.slice_assign([bslice(None, None, 1, False), bslice(0, 4, -1, False)], values)
    expected = TensorData([[10.0, 20.0, 30.0, 40.0], [50.0, 60.0, 70.0, 80.0], [90.0, 100.0, 110.0, 120.0]])
    output.into_data().assert_eq(expected, False)


def test_slice_assign_with_mixed_steps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]], device)
    values = TestTensor.from_data([[100.0, 101.0, 102.0, 103.0], [200.0, 201.0, 202.0, 203.0]], device)
    output = tensor.slice_assign([bslice(0, 4, 2, False), bslice(0, 4, -1, False)], values)
    expected = TensorData([[103.0, 102.0, 101.0, 100.0], [5.0, 6.0, 7.0, 8.0], [203.0, 202.0, 201.0, 200.0], [13.0, 14.0, 15.0, 16.0]])
    output.into_data().assert_eq(expected, False)
    values = TestTensor.from_data([[100.0, 200.0], [101.0, 201.0], [102.0, 202.0], [103.0, 203.0]], device)
    output = tensor.slice_assign([bslice(0, 4, -1, False), bslice(0, 4, 2, False)], values)
    expected = TensorData([[103.0, 2.0, 203.0, 4.0], [102.0, 6.0, 202.0, 8.0], [101.0, 10.0, 201.0, 12.0], [100.0, 14.0, 200.0, 16.0]])
    output.into_data().assert_eq(expected, False)


def test_slice_assign_3d_with_steps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]], [[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]], device)
    values = TestTensor.from_data([[[100.0, 101.0], [102.0, 103.0]], [[200.0, 201.0], [202.0, 203.0]]], device)
    output = tensor.slice_assign([bslice(0, 4, 2, False), bslice(None, None, 1, False), bslice(None, None, 1, False)], values)
    expected = TensorData([[[100.0, 101.0], [102.0, 103.0]], [[5.0, 6.0], [7.0, 8.0]], [[200.0, 201.0], [202.0, 203.0]], [[13.0, 14.0], [15.0, 16.0]]])
    output.into_data().assert_eq(expected, False)
    values = TestTensor.from_data([[[400.0, 399.0], [398.0, 397.0]], [[396.0, 395.0], [394.0, 393.0]], [[392.0, 391.0], [390.0, 389.0]], [[388.0, 387.0], [386.0, 385.0]]], device)
    output = tensor.slice_assign([bslice(0, 4, -1, False), bslice(0, 2, -1, False), bslice(0, 2, -1, False)], values)
    expected = TensorData([[[385.0, 386.0], [387.0, 388.0]], [[389.0, 390.0], [391.0, 392.0]], [[393.0, 394.0], [395.0, 396.0]], [[397.0, 398.0], [399.0, 400.0]]])
    output.into_data().assert_eq(expected, False)


def test_slice_assign_partial_with_steps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0], [11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0, 20.0], [21.0, 22.0, 23.0, 24.0, 25.0]], device)
    values = TestTensor.from_data([[100.0, 200.0], [300.0, 400.0]], device)
    output = tensor.slice_assign([bslice(1, 4, 2, False), bslice(1, 4, 2, False)], values)
    expected = TensorData([[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 100.0, 8.0, 200.0, 10.0], [11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 300.0, 18.0, 400.0, 20.0], [21.0, 22.0, 23.0, 24.0, 25.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_assign_empty_range(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    values = expect_rank(TestTensor.empty([2, 0], device), 2, 'TestTensor.empty([2, 0], device)')
    output = tensor.slice_assign([bslice(0, 2, 1, False),bslice(1, 1, 1, False)], values)
    expected = TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_assign_empty_range_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([1.0, 2.0, 3.0, 4.0, 5.0], device)
    values = expect_rank(TestTensor.empty([0], device), 1, 'TestTensor.empty([0], device)')
    output = tensor.slice_assign([bslice(2, 2, 1, False)], values)
    expected = TensorData([1.0, 2.0, 3.0, 4.0, 5.0])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_assign_single_dim_slice(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x = TestTensor.ones([2, 3, 1], device)
    values = TestTensor.zeros([1, 3, 1], device)
    output = x.slice_assign(1, values)
    output.into_data().assert_eq(TensorData([[[1.0], [1.0], [1.0]], [[0.0], [0.0], [0.0]]]), False)
