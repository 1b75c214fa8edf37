"""Burn's `autodiff/broadcast.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def _fn_test_ops_broadcast_backward(func):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    w = TestTensor.zeros([16, 5, 5], device).require_grad()
    x = TestTensor.zeros([4, 5, 5], device).require_grad()
    y = func(w.slice([bslice(0, 1, 1, False)]), x)
    grads = y.backward()
    w_grad = w.grad(grads)
    x_grad = x.grad(grads)
    assert_eq_(w_grad.shape(), w.shape())
    assert_eq_(x_grad.shape(), x.shape())


def test_mul_broadcast(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    _fn_test_ops_broadcast_backward(lambda x, y: x * y)


def test_div_broadcast(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    _fn_test_ops_broadcast_backward(lambda x, y: x / y)


def test_sub_broadcast(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    _fn_test_ops_broadcast_backward(lambda x, y: x - y)


def test_add_broadcast(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    _fn_test_ops_broadcast_backward(lambda x, y: x + y)


def test_matmul_broadcast(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    _fn_test_ops_broadcast_backward(lambda x, y: x.matmul(y))
