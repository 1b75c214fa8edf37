"""Burn's `autodiff/maxpool1d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_max_pool1d_simple(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size = 4
    padding = 0
    stride = 1
    dilation = 1
    device = device
    x = TestTensor.from_data([[[0.9861, 0.5474, 0.4477, 0.0732, 0.3548, 0.8221]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[1.0, 1.0, 0.0, 0.0, 0.0, 1.0]]], device)
    output = module.max_pool1d(x, kernel_size, stride, padding, dilation, False)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())


def test_max_pool1d_with_dilation(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size = 4
    padding = 0
    stride = 1
    dilation = 2
    device = device
    x = TestTensor.from_data([[[0.5388, 0.0676, 0.7122, 0.8316, 0.0653, 0.9154, 0.1536, 0.9089, 0.8016, 0.7518, 0.2073, 0.0501, 0.8811, 0.5604, 0.5075, 0.4384, 0.9963, 0.9698, 0.4988, 0.2609, 0.3391, 0.2230, 0.4610, 0.5365, 0.6880]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[0.0, 0.0, 1.0, 0.0, 0.0, 3.0, 0.0, 1.0, 2.0, 1.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 4.0, 4.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]]], device)
    output = module.max_pool1d(x, kernel_size, stride, padding, dilation, False)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())


def test_max_pool1d_complex(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size = 4
    padding = 0
    stride = 1
    dilation = 1
    device = device
    x = TestTensor.from_data([[[0.5388, 0.0676, 0.7122, 0.8316, 0.0653, 0.9154, 0.1536, 0.9089, 0.8016, 0.7518, 0.2073, 0.0501, 0.8811, 0.5604, 0.5075, 0.4384, 0.9963, 0.9698, 0.4988, 0.2609, 0.3391, 0.2230, 0.4610, 0.5365, 0.6880]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[0.0, 0.0, 0.0, 2.0, 0.0, 4.0, 0.0, 2.0, 1.0, 0.0, 0.0, 0.0, 4.0, 0.0, 0.0, 0.0, 4.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0]]], device)
    output = module.max_pool1d(x, kernel_size, stride, padding, dilation, False)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())


def test_max_pool1d_complex_with_padding(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size = 4
    padding = 2
    stride = 1
    dilation = 1
    device = device
    x = TestTensor.from_data([[[0.5388, 0.0676, 0.7122, 0.8316, 0.0653, 0.9154, 0.1536, 0.9089, 0.8016, 0.7518, 0.2073, 0.0501, 0.8811, 0.5604, 0.5075, 0.4384, 0.9963, 0.9698, 0.4988, 0.2609, 0.3391, 0.2230, 0.4610, 0.5365, 0.6880]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[1.0, 0.0, 1.0, 2.0, 0.0, 4.0, 0.0, 2.0, 1.0, 0.0, 0.0, 0.0, 4.0, 0.0, 0.0, 0.0, 4.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 3.0]]], device)
    output = module.max_pool1d(x, kernel_size, stride, padding, dilation, False)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())
