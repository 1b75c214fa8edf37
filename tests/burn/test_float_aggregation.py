"""Burn's `tensor/float/ops/aggregation.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_mean(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor.mean()
    expected = TensorData([15.0 / 6.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_sum(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor.sum()
    output.into_data().assert_eq(TensorData([15.0]), False)


def test_should_sum_dim_maybe_fused(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[5.0], [-12.0]])
    tensor1 = TestTensor.from_([[2.0, 3.0], [-1.0, -5.0]])
    ones = TestTensor.ones([2, 2], device)
    _x = ones * tensor
    y = ones * tensor1
    output = y.sum_dim(1)
    output.into_data().assert_eq(TensorData([[5.0], [-6.0]]), False)
    output = y.sum_dim(-1)
    output.into_data().assert_eq(TensorData([[5.0], [-6.0]]), False)


def test_should_mean_last_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor.mean_dim(1)
    expected = TensorData([[3.0 / 3.0], [12.0 / 3.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
    output = tensor.mean_dim(-1)
    expected = TensorData([[3.0 / 3.0], [12.0 / 3.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_sum_last_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor.sum_dim(1)
    output.into_data().assert_eq(TensorData([[3.0], [12.0]]), False)


def test_should_sum_first_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 2.0], [4.0, 2.0, 3.0]])
    output = tensor.sum_dim(0)
    output.into_data().assert_eq(TensorData([[7.0, 3.0, 5.0]]), False)


def test_should_mean_first_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 2.0], [4.0, 2.0, 3.0]])
    output = tensor.mean_dim(0)
    output.into_data().assert_eq(TensorData([[7.0 / 2.0, 3.0 / 2.0, 5.0 / 2.0]]), False)


def test_should_sum_mid_dim_3d_non_contiguous_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[2.0, 4.0, 1.0], [7.0, -5.0, 3.0]], [[3.0, 1.0, 2.0], [4.0, 2.0, 3.0]]])
    output = tensor.swap_dims(0, 2).sum_dim(1)
    output.into_data().assert_eq(TensorData([9.0, 7.0, -1.0, 3.0, 4.0, 5.0], [3, 1, 2]), False)


def test_should_sum_mid_dim_3d_non_contiguous_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[2.0, 4.0, 1.0], [7.0, -5.0, 3.0]], [[3.0, 1.0, 2.0], [4.0, 2.0, 3.0]]])
    output = tensor.swap_dims(0, 1).sum_dim(1)
    output.into_data().assert_eq(TensorData([5.0, 5.0, 3.0, 11.0, -3.0, 6.0], [2, 1, 3]), False)


def test_prod_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[2.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor.prod()
    expected = TensorData([240.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
    tensor_with_zero = TestTensor.from_([[2.0, 0.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor_with_zero.prod()
    output.into_data().assert_eq(TensorData([0.0]), False)


def test_prod_dim_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[2.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor.prod_dim(1)
    expected = TensorData([[4.0], [60.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
    tensor_with_zero = TestTensor.from_([[2.0, 0.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor_with_zero.prod_dim(1)
    expected = TensorData([[0.0], [60.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_sum_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    output = tensor.sum_dim(1)
    expected = TensorData([[3.0], [12.0]])
    output.into_data().assert_eq(expected, False)
    output = tensor.sum_dim(0)
    expected = TensorData([[3.0, 5.0, 7.0]])
    output.into_data().assert_eq(expected, False)


def test_sum_dims_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    tensor.sum_dims([1]).to_data().assert_eq(TensorData([[3.0], [12.0]]), False)
    tensor.sum_dims([-1]).to_data().assert_eq(TensorData([[3.0], [12.0]]), False)
    tensor.sum_dims([0, 1]).to_data().assert_eq(TensorData([[15.0]]), False)


def test_sum_and_squeeze_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[[1.0, -2.0, 3.0], [5.0, 9.0, 6.0]], [[9.0, 2.0, 5.0], [5.0, 7.0, 7.0]]], device)
    tensor.sum_dims_squeeze([0, 1]).to_data().assert_eq(TensorData([20.0, 16.0, 21.0]), False)


def test_sum_dim_1_reshape_maybe_fused(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 9, 1, False), device).float()
    output = tensor.reshape([3, 3]) + 2
    output = output.sum_dim(1)
    expected = TensorData([[9.0], [18.0], [27.0]])
    output.into_data().assert_eq(expected, False)


def test_sum_dim_1_swap_dims_maybe_fused(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 9, 1, False), device).float()
    tensor = tensor.reshape([3, 3])
    output = tensor.swap_dims(0, 1) + 2
    output = output.sum_dim(1)
    expected = TensorData([[15.0], [18.0], [21.0]])
    output.into_data().assert_eq(expected, False)


def test_sum_dim_2_reshape_maybe_fused_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 9, 1, False), device).float()
    output = tensor.reshape([1, 3, 3]) + 2
    output = output.sum_dim(2)
    expected = TensorData([[[9.0], [18.0], [27.0]]])
    output.into_data().assert_eq(expected, False)


def test_sum_dim_2_maybe_fused_on_write(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.arange(bslice(0, 8, 1, False), device).float()
    tensor_2 = TestTensorInt.arange(bslice(10, 12, 1, False), device).float()
    tensor_1 = tensor_1.reshape([1, 2, 4])
    tensor_2 = tensor_2.reshape([1, 2, 1])
    output = (tensor_1 + tensor_2).sum_dim(2) + tensor_2
    expected = TensorData([[[56.0], [77.0]]])
    output.into_data().assert_eq(expected, False)


def test_sum_dim_3_maybe_fused_on_read_not_contiguous(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.arange(bslice(0, 8, 1, False), device).float()
    tensor_2 = TestTensorInt.arange(bslice(16, 24, 1, False), device).float()
    tensor_1 = tensor_1.reshape([4, 2, 1])
    tensor_1 = tensor_1.swap_dims(0, 2)
    tensor_2 = tensor_2.reshape([1, 4, 2])
    tensor_2 = tensor_2.swap_dims(1, 2)
    output = (tensor_1 + tensor_2).sum_dim(2)
    expected = TensorData([[[88.0], [96.0]]])
    output.into_data().assert_eq(expected, False)


def test_sum_dim_4_maybe_fused_on_read_not_contiguous_mixed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.arange(bslice(0, 8, 1, False), device).float()
    tensor_2 = TestTensorInt.arange(bslice(16, 24, 1, False), device).float()
    tensor_3 = TestTensorInt.arange(bslice(32, 40, 1, False), device).float()
    tensor_1 = tensor_1.reshape([4, 2, 1])
    tensor_3 = tensor_3.reshape([1, 2, 4])
    tensor_1 = tensor_1.swap_dims(0, 2)
    tensor_2 = tensor_2.reshape([1, 4, 2])
    tensor_2 = tensor_2.swap_dims(1, 2)
    output = (tensor_3 + tensor_1 + tensor_2).sum_dim(2)
    expected = TensorData([[[222.0], [246.0]]])
    output.into_data().assert_eq(expected, False)


def test_sum_dim_5_maybe_fused_on_read_not_contiguous_mixed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.arange(bslice(0, 8, 1, False), device).float()
    tensor_2 = TestTensorInt.arange(bslice(16, 24, 1, False), device).float()
    tensor_3 = TestTensorInt.arange(bslice(32, 40, 1, False), device).float()
    tensor_1 = tensor_1.reshape([4, 2, 1])
    tensor_3 = tensor_3.reshape([1, 2, 4])
    tensor_1 = tensor_1.swap_dims(0, 2)
    tensor_2 = tensor_2.reshape([1, 4, 2])
    tensor_2 = tensor_2.swap_dims(1, 2)
    output = (tensor_3 + tensor_1 + tensor_2).sum_dim(1)
    expected = TensorData([[[102.0, 112.0, 122.0, 132.0]]])
    output.into_data().assert_eq(expected, False)


def test_sum_dim_6_maybe_fused_on_read_not_contiguous_broadcasted(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.arange(bslice(0, 32, 1, False), device).float()
    tensor_2 = TestTensorInt.arange(bslice(0, 8, 1, False), device).float()
    tensor_1 = tensor_1.reshape([4, 2, 2, 2])
    tensor_1 = tensor_1.swap_dims(3, 2)
    tensor_1 = tensor_1.swap_dims(1, 2)
    tensor_2 = tensor_2.reshape([1, 2, 2, 2])
    sum = tensor_2.sum_dim(0)
    sum = sum.sum_dim(1)
    sum = sum.sum_dim(2)
    _tmp = sum + 2
    output = (tensor_1 + tensor_2 + sum).sum_dim(1)
    expected = TensorData([[[[29.0, 43.0], [41.0, 55.0]]], [[[45.0, 59.0], [57.0, 71.0]]], [[[61.0, 75.0], [73.0, 87.0]]], [[[77.0, 91.0], [89.0, 103.0]]]])
    output.into_data().assert_eq(expected, False)


def test_sum_dim_7_maybe_fused_on_read_reshaped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.arange(bslice(0, 16, 1, False), device).float()
    tensor_1 = tensor_1.reshape([4, 4])
    reshaped = tensor_1.reshape([1, 4, 4])
    tmp = reshaped + 5.0
    output = tmp.sum_dim(2)
    expected = TensorData([[[26.0], [42.0], [58.0], [74.0]]])
    output.into_data().assert_eq(expected, False)


def test_reduce_dim_non_contiguous_input(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    t = TestTensor.from_([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]])
    t_transposed = t.swap_dims(0, 1)
    dim = 1
    max = t_transposed.max_dim(dim)
    shifted = t_transposed.sub(max)
    exp = shifted.exp()
    sum = exp.sum_dim(dim)
    output = exp.div(sum)
    row = [3.2932044e-4, 1.7980287e-2, 0.98169035]
    expected = TensorData([row, row, row, row])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_absolute(2e-3))


def test_mean_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    output = tensor.mean_dim(1)
    expected = TensorData([[1.0], [4.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
    output = tensor.mean_dim(0)
    expected = TensorData([[1.5, 2.5, 3.5]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_mean_dims_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    tensor.mean_dims([1]).to_data().assert_eq(TensorData([[1.0], [4.0]]), False)
    tensor.mean_dims([-1]).to_data().assert_eq(TensorData([[1.0], [4.0]]), False)
    tensor.mean_dims([0, 1]).to_data().assert_eq(TensorData([[2.5]]), False)


def test_multiple_reduce_dims_permuted(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 2 * 2 * 256, 1, False), device).float().reshape([2, 2, 256])
    output = tensor.permute([1, 2, 0]).mean_dim(0).mean_dim(1).squeeze_dims([0, 1])
    output.into_data().assert_approx_eq(TensorData([255.5, 767.5]), Tolerance.default())


def test_sum_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.transpose().sum_dim(1)
    output.into_data().assert_eq(TensorData([[5.0], [7.0], [9.0]]), False)


def test_prod_dim_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.transpose().prod_dim(1)
    output.into_data().assert_approx_eq(TensorData([[4.0], [10.0], [18.0]]), Tolerance.default())


def test_mean_dim_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.transpose().mean_dim(1)
    output.into_data().assert_approx_eq(TensorData([[2.5], [3.5], [4.5]]), Tolerance.default())


def test_sum_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [10.0, 20.0, 30.0]])
    output = tensor.flip([0]).sum_dim(1)
    output.into_data().assert_eq(TensorData([[60.0], [6.0]]), False)


def test_sum_dim_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.flip([0]).sum_dim(1)
    output.into_data().assert_eq(TensorData([[15.0], [6.0]]), False)


def test_sum_dim_flipped_axis1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.flip([1]).sum_dim(0)
    output.into_data().assert_eq(TensorData([[9.0, 7.0, 5.0]]), False)


def test_mean_dim_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.flip([0]).mean_dim(1)
    output.into_data().assert_approx_eq(TensorData([[5.0], [2.0]]), Tolerance.default())


def test_prod_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    output = tensor.flip([0]).prod_dim(1)
    output.into_data().assert_approx_eq(TensorData([[12.0], [2.0]]), Tolerance.default())


def test_sum_narrowed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0, 1.0, 2.0, 3.0, 4.0])
    output = tensor.narrow(0, 1, 3).sum()
    output.into_data().assert_eq(TensorData([6.0]), False)


def test_sum_flipped_both_axes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.flip([0, 1]).sum_dim(0)
    output.into_data().assert_eq(TensorData([[9.0, 7.0, 5.0]]), False)


def test_sum_dim_4d_middle_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [1, 84, 80, 80]
    n = math.prod(iter(shape))
    data = [1.0] * (n)
    tensor = TestTensor.from_data(TensorData(data, shape), device)
    output = tensor.sum_dim(1)
    expected = TensorData([84.0] * (1 * 1 * 80 * 80), [1, 1, 80, 80])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_mean_overflow_intermediate_sum(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 1024, 1, False), device).float()
    output = tensor.mean()
    output.into_data().assert_approx_eq(TensorData([511.5]), Tolerance.default())


def test_should_sum_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.empty([0], device)
    output = tensor.sum()
    output.into_data().assert_eq(TensorData([0.0]), False)


def test_should_prod_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.empty([0], device)
    output = tensor.prod()
    output.into_data().assert_eq(TensorData([1.0]), False)


def test_should_mean_empty_is_nan(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.empty([0], device)
    output = tensor.mean().into_data()
    values = output.to_vec()
    assert_eq_(len(values), 1)
    assert_(rnan(values[0]))


def test_should_sum_dim_empty_axis(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.empty([3, 0], device)
    output = tensor.sum_dim(1)
    output.into_data().assert_eq(TensorData([[0.0], [0.0], [0.0]]), False)


def test_should_prod_dim_empty_axis(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.empty([3, 0], device)
    output = tensor.prod_dim(1)
    output.into_data().assert_eq(TensorData([[1.0], [1.0], [1.0]]), False)


def test_should_mean_dim_empty_axis_is_nan(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.empty([3, 0], device)
    output = tensor.mean_dim(1).into_data()
    values = output.to_vec()
    assert_eq_(len(values), 3)
    assert_(rall(iter(values), lambda v: rnan(v)))


def test_should_sum_dim_empty_tensor_non_empty_axis(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.empty([0, 3], device)
    output = tensor.sum_dim(1)
    assert_eq_(output.dims(), [0, 1])


def test_should_max_dim_empty_axis_empty_output(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'max_dim']):
        tensor = TestTensor.empty([0, 0], device)
        _ = tensor.max_dim(1).into_data()
