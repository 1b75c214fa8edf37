"""Burn's `tensor/bool/ops/argwhere_nonzero.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_argwhere_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([False, True, False, True, True])
    output = tensor.argwhere()
    output.into_data().assert_eq(TensorData([[1], [3], [4]]), False)


def test_argwhere_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[False, False], [False, True], [True, True]])
    output = tensor.argwhere()
    output.into_data().assert_eq(TensorData([[1, 1], [2, 0], [2, 1]]), False)


def test_argwhere_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[[False, False, False], [False, True, False]], [[True, False, True], [True, True, False]]])
    output = tensor.argwhere()
    output.into_data().assert_eq(TensorData([[0, 1, 1], [1, 0, 0], [1, 0, 2], [1, 1, 0], [1, 1, 1]]), False)


def test_nonzero_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([False, True, False, True, True])
    data_actual = list(rmap(iter(tensor.nonzero()), lambda t: t.into_data()))
    assert_eq_(len(data_actual), 1)
    data_actual[0].assert_eq(TensorData([1, 3, 4]), False)


def test_nonzero_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[False, False], [False, True], [True, True]])
    data_actual = list(rmap(iter(tensor.nonzero()), lambda t: t.into_data()))
    data_expected = [TensorData([1, 2, 2]), TensorData([1, 0, 1])]
    assert_eq_(len(data_actual), 2)
    for idx, actual in enumerate(iter(data_actual)):
        actual.assert_eq(data_expected[idx], False)


def test_nonzero_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([[[False, False, False], [False, True, False]], [[True, False, True], [True, True, False]]])
    data_actual = list(rmap(iter(tensor.nonzero()), lambda t: t.into_data()))
    data_expected = [TensorData([0, 1, 1, 1, 1]), TensorData([1, 0, 0, 1, 1]), TensorData([1, 0, 2, 0, 1])]
    assert_eq_(len(data_actual), 3)
    for idx, actual in enumerate(iter(data_actual)):
        actual.assert_eq(data_expected[idx], False)


def test_nonzero_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([False, False, False, False, False])
    output = tensor.nonzero()
    assert_eq_(len(output), 0)


def test_argwhere_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([False, False, False, False, False])
    output = tensor.argwhere()
    assert_eq_(output.shape(), Shape([0, 1]))
