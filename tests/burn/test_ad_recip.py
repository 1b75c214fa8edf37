"""Burn's `autodiff/recip.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_recip(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([2.0, 5.0, 0.4])
    tensor = TestTensor.from_data(data, device).require_grad()
    tensor_out = tensor.recip()
    grads = tensor_out.backward()
    grad = tensor.grad(grads)
    tensor_out.into_data().assert_eq(TensorData([0.5, 0.2, 2.5]), False)
    grad.to_data().assert_approx_eq(TensorData([-0.25, -0.04, -6.25]), Tolerance.default())
