"""Burn's `tensor/float/ops/matmul.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_float_matmul_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 7.0], [2.0, 3.0], [1.0, 5.0]], device)
    tensor_2 = TestTensor.from_data([[4.0, 7.0, 5.0], [2.0, 3.0, 5.0]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[18.0, 28.0, 40.0], [14.0, 23.0, 25.0], [14.0, 22.0, 30.0]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_d3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 7.0], [2.0, 3.0]]], device)
    tensor_2 = TestTensor.from_data([[[4.0, 7.0], [2.0, 3.0]]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[[18.0, 28.0], [14.0, 23.0]]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_broadcast_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 7.0], [2.0, 3.0]]], device)
    tensor_2 = TestTensor.from_data([[[4.0, 7.0], [2.0, 3.0]], [[2.0, 5.0], [6.0, 3.0]]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[[18.0, 28.0], [14.0, 23.0]], [[44.0, 26.0], [22.0, 19.0]]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_broadcast_4d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[[[1.0, 7.0], [2.0, 3.0]]], [[[2.0, 5.0], [6.0, 3.0]]]], device)
    tensor_2 = TestTensor.from_data([[[[9.0, 8.0], [1.0, 4.0]], [[2.0, 7.0], [3.0, 5.0]]]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[[[16.0, 36.0], [21.0, 28.0]], [[23.0, 42.0], [13.0, 29.0]]], [[[23.0, 36.0], [57.0, 60.0]], [[19.0, 39.0], [21.0, 57.0]]]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_simple_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[5.0, 14.0], [14.0, 50.0]], device)
    tensor_2 = TestTensor.from_data([[3.0, 4.0, 5.0], [0.0, 1.0, 2.0]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[15.0, 34.0, 53.0], [42.0, 106.0, 170.0]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_4_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]], device)
    tensor_2 = TestTensor.from_data([[0.0, 1.0, 2.0], [4.0, 5.0, 6.0], [8.0, 9.0, 10.0], [12.0, 13.0, 14.0]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[56.0, 62.0, 68.0], [152.0, 174.0, 196.0], [248.0, 286.0, 324.0]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_batch_vec_mat(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 7.0]], [[2.0, 3.0]], [[1.0, 5.0]]], device)
    tensor_2 = TestTensor.from_data([[[4.0, 7.0, 5.0], [2.0, 3.0, 5.0]]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[[18.0, 28.0, 40.0]], [[14.0, 23.0, 25.0]], [[14.0, 22.0, 30.0]]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_vecmat(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 7.0]], [[2.0, 3.0]], [[1.0, 5.0]]], device)
    tensor_2 = TestTensor.from_data([[[1.0, 4.0, 5.0], [3.0, 5.0, 6.0]], [[8.0, 2.0, 3.0], [0.0, 2.0, 4.0]], [[4.0, 7.0, 5.0], [2.0, 3.0, 5.0]]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[[22.0, 39.0, 47.0]], [[16.0, 10.0, 18.0]], [[14.0, 22.0, 30.0]]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_trivial(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.arange(bslice(0, 16, 1, False), device).reshape([4, 4]).float()
    tensor_3 = tensor_1.matmul(tensor_1)
    tensor_3.into_data().assert_approx_eq(TensorData([[56.0, 62.0, 68.0, 74.0], [152.0, 174.0, 196.0, 218.0], [248.0, 286.0, 324.0, 362.0], [344.0, 398.0, 452.0, 506.0]]), Tolerance.default())


def test_float_matmul_trivial_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.arange(bslice(0, 16, 1, False), device).reshape([4, 4]).float()
    tensor_3 = tensor_1.matmul(tensor_1.transpose())
    tensor_3.into_data().assert_approx_eq(TensorData([[14.0, 38.0, 62.0, 86.0], [38.0, 126.0, 214.0, 302.0], [62.0, 214.0, 366.0, 518.0], [86.0, 302.0, 518.0, 734.0]]), Tolerance.default())


def test_float_matmul_4_8(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.arange(bslice(0, 32, 1, False), device).reshape([4, 8]).float()
    tensor_3 = tensor_1.matmul(tensor_1.transpose())
    tensor_3.into_data().assert_approx_eq(TensorData([[140.0, 364.0, 588.0, 812.0], [364.0, 1100.0, 1836.0, 2572.0], [588.0, 1836.0, 3084.0, 4332.0], [812.0, 2572.0, 4332.0, 6092.0]]), Tolerance.default())


def test_float_matmul_simple_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0]], device)
    tensor_2 = TestTensor.from_data([[3.0], [4.0], [5.0], [6.0]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[50.0]])
    tensor_3.into_data().assert_eq(expected, False)


def test_float_matmul_simple_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[3.0, 3.0, 3.0], [4.0, 4.0, 4.0], [5.0, 5.0, 5.0], [6.0, 6.0, 6.0]], device)
    tensor_2 = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[9.0, 18.0, 27.0, 36.0], [12.0, 24.0, 36.0, 48.0], [15.0, 30.0, 45.0, 60.0], [18.0, 36.0, 54.0, 72.0]])
    tensor_3.into_data().assert_eq(expected, False)


def test_matmul_transposed_lhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    rhs = TestTensor.from_data([[1.0, 0.0], [0.0, 1.0]], device)
    output = lhs.transpose().matmul(rhs)
    expected = TensorData([[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]])
    output.into_data().assert_eq(expected, False)


def test_matmul_transposed_rhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data([[1.0, 0.0], [0.0, 1.0]], device)
    rhs = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], device)
    output = lhs.matmul(rhs.transpose())
    expected = TensorData([[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]])
    output.into_data().assert_eq(expected, False)


def test_matmul_both_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    rhs = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], device)
    output = lhs.transpose().matmul(rhs.transpose())
    expected = TensorData([[9.0, 19.0, 29.0], [12.0, 26.0, 40.0], [15.0, 33.0, 51.0]])
    output.into_data().assert_eq(expected, False)


def test_matmul_batched_transposed_rhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    q = TestTensor.from_data([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]], device)
    k = TestTensor.from_data([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]], device)
    output = q.matmul(k.swap_dims(1, 2))
    expected = TensorData([[[1.0, 2.0], [4.0, 5.0]], [[24.0, 48.0], [33.0, 66.0]]])
    output.into_data().assert_eq(expected, False)


def test_matmul_batched_transposed_lhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    a = TestTensor.from_data([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]], device)
    b = TestTensor.from_data([[[1.0, 0.0], [0.0, 1.0]], [[2.0, 0.0], [0.0, 2.0]]], device)
    output = a.swap_dims(1, 2).matmul(b)
    expected = TensorData([[[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]], [[14.0, 20.0], [16.0, 22.0], [18.0, 24.0]]])
    output.into_data().assert_eq(expected, False)


def test_matmul_batched_both_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    a = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]], device)
    b = TestTensor.from_data([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]], device)
    output = a.swap_dims(1, 2).matmul(b.swap_dims(1, 2))
    expected = TensorData([[[22.0, 49.0], [28.0, 64.0]], [[220.0, 301.0], [244.0, 334.0]]])
    output.into_data().assert_eq(expected, False)


def test_matmul_batched_broadcast_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensor.from_data([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]], device)
    rhs = TestTensor.from_data([[[1.0, 0.0], [0.0, 1.0]], [[2.0, 0.0], [0.0, 2.0]], [[1.0, 1.0], [1.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]], device)
    output = lhs.swap_dims(1, 2).matmul(rhs)
    expected = TensorData([[[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]], [[2.0, 8.0], [4.0, 10.0], [6.0, 12.0]], [[5.0, 5.0], [7.0, 7.0], [9.0, 9.0]], [[4.0, 1.0], [5.0, 2.0], [6.0, 3.0]]])
    output.into_data().assert_eq(expected, False)


def test_float_should_panic_when_inner_dimensions_are_not_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['matmul']):
        device = device
        tensor_1 = TestTensor.from_data([[3.0, 3.0], [4.0, 4.0], [5.0, 5.0], [6.0, 6.0]], device)
        tensor_2 = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]], device)
        tensor_3 = tensor_1.matmul(tensor_2)
        expected = TensorData([[9.0, 18.0, 27.0, 36.0], [12.0, 24.0, 36.0, 48.0], [15.0, 30.0, 45.0, 60.0], [18.0, 36.0, 54.0, 72.0]])
        tensor_3.into_data().assert_eq(expected, False)
