"""Burn's `autodiff/sign.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_sign(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([-2.0, -1.0, 0.0, 1.0, 2.0])
    device = device
    x = TestTensor.from_data(data, device).require_grad()
    y = x.sign()
    loss = y.sum()
    grads = loss.backward()
    grad = x.grad(grads)
    y.to_data().assert_eq(TensorData([-1.0, -1.0, 0.0, 1.0, 1.0]), False)
    grad.to_data().assert_eq(TensorData([0.0, 0.0, 0.0, 0.0, 0.0]), False)
