"""Burn's `autodiff/conv2d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from dataclasses import dataclass

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


@dataclass
class Conv2dTestCase:
    batch_size: Any
    channels_in: Any
    channels_out: Any
    kernel_size_1: Any
    kernel_size_2: Any
    padding_1: Any
    padding_2: Any
    stride_1: Any
    stride_2: Any
    dilation_1: Any
    dilation_2: Any
    groups: Any
    height: Any
    width: Any

    def assert_grads(self, expected_grads):
        TestTensor, TestTensorInt, TestTensorBool, device = current_env()
        shape_x = Shape([self.batch_size, self.channels_in, self.height, self.width])
        shape_weight = Shape([self.channels_out, self.channels_in // self.groups, self.kernel_size_1, self.kernel_size_2])
        weight = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_weight.num_elements(), 1, False), device).reshape(shape_weight).into_data(), device).require_grad()
        bias = TestTensor.from_data(TestTensorInt.arange(bslice(0, self.channels_out, 1, False), device).into_data(), device).require_grad()
        x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
        output = module.conv2d(x, weight, (bias), ConvOptions.new([self.stride_1, self.stride_2], [self.padding_1, self.padding_2], [self.dilation_1, self.dilation_2], self.groups))
        grads = output.backward()
        x_grad_actual = x.grad(grads)
        weight_grad_actual = weight.grad(grads)
        bias_grad_actual = bias.grad(grads)
        tolerance = Tolerance.rel_abs(0.01, 0.01)
        expected_grads.bias.to_data().assert_approx_eq(bias_grad_actual.to_data(), tolerance)
        expected_grads.x.to_data().assert_approx_eq(x_grad_actual.to_data(), tolerance)
        expected_grads.weight.to_data().assert_approx_eq(weight_grad_actual.to_data(), tolerance)


@dataclass
class Grads:
    x: Any
    weight: Any
    bias: Any


def test_conv2d_basic(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=2, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=1, stride_1=1, stride_2=1, dilation_1=1, dilation_2=1, groups=1, height=4, width=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[88.0, 138.0, 138.0, 96.0], [150.0, 234.0, 234.0, 162.0], [150.0, 234.0, 234.0, 162.0], [112.0, 174.0, 174.0, 120.0]], [[160.0, 246.0, 246.0, 168.0], [258.0, 396.0, 396.0, 270.0], [258.0, 396.0, 396.0, 270.0], [184.0, 282.0, 282.0, 192.0]]], [[[88.0, 138.0, 138.0, 96.0], [150.0, 234.0, 234.0, 162.0], [150.0, 234.0, 234.0, 162.0], [112.0, 174.0, 174.0, 120.0]], [[160.0, 246.0, 246.0, 168.0], [258.0, 396.0, 396.0, 270.0], [258.0, 396.0, 396.0, 270.0], [184.0, 282.0, 282.0, 192.0]]]], device), weight=TestTensor.from_data([[[[378.0, 516.0, 396.0], [552.0, 752.0, 576.0], [450.0, 612.0, 468.0]], [[666.0, 900.0, 684.0], [936.0, 1264.0, 960.0], [738.0, 996.0, 756.0]]], [[[378.0, 516.0, 396.0], [552.0, 752.0, 576.0], [450.0, 612.0, 468.0]], [[666.0, 900.0, 684.0], [936.0, 1264.0, 960.0], [738.0, 996.0, 756.0]]]], device), bias=TestTensor.from_data([32.0, 32.0], device))
    test.assert_grads(grads)


def test_conv2d_different_channels(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=2, channels_in=2, channels_out=3, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=1, stride_1=1, stride_2=1, dilation_1=1, dilation_2=1, groups=1, height=4, width=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[240.0, 369.0, 369.0, 252.0], [387.0, 594.0, 594.0, 405.0], [387.0, 594.0, 594.0, 405.0], [276.0, 423.0, 423.0, 288.0]], [[348.0, 531.0, 531.0, 360.0], [549.0, 837.0, 837.0, 567.0], [549.0, 837.0, 837.0, 567.0], [384.0, 585.0, 585.0, 396.0]]], [[[240.0, 369.0, 369.0, 252.0], [387.0, 594.0, 594.0, 405.0], [387.0, 594.0, 594.0, 405.0], [276.0, 423.0, 423.0, 288.0]], [[348.0, 531.0, 531.0, 360.0], [549.0, 837.0, 837.0, 567.0], [549.0, 837.0, 837.0, 567.0], [384.0, 585.0, 585.0, 396.0]]]], device), weight=TestTensor.from_data([[[[378.0, 516.0, 396.0], [552.0, 752.0, 576.0], [450.0, 612.0, 468.0]], [[666.0, 900.0, 684.0], [936.0, 1264.0, 960.0], [738.0, 996.0, 756.0]]], [[[378.0, 516.0, 396.0], [552.0, 752.0, 576.0], [450.0, 612.0, 468.0]], [[666.0, 900.0, 684.0], [936.0, 1264.0, 960.0], [738.0, 996.0, 756.0]]], [[[378.0, 516.0, 396.0], [552.0, 752.0, 576.0], [450.0, 612.0, 468.0]], [[666.0, 900.0, 684.0], [936.0, 1264.0, 960.0], [738.0, 996.0, 756.0]]]], device), bias=TestTensor.from_data([32.0, 32.0, 32.0], device))
    test.assert_grads(grads)


def test_conv2d_different_kernel_size(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=4, padding_1=1, padding_2=1, stride_1=1, stride_2=1, dilation_1=1, dilation_2=1, groups=1, height=4, width=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[116.0, 180.0, 192.0, 132.0], [198.0, 306.0, 324.0, 222.0], [198.0, 306.0, 324.0, 222.0], [148.0, 228.0, 240.0, 164.0]], [[212.0, 324.0, 336.0, 228.0], [342.0, 522.0, 540.0, 366.0], [342.0, 522.0, 540.0, 366.0], [244.0, 372.0, 384.0, 260.0]]]], device), weight=TestTensor.from_data([[[[27.0, 45.0, 54.0, 39.0], [52.0, 84.0, 96.0, 68.0], [51.0, 81.0, 90.0, 63.0]], [[123.0, 189.0, 198.0, 135.0], [180.0, 276.0, 288.0, 196.0], [147.0, 225.0, 234.0, 159.0]]], [[[27.0, 45.0, 54.0, 39.0], [52.0, 84.0, 96.0, 68.0], [51.0, 81.0, 90.0, 63.0]], [[123.0, 189.0, 198.0, 135.0], [180.0, 276.0, 288.0, 196.0], [147.0, 225.0, 234.0, 159.0]]]], device), bias=TestTensor.from_data([12.0, 12.0], device))
    test.assert_grads(grads)


def test_conv2d_different_padding(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=2, stride_1=1, stride_2=1, dilation_1=1, dilation_2=1, groups=1, height=4, width=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[138.0, 138.0, 138.0, 138.0], [234.0, 234.0, 234.0, 234.0], [234.0, 234.0, 234.0, 234.0], [174.0, 174.0, 174.0, 174.0]], [[246.0, 246.0, 246.0, 246.0], [396.0, 396.0, 396.0, 396.0], [396.0, 396.0, 396.0, 396.0], [282.0, 282.0, 282.0, 282.0]]]], device), weight=TestTensor.from_data([[[[66.0, 66.0, 66.0], [120.0, 120.0, 120.0], [114.0, 114.0, 114.0]], [[258.0, 258.0, 258.0], [376.0, 376.0, 376.0], [306.0, 306.0, 306.0]]], [[[66.0, 66.0, 66.0], [120.0, 120.0, 120.0], [114.0, 114.0, 114.0]], [[258.0, 258.0, 258.0], [376.0, 376.0, 376.0], [306.0, 306.0, 306.0]]]], device), bias=TestTensor.from_data([24.0, 24.0], device))
    test.assert_grads(grads)


def test_conv2d_different_width(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=1, stride_1=1, stride_2=1, dilation_1=1, dilation_2=1, groups=1, height=4, width=5)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[88.0, 138.0, 138.0, 138.0, 96.0], [150.0, 234.0, 234.0, 234.0, 162.0], [150.0, 234.0, 234.0, 234.0, 162.0], [112.0, 174.0, 174.0, 174.0, 120.0]], [[160.0, 246.0, 246.0, 246.0, 168.0], [258.0, 396.0, 396.0, 396.0, 270.0], [258.0, 396.0, 396.0, 396.0, 270.0], [184.0, 282.0, 282.0, 282.0, 192.0]]]], device), weight=TestTensor.from_data([[[[78.0, 105.0, 90.0], [144.0, 190.0, 160.0], [138.0, 180.0, 150.0]], [[318.0, 405.0, 330.0], [464.0, 590.0, 480.0], [378.0, 480.0, 390.0]]], [[[78.0, 105.0, 90.0], [144.0, 190.0, 160.0], [138.0, 180.0, 150.0]], [[318.0, 405.0, 330.0], [464.0, 590.0, 480.0], [378.0, 480.0, 390.0]]]], device), bias=TestTensor.from_data([20.0, 20.0], device))
    test.assert_grads(grads)


def test_conv2d_stride_2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=1, stride_1=2, stride_2=2, dilation_1=1, dilation_2=1, groups=1, height=6, width=6)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[26.0, 52.0, 26.0, 52.0, 26.0, 28.0], [52.0, 104.0, 52.0, 104.0, 52.0, 56.0], [26.0, 52.0, 26.0, 52.0, 26.0, 28.0], [52.0, 104.0, 52.0, 104.0, 52.0, 56.0], [26.0, 52.0, 26.0, 52.0, 26.0, 28.0], [32.0, 64.0, 32.0, 64.0, 32.0, 34.0]], [[44.0, 88.0, 44.0, 88.0, 44.0, 46.0], [88.0, 176.0, 88.0, 176.0, 88.0, 92.0], [44.0, 88.0, 44.0, 88.0, 44.0, 46.0], [88.0, 176.0, 88.0, 176.0, 88.0, 92.0], [44.0, 88.0, 44.0, 88.0, 44.0, 46.0], [50.0, 100.0, 50.0, 100.0, 50.0, 52.0]]]], device), weight=TestTensor.from_data([[[[56.0, 84.0, 90.0], [84.0, 126.0, 135.0], [120.0, 180.0, 189.0]], [[200.0, 300.0, 306.0], [300.0, 450.0, 459.0], [336.0, 504.0, 513.0]]], [[[56.0, 84.0, 90.0], [84.0, 126.0, 135.0], [120.0, 180.0, 189.0]], [[200.0, 300.0, 306.0], [300.0, 450.0, 459.0], [336.0, 504.0, 513.0]]]], device), bias=TestTensor.from_data([9.0, 9.0], device))
    test.assert_grads(grads)


def test_conv2d_different_stride(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=1, stride_1=3, stride_2=1, dilation_1=1, dilation_2=1, groups=1, height=8, width=8)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[50.0, 78.0, 78.0, 78.0, 78.0, 78.0, 78.0, 54.0], [62.0, 96.0, 96.0, 96.0, 96.0, 96.0, 96.0, 66.0], [38.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 42.0], [50.0, 78.0, 78.0, 78.0, 78.0, 78.0, 78.0, 54.0], [62.0, 96.0, 96.0, 96.0, 96.0, 96.0, 96.0, 66.0], [38.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 42.0], [50.0, 78.0, 78.0, 78.0, 78.0, 78.0, 78.0, 54.0], [62.0, 96.0, 96.0, 96.0, 96.0, 96.0, 96.0, 66.0]], [[86.0, 132.0, 132.0, 132.0, 132.0, 132.0, 132.0, 90.0], [98.0, 150.0, 150.0, 150.0, 150.0, 150.0, 150.0, 102.0], [74.0, 114.0, 114.0, 114.0, 114.0, 114.0, 114.0, 78.0], [86.0, 132.0, 132.0, 132.0, 132.0, 132.0, 132.0, 90.0], [98.0, 150.0, 150.0, 150.0, 150.0, 150.0, 150.0, 102.0], [74.0, 114.0, 114.0, 114.0, 114.0, 114.0, 114.0, 78.0], [86.0, 132.0, 132.0, 132.0, 132.0, 132.0, 132.0, 90.0], [98.0, 150.0, 150.0, 150.0, 150.0, 150.0, 150.0, 102.0]]]], device), weight=TestTensor.from_data([[[[434.0, 504.0, 448.0], [567.0, 660.0, 588.0], [735.0, 852.0, 756.0]], [[1330.0, 1528.0, 1344.0], [1911.0, 2196.0, 1932.0], [2079.0, 2388.0, 2100.0]]], [[[434.0, 504.0, 448.0], [567.0, 660.0, 588.0], [735.0, 852.0, 756.0]], [[1330.0, 1528.0, 1344.0], [1911.0, 2196.0, 1932.0], [2079.0, 2388.0, 2100.0]]]], device), bias=TestTensor.from_data([24.0, 24.0], device))
    test.assert_grads(grads)


def test_conv2d_dilation_2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=1, stride_1=1, stride_2=1, dilation_1=2, dilation_2=2, groups=1, height=6, width=6)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[18.0, 38.0, 38.0, 42.0, 42.0, 22.0], [42.0, 88.0, 88.0, 96.0, 96.0, 50.0], [42.0, 88.0, 88.0, 96.0, 96.0, 50.0], [54.0, 112.0, 112.0, 120.0, 120.0, 62.0], [54.0, 112.0, 112.0, 120.0, 120.0, 62.0], [30.0, 62.0, 62.0, 66.0, 66.0, 34.0]], [[36.0, 74.0, 74.0, 78.0, 78.0, 40.0], [78.0, 160.0, 160.0, 168.0, 168.0, 86.0], [78.0, 160.0, 160.0, 168.0, 168.0, 86.0], [90.0, 184.0, 184.0, 192.0, 192.0, 98.0], [90.0, 184.0, 184.0, 192.0, 192.0, 98.0], [48.0, 98.0, 98.0, 102.0, 102.0, 52.0]]]], device), weight=TestTensor.from_data([[[[63.0, 102.0, 90.0], [192.0, 280.0, 228.0], [225.0, 318.0, 252.0]], [[387.0, 534.0, 414.0], [624.0, 856.0, 660.0], [549.0, 750.0, 576.0]]], [[[63.0, 102.0, 90.0], [192.0, 280.0, 228.0], [225.0, 318.0, 252.0]], [[387.0, 534.0, 414.0], [624.0, 856.0, 660.0], [549.0, 750.0, 576.0]]]], device), bias=TestTensor.from_data([16.0, 16.0], device))
    test.assert_grads(grads)


def test_conv2d_different_dilation(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=1, stride_1=1, stride_2=1, dilation_1=2, dilation_2=3, groups=1, height=6, width=6)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[18.0, 0.0, 20.0, 20.0, 0.0, 22.0], [42.0, 0.0, 46.0, 46.0, 0.0, 50.0], [42.0, 0.0, 46.0, 46.0, 0.0, 50.0], [54.0, 0.0, 58.0, 58.0, 0.0, 62.0], [54.0, 0.0, 58.0, 58.0, 0.0, 62.0], [30.0, 0.0, 32.0, 32.0, 0.0, 34.0]], [[36.0, 0.0, 38.0, 38.0, 0.0, 40.0], [78.0, 0.0, 82.0, 82.0, 0.0, 86.0], [78.0, 0.0, 82.0, 82.0, 0.0, 86.0], [90.0, 0.0, 94.0, 94.0, 0.0, 98.0], [90.0, 0.0, 94.0, 94.0, 0.0, 98.0], [48.0, 0.0, 50.0, 50.0, 0.0, 52.0]]]], device), weight=TestTensor.from_data([[[[18.0, 51.0, 33.0], [60.0, 140.0, 80.0], [72.0, 159.0, 87.0]], [[126.0, 267.0, 141.0], [204.0, 428.0, 224.0], [180.0, 375.0, 195.0]]], [[[18.0, 51.0, 33.0], [60.0, 140.0, 80.0], [72.0, 159.0, 87.0]], [[126.0, 267.0, 141.0], [204.0, 428.0, 224.0], [180.0, 375.0, 195.0]]]], device), bias=TestTensor.from_data([8.0, 8.0], device))
    test.assert_grads(grads)


def test_conv2d_groups(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=0, padding_2=0, stride_1=1, stride_2=1, dilation_1=1, dilation_2=1, groups=2, height=5, width=5)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[0.0, 1.0, 3.0, 3.0, 2.0], [3.0, 8.0, 15.0, 12.0, 7.0], [9.0, 21.0, 36.0, 27.0, 15.0], [9.0, 20.0, 33.0, 24.0, 13.0], [6.0, 13.0, 21.0, 15.0, 8.0]], [[9.0, 19.0, 30.0, 21.0, 11.0], [21.0, 44.0, 69.0, 48.0, 25.0], [36.0, 75.0, 117.0, 81.0, 42.0], [27.0, 56.0, 87.0, 60.0, 31.0], [15.0, 31.0, 48.0, 33.0, 17.0]]]], device), weight=TestTensor.from_data([[[[54.0, 63.0, 72.0], [99.0, 108.0, 117.0], [144.0, 153.0, 162.0]]], [[[279.0, 288.0, 297.0], [324.0, 333.0, 342.0], [369.0, 378.0, 387.0]]]], device), bias=TestTensor.from_data([9.0, 9.0], device))
    test.assert_grads(grads)


def test_conv2d_groups_stride_2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=4, channels_out=4, kernel_size_1=3, kernel_size_2=3, padding_1=1, padding_2=1, stride_1=2, stride_2=2, dilation_1=1, dilation_2=1, groups=4, height=4, width=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[4.0, 8.0, 4.0, 5.0], [8.0, 16.0, 8.0, 10.0], [4.0, 8.0, 4.0, 5.0], [7.0, 14.0, 7.0, 8.0]], [[13.0, 26.0, 13.0, 14.0], [26.0, 52.0, 26.0, 28.0], [13.0, 26.0, 13.0, 14.0], [16.0, 32.0, 16.0, 17.0]], [[22.0, 44.0, 22.0, 23.0], [44.0, 88.0, 44.0, 46.0], [22.0, 44.0, 22.0, 23.0], [25.0, 50.0, 25.0, 26.0]], [[31.0, 62.0, 31.0, 32.0], [62.0, 124.0, 62.0, 64.0], [31.0, 62.0, 31.0, 32.0], [34.0, 68.0, 34.0, 35.0]]]], device), weight=TestTensor.from_data([[[[5.0, 10.0, 12.0], [10.0, 20.0, 24.0], [18.0, 36.0, 40.0]]], [[[21.0, 42.0, 44.0], [42.0, 84.0, 88.0], [50.0, 100.0, 104.0]]], [[[37.0, 74.0, 76.0], [74.0, 148.0, 152.0], [82.0, 164.0, 168.0]]], [[[53.0, 106.0, 108.0], [106.0, 212.0, 216.0], [114.0, 228.0, 232.0]]]], device), bias=TestTensor.from_data([4.0, 4.0, 4.0, 4.0], device))
    test.assert_grads(grads)


def test_conv2d_groups_different_channels(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=3, channels_out=6, kernel_size_1=3, kernel_size_2=3, padding_1=0, padding_2=0, stride_1=1, stride_2=1, dilation_1=1, dilation_2=1, groups=3, height=4, width=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[9.0, 20.0, 24.0, 13.0], [24.0, 52.0, 60.0, 32.0], [36.0, 76.0, 84.0, 44.0], [21.0, 44.0, 48.0, 25.0]], [[45.0, 92.0, 96.0, 49.0], [96.0, 196.0, 204.0, 104.0], [108.0, 220.0, 228.0, 116.0], [57.0, 116.0, 120.0, 61.0]], [[81.0, 164.0, 168.0, 85.0], [168.0, 340.0, 348.0, 176.0], [180.0, 364.0, 372.0, 188.0], [93.0, 188.0, 192.0, 97.0]]]], device), weight=TestTensor.from_data([[[[10.0, 14.0, 18.0], [26.0, 30.0, 34.0], [42.0, 46.0, 50.0]]], [[[10.0, 14.0, 18.0], [26.0, 30.0, 34.0], [42.0, 46.0, 50.0]]], [[[74.0, 78.0, 82.0], [90.0, 94.0, 98.0], [106.0, 110.0, 114.0]]], [[[74.0, 78.0, 82.0], [90.0, 94.0, 98.0], [106.0, 110.0, 114.0]]], [[[138.0, 142.0, 146.0], [154.0, 158.0, 162.0], [170.0, 174.0, 178.0]]], [[[138.0, 142.0, 146.0], [154.0, 158.0, 162.0], [170.0, 174.0, 178.0]]]], device), bias=TestTensor.from_data([4.0, 4.0, 4.0, 4.0, 4.0, 4.0], device))
    test.assert_grads(grads)


def test_conv2d_complex(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=2, channels_out=3, kernel_size_1=2, kernel_size_2=3, padding_1=1, padding_2=2, stride_1=1, stride_2=2, dilation_1=2, dilation_2=3, groups=1, height=4, width=5)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[36.0, 39.0, 0.0, 39.0, 42.0], [81.0, 87.0, 0.0, 87.0, 93.0], [81.0, 87.0, 0.0, 87.0, 93.0], [45.0, 48.0, 0.0, 48.0, 51.0]], [[54.0, 57.0, 0.0, 57.0, 60.0], [117.0, 123.0, 0.0, 123.0, 129.0], [117.0, 123.0, 0.0, 123.0, 129.0], [63.0, 66.0, 0.0, 66.0, 69.0]]]], device), weight=TestTensor.from_data([[[[15.0, 42.0, 27.0], [30.0, 72.0, 42.0]], [[75.0, 162.0, 87.0], [90.0, 192.0, 102.0]]], [[[15.0, 42.0, 27.0], [30.0, 72.0, 42.0]], [[75.0, 162.0, 87.0], [90.0, 192.0, 102.0]]], [[[15.0, 42.0, 27.0], [30.0, 72.0, 42.0]], [[75.0, 162.0, 87.0], [90.0, 192.0, 102.0]]]], device), bias=TestTensor.from_data([8.0, 8.0, 8.0], device))
    test.assert_grads(grads)


def test_conv2d_groups_stride_2_no_pad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = Conv2dTestCase(batch_size=1, channels_in=4, channels_out=2, kernel_size_1=3, kernel_size_2=3, padding_1=0, padding_2=0, stride_1=2, stride_2=2, dilation_1=1, dilation_2=1, groups=2, height=4, width=4)
    device = device
    grads = Grads(x=TestTensor.from_data([[[[0.0, 1.0, 2.0, 0.0], [3.0, 4.0, 5.0, 0.0], [6.0, 7.0, 8.0, 0.0], [0.0, 0.0, 0.0, 0.0]], [[9.0, 10.0, 11.0, 0.0], [12.0, 13.0, 14.0, 0.0], [15.0, 16.0, 17.0, 0.0], [0.0, 0.0, 0.0, 0.0]], [[18.0, 19.0, 20.0, 0.0], [21.0, 22.0, 23.0, 0.0], [24.0, 25.0, 26.0, 0.0], [0.0, 0.0, 0.0, 0.0]], [[27.0, 28.0, 29.0, 0.0], [30.0, 31.0, 32.0, 0.0], [33.0, 34.0, 35.0, 0.0], [0.0, 0.0, 0.0, 0.0]]]], device), weight=TestTensor.from_data([[[[0.0, 1.0, 2.0], [4.0, 5.0, 6.0], [8.0, 9.0, 10.0]], [[16.0, 17.0, 18.0], [20.0, 21.0, 22.0], [24.0, 25.0, 26.0]]], [[[32.0, 33.0, 34.0], [36.0, 37.0, 38.0], [40.0, 41.0, 42.0]], [[48.0, 49.0, 50.0], [52.0, 53.0, 54.0], [56.0, 57.0, 58.0]]]], device), bias=TestTensor.from_data([1.0, 1.0], device))
    test.assert_grads(grads)
