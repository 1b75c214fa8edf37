"""Burn's `tensor/float/ops/maxmin.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_max_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    f = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    f.max_dim(0).into_data().assert_eq(TensorData([[3.0, 4.0, 5.0]]), False)
    f.max_dim(1).into_data().assert_eq(TensorData([[2.0], [5.0]]), False)
    f.max_dim(-1).into_data().assert_eq(TensorData([[2.0], [5.0]]), False)
    z = f.int()
    z.max_dim(0).into_data().assert_eq(TensorData([[3, 4, 5]]), False)
    z.max_dim(1).into_data().assert_eq(TensorData([[2], [5]]), False)


def test_max_dims_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    f = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    f.max_dims([0]).into_data().assert_eq(TensorData([[3.0, 4.0, 5.0]]), False)
    f.max_dims([-2]).into_data().assert_eq(TensorData([[3.0, 4.0, 5.0]]), False)
    f.max_dims([0, 1]).into_data().assert_eq(TensorData([[5.0]]), False)


def test_max_dim_with_indices_2d_with_dim_0th(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    for idx in [0, -2]:
        output, index = tensor.max_dim_with_indices(idx)
        output_expected = TensorData([[3.0, 4.0, 5.0]])
        index_expected = TensorData([[1, 1, 1]])
        output.into_data().assert_eq(output_expected, False)
        index.into_data().assert_eq(index_expected, False)


def test_max_dim_with_indices_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    output, index = tensor.max_dim_with_indices(1)
    output_expected = TensorData([[2.0], [5.0]])
    index_expected = TensorData([[2], [2]])
    output.into_data().assert_eq(output_expected, False)
    index.into_data().assert_eq(index_expected, False)


def test_max_dim_2d_with_0th_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    output = tensor.max_dim(0)
    expected = TensorData([[3.0, 4.0, 5.0]])
    output.into_data().assert_eq(expected, False)


def test_max_pair(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensor.from_data([1.0, 2.0, 3.0, 4.0], device)
    b = TestTensor.from_data([2.0, 1.0, 4.0, 5.0], device)
    output = a.max_pair(b)
    expected = TensorData([2.0, 2.0, 4.0, 5.0])
    output.into_data().assert_eq(expected, False)


def test_min_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    f = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    f.min_dim(0).into_data().assert_eq(TensorData([[0.0, 1.0, 2.0]]), False)
    f.min_dim(1).into_data().assert_eq(TensorData([[0.0], [3.0]]), False)
    f.min_dim(-1).into_data().assert_eq(TensorData([[0.0], [3.0]]), False)
    z = f.int()
    z.min_dim(0).into_data().assert_eq(TensorData([[0, 1, 2]]), False)
    z.min_dim(1).into_data().assert_eq(TensorData([[0], [3]]), False)


def test_min_dims_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    f = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    f.min_dims([0]).into_data().assert_eq(TensorData([[0.0, 1.0, 2.0]]), False)
    f.min_dims([-2]).into_data().assert_eq(TensorData([[0.0, 1.0, 2.0]]), False)
    f.min_dims([0, 1]).into_data().assert_eq(TensorData([[0.0]]), False)


def test_min_dim_with_indices_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    output, index = tensor.min_dim_with_indices(1)
    output_expected = TensorData([[0.0], [3.0]])
    index_expected = TensorData([[0], [0]])
    output.into_data().assert_eq(output_expected, False)
    index.into_data().assert_eq(index_expected, False)


def test_min_dim_2d_with_0th_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    output = tensor.min_dim(0)
    expected = TensorData([[0.0, 1.0, 2.0]])
    output.into_data().assert_eq(expected, False)


def test_min_dim_with_indices_2d_with_0th_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    for idx in [0, -2]:
        output, index = tensor.min_dim_with_indices(idx)
        output_expected = TensorData([[0.0, 1.0, 2.0]])
        index_expected = TensorData([[0, 0, 0]])
        output.into_data().assert_eq(output_expected, False)
        index.into_data().assert_eq(index_expected, False)


def test_min_pair(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensor.from_data([1.0, 2.0, 3.0, 4.0], device)
    b = TestTensor.from_data([2.0, 1.0, 4.0, 5.0], device)
    output = a.min_pair(b)
    expected = TensorData([1.0, 1.0, 3.0, 4.0])
    output.into_data().assert_eq(expected, False)


def test_max_abs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, -2.0], [-5.0, 6.0, 1.0]], device)
    output = tensor.max_abs()
    expected = TensorData([6.0])
    output.into_data().assert_eq(expected, False)


def test_max_abs_dim_2d_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, -2.0], [-5.0, 6.0, 1.0]], device)
    output = tensor.max_abs_dim(0)
    expected = TensorData([[5.0, 6.0, 2.0]])
    output.into_data().assert_eq(expected, False)
    output = tensor.max_abs_dim(-2)
    expected = TensorData([[5.0, 6.0, 2.0]])
    output.into_data().assert_eq(expected, False)


def test_max_abs_dims_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, -2.0], [-5.0, 6.0, 1.0]], device)
    tensor.max_abs_dims([0]).into_data().assert_eq(TensorData([[5.0, 6.0, 2.0]]), False)
    tensor.max_abs_dims([-2]).into_data().assert_eq(TensorData([[5.0, 6.0, 2.0]]), False)
    tensor.max_abs_dims([0, 1]).into_data().assert_eq(TensorData([[6.0]]), False)


def test_max_abs_dim_2d_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, -2.0], [-5.0, 6.0, 1.0]], device)
    output = tensor.max_abs_dim(1)
    expected = TensorData([[2.0], [6.0]])
    output.into_data().assert_eq(expected, False)


def test_whole_max_min_finite_and_infinite_values(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([lim('f32', 'NEG_INFINITY'), -2.0, 7.0, 7.0, lim('f32', 'INFINITY')])
    tensor.max().into_data().assert_eq(TensorData([lim('f32', 'INFINITY')]), False)
    tensor.min().into_data().assert_eq(TensorData([lim('f32', 'NEG_INFINITY')]), False)


def test_whole_max_min_integer_control(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([3.0, -2.0, 7.0, 1.0]).int()
    tensor.max().into_data().assert_eq(TensorData([7]), False)
    tensor.min().into_data().assert_eq(TensorData([-2]), False)


def test_whole_max_min_nan_propagation_by_position(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    for values in [[lim('f32', 'NAN'), 1.0, 2.0], [1.0, lim('f32', 'NAN'), 2.0], [1.0, 2.0, lim('f32', 'NAN')]]:
        tensor = TestTensor.from_(values)
        max = tensor.max().into_data()
        assert_(rnan(max.to_vec()[0]))
        min = tensor.min().into_data()
        assert_(rnan(min.to_vec()[0]))


def test_whole_max_min_nan_non_contiguous_view(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, lim('f32', 'NAN'), 2.0], [3.0, 4.0, 5.0]]).narrow(0, 0, 1).swap_dims(0, 1)
    max = tensor.max().into_data()
    assert_(rnan(max.to_vec()[0]))
    min = tensor.min().into_data()
    assert_(rnan(min.to_vec()[0]))


def test_whole_max_min_ignore_nan_outside_logical_view(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[lim('f32', 'NAN'), 1.0, 2.0], [3.0, 4.0, 5.0]]).narrow(0, 1, 1).swap_dims(0, 1)
    tensor.max().into_data().assert_eq(TensorData([5.0]), False)
    tensor.min().into_data().assert_eq(TensorData([3.0]), False)


def test_whole_max_min_expanded_view_uses_only_logical_elements(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[lim('f32', 'NAN'), 1.0], [2.0, 3.0]]).narrow(0, 1, 1).expand([2, 2])
    tensor.max().into_data().assert_eq(TensorData([3.0]), False)
    tensor.min().into_data().assert_eq(TensorData([2.0]), False)


def test_whole_max_abs_nan_propagation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-3.0, lim('f32', 'NAN'), 2.0])
    output = tensor.max_abs().into_data()
    assert_(rnan(output.to_vec()[0]))


def test_max_abs_dim_nan_propagation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, lim('f32', 'NAN'), -3.0], [1.0, -4.0, 3.0]])
    output = tensor.max_abs_dim(1).into_data()
    values = output.to_vec()
    assert_(rnan(values[0]))
    assert_eq_(values[1], np.dtype('float32').type(4.0))


def test_max_min_dim_nan_propagation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, lim('f32', 'NAN'), 3.0]])
    for output in [tensor.max_dim(1), tensor.min_dim(1)]:
        data = output.into_data()
        assert_(rnan(data.to_vec()[0]))


def test_max_min_dim_with_indices_nan_propagation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, lim('f32', 'NAN'), -3.0]])
    for values, indices in [tensor.max_dim_with_indices(1), tensor.min_dim_with_indices(1)]:
        values = values.into_data()
        assert_(rnan(values.to_vec()[0]))
        indices.into_data().assert_eq(TensorData([[1]]), False)


def test_max_empty_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'max']):
        tensor = TestTensor.empty([0], device)
        _ = tensor.max().into_data()


def test_min_empty_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'min']):
        tensor = TestTensor.empty([0], device)
        _ = tensor.min().into_data()


def test_max_dim_empty_axis_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'max_dim']):
        tensor = TestTensor.empty([3, 0], device)
        _ = tensor.max_dim(1).into_data()


def test_min_dim_empty_axis_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'min_dim']):
        tensor = TestTensor.empty([3, 0], device)
        _ = tensor.min_dim(1).into_data()


def test_argmax_empty_axis_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'argmax']):
        tensor = TestTensor.empty([3, 0], device)
        _ = tensor.argmax(1).into_data()


def test_argmin_empty_axis_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'argmin']):
        tensor = TestTensor.empty([3, 0], device)
        _ = tensor.argmin(1).into_data()
