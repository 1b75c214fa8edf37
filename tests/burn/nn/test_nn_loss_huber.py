"""Burn's `crates/burn-nn/src/loss/huber.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_huber_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    predict = TensorData([-2.0, -0.5, 0.0, 0.3, 1.0])
    targets = TensorData([0.0, 0.0, 0.0, 0.0, 0.0])
    device = device
    predict = TestTensor.from_data(predict, device)
    targets = TestTensor.from_data(targets, device)
    huber = HuberLossConfig(0.5).init()
    loss_sum = huber.forward(predict, targets, Reduction.Sum)
    loss = huber.forward(predict, targets, Reduction.Auto)
    loss_no_reduction = huber.forward_no_reduction(predict, targets)
    expected = TensorData([0.875, 0.125, 0.0, 0.045, 0.375])
    loss_no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([0.284])
    loss.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([1.42])
    loss_sum.into_data().assert_approx_eq(expected, Tolerance.default())


def test_huber_ad_loss(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    predict = TensorData([-2.0, -0.5, 0.0, 0.3, 1.0])
    targets = TensorData([0.0, 0.0, 0.0, 0.0, 0.0])
    predict = TestTensor.from_data(predict, device).require_grad()
    targets = TestTensor.from_data(targets, device)
    loss = HuberLossConfig(0.5).init()
    loss = loss.forward_no_reduction(predict, targets)
    grads = loss.backward()
    grads_predict = predict.grad(grads)
    expected = TensorData([-0.5, -0.5, 0.0, 0.3, 0.5])
    grads_predict.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = HuberLossConfig(0.5)
    loss = config.init()
    assert_eq_(str(loss), "HuberLoss {delta: 0.5, lin_bias: 0.125}" )
