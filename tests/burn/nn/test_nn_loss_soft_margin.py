"""Burn's `crates/burn-nn/src/loss/soft_margin.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_soft_margin_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_data(TensorData([[0.5, -1.0], [2.0, -0.5]]), device)
    targets = TestTensor.from_data(TensorData([[1.0, -1.0], [-1.0, 1.0]]), device)
    loss = SoftMarginLoss()
    no_reduction = loss.forward_no_reduction(logits, targets)
    mean = loss.forward(logits, targets, Reduction.Mean)
    sum = loss.forward(logits, targets, Reduction.Sum)
    expected = TensorData([[0.474077, 0.313262], [2.126928, 0.974077]])
    no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    mean.into_data().assert_approx_eq(TensorData([0.972086]), Tolerance.default())
    sum.into_data().assert_approx_eq(TensorData([3.888344]), Tolerance.default())
