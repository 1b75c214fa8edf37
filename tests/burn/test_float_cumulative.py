"""Burn's `tensor/float/ops/cumulative.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cumsum_float_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.cumsum(0)
    output.into_data().assert_eq(TensorData([[1.0, 2.0, 3.0], [5.0, 7.0, 9.0]]), False)


def test_cumsum_float_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.cumsum(1)
    output.into_data().assert_eq(TensorData([[1.0, 3.0, 6.0], [4.0, 9.0, 15.0]]), False)


def test_cumsum_float_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.cumsum(-1)
    output.into_data().assert_eq(TensorData([[1.0, 3.0, 6.0], [4.0, 9.0, 15.0]]), False)


def test_cumsum_non_contiguous(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]]).swap_dims(0, 1)
    output = tensor.cumsum(1)
    output.into_data().assert_eq(TensorData([[1.0, 4.0], [2.0, 6.0]]), False)


def test_cumsum_float_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]])
    output = tensor.cumsum(2)
    output.into_data().assert_eq(TensorData([[[1.0, 3.0], [3.0, 7.0]], [[5.0, 11.0], [7.0, 15.0]]]), False)


def test_cumprod_float_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.cumprod(0)
    output.into_data().assert_eq(TensorData([[1.0, 2.0, 3.0], [4.0, 10.0, 18.0]]), False)


def test_cumprod_float_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.cumprod(1)
    output.into_data().assert_eq(TensorData([[1.0, 2.0, 6.0], [4.0, 20.0, 120.0]]), False)


def test_cumprod_float_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output = tensor.cumprod(-1)
    output.into_data().assert_eq(TensorData([[1.0, 2.0, 6.0], [4.0, 20.0, 120.0]]), False)


def test_cumprod_float_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]])
    output = tensor.cumprod(2)
    output.into_data().assert_eq(TensorData([[[1.0, 2.0], [3.0, 12.0]], [[5.0, 30.0], [7.0, 56.0]]]), False)


def test_cummin_float_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 4.0], [2.0, 5.0, 1.0]])
    output = tensor.cummin(0)
    output.into_data().assert_eq(TensorData([[3.0, 1.0, 4.0], [2.0, 1.0, 1.0]]), False)


def test_cummin_float_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 4.0], [2.0, 5.0, 1.0]])
    output = tensor.cummin(1)
    output.into_data().assert_eq(TensorData([[3.0, 1.0, 1.0], [2.0, 2.0, 1.0]]), False)


def test_cummin_float_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 4.0], [2.0, 5.0, 1.0]])
    output = tensor.cummin(-1)
    output.into_data().assert_eq(TensorData([[3.0, 1.0, 1.0], [2.0, 2.0, 1.0]]), False)


def test_cummin_float_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[4.0, 2.0], [3.0, 1.0]], [[5.0, 6.0], [7.0, 8.0]]])
    output = tensor.cummin(2)
    output.into_data().assert_eq(TensorData([[[4.0, 2.0], [3.0, 1.0]], [[5.0, 5.0], [7.0, 7.0]]]), False)


def test_cummax_float_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 4.0], [1.0, 5.0, 2.0]])
    output = tensor.cummax(0)
    output.into_data().assert_eq(TensorData([[3.0, 1.0, 4.0], [3.0, 5.0, 4.0]]), False)


def test_cummax_float_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 4.0], [1.0, 5.0, 2.0]])
    output = tensor.cummax(1)
    output.into_data().assert_eq(TensorData([[3.0, 3.0, 4.0], [1.0, 5.0, 5.0]]), False)


def test_cummax_float_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 4.0], [1.0, 5.0, 2.0]])
    output = tensor.cummax(-1)
    output.into_data().assert_eq(TensorData([[3.0, 3.0, 4.0], [1.0, 5.0, 5.0]]), False)


def test_cummax_float_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 3.0], [2.0, 4.0]], [[5.0, 2.0], [6.0, 1.0]]])
    output = tensor.cummax(2)
    output.into_data().assert_eq(TensorData([[[1.0, 3.0], [2.0, 4.0]], [[5.0, 5.0], [6.0, 6.0]]]), False)


def test_cummin_nan_propagation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([3.0, lim('f32', 'NAN'), 1.0, 2.0])
    output = tensor.cummin(0)
    data = output.to_data().to_vec()
    assert_eq_(data[0], np.dtype('float32').type(3.0))
    assert_(rnan(data[1]))
    assert_(rnan(data[2]))
    assert_(rnan(data[3]))


def test_cummax_nan_propagation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, lim('f32', 'NAN'), 5.0, 2.0])
    output = tensor.cummax(0)
    data = output.to_data().to_vec()
    assert_eq_(data[0], np.dtype('float32').type(1.0))
    assert_(rnan(data[1]))
    assert_(rnan(data[2]))
    assert_(rnan(data[3]))


def test_cummin_and_cummax_nan_at_start(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([lim('f32', 'NAN'), 1.0, 2.0])
    for output in [tensor.cummin(0), tensor.cummax(0)]:
        data = output.to_data().to_vec()
        assert_(rnan(data[0]))
        assert_(rnan(data[1]))
        assert_(rnan(data[2]))
