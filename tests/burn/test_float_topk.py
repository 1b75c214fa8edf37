"""Burn's `tensor/float/ops/topk.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_topk_with_indices_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 4.0, 7.0], [2.0, 5.0, 6.0]], [[3.0, 0.0, 9.0], [8.0, 2.0, 7.0]]])
    values, indices = tensor.topk_with_indices(2, 2)
    values_expected = TensorData([[[7.0, 4.0], [6.0, 5.0]], [[9.0, 3.0], [8.0, 7.0]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    indices_expected = TensorData([[[2, 1], [2, 1]], [[2, 0], [0, 2]]])
    indices.into_data().assert_eq(indices_expected, False)


def test_topk_supports_negative_dim_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 4.0, 7.0], [2.0, 5.0, 6.0]], [[3.0, 0.0, 9.0], [8.0, 2.0, 7.0]]])
    values = tensor.topk(2, -1)
    values_expected = TensorData([[[7.0, 4.0], [6.0, 5.0]], [[9.0, 3.0], [8.0, 7.0]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())


def test_topk_supports_k_dim_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data(TensorData([[12.0, -2.0, 3.0], [5.0, 3.0, 6.0]]), device)
    values = tensor.topk(2, 0)
    values.into_data().assert_approx_eq(TensorData([[12.0, 3.0, 6.0], [5.0, -2.0, 3.0]]), Tolerance.default())
    values = tensor.topk(3, 1)
    values.into_data().assert_approx_eq(TensorData([[12.0, 3.0, -2.0], [6.0, 5.0, 3.0]]), Tolerance.default())
    tensor = TestTensor.from_([[[1.0, 4.0, 7.0], [2.0, 5.0, 6.0]], [[3.0, 0.0, 9.0], [8.0, 2.0, 7.0]]])
    values = tensor.topk(2, 0)
    values.into_data().assert_approx_eq(TensorData([[[3.0, 4.0, 9.0], [8.0, 5.0, 7.0]], [[1.0, 0.0, 7.0], [2.0, 2.0, 6.0]]]), Tolerance.default())


def test_topk_should_panic_k_larger(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['topk']):
        tensor = TestTensor.from_data(TensorData([[12.0, -2.0, 3.0], [5.0, 3.0, 6.0]]), device)
        _values = tensor.topk(3, 0)


def test_topk_with_indices_should_panic_k_larger(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['topk_with_indices']):
        tensor = TestTensor.from_data(TensorData([[12.0, -2.0, 3.0], [5.0, 3.0, 6.0]]), device)
        _values, _indices = tensor.topk_with_indices(3, 0)
