"""Burn's `crates/burn-nn/src/loss/gaussian_nll.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_gaussian_nll_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(TensorData([1.0, 2.0]), device)
    target = TestTensor.from_data(TensorData([1.5, 1.0]), device)
    var = TestTensor.from_data(TensorData([0.5, 1.0]), device)
    loss = GaussianNLLLossConfig().init()
    no_reduction = loss.forward_no_reduction(input, target, var)
    mean = loss.forward(input, target, var, Reduction.Mean)
    sum = loss.forward(input, target, var, Reduction.Sum)
    expected = TensorData([-0.096574, 0.5])
    no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    mean.into_data().assert_approx_eq(TensorData([0.201713]), Tolerance.default())
    sum.into_data().assert_approx_eq(TensorData([0.403426]), Tolerance.default())


def test_gaussian_nll_loss_full(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(TensorData([1.0, 2.0]), device)
    target = TestTensor.from_data(TensorData([1.5, 1.0]), device)
    var = TestTensor.from_data(TensorData([0.5, 1.0]), device)
    loss = GaussianNLLLossConfig().with_full(True).init()
    no_reduction = loss.forward_no_reduction(input, target, var)
    expected = TensorData([0.822365, 1.418939])
    no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())


def test_gaussian_nll_loss_clamps_var_to_eps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(TensorData([1.0, 2.0]), device)
    target = TestTensor.from_data(TensorData([1.5, 1.0]), device)
    loss = GaussianNLLLossConfig().init()
    var_below = TestTensor.from_data(TensorData([1e-8, 1e-8]), device)
    var_eps = TestTensor.from_data(TensorData([1e-6, 1e-6]), device)
    clamped = loss.forward_no_reduction(input, target, var_below)
    at_eps = loss.forward_no_reduction(input, target, var_eps)
    clamped.into_data().assert_approx_eq(at_eps.into_data(), Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = GaussianNLLLossConfig().with_eps(0.5)
    loss = config.init()
    assert_eq_(str(loss), "GaussianNLLLoss {eps: 0.5, full: false}" )
