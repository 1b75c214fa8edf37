"""Burn's `autodiff/maxpool2d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_max_pool2d_simple_1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size_1 = 3
    kernel_size_2 = 3
    padding_1 = 0
    padding_2 = 0
    stride_1 = 1
    stride_2 = 1
    dilation_1 = 1
    dilation_2 = 1
    device = device
    x = TestTensor.from_data([[[[0.2479, 0.6386, 0.3166, 0.5742], [0.7065, 0.1940, 0.6305, 0.8959], [0.5416, 0.8602, 0.8129, 0.1662], [0.3358, 0.3059, 0.8293, 0.0990]]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 2.0], [0.0, 2.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]]], device)
    output = module.max_pool2d(x, [kernel_size_1, kernel_size_2], [stride_1, stride_2], [padding_1, padding_2], [dilation_1, dilation_2], False)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())


def test_max_pool2d_simple_2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size_1 = 2
    kernel_size_2 = 2
    padding_1 = 1
    padding_2 = 1
    stride_1 = 1
    stride_2 = 1
    dilation_1 = 1
    dilation_2 = 1
    device = device
    x = TestTensor.from_data([[[[0.2479, 0.6386, 0.3166, 0.5742], [0.7065, 0.1940, 0.6305, 0.8959], [0.5416, 0.8602, 0.8129, 0.1662], [0.3358, 0.3059, 0.8293, 0.0990]]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[[1.0, 3.0, 0.0, 2.0], [3.0, 0.0, 0.0, 4.0], [1.0, 4.0, 0.0, 1.0], [2.0, 0.0, 3.0, 1.0]]]], device)
    output = module.max_pool2d(x, [kernel_size_1, kernel_size_2], [stride_1, stride_2], [padding_1, padding_2], [dilation_1, dilation_2], False)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())


def test_max_pool2d_with_dilation(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size_1 = 2
    kernel_size_2 = 2
    padding_1 = 1
    padding_2 = 1
    stride_1 = 1
    stride_2 = 1
    dilation_1 = 2
    dilation_2 = 2
    device = device
    x = TestTensor.from_data([[[[0.2479, 0.6386, 0.3166, 0.5742], [0.7065, 0.1940, 0.6305, 0.8959], [0.5416, 0.8602, 0.8129, 0.1662], [0.3358, 0.3059, 0.8293, 0.0990]]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[[0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 2.0], [0.0, 4.0, 4.0, 0.0], [0.0, 1.0, 2.0, 0.0]]]], device)
    output = module.max_pool2d(x, [kernel_size_1, kernel_size_2], [stride_1, stride_2], [padding_1, padding_2], [dilation_1, dilation_2], False)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())


def test_max_pool2d_complex(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size_1 = 4
    kernel_size_2 = 2
    padding_1 = 2
    padding_2 = 1
    stride_1 = 1
    stride_2 = 2
    dilation_1 = 1
    dilation_2 = 1
    device = device
    x = TestTensor.from_data([[[[0.5388, 0.0676, 0.7122, 0.8316, 0.0653], [0.9154, 0.1536, 0.9089, 0.8016, 0.7518], [0.2073, 0.0501, 0.8811, 0.5604, 0.5075], [0.4384, 0.9963, 0.9698, 0.4988, 0.2609], [0.3391, 0.2230, 0.4610, 0.5365, 0.6880]]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[[0.0, 0.0, 0.0, 3.0, 0.0], [4.0, 0.0, 2.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0], [2.0, 4.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 2.0]]]], device)
    output = module.max_pool2d(x, [kernel_size_1, kernel_size_2], [stride_1, stride_2], [padding_1, padding_2], [dilation_1, dilation_2], False)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())


def test_max_pool2d_ceil_mode(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    kernel_size_1 = 3
    kernel_size_2 = 3
    padding_1 = 0
    padding_2 = 0
    stride_1 = 2
    stride_2 = 2
    dilation_1 = 1
    dilation_2 = 1
    device = device
    x = TestTensor.from_data([[[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [7.0, 8.0, 9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0, 17.0, 18.0], [19.0, 20.0, 21.0, 22.0, 23.0, 24.0], [25.0, 26.0, 27.0, 28.0, 29.0, 30.0], [31.0, 32.0, 33.0, 34.0, 35.0, 36.0]]]], device).require_grad()
    x_grad_expected = TestTensor.from_data([[[[0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.0, 1.0, 1.0]]]], device)
    output = module.max_pool2d(x, [kernel_size_1, kernel_size_2], [stride_1, stride_2], [padding_1, padding_2], [dilation_1, dilation_2], True)
    grads = output.backward()
    x_grad_actual = x.grad(grads)
    x_grad_expected.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())
