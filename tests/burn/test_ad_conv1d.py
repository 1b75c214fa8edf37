"""Burn's `autodiff/conv1d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from dataclasses import dataclass

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


@dataclass
class Conv1dTestCase:
    batch_size: Any
    channels_in: Any
    channels_out: Any
    kernel_size: Any
    padding: Any
    stride: Any
    dilation: Any
    groups: Any
    length: Any

    def assert_grads(self, expected_grads):
        TestTensor, TestTensorInt, TestTensorBool, device = current_env()
        shape_x = Shape([self.batch_size, self.channels_in, self.length])
        shape_weight = Shape([self.channels_out, self.channels_in // self.groups, self.kernel_size])
        weight = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_weight.num_elements(), 1, False), device).reshape(shape_weight).into_data(), device).require_grad()
        bias = TestTensor.from_data(TestTensorInt.arange(bslice(0, self.channels_out, 1, False), device).into_data(), device).require_grad()
        x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
        output = module.conv1d(x, weight, (bias), ConvOptions.new([self.stride], [self.padding], [self.dilation], self.groups))
        grads = output.backward()
        x_grad_actual = x.grad(grads)
        weight_grad_actual = weight.grad(grads)
        bias_grad_actual = bias.grad(grads)
        tolerance = Tolerance.default()
        expected_grads.bias.to_data().assert_approx_eq(bias_grad_actual.to_data(), tolerance)
        expected_grads.weight.to_data().assert_approx_eq(weight_grad_actual.to_data(), tolerance)
        expected_grads.x.to_data().assert_approx_eq(x_grad_actual.to_data(), tolerance)


@dataclass
class Grads:
    x: Any
    weight: Any
    bias: Any


def test_conv1d_basic(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv1dTestCase(batch_size=2, channels_in=2, channels_out=2, kernel_size=3, padding=1, stride=1, dilation=1, groups=1, length=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[14.0, 24.0, 24.0, 18.0], [26.0, 42.0, 42.0, 30.0]], [[14.0, 24.0, 24.0, 18.0], [26.0, 42.0, 42.0, 30.0]]], device), weight=TestTensor.from_data([[[30.0, 44.0, 36.0], [54.0, 76.0, 60.0]], [[30.0, 44.0, 36.0], [54.0, 76.0, 60.0]]], device), bias=TestTensor.from_data([8.0, 8.0], device))
    test.assert_grads(grads)


def test_conv1d_different_channels(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv1dTestCase(batch_size=2, channels_in=2, channels_out=3, kernel_size=3, padding=1, stride=1, dilation=1, groups=1, length=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[39.0, 63.0, 63.0, 45.0], [57.0, 90.0, 90.0, 63.0]], [[39.0, 63.0, 63.0, 45.0], [57.0, 90.0, 90.0, 63.0]]], device), weight=TestTensor.from_data([[[30.0, 44.0, 36.0], [54.0, 76.0, 60.0]], [[30.0, 44.0, 36.0], [54.0, 76.0, 60.0]], [[30.0, 44.0, 36.0], [54.0, 76.0, 60.0]]], device), bias=TestTensor.from_data([8.0, 8.0, 8.0], device))
    test.assert_grads(grads)


def test_conv1d_with_padding(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv1dTestCase(batch_size=2, channels_in=2, channels_out=2, kernel_size=3, padding=2, stride=1, dilation=1, groups=1, length=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[24.0, 24.0, 24.0, 24.0], [42.0, 42.0, 42.0, 42.0]], [[24.0, 24.0, 24.0, 24.0], [42.0, 42.0, 42.0, 42.0]]], device), weight=TestTensor.from_data([[[44.0, 44.0, 44.0], [76.0, 76.0, 76.0]], [[44.0, 44.0, 44.0], [76.0, 76.0, 76.0]]], device), bias=TestTensor.from_data([12.0, 12.0], device))
    test.assert_grads(grads)


def test_conv1d_with_stride(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv1dTestCase(batch_size=2, channels_in=2, channels_out=2, kernel_size=3, padding=1, stride=2, dilation=1, groups=1, length=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[8.0, 16.0, 8.0, 10.0], [14.0, 28.0, 14.0, 16.0]], [[8.0, 16.0, 8.0, 10.0], [14.0, 28.0, 14.0, 16.0]]], device), weight=TestTensor.from_data([[[10.0, 20.0, 24.0], [18.0, 36.0, 40.0]], [[10.0, 20.0, 24.0], [18.0, 36.0, 40.0]]], device), bias=TestTensor.from_data([4.0, 4.0], device))
    test.assert_grads(grads)


def test_conv1d_dilation(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv1dTestCase(batch_size=2, channels_in=2, channels_out=2, kernel_size=3, padding=1, stride=1, dilation=2, groups=1, length=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[6.0, 8.0, 8.0, 10.0], [12.0, 14.0, 14.0, 16.0]], [[6.0, 8.0, 8.0, 10.0], [12.0, 14.0, 14.0, 16.0]]], device), weight=TestTensor.from_data([[[8.0, 22.0, 14.0], [16.0, 38.0, 22.0]], [[8.0, 22.0, 14.0], [16.0, 38.0, 22.0]]], device), bias=TestTensor.from_data([4.0, 4.0], device))
    test.assert_grads(grads)


def test_conv1d_groups(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv1dTestCase(batch_size=2, channels_in=2, channels_out=2, kernel_size=3, padding=1, stride=1, dilation=1, groups=2, length=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[1.0, 3.0, 3.0, 3.0], [7.0, 12.0, 12.0, 9.0]], [[1.0, 3.0, 3.0, 3.0], [7.0, 12.0, 12.0, 9.0]]], device), weight=TestTensor.from_data([[[30.0, 44.0, 36.0]], [[54.0, 76.0, 60.0]]], device), bias=TestTensor.from_data([8.0, 8.0], device))
    test.assert_grads(grads)


def test_conv1d_backward_shape_with_remainder(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    length = 11
    x = TestTensor.from_data(TestTensorInt.arange(bslice(0, (1 * 1 * length), 1, False), device).reshape(Shape([1, 1, length])).into_data(), device).require_grad()
    weight = TestTensor.from_data(TestTensorInt.arange(bslice(0, 4, 1, False), device).reshape(Shape([1, 1, 4])).into_data(), device).require_grad()
    output = module.conv1d(x, weight, None, ConvOptions.new([4], [0], [1], 1))
    grads = output.sum().backward()
    x_grad = x.grad(grads)
    weight_grad = weight.grad(grads)
    assert_eq_(x_grad.dims(), [1, 1, length])
    assert_eq_(weight_grad.dims(), [1, 1, 4])


def test_conv1d_asymmetric_padding_backward_shape(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    length = 1600
    x = TestTensor.zeros([1, 32, length], device).require_grad()
    weight = TestTensor.zeros([64, 32, 4], device).require_grad()
    output = module.conv1d(x, weight, None, PaddedConvOptions.asymmetric([4], [3], [0], [1], 1))
    grads = output.sum().backward()
    assert_eq_(x.grad(grads).dims(), [1, 32, length])
    assert_eq_(weight.grad(grads).dims(), [64, 32, 4])
