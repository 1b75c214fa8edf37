"""Burn's `autodiff/linear.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_linear_with_bias(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    x = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]], device).require_grad()
    weight = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device).require_grad()
    bias = TestTensor.from_data([0.1, 0.2, 0.3], device).require_grad()
    output = module.linear(x, weight, (bias))
    grads = output.backward()
    tolerance = Tolerance.default()
    x.grad(grads).to_data().assert_approx_eq(TensorData([[[6.0, 15.0], [6.0, 15.0]], [[6.0, 15.0], [6.0, 15.0]]]), tolerance)
    weight.grad(grads).to_data().assert_approx_eq(TensorData([[16.0, 16.0, 16.0], [20.0, 20.0, 20.0]]), tolerance)
    bias.grad(grads).to_data().assert_approx_eq(TensorData([4.0, 4.0, 4.0]), tolerance)


def test_should_diff_linear_matches_matmul_decomposition(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    x_data = TensorData([[[1.0, -2.0], [3.0, 4.0]], [[-5.0, 6.0], [7.0, -8.0]]])
    w_data = TensorData([[0.5, -1.0, 2.0], [1.5, 2.5, -0.5]])
    x = TestTensor.from_data(x_data, device).require_grad()
    weight = TestTensor.from_data(w_data, device).require_grad()
    grads = module.linear(x, weight, None).backward()
    x_grad = x.grad(grads)
    weight_grad = weight.grad(grads)
    x_ref = TestTensor.from_data(x_data, device).require_grad()
    weight_ref = TestTensor.from_data(w_data, device).require_grad()
    grads_ref = x_ref.matmul(weight_ref.unsqueeze()).backward()
    tolerance = Tolerance.default()
    x_grad.to_data().assert_approx_eq(x_ref.grad(grads_ref).to_data(), tolerance)
    weight_grad.to_data().assert_approx_eq(weight_ref.grad(grads_ref).to_data(), tolerance)
