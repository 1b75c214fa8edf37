"""Burn's `tensor/bool/ops/logical.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_bool_and(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensorBool.from_([[False, True, False], [True, False, True]])
    tensor2 = TestTensorBool.from_([[True, True, False], [False, False, True]])
    data_actual = tensor1.bool_and(tensor2).into_data()
    data_expected = TensorData([[False, True, False], [False, False, True]])
    data_expected.assert_eq(data_actual, False)


def test_bool_or(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensorBool.from_([[False, True, False], [True, False, True]])
    tensor2 = TestTensorBool.from_([[True, True, False], [False, False, True]])
    data_actual = tensor1.bool_or(tensor2).into_data()
    data_expected = TensorData([[True, True, False], [True, False, True]])
    data_expected.assert_eq(data_actual, False)


def test_bool_xor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensorBool.from_([[False, True, False], [True, False, True]])
    tensor2 = TestTensorBool.from_([[True, True, False], [False, False, True]])
    data_actual = tensor1.bool_xor(tensor2).into_data()
    data_expected = TensorData([[True, False, False], [True, False, False]])
    data_expected.assert_eq(data_actual, False)


def test_bool_or_vec(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor1 = TestTensorBool.full([256], 0, device)
    tensor2 = TestTensorBool.full([256], 1, device)
    data_actual = tensor1.bool_or(tensor2).into_data()
    data_expected = TensorData([True] * (256))
    data_expected.assert_eq(data_actual, False)


def test_bool_and_vec(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor1 = TestTensorBool.full([256], 0, device)
    tensor2 = TestTensorBool.full([256], 1, device)
    data_actual = tensor1.bool_and(tensor2).into_data()
    data_expected = TensorData([False] * (256))
    data_expected.assert_eq(data_actual, False)


def test_bool_and_broadcast_scalar_lhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor1 = TestTensorBool.from_data(TensorData([[True]]), device)
    tensor2 = TestTensorBool.from_data(TensorData([[True, False, True], [False, True, False]]), device)
    actual = tensor1.bool_and(tensor2).into_data()
    expected = TensorData([[True, False, True], [False, True, False]])
    expected.assert_eq(actual, False)


def test_bool_or_broadcast_scalar_lhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor1 = TestTensorBool.from_data(TensorData([[False]]), device)
    tensor2 = TestTensorBool.from_data(TensorData([[True, False, True], [False, True, False]]), device)
    actual = tensor1.bool_or(tensor2).into_data()
    expected = TensorData([[True, False, True], [False, True, False]])
    expected.assert_eq(actual, False)


def test_bool_and_broadcast_rank_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensorBool.from_data(TensorData([[[True, False, False, False], [True, False, True, False], [False, True, True, True]], [[True, False, False, True], [False, False, True, True], [True, True, False, True]]]), device)
    rhs = TestTensorBool.from_data(TensorData([[False, False, True, True], [False, True, True, False], [False, False, False, True]]), device)
    actual = lhs.bool_and(rhs.unsqueeze()).into_data()
    expected = TensorData([[[False, False, False, False], [False, False, True, False], [False, False, False, True]], [[False, False, False, True], [False, False, True, False], [False, False, False, True]]])
    expected.assert_eq(actual, False)


def test_bool_or_broadcast_rank_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensorBool.from_data(TensorData([[[True, False, False, False], [True, False, True, False], [False, True, True, True]], [[True, False, False, True], [False, False, True, True], [True, True, False, True]]]), device)
    rhs = TestTensorBool.from_data(TensorData([[False, False, True, True], [False, True, True, False], [False, False, False, True]]), device)
    actual = lhs.bool_or(rhs.unsqueeze()).into_data()
    expected = TensorData([[[True, False, True, True], [True, True, True, False], [False, True, True, True]], [[True, False, True, True], [False, True, True, True], [True, True, False, True]]])
    expected.assert_eq(actual, False)


def test_bool_xor_broadcast_rank_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensorBool.from_data(TensorData([[[True, False], [False, True]], [[True, True], [False, False]]]), device)
    rhs = TestTensorBool.from_data(TensorData([[True, False], [False, True]]), device)
    actual = lhs.bool_xor(rhs.unsqueeze()).into_data()
    expected = TensorData([[[False, False], [False, False]], [[False, True], [False, True]]])
    expected.assert_eq(actual, False)


def test_bool_and_broadcast_row_lhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensorBool.from_data(TensorData([[True, False, True]]), device)
    rhs = TestTensorBool.from_data(TensorData([[True, True, False], [False, True, True]]), device)
    actual = lhs.bool_and(rhs).into_data()
    expected = TensorData([[True, False, False], [False, False, True]])
    expected.assert_eq(actual, False)


def test_bool_and_broadcast_mutual(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensorBool.from_data(TensorData([[True], [False], [True]]), device)
    rhs = TestTensorBool.from_data(TensorData([[True, False, True]]), device)
    actual = lhs.bool_and(rhs).into_data()
    expected = TensorData([[True, False, True], [False, False, False], [True, False, True]])
    expected.assert_eq(actual, False)


def test_bool_and_broadcast_4d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensorBool.from_data(TensorData([[[[True], [False]]], [[[False], [True]]]]), device)
    rhs = TestTensorBool.from_data(TensorData([[[[True, False]], [[False, True]]]]), device)
    actual = lhs.bool_and(rhs).into_data()
    expected = TensorData([[[[True, False], [False, False]], [[False, True], [False, False]]], [[[False, False], [True, False]], [[False, False], [False, True]]]])
    expected.assert_eq(actual, False)


def test_bool_not_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    t = TestTensorBool.from_([True, False, True, False]).flip([0])
    output = t.bool_not()
    output.into_data().assert_eq(TensorData([True, False, True, False]), False)


def test_bool_and_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorBool.from_([True, False, True, False]).flip([0])
    b = TestTensorBool.from_([True, True, False, False])
    output = a.bool_and(b)
    output.into_data().assert_eq(TensorData([False, True, False, False]), False)


def test_bool_or_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorBool.from_([True, False, True, False]).flip([0])
    b = TestTensorBool.from_([True, False, False, False])
    output = a.bool_or(b)
    output.into_data().assert_eq(TensorData([True, True, False, True]), False)


def test_bool_and_both_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorBool.from_([True, False, True, False]).flip([0])
    b = TestTensorBool.from_([True, True, False, False]).flip([0])
    output = a.bool_and(b)
    output.into_data().assert_eq(TensorData([False, False, False, True]), False)


def test_bool_xor_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorBool.from_([True, False, True, False]).flip([0])
    b = TestTensorBool.from_([True, True, False, False])
    output = a.bool_xor(b)
    output.into_data().assert_eq(TensorData([True, False, False, True]), False)


def test_bool_equal_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorBool.from_([True, False, True, False]).flip([0])
    b = TestTensorBool.from_([False, True, False, True])
    output = a.equal(b)
    output.into_data().assert_eq(TensorData([True, True, True, True]), False)
