"""Burn's `autodiff/round.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_round(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([[-1.9751, 0.0714, 0.0643, 0.2406], [-1.3172, 0.1252, -0.1119, -0.0127]])
    device = device
    tensor_1 = TestTensor.from_data(data, device).require_grad()
    tensor_2 = tensor_1.round()
    grads = tensor_2.backward()
    grad_1 = tensor_1.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]), False)
