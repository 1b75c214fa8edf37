"""Burn's `crates/burn-nn/src/loss/poisson.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_poisson_nll_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    predictions = TensorData([0.0, 0.0, -40.0, 1.0, 2.0, 3.0])
    targets = TensorData([1.0, 4.5, 2.5, 0.0, 0.0, 2.0])
    device = device
    predictions = TestTensor.from_data(predictions, device)
    targets = TestTensor.from_data(targets, device)
    poisson = PoissonNllLossConfig().init()
    loss_sum = poisson.forward(predictions, targets, Reduction.Sum)
    loss = poisson.forward(predictions, targets, Reduction.Auto)
    loss_no_reduction = poisson.forward_no_reduction(predictions, targets)
    expected = TensorData([1.0000, 1.0000, 100.0000, 2.7183, 7.3891, 14.0855])
    loss_no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([21.0321])
    loss.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([126.1929])
    loss_sum.into_data().assert_approx_eq(expected, Tolerance.default())


def test_poisson_nll_loss_no_log_input(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    predictions = TensorData([0.0, 0.5, 1.0, 1.0, 2.71828, 7.38905, 20.0855])
    targets = TensorData([2.0, 3.0, 1.0, 4.5, 0.0, 0.0, 2.0])
    device = device
    predictions = TestTensor.from_data(predictions, device)
    targets = TestTensor.from_data(targets, device)
    poisson = PoissonNllLossConfig().with_log_input(False).init()
    loss_no_reduction = poisson.forward_no_reduction(predictions, targets)
    expected = TensorData([36.84136, 2.579441, 1.0, 1.0, 2.71828, 7.38905, 14.0855])
    loss_no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())


def test_poisson_nll_loss_full(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    predictions = TensorData([0.0, 0.0, -40.0, 1.0, 2.0, 3.0])
    targets = TensorData([1.0, 4.5, 2.5, 0.0, 0.0, 2.0])
    device = device
    predictions = TestTensor.from_data(predictions, device)
    targets = TestTensor.from_data(targets, device)
    poisson = PoissonNllLossConfig().with_full(True).init()
    loss_sum = poisson.forward(predictions, targets, Reduction.Sum)
    loss = poisson.forward(predictions, targets, Reduction.Auto)
    loss_no_reduction = poisson.forward_no_reduction(predictions, targets)
    expected = TensorData([1.0000, 4.9393, 101.1678, 2.7183, 7.3891, 14.7373])
    loss_no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([21.9920])
    loss.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([131.9518])
    loss_sum.into_data().assert_approx_eq(expected, Tolerance.default())


def test_poisson_nll_loss_gradients(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    predictions = TensorData([0.0, 0.0, -40.0, 1.0, 2.0, 3.0])
    targets = TensorData([1.0, 4.5, 2.5, 0.0, 0.0, 2.0])
    predictions1 = TestTensor.from_data(predictions, device).require_grad()
    predictions2 = predictions1
    targets = TestTensor.from_data(targets, device)
    poisson = PoissonNllLossConfig().with_full(False).init()
    poisson_full = PoissonNllLossConfig().with_full(True).init()
    loss_sum = poisson.forward(predictions1, targets, Reduction.Sum)
    loss_full_sum = poisson_full.forward(predictions2, targets, Reduction.Sum)
    grads = loss_sum.backward()
    grads_full = loss_full_sum.backward()
    grads_predictions1 = predictions1.grad(grads)
    grads_predictions2 = predictions2.grad(grads_full)
    expected = TensorData([0.0000, -3.5000, -2.5000, 2.7183, 7.3891, 18.0855])
    grads_predictions1.into_data().assert_approx_eq(expected, Tolerance.default())
    grads_predictions2.into_data().assert_approx_eq(expected, Tolerance.default())


def test_negative_eps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_eps', 'init']):
        _poisson = PoissonNllLossConfig().with_eps(0.0).init()


def test_targets_with_negative_values(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        predictions = TensorData([0.0, 0.0, -40.0, 1.0, 2.0, 3.0, 4.0])
        targets = TensorData([1.0, 4.5, 2.5, 0.0, 0.0, 2.0, -0.42])
        device = device
        predictions = TestTensor.from_data(predictions, device)
        targets = TestTensor.from_data(targets, device)
        poisson = PoissonNllLossConfig().init()
        _loss = poisson.forward(predictions, targets, Reduction.Auto)


def test_shape_tensors(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward_no_reduction']):
        predictions = TensorData([0.0, 1.0, 2.0])
        targets = TensorData([0.0, 1.0])
        device = device
        predictions = TestTensor.from_data(predictions, device)
        targets = TestTensor.from_data(targets, device)
        poisson = PoissonNllLossConfig().init()
        _loss = poisson.forward_no_reduction(predictions, targets)


def test_exp_predictions_non_negative(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_log_input', 'init', 'forward_no_reduction']):
        predictions = TensorData([0.3, -0.1, 0.4])
        targets = TensorData([0.0, 1.0, 0.0])
        device = device
        predictions = TestTensor.from_data(predictions, device)
        targets = TestTensor.from_data(targets, device)
        poisson = PoissonNllLossConfig().with_log_input(False).init()
        _loss = poisson.forward_no_reduction(predictions, targets)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = PoissonNllLossConfig()
    loss = config.init()
    assert_eq_(str(loss), "PoissonNllLoss {log_input: true, full: false, eps: 0.00000001}" )
