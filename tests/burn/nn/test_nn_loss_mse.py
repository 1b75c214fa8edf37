"""Burn's `crates/burn-nn/src/loss/mse.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_mse_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    targets = TestTensor.from_data(TensorData([[2.0, 1.0], [3.0, 2.0]]), device)
    mse = MseLoss()
    loss_no_reduction = mse.forward_no_reduction(logits, targets)
    loss = mse.forward(logits, targets, Reduction.Auto)
    loss_sum = mse.forward(logits, targets, Reduction.Sum)
    expected = TensorData([[1.0, 1.0], [0.0, 4.0]])
    loss_no_reduction.into_data().assert_eq(expected, False)
    expected = TensorData([1.5])
    loss.into_data().assert_eq(expected, False)
    expected = TensorData([6.0])
    loss_sum.into_data().assert_eq(expected, False)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    loss = MseLoss()
    assert_eq_(str(loss), "MseLoss")
