"""Burn's `autodiff/nonzero.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_nonzero(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 2.0], [3.0, 4.0]])
    data_2 = TensorData([-1.0, 1.0])
    mask = TensorData([[False, True], [True, False]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    mask = TestTensorBool.from_bool(mask, device).flatten(0, 1)
    indices = mask.nonzero()
    tensor_3 = tensor_1.flatten(0, 1).select(0, indices[0])
    tensor_4 = tensor_2.unsqueeze_dim(0).matmul(tensor_3.unsqueeze_dim(1))
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[0.0, -1.0], [1.0, 0.0]]), False)
    grad_2.to_data().assert_eq(TensorData([2.0, 3.0]), False)
