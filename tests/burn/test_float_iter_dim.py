"""Burn's `tensor/float/ops/iter_dim.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_1d_iter_last_item(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = [1, 2, 3, 4]
    device = device
    tensor = TestTensorInt.from_ints(data, device)
    rlast(tensor.iter_dim(0)).into_data().assert_eq(TensorData([4]), False)


def test_too_high_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['iter_dim']):
        TestTensor.zeros([10], device).iter_dim(1)


def test_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = [[1.0, 2.0, 3.0, 1.0, 2.0], [4.0, 5.0, 6.0, 1.0, 2.0], [7.0, 8.0, 9.0, 1.0, 2.0]]
    tensor = TestTensor.from_data(data, device)
    lhs = tensor.slice([bslice(1, 2, 1, False),bslice(0, 5, 1, False)])
    rhs = rnth(tensor.transpose().iter_dim(1), 1)
    assert_eq_(lhs.into_data().to_vec(), rhs.into_data().to_vec() )


def test_2d_iter_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[3.0, 4.9, 2.0], [2.0, 1.9, 3.0]], device)
    iter = tensor.iter_dim(0)
    iter1 = next(iter, None)
    iter1.into_data().assert_eq(TensorData([[3.0, 4.9, 2.0]]), False)
    iter2 = next(iter, None)
    iter2.into_data().assert_eq(TensorData([[2.0, 1.9, 3.0]]), False)
    assert_((next(iter, None) is None))


def test_2d_iter_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[3.0, 4.9, 2.0], [2.0, 1.9, 3.0]], device)
    iter = tensor.iter_dim(1)
    iter1 = next(iter, None)
    iter1.into_data().assert_eq(TensorData([[3.0], [2.0]]), False)
    iter2 = next(iter, None)
    iter2.into_data().assert_eq(TensorData([[4.9], [1.9]]), False)
    iter3 = next(iter, None)
    iter3.into_data().assert_eq(TensorData([[2.0], [3.0]]), False)
    assert_((next(iter, None) is None))


def test_3d_iter_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0, 3.0, 1.0, 2.0], [4.0, 5.0, 6.0, 1.0, 2.0], [7.0, 8.0, 9.0, 1.0, 2.0]]])
    iter = tensor.iter_dim(0)
    iter1 = next(iter, None)
    iter1.into_data().assert_eq(tensor.into_data(), True)
    assert_((next(iter, None) is None))


def test_3d_iter_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0, 3.0, 1.0, 2.0], [4.0, 5.0, 6.0, 1.0, 2.0], [7.0, 8.0, 9.0, 1.0, 2.0]]])
    iter = tensor.iter_dim(1)
    iter1 = next(iter, None)
    iter1.into_data().assert_eq(TensorData([[[1.0, 2.0, 3.0, 1.0, 2.0]]]), False)
    iter2 = next(iter, None)
    iter2.into_data().assert_eq(TensorData([[[4.0, 5.0, 6.0, 1.0, 2.0]]]), False)
    iter3 = next(iter, None)
    iter3.into_data().assert_eq(TensorData([[[7.0, 8.0, 9.0, 1.0, 2.0]]]), False)
    assert_((next(iter, None) is None))


def test_3d_iter_dim2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0, 3.0, 1.0, 2.0], [4.0, 5.0, 6.0, 1.0, 2.0], [7.0, 8.0, 9.0, 1.0, 2.0]]])
    iter = tensor.iter_dim(2)
    iter1 = next(iter, None)
    iter1.into_data().assert_eq(TensorData([[[1.0], [4.0], [7.0]]]), False)
    iter2 = next(iter, None)
    iter2.into_data().assert_eq(TensorData([[[2.0], [5.0], [8.0]]]), False)
    iter3 = next(iter, None)
    iter3.into_data().assert_eq(TensorData([[[3.0], [6.0], [9.0]]]), False)
    iter4 = next(iter, None)
    iter4.into_data().assert_eq(TensorData([[[1.0], [1.0], [1.0]]]), False)
    iter5 = next(iter, None)
    iter5.into_data().assert_eq(TensorData([[[2.0], [2.0], [2.0]]]), False)
    assert_((next(iter, None) is None))


def test_iteration_over_low_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = [[[1.0, 2.0, 3.0, 1.0, 2.0], [4.0, 5.0, 6.0, 1.0, 2.0], [7.0, 8.0, 9.0, 1.0, 2.0]]]
    tensor = TestTensor.from_data(data, device)
    lhs = rnth(tensor.iter_dim(2), 1)
    rhs = TestTensor.from_([2.0, 5.0, 8.0])
    assert_eq_(lhs.into_data().to_vec(), rhs.into_data().to_vec() )


def test_iter_dim_double_end(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input = TestTensorInt.arange(bslice(0, (4 * 6 * 3), 1, False), device).reshape([4, 6, 3])
    iter = input.iter_dim(1)
    ele0 = TensorData([[[0, 1, 2]], [[18, 19, 20]], [[36, 37, 38]], [[54, 55, 56]]])
    ele1 = TensorData([[[3, 4, 5]], [[21, 22, 23]], [[39, 40, 41]], [[57, 58, 59]]])
    ele2 = TensorData([[[6, 7, 8]], [[24, 25, 26]], [[42, 43, 44]], [[60, 61, 62]]])
    ele3 = TensorData([[[9, 10, 11]], [[27, 28, 29]], [[45, 46, 47]], [[63, 64, 65]]])
    ele4 = TensorData([[[12, 13, 14]], [[30, 31, 32]], [[48, 49, 50]], [[66, 67, 68]]])
    ele5 = TensorData([[[15, 16, 17]], [[33, 34, 35]], [[51, 52, 53]], [[69, 70, 71]]])
    next(iter, None).into_data().assert_eq(ele0, False)
    iter.next_back().into_data().assert_eq(ele5, False)
    iter.next_back().into_data().assert_eq(ele4, False)
    next(iter, None).into_data().assert_eq(ele1, False)
    next(iter, None).into_data().assert_eq(ele2, False)
    next(iter, None).into_data().assert_eq(ele3, False)
    assert_((next(iter, None) is None))
    assert_((iter.next_back() is None))


def test_iter_dim_single_element(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input = TestTensorInt.arange(bslice(0, (4 * 3), 1, False), device).reshape([4, 1, 3])
    iter = input.iter_dim(1)
    next(iter, None).into_data().assert_eq(input.into_data(), False)
    assert_((iter.next_back() is None))
    assert_((next(iter, None) is None))
    iter = input.iter_dim(1)
    iter.next_back().into_data().assert_eq(input.into_data(), False)
    assert_((next(iter, None) is None))
    assert_((iter.next_back() is None))
