"""Burn's `autodiff/gradients.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_update_tensor_when_grad_replace(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.random([32, 32], Distribution.Default, device).require_grad()
    tensor_2 = TestTensor.random([32, 32], Distribution.Default, device)
    x = tensor_1.matmul(activation.gelu(tensor_2))
    grads = x.backward()
    grad_1 = tensor_1.grad(grads)
    grad_1_updated = TestTensor.random([32, 32], Distribution.Default, device).require_grad()
    tensor_1.grad_replace(grads, grad_1_updated.inner())
    grad_1_new = tensor_1.grad(grads)
    assert_ne_(grad_1_new.to_data(), grad_1.into_data())
    assert_eq_(grad_1_new.into_data(), grad_1_updated.into_data())
