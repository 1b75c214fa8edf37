"""Burn's `tensor/float/ops/slice.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_select_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    row1 = expect_rank(tensor.select_dim(0, 1), 1, 'tensor.select_dim(0, 1)')
    row1.to_data().assert_eq(TensorData([4.0, 5.0, 6.0]), False)
    col1 = expect_rank(tensor.select_dim(1, 1), 1, 'tensor.select_dim(1, 1)')
    col1.to_data().assert_eq(TensorData([2.0, 5.0]), False)


def test_should_support_slice_dim_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice_dim(0, bslice(-2, None, 1, False))
    output.into_data().assert_eq(TensorData([1.0, 2.0]), False)
    slice = Slice.new(1, None, 1)
    output = tensor.slice_dim(0, slice)
    output.into_data().assert_eq(TensorData([1.0, 2.0]), False)


def test_should_panic_when_slice_dim_1d_bad_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['slice_dim']):
        data = TensorData([0.0, 1.0, 2.0])
        tensor = TestTensor.from_data(data, device)
        _output = tensor.slice_dim(1,bslice(1, None, 1, False))


def test_should_panic_when_slice_dim_negative_dim_is_out_of_bounds(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['slice_dim']):
        tensor = TestTensor.from_([0.0, 1.0, 2.0])
        _output = tensor.slice_dim(-2,bslice(1, None, 1, False))


def test_should_support_slice_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice_dim(1,bslice(1, None, 1, False))
    output.into_data().assert_eq(TensorData([[1.0, 2.0], [4.0, 5.0]]), False)


def test_should_support_slice_dim_with_step(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice_dim(1, bslice(0, 4, 2, False))
    output.into_data().assert_eq(TensorData([[0.0, 2.0], [4.0, 6.0]]), False)
    slice = Slice.new(0, (4), 2)
    output = tensor.slice_dim(1, slice)
    output.into_data().assert_eq(TensorData([[0.0, 2.0], [4.0, 6.0]]), False)


def test_should_support_slice_dim_with_negative_step(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice_dim(1, bslice(None, None, -1, False))
    output.into_data().assert_eq(TensorData([[2.0, 1.0, 0.0], [5.0, 4.0, 3.0]]), False)


def test_should_support_full_sliceing_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice([bslice(0, 3, 1, False)])
    output.into_data().assert_eq(data, False)


def test_should_support_full_sliceing_vec(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    slices = [(bslice(0, 2, 1, False))]
    output = tensor.slice(slices)
    output.into_data().assert_eq(data, False)
    output = tensor.slice([bslice(0, 2, 1, False),bslice(0, 3, 1, False)])
    output.into_data().assert_eq(data, False)


def test_should_support_partial_sliceing_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice([bslice(1, 3, 1, False)])
    expected = TensorData([1.0, 2.0])
    output.into_data().assert_eq(expected, False)


def test_should_support_full_sliceing_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice([bslice(0, 2, 1, False)])
    output.into_data().assert_eq(data, False)
    output = tensor.slice([bslice(0, 2, 1, False),bslice(0, 3, 1, False)])
    output.into_data().assert_eq(data, False)


def test_should_support_partial_sliceing_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice([bslice(0, 2, 1, False),bslice(0, 2, 1, False)])
    expected = TensorData([[0.0, 1.0], [3.0, 4.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_range_first_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice(bslice(0, 1, 1, False))
    expected = TensorData([[0.0, 1.0, 2.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_partial_sliceing_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    output = tensor.slice([bslice(1, 2, 1, False),bslice(1, 2, 1, False),bslice(0, 2, 1, False)])
    expected = TensorData([[[9.0, 10.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_partial_sliceing_3d_non_contiguous(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    output = tensor.transpose().slice([bslice(1, 2, 1, False),bslice(1, 2, 1, False),bslice(0, 2, 1, False)])
    expected = TensorData([[[7.0, 10.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_fill_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice_fill([bslice(0, 2, 1, False)], -1.0)
    expected = TensorData([-1.0, -1.0, 2.0])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_fill_vec(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    slices = [(bslice(0, 2, 1, False))]
    output = tensor.slice_fill(slices, -1.0)
    expected = TensorData([-1.0, -1.0, 2.0])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_fill_1d_neg(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice_fill([bslice(-1, None, 1, False)], -1.0)
    expected = TensorData([0.0, 1.0, -1.0])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_fill_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    device = device
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice_fill([bslice(1, 2, 1, False),bslice(0, 2, 1, False)], -1.0)
    expected = TensorData([[0.0, 1.0, 2.0], [-1.0, -1.0, 5.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_fill_with_positive_step(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.zeros([10], device)
    output = tensor.slice_fill(bslice(0, 10, 2, False), 5.0)
    expected = TensorData([5.0, 0.0, 5.0, 0.0, 5.0, 0.0, 5.0, 0.0, 5.0, 0.0])
    output.into_data().assert_eq(expected, False)
    tensor = TestTensor.zeros([4, 4], device)
    output = tensor.slice_fill([bslice(0, 4, 2, False), bslice(None, None, 1, False)], 3.0)
    expected = TensorData([[3.0, 3.0, 3.0, 3.0], [0.0, 0.0, 0.0, 0.0], [3.0, 3.0, 3.0, 3.0], [0.0, 0.0, 0.0, 0.0]])
    output.into_data().assert_eq(expected, False)
    tensor = TestTensor.zeros([3, 6], device)
    output = tensor.slice_fill([bslice(None, None, 1, False), bslice(0, 6, 3, False)], 2.0)
    expected = TensorData([[2.0, 0.0, 0.0, 2.0, 0.0, 0.0], [2.0, 0.0, 0.0, 2.0, 0.0, 0.0], [2.0, 0.0, 0.0, 2.0, 0.0, 0.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_fill_with_negative_step(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([1.0, 2.0, 3.0, 4.0, 5.0], device)
    output = tensor.slice_fill(bslice(0, 5, -1, False), 10.0)
    expected = TensorData([10.0, 10.0, 10.0, 10.0, 10.0])
    output.into_data().assert_eq(expected, False)
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], device)
    output = tensor.slice_fill([bslice(None, None, 1, False), bslice(0, 3, -2, False)], -1.0)
    expected = TensorData([[-1.0, 2.0, -1.0], [-1.0, 5.0, -1.0], [-1.0, 8.0, -1.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_fill_with_mixed_steps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.zeros([4, 6], device)
    output = tensor.slice_fill([bslice(0, 4, 2, False), bslice(0, 6, -3, False)], 7.0)
    expected = TensorData([[0.0, 0.0, 7.0, 0.0, 0.0, 7.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 7.0, 0.0, 0.0, 7.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]])
    output.into_data().assert_eq(expected, False)
    tensor = TestTensor.zeros([2, 4, 4], device)
    output = tensor.slice_fill([bslice(None, None, 1, False), bslice(0, 4, 2, False), bslice(0, 4, -2, False)], 1.0)
    expected_slice = [[0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0]]
    expected = TensorData([expected_slice, expected_slice])
    output.into_data().assert_eq(expected, False)


def test_clamp_when_slice_exceeds_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0, 1.0, 2.0])
    data = tensor.to_data()
    output = tensor.slice([bslice(0, 4, 1, False)])
    output.into_data().assert_eq(data, True)


def test_negative_dimensions(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    data = tensor.to_data()
    output = tensor.slice([bslice(0, 4, 1, False),bslice(0, 4, 1, False)])
    output.into_data().assert_eq(data, True)
    output = tensor.slice([bslice(0, 1, 1, False),bslice(0, 1, 1, False)])
    data = TensorData([[np.dtype('float32').type(0)]])
    output.into_data().assert_eq(data, True)
    output = tensor.slice([bslice(0, -1, 1, False), bslice(0, -2, 1, False)])
    output.into_data().assert_eq(data, True)


def test_missing_dimensions(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    data = tensor.to_data()
    output = tensor.slice([bslice(0, 4, 1, False),bslice(0, 4, 1, False)])
    output.into_data().assert_eq(data, True)
    data = TensorData([[np.dtype('float32').type(0)]])
    output = tensor.slice([bslice(0, -1, 1, False), bslice(0, -2, 1, False)])
    output.into_data().assert_eq(data, True)
    output = tensor.slice([bslice(0, 1, 1, False), bslice(None, None, 1, False)])
    data = TensorData([[0.0, 1.0, 2.0]])
    output.into_data().assert_eq(data, False)
    output = tensor.slice([bslice(None, None, 1, False), bslice(0, 2, 1, False)])
    data = TensorData([[0.0, 1.0], [3.0, 4.0]])
    output.into_data().assert_eq(data, False)
    output = tensor.slice([bslice(None, None, 1, False),bslice(None, None, 1, False)])
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output.into_data().assert_eq(data, False)


def test_should_slice_aggregation_result(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0, 1.0, 2.0]).mean()
    output = tensor.slice([(bslice(0, 1, 1, False))])
    output.into_data().assert_eq(tensor.into_data(), True)


def test_should_panic_when_slice_with_too_many_dimensions(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['slice']):
        tensor = TestTensor.from_([0.0, 1.0, 2.0])
        _output = tensor.slice([bslice(0, 1, 1, False),bslice(0, 1, 1, False)])


def test_should_support_descending_slice_as_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice(bslice(2, 1, 1, False))
    assert_eq_(output.dims(), [0])


def test_should_support_empty_slice(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, 1.0, 2.0])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice([bslice(1, 1, 1, False)])
    assert_eq_(output.dims(), [0])


def test_should_support_empty_slice_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.slice([bslice(1, 1, 1, False),bslice(0, 3, 1, False)])
    assert_eq_(output.dims(), [0, 3])
    output = tensor.slice([bslice(0, 2, 1, False),bslice(2, 2, 1, False)])
    assert_eq_(output.dims(), [2, 0])


def test_slice_with_positive_step(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]], device)
    sliced = tensor.slice([bslice(0, 3, 2, False)])
    expected = TensorData([[1.0, 2.0, 3.0, 4.0], [9.0, 10.0, 11.0, 12.0]])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(None, None, 1, False), bslice(0, 4, 2, False)])
    expected = TensorData([[1.0, 3.0], [5.0, 7.0], [9.0, 11.0]])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(0, 3, 2, False), bslice(0, 4, 2, False)])
    expected = TensorData([[1.0, 3.0], [9.0, 11.0]])
    sliced.into_data().assert_eq(expected, False)


def test_slice_with_negative_step(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]], device)
    sliced = tensor.slice([bslice(0, 3, -1, False)])
    expected = TensorData([[9.0, 10.0, 11.0, 12.0], [5.0, 6.0, 7.0, 8.0], [1.0, 2.0, 3.0, 4.0]])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(None, None, 1, False), bslice(0, 4, -1, False)])
    expected = TensorData([[4.0, 3.0, 2.0, 1.0], [8.0, 7.0, 6.0, 5.0], [12.0, 11.0, 10.0, 9.0]])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(0, 3, -2, False)])
    expected = TensorData([[9.0, 10.0, 11.0, 12.0], [1.0, 2.0, 3.0, 4.0]])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(None, None, 1, False), bslice(0, 4, -2, False)])
    expected = TensorData([[4.0, 2.0], [8.0, 6.0], [12.0, 10.0]])
    sliced.into_data().assert_eq(expected, False)


def test_slice_with_mixed_steps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]], device)
    sliced = tensor.slice([bslice(0, 3, 2, False), bslice(0, 4, -1, False)])
    expected = TensorData([[4.0, 3.0, 2.0, 1.0], [12.0, 11.0, 10.0, 9.0]])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(0, 3, -1, False), bslice(0, 4, 2, False)])
    expected = TensorData([[9.0, 11.0], [5.0, 7.0], [1.0, 3.0]])
    sliced.into_data().assert_eq(expected, False)


def test_slice_with_steps_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], device)
    sliced = tensor.slice([bslice(0, 10, 2, False)])
    expected = TensorData([1.0, 3.0, 5.0, 7.0, 9.0])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(0, 10, -1, False)])
    expected = TensorData([10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(2, 8, -2, False)])
    expected = TensorData([8.0, 6.0, 4.0])
    sliced.into_data().assert_eq(expected, False)


def test_slice_with_steps_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]], [[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]], device)
    sliced = tensor.slice([bslice(0, 4, 2, False), bslice(None, None, 1, False), bslice(None, None, 1, False)])
    expected = TensorData([[[1.0, 2.0], [3.0, 4.0]], [[9.0, 10.0], [11.0, 12.0]]])
    sliced.into_data().assert_eq(expected, False)
    sliced = tensor.slice([bslice(0, 4, -1, False), bslice(0, 2, -1, False), bslice(0, 2, -1, False)])
    expected = TensorData([[[16.0, 15.0], [14.0, 13.0]], [[12.0, 11.0], [10.0, 9.0]], [[8.0, 7.0], [6.0, 5.0]], [[4.0, 3.0], [2.0, 1.0]]])
    sliced.into_data().assert_eq(expected, False)
