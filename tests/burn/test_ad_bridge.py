"""Burn's `autodiff/bridge.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_full_precision(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    x1 = TestTensor.random([32, 32], Distribution.Default, device).require_grad()
    x2 = TestTensor.random([32, 32], Distribution.Default, device).require_grad()
    dtype = x1.dtype
    x3 = x1.cast(DType.F32)
    x4 = x2.cast(DType.F32)
    x5 = x3.matmul(x4)
    x6 = x5.cast(dtype)
    x7 = x6 * x1 / x2
    grads = x7.backward()
    x1_grad = x1.grad(grads)
    x2_grad = x2.grad(grads)
    assert_((x1_grad is not None))
    assert_((x2_grad is not None))
