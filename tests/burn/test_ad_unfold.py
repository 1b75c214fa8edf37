"""Burn's `autodiff/unfold.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_unfold_backward_accumulates_overlaps(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    x = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0]], device).require_grad()
    y = x.unfold(1, 2, 1)
    loss = y.sum()
    grads = loss.backward()
    grad_x = x.grad(grads)
    grad_x.to_data().assert_eq(TensorData([[1.0, 2.0, 2.0, 1.0]]), False)
