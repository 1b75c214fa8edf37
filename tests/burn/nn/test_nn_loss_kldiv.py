"""Burn's `crates/burn-nn/src/loss/kldiv.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_kl_div_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    predict = TensorData([[-1.0, -0.5], [-2.0, -0.2]])
    targets = TensorData([[0.4, 0.6], [0.1, 0.9]])
    device = device
    predict = TestTensor.from_data(predict, device)
    targets = TestTensor.from_data(targets, device)
    kl_loss = KLDivLossConfig(log_target=False).init()
    loss_sum = kl_loss.forward(predict, targets, Reduction.Sum)
    loss_batch_mean = kl_loss.forward(predict, targets, Reduction.BatchMean)
    loss_no_reduction = kl_loss.forward_no_reduction(predict, targets)
    expected_no_reduction = TensorData([[0.0334837139, -0.0064953566], [-0.0302585065, 0.0851755068]])
    loss_no_reduction.into_data().assert_approx_eq(expected_no_reduction, Tolerance.absolute(1e-5))
    expected_sum = TensorData([0.08191])
    loss_sum.into_data().assert_approx_eq(expected_sum, Tolerance.absolute(1e-5))
    expected_batch_mean = TensorData([0.04095])
    loss_batch_mean.into_data().assert_approx_eq(expected_batch_mean, Tolerance.absolute(1e-5))


def test_kl_div_loss_log_target(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predict = TestTensor.from_data([-1.0, -2.0], device)
    targets = TestTensor.from_data([-0.5, -1.5], device)
    kl_loss = KLDivLossConfig(log_target=True).init()
    loss_no_reduction = kl_loss.forward_no_reduction(predict, targets)
    expected_none = TensorData([0.3032653299, 0.1115650801])
    loss_no_reduction.into_data().assert_approx_eq(expected_none, Tolerance.absolute(1e-5))
    loss_batch_mean = kl_loss.forward(predict, targets, Reduction.BatchMean)
    expected_bm = TensorData([0.207415204965])
    loss_batch_mean.into_data().assert_approx_eq(expected_bm, Tolerance.absolute(1e-5))
    loss_sum = kl_loss.forward(predict, targets, Reduction.Sum)
    expected_sum = TensorData([0.414830409931])
    loss_sum.into_data().assert_approx_eq(expected_sum, Tolerance.absolute(1e-5))


def test_kl_div_ad_loss(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    predict = TestTensor.from_data([[-1.0, -0.5]], device).require_grad()
    targets = TestTensor.from_data([[0.4, 0.6]], device)
    kl_loss = KLDivLossConfig(log_target=False).init()
    loss = kl_loss.forward(predict, targets, Reduction.Sum)
    grads = loss.backward()
    grads_predict = predict.grad(grads)
    expected = TensorData([[-0.4, -0.6]])
    grads_predict.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = KLDivLossConfig(log_target=True)
    loss = config.init()
    assert_eq_(str(loss), "KLDivLoss {log_target: true}")
