"""Burn's `autodiff/gelu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_gelu(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[0.0, 1.0], [-3.0, 4.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[6.0, -0.5], [9.0, 10.0]], device).require_grad()
    x = tensor_1.matmul(activation.gelu(tensor_2))
    x = tensor_1.matmul(x)
    grads = x.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.permissive()
    expected = TensorData([[1.46281, 1.46281], [48.22866, 153.46280]])
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[-15.0000, -1.98757], [17.0000, 17.0000]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)
