"""Burn's `autodiff/sigmoid.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_sigmoid(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([0.8762])
    device = device
    tensor_1 = TestTensor.from_data(data, device).require_grad()
    tensor_2 = activation.sigmoid(tensor_1)
    grads = tensor_2.backward()
    grad = tensor_1.grad(grads)
    expected = TensorData([0.207549])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_small_neg_val_should_not_cause_grad_overflow(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([-90.0])
    device = device
    tensor_1 = TestTensor.from_data(data, device).require_grad()
    tensor_2 = activation.sigmoid(tensor_1)
    grads = tensor_2.backward()
    grad = tensor_1.grad(grads)
    expected = TensorData([0.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())
