"""Burn's `autodiff/expand.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_expand(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data_1 = TensorData([4.0, 7.0, 2.0, 3.0])
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    data_2 = TensorData([2.0, 4.5, 7.0, 3.0])
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.expand([4, 4])
    tensor_4 = tensor_2.unsqueeze().mul(tensor_3).sum()
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([8.0, 18.0, 28.0, 12.0]), False)
    grad_2.to_data().assert_eq(TensorData([16.0, 28.0, 8.0, 12.0]), False)
