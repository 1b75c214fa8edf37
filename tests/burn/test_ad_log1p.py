"""Burn's `autodiff/log1p.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_log1p(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[0.0, 1.0], [3.0, 4.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[6.0, 7.0], [9.0, 10.0]], device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.log1p())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.default().set_half_precision_relative(1e-3)
    expected = TensorData([[64.80622101, 75.49362183], [64.80622101, 75.49362183]])
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[22.92208481, 24.47565651], [24.72780228, 26.86416626]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)
