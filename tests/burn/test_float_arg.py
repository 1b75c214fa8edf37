"""Burn's `tensor/float/ops/arg.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_argmax_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[10.0, 11.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor.argmax(0)
    output.into_data().assert_eq(TensorData([[0, 0, 1]]), False)


def test_argmin_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[10.0, 11.0, 2.0], [30.0, 4.0, 5.0]])
    output = tensor.argmin(0)
    output.into_data().assert_eq(TensorData([[0, 1, 0]]), False)


def test_argmax_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[10.0, 11.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor.argmax(1)
    output.into_data().assert_eq(TensorData([[1], [2]]), False)


def test_argmin_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[10.0, 11.0, 2.0], [30.0, 4.0, 5.0]])
    output = tensor.argmin(1)
    output.into_data().assert_eq(TensorData([[2], [1]]), False)


def test_argmax_and_argmin_support_negative_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[10.0, 11.0, 2.0], [30.0, 4.0, 5.0]])
    output = tensor.argmax(-1)
    output.into_data().assert_eq(TensorData([[1], [0]]), False)
    output = tensor.argmin(-1)
    output.into_data().assert_eq(TensorData([[2], [1]]), False)


def test_argmax_should_panic_when_negative_dim_is_out_of_bounds(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['argmax']):
        tensor = TestTensor.from_([[10.0, 11.0, 2.0], [3.0, 4.0, 5.0]])
        _ = tensor.argmax(-3)


def test_argmax_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 5.0, 3.0, 2.0, 4.0])
    output = tensor.flip([0]).argmax(0)
    output.into_data().assert_eq(TensorData([3]), False)


def test_argmax_2d_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 5.0, 3.0], [6.0, 2.0, 4.0]])
    output = tensor.flip([1]).argmax(1)
    output.into_data().assert_eq(TensorData([[1], [2]]), False)


def test_argmin_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([5.0, 1.0, 4.0, 2.0, 3.0])
    output = tensor.flip([0]).argmin(0)
    output.into_data().assert_eq(TensorData([3]), False)


def test_argmax_permuted_4d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    n = 2 * 3 * 4 * 5
    data = list(rmap((bslice(0, n, 1, False)), lambda i: i))
    tensor = TestTensor.from_data(TensorData(data, [2, 3, 4, 5]), device)
    permuted = tensor.permute([0, 2, 1, 3])
    result = permuted.argmax(3)
    assert_eq_(result.dims(), [2, 4, 3, 1])
    result = permuted.argmax(2)
    assert_eq_(result.dims(), [2, 4, 1, 5])


def test_argmin_permuted_4d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    n = 2 * 3 * 4 * 5
    data = list(rmap((bslice(0, n, 1, False)), lambda i: (n - i)))
    tensor = TestTensor.from_data(TensorData(data, [2, 3, 4, 5]), device)
    permuted = tensor.permute([0, 2, 1, 3])
    result = permuted.argmin(3)
    assert_eq_(result.dims(), [2, 4, 3, 1])


def test_argmax_4d_middle_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    n = 1 * 84 * 80 * 80
    data = list(rmap((bslice(0, n, 1, False)), lambda i: (i % 84)))
    tensor = TestTensor.from_data(TensorData(data, [1, 84, 80, 80]), device)
    output = tensor.argmax(1)
    assert_eq_(output.dims(), [1, 1, 80, 80])


def test_argmax_permuted_correctness(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = list(rmap((bslice(1, 12, 1, True)), lambda i: i))
    tensor = TestTensor.from_data(TensorData(data, [2, 2, 3]), device)
    output = tensor.permute([0, 2, 1]).argmax(2)
    output.into_data().assert_eq(TensorData([[[1], [1], [1]], [[1], [1], [1]]]), False)


def test_arg_extrema_ties_use_lowest_index(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 3.0, -2.0, -2.0]])
    tensor.argmax(1).into_data().assert_eq(TensorData([[0]]), False)
    tensor.argmin(1).into_data().assert_eq(TensorData([[2]]), False)
    _, max_indices = tensor.max_dim_with_indices(1)
    max_indices.into_data().assert_eq(TensorData([[0]]), False)
    _, min_indices = tensor.min_dim_with_indices(1)
    min_indices.into_data().assert_eq(TensorData([[2]]), False)


def test_argmax_and_argmin_nan_propagation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, lim('f32', 'NAN'), -3.0]])
    for output in [tensor.argmax(1), tensor.argmin(1)]:
        output.into_data().assert_eq(TensorData([[1]]), False)


def test_argmax_and_argmin_nan_leading_with_trailing_nan(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[lim('f32', 'NAN'), lim('f32', 'NAN'), 3.0]])
    for output in [tensor.argmax(1), tensor.argmin(1)]:
        output.into_data().assert_eq(TensorData([[0]]), False)


def test_argmax_and_argmin_all_nan_row(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[lim('f32', 'NAN'), lim('f32', 'NAN'), lim('f32', 'NAN')]])
    for output in [tensor.argmax(1), tensor.argmin(1)]:
        output.into_data().assert_eq(TensorData([[0]]), False)


def test_argmax_and_argmin_nan_leading_non_last_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[lim('f32', 'NAN'), 1.0], [lim('f32', 'NAN'), 2.0], [-3.0, 4.0]])
    tensor.argmax(0).into_data().assert_eq(TensorData([[0, 2]]), False)
    tensor.argmin(0).into_data().assert_eq(TensorData([[0, 0]]), False)


def test_max_min_dim_with_indices_nan_leading(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[lim('f32', 'NAN'), lim('f32', 'NAN'), -3.0]])
    for values, indices in [tensor.max_dim_with_indices(1), tensor.min_dim_with_indices(1)]:
        values = values.into_data()
        assert_(rnan(values.to_vec()[0]))
        indices.into_data().assert_eq(TensorData([[0]]), False)
