"""Burn's `crates/burn-nn/src/modules/cosine_similarity.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_cosine_similarity_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x1 = TestTensor.from_data(TensorData([[1.0, 0.0], [1.0, 1.0]]), device)
    x2 = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 1.0]]), device)
    output = CosineSimilarityConfig().init().forward(x1, x2)
    expected = TensorData([1.0, 0.707107])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_cosine_similarity_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x1 = TestTensor.from_data(TensorData([[1.0, 0.0], [1.0, 1.0]]), device)
    x2 = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 1.0]]), device)
    output = CosineSimilarityConfig().with_dim(-1).init().forward(x1, x2)
    expected = TensorData([1.0, 0.707107])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    layer = CosineSimilarityConfig().with_dim(-1).with_eps(0.5).init()
    assert_eq_(str(layer), "CosineSimilarity {dim: -1, eps: 0.5}" )
