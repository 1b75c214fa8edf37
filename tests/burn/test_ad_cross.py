"""Burn's `autodiff/cross.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_backward_basic(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    a = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device).require_grad()
    b = TestTensor.from_data(TensorData([[4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()
    c = a.cross(b, 1)
    grads = c.backward()
    a_grad = a.grad(grads).to_data()
    b_grad = b.grad(grads).to_data()
    expected_a = TensorData([[-1.0, 2.0, -1.0], [-1.0, 2.0, -1.0]])
    expected_b = TensorData([[1.0, -2.0, 1.0], [1.0, -2.0, 1.0]])
    a_grad.assert_approx_eq(expected_a, Tolerance.default())
    b_grad.assert_approx_eq(expected_b, Tolerance.default())


def test_backward_after_sum(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    a = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device).require_grad()
    b = TestTensor.from_data(TensorData([[4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()
    c = a.cross(b, 1).sum()
    grads = c.backward()
    a_grad = a.grad(grads).to_data()
    b_grad = b.grad(grads).to_data()
    expected_a = TensorData([[-1.0, 2.0, -1.0], [-1.0, 2.0, -1.0]])
    expected_b = TensorData([[1.0, -2.0, 1.0], [1.0, -2.0, 1.0]])
    a_grad.assert_approx_eq(expected_a, Tolerance.default())
    b_grad.assert_approx_eq(expected_b, Tolerance.default())


def test_different_dim(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    a_raw = [[1.0, 4.0, 7.0], [2.0, 5.0, 8.0], [3.0, 6.0, 9.0]]
    b_raw = [[9.0, 6.0, 3.0], [8.0, 5.0, 2.0], [7.0, 4.0, 1.0]]
    a = TestTensor.from_data(TensorData(a_raw), device)
    b = TestTensor.from_data(TensorData(b_raw), device)
    out = a.cross(b, 0)
    expected = [[a_raw[1][0] * b_raw[2][0] - a_raw[2][0] * b_raw[1][0], a_raw[1][1] * b_raw[2][1] - a_raw[2][1] * b_raw[1][1], a_raw[1][2] * b_raw[2][2] - a_raw[2][2] * b_raw[1][2]], [a_raw[2][0] * b_raw[0][0] - a_raw[0][0] * b_raw[2][0], a_raw[2][1] * b_raw[0][1] - a_raw[0][1] * b_raw[2][1], a_raw[2][2] * b_raw[0][2] - a_raw[0][2] * b_raw[2][2]], [a_raw[0][0] * b_raw[1][0] - a_raw[1][0] * b_raw[0][0], a_raw[0][1] * b_raw[1][1] - a_raw[1][1] * b_raw[0][1], a_raw[0][2] * b_raw[1][2] - a_raw[1][2] * b_raw[0][2]]]
    out.to_data().assert_approx_eq(TensorData(expected), Tolerance.default())


def test_backward_non_last_dim(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    a = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()
    b = TestTensor.from_data(TensorData([[9.0, 8.0, 7.0], [6.0, 5.0, 4.0], [3.0, 2.0, 1.0]]), device).require_grad()
    c0 = a.cross(b, 0)
    c_ref = a.permute([1, 0]).cross(b.permute([1, 0]), 1).permute([1, 0])
    c0.to_data().assert_approx_eq(c_ref.to_data(), Tolerance.default())
    grads = c0.sum().backward()
    assert_((a.grad(grads) is not None))
    assert_((b.grad(grads) is not None))
