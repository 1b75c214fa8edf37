"""Burn's `autodiff/cross_entropy.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cross_entropy_loss_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    data_targets = TensorData([[0.8, 0.2], [0.9, 0.1]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_targets = TestTensor.from_data(data_targets, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = loss.cross_entropy_with_logits(tensor_3, tensor_targets)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.permissive()
    expected = TensorData([[0.26553, 0.26553], [0.44954, 0.44954]])
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[-1.34863, 1.34863], [-2.06371, 2.06371]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)
