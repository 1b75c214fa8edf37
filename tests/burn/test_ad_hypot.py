"""Burn's `autodiff/hypot.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_hypot(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_a = TensorData([[3.0, 4.0], [5.0, 12.0]])
    data_b = TensorData([[4.0, 3.0], [12.0, 5.0]])
    device = device
    tensor_a = TestTensor.from_data(data_a, device).require_grad()
    tensor_b = TestTensor.from_data(data_b, device).require_grad()
    tensor_c = tensor_a.hypot(tensor_b)
    grads = tensor_c.backward()
    grad_a = tensor_a.grad(grads)
    grad_b = tensor_b.grad(grads)
    grad_a.to_data().assert_approx_eq(TensorData([[0.6, 0.8], [0.3846, 0.9231]]), Tolerance.default())
    grad_b.to_data().assert_approx_eq(TensorData([[0.8, 0.6], [0.9231, 0.3846]]), Tolerance.default())
