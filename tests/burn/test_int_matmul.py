"""Burn's `tensor/int/ops/matmul.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_int_matmul_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_ints([[1, 7], [2, 3], [1, 5]], device)
    tensor_2 = TestTensorInt.from_ints([[4, 7, 5], [2, 3, 5]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[18, 28, 40], [14, 23, 25], [14, 22, 30]])
    tensor_3.into_data().assert_eq(expected, False)


def test_int_matmul_d3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_ints([[[1, 7], [2, 3]]], device)
    tensor_2 = TestTensorInt.from_ints([[[4, 7], [2, 3]]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[[18, 28], [14, 23]]])
    tensor_3.into_data().assert_eq(expected, False)


def test_int_matmul_broadcast_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_ints([[[1, 7], [2, 3]]], device)
    tensor_2 = TestTensorInt.from_ints([[[4, 7], [2, 3]], [[2, 5], [6, 3]]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[[18, 28], [14, 23]], [[44, 26], [22, 19]]])
    tensor_3.into_data().assert_eq(expected, False)


def test_int_matmul_broadcast_4d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_ints([[[[1, 7], [2, 3]]], [[[2, 5], [6, 3]]]], device)
    tensor_2 = TestTensorInt.from_ints([[[[9, 8], [1, 4]], [[2, 7], [3, 5]]]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[[[16, 36], [21, 28]], [[23, 42], [13, 29]]], [[[23, 36], [57, 60]], [[19, 39], [21, 57]]]])
    tensor_3.into_data().assert_eq(expected, False)


def test_int_matmul_simple_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_ints([[5, 14], [14, 25]], device)
    tensor_2 = TestTensorInt.from_ints([[3, 4, 5], [0, 1, 2]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[15, 34, 53], [42, 81, 120]])
    tensor_3.into_data().assert_eq(expected, False)


def test_int_matmul_4_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) < 324:
        return
    device = device
    tensor_1 = TestTensorInt.from_ints([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], device)
    tensor_2 = TestTensorInt.from_ints([[0, 1, 2], [4, 5, 6], [8, 9, 10], [12, 13, 14]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[56, 62, 68], [152, 174, 196], [248, 286, 324]])
    tensor_3.into_data().assert_eq(expected, False)


def test_int_matmul_trivial(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) < 506:
        return
    device = device
    tensor_1 = TestTensorInt.arange(bslice(0, 16, 1, False), device).reshape([4, 4])
    tensor_3 = tensor_1.matmul(tensor_1)
    tensor_3.into_data().assert_eq(TensorData([[56, 62, 68, 74], [152, 174, 196, 218], [248, 286, 324, 362], [344, 398, 452, 506]]), False)


def test_int_matmul_trivial_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) < 734:
        return
    device = device
    tensor_1 = TestTensorInt.arange(bslice(0, 16, 1, False), device).reshape([4, 4])
    tensor_3 = tensor_1.matmul(tensor_1.transpose())
    tensor_3.into_data().assert_eq(TensorData([[14, 38, 62, 86], [38, 126, 214, 302], [62, 214, 366, 518], [86, 302, 518, 734]]), False)


def test_int_matmul_4_8(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) < 6092:
        return
    device = device
    tensor_1 = TestTensorInt.arange(bslice(0, 32, 1, False), device).reshape([4, 8])
    tensor_3 = tensor_1.matmul(tensor_1.transpose())
    tensor_3.into_data().assert_eq(TensorData([[140, 364, 588, 812], [364, 1100, 1836, 2572], [588, 1836, 3084, 4332], [812, 2572, 4332, 6092]]), False)


def test_int_matmul_simple_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_ints([[1, 2, 3, 4]], device)
    tensor_2 = TestTensorInt.from_ints([[3], [4], [5], [6]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[50]])
    tensor_3.into_data().assert_eq(expected, False)


def test_int_matmul_simple_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorInt.from_ints([[3, 3, 3], [4, 4, 4], [5, 5, 5], [6, 6, 6]], device)
    tensor_2 = TestTensorInt.from_ints([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]], device)
    tensor_3 = tensor_1.matmul(tensor_2)
    expected = TensorData([[9, 18, 27, 36], [12, 24, 36, 48], [15, 30, 45, 60], [18, 36, 54, 72]])
    tensor_3.into_data().assert_eq(expected, False)


def test_int_should_panic_when_inner_dimensions_are_not_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['from_ints', 'matmul']):
        device = device
        tensor_1 = TestTensorInt.from_ints([[3, 3], [4, 4], [5, 5], [6, 6]], device)
        tensor_2 = TestTensorInt.from_ints([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]], device)
        tensor_3 = tensor_1.matmul(tensor_2)
        expected = TensorData([[9, 18, 27, 36], [12, 24, 36, 48], [15, 30, 45, 60], [18, 36, 54, 72]])
        tensor_3.into_data().assert_eq(expected, False)
