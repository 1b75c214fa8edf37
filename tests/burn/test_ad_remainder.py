"""Burn's `autodiff/remainder.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_remainder(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data(TensorData([0.9742, 0.3676, 0.0905, 0.8066, 0.7072, 0.7883, 0.6987, 0.1560, 0.7179, 0.7874, 0.9032, 0.1845]), device).require_grad()
    tensor_2 = TestTensor.from_data(TensorData([0.3357, 0.0285, 0.4115, 0.5511, 0.8637, 0.3593, 0.3885, 0.2569, 0.0936, 0.7172, 0.4792, 0.4898]), device).require_grad()
    tensor_3 = tensor_1.remainder(tensor_2)
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([-2.0, -12.0, -0.0, -1.0, -0.0, -2.0, -1.0, -0.0, -7.0, -1.0, -1.0, -0.0])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())
