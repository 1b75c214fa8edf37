"""Burn's `autodiff/log.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_log(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.log())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.default().set_half_precision_relative(1e-3)
    expected = TensorData([[60.2652, 72.3130], [60.2652, 72.3130]])
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[22.8614, 24.5043], [24.5729, 26.8507]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)
