"""Burn's `crates/burn-nn/src/loss/hinge_embedding.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_hinge_embedding_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(TensorData([0.5, 2.0, 1.5]), device)
    target = TestTensor.from_data(TensorData([1.0, -1.0, -1.0]), device)
    loss = HingeEmbeddingLossConfig().init()
    no_reduction = loss.forward_no_reduction(input, target)
    mean = loss.forward(input, target, Reduction.Mean)
    sum = loss.forward(input, target, Reduction.Sum)
    expected = TensorData([0.5, 0.0, 0.0])
    no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    mean.into_data().assert_approx_eq(TensorData([0.166_667]), Tolerance.default())
    sum.into_data().assert_approx_eq(TensorData([0.5]), Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = HingeEmbeddingLossConfig().with_margin(0.5)
    loss = config.init()
    assert_eq_(str(loss), "HingeEmbeddingLoss {margin: 0.5}")
