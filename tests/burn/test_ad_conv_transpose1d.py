"""Burn's `autodiff/conv_transpose1d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from dataclasses import dataclass

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


@dataclass
class ConvTranspose1dTestCase:
    batch_size: Any
    channels: Any
    kernel_size: Any
    padding: Any
    padding_out: Any
    stride: Any
    dilation: Any
    groups: Any
    size: Any

    def assert_grads(self, expected_grads):
        TestTensor, TestTensorInt, TestTensorBool, device = current_env()
        shape_x = Shape([self.batch_size, self.channels[0], self.size])
        shape_weight = Shape([self.channels[0], self.channels[1] // self.groups, self.kernel_size])
        weight = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_weight.num_elements(), 1, False), device).reshape(shape_weight).into_data(), device).require_grad()
        bias = TestTensor.from_data(TestTensorInt.arange(bslice(0, self.channels[1], 1, False), device).into_data(), device).require_grad()
        x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
        output = module.conv_transpose1d(x, weight, (bias), ConvTransposeOptions.new([self.stride], [self.padding], [self.padding_out], [self.dilation], self.groups))
        grads = output.backward()
        x_grad_actual = x.grad(grads)
        weight_grad_actual = weight.grad(grads)
        bias_grad_actual = bias.grad(grads)
        expected_grads.bias.to_data().assert_approx_eq(bias_grad_actual.to_data(), Tolerance.default())
        expected_grads.x.to_data().assert_approx_eq(x_grad_actual.to_data(), Tolerance.default())
        expected_grads.weight.to_data().assert_approx_eq(weight_grad_actual.to_data(), Tolerance.default())


@dataclass
class Grads:
    x: Any
    weight: Any
    bias: Any


def test_conv_transpose1d_basic(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = ConvTranspose1dTestCase(batch_size=2, channels=[2, 2], kernel_size=3, padding=0, padding_out=0, stride=1, dilation=1, groups=1, size=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[15.0, 15.0, 15.0, 15.0], [51.0, 51.0, 51.0, 51.0]], [[15.0, 15.0, 15.0, 15.0], [51.0, 51.0, 51.0, 51.0]]], device), weight=TestTensor.from_data([[[44.0, 44.0, 44.0], [44.0, 44.0, 44.0]], [[76.0, 76.0, 76.0], [76.0, 76.0, 76.0]]], device), bias=TestTensor.from_data([12.0, 12.0], device))
    test.assert_grads(grads)


def test_conv_transpose1d_padding(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = ConvTranspose1dTestCase(batch_size=2, channels=[2, 2], kernel_size=3, padding=2, padding_out=0, stride=1, dilation=1, groups=1, size=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[7.0, 12.0, 8.0, 3.0], [19.0, 36.0, 32.0, 15.0]], [[7.0, 12.0, 8.0, 3.0], [19.0, 36.0, 32.0, 15.0]]], device), weight=TestTensor.from_data([[[26.0, 22.0, 18.0], [26.0, 22.0, 18.0]], [[42.0, 38.0, 34.0], [42.0, 38.0, 34.0]]], device), bias=TestTensor.from_data([4.0, 4.0], device))
    test.assert_grads(grads)


def test_conv_transpose1d_stride(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = ConvTranspose1dTestCase(batch_size=2, channels=[2, 2], kernel_size=3, padding=0, padding_out=0, stride=2, dilation=1, groups=1, size=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[15.0, 15.0, 15.0, 15.0], [51.0, 51.0, 51.0, 51.0]], [[15.0, 15.0, 15.0, 15.0], [51.0, 51.0, 51.0, 51.0]]], device), weight=TestTensor.from_data([[[44.0, 44.0, 44.0], [44.0, 44.0, 44.0]], [[76.0, 76.0, 76.0], [76.0, 76.0, 76.0]]], device), bias=TestTensor.from_data([18.0, 18.0], device))
    test.assert_grads(grads)


def test_conv_transpose1d_stride_padding_out(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = ConvTranspose1dTestCase(batch_size=2, channels=[2, 2], kernel_size=3, padding=0, padding_out=1, stride=2, dilation=1, groups=1, size=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[15.0, 15.0, 15.0, 15.0], [51.0, 51.0, 51.0, 51.0]], [[15.0, 15.0, 15.0, 15.0], [51.0, 51.0, 51.0, 51.0]]], device), weight=TestTensor.from_data([[[44.0, 44.0, 44.0], [44.0, 44.0, 44.0]], [[76.0, 76.0, 76.0], [76.0, 76.0, 76.0]]], device), bias=TestTensor.from_data([20.0, 20.0], device))
    test.assert_grads(grads)


def test_conv_transpose1d_dilation(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = ConvTranspose1dTestCase(batch_size=2, channels=[2, 2], kernel_size=3, padding=0, padding_out=0, stride=1, dilation=2, groups=1, size=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[15.0, 15.0, 15.0, 15.0], [51.0, 51.0, 51.0, 51.0]], [[15.0, 15.0, 15.0, 15.0], [51.0, 51.0, 51.0, 51.0]]], device), weight=TestTensor.from_data([[[44.0, 44.0, 44.0], [44.0, 44.0, 44.0]], [[76.0, 76.0, 76.0], [76.0, 76.0, 76.0]]], device), bias=TestTensor.from_data([16.0, 16.0], device))
    test.assert_grads(grads)


def test_conv_transpose1d_complex(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = ConvTranspose1dTestCase(batch_size=2, channels=[2, 4], kernel_size=3, padding=1, padding_out=1, stride=2, dilation=2, groups=2, size=8)
    device = device
    grads = Grads(x=TestTensor.from_data([[[12.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0], [36.0, 51.0, 51.0, 51.0, 51.0, 51.0, 51.0, 51.0]], [[12.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0], [36.0, 51.0, 51.0, 51.0, 51.0, 51.0, 51.0, 51.0]]], device), weight=TestTensor.from_data([[[168.0, 184.0, 184.0], [168.0, 184.0, 184.0]], [[280.0, 312.0, 312.0], [280.0, 312.0, 312.0]]], device), bias=TestTensor.from_data([36.0, 36.0, 36.0, 36.0], device))
    test.assert_grads(grads)


def test_conv_transpose1d_padding_out_stride1_backward_shape(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    batch_size = 2
    channels_in = 2
    channels_out = 2
    kernel_size = 3
    size_in = 4
    padding_out = 1
    shape_x = Shape([batch_size, channels_in, size_in])
    shape_weight = Shape([channels_in, channels_out, kernel_size])
    weight = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_weight.num_elements(), 1, False), device).reshape(shape_weight).into_data(), device).require_grad()
    x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
    output = module.conv_transpose1d(x, weight, None, ConvTransposeOptions.new([1], [0], [padding_out], [1], 1))
    grads = output.backward()
    x_grad = x.grad(grads)
    weight_grad = weight.grad(grads)
    assert_eq_(x_grad.shape(), shape_x)
    assert_eq_(weight_grad.shape(), shape_weight)
