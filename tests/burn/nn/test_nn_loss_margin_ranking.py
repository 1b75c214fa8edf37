"""Burn's `crates/burn-nn/src/loss/margin_ranking.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_margin_ranking_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    first = TestTensor.from_data(TensorData([1.0, 2.0, 3.0]), device)
    second = TestTensor.from_data(TensorData([2.0, 1.0, 0.5]), device)
    target = TestTensor.from_data(TensorData([1.0, -1.0, 1.0]), device)
    loss = MarginRankingLossConfig().with_margin(0.5).init()
    no_reduction = loss.forward_no_reduction(first, second, target)
    mean = loss.forward(first, second, target, Reduction.Mean)
    sum = loss.forward(first, second, target, Reduction.Sum)
    expected = TensorData([1.5, 1.5, 0.0])
    no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([1.0])
    mean.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([3.0])
    sum.into_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = MarginRankingLossConfig().with_margin(0.5)
    loss = config.init()
    assert_eq_(str(loss), "MarginRankingLoss {margin: 0.5}")
