"""Burn's `autodiff/backward.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_embedding_backward(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    weights = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    indices = TensorData([[0, 1], [1, 1]])
    x = TensorData([[[1.0, 2.0], [4.0, 5.0], [3.0, 4.0]], [[4.0, 5.0], [8.0, 5.0], [1.0, 9.0]]])
    device = device
    weights = TestTensor.from_data(weights, device).require_grad()
    indices = TestTensorInt.from_data(indices, device)
    x = TestTensor.from_data(x, device).require_grad()
    output = module.embedding(weights, indices)
    output = output.matmul(x)
    grads = output.backward()
    grad = weights.grad(grads)
    grad.to_data().assert_eq(TensorData([[3.0, 9.0, 7.0], [21.0, 35.0, 27.0]]), False)
