"""Burn's `autodiff/reshape.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_reshape(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [2.0, 3.0]])
    data_2 = TensorData([4.0, 7.0, 2.0, 3.0])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_2.reshape([2, 2])
    tensor_4 = tensor_1.matmul(tensor_3)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[11.0, 5.0], [11.0, 5.0]]), False)
    grad_2.to_data().assert_eq(TensorData([3.0, 3.0, 10.0, 10.0]), False)
