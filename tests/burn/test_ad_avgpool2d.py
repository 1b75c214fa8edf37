"""Burn's `autodiff/avgpool2d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from dataclasses import dataclass

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


@dataclass
class AvgPool2dTestCase:
    batch_size: Any
    channels: Any
    kernel_size_1: Any
    kernel_size_2: Any
    padding_1: Any
    padding_2: Any
    stride_1: Any
    stride_2: Any
    height: Any
    width: Any
    count_include_pad: Any

    def assert_output(self, x_grad):
        TestTensor, TestTensorInt, TestTensorBool, device = current_env()
        shape_x = Shape([self.batch_size, self.channels, self.height, self.width])
        x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
        output = module.avg_pool2d(x, [self.kernel_size_1, self.kernel_size_2], [self.stride_1, self.stride_2], [self.padding_1, self.padding_2], self.count_include_pad, False)
        grads = output.backward()
        x_grad_actual = x.grad(grads)
        x_grad.to_data().assert_approx_eq(x_grad_actual.into_data(), Tolerance.default().set_half_precision_relative(1e-3))


def test_avg_pool2d_simple(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AvgPool2dTestCase(batch_size=1, channels=1, kernel_size_1=3, kernel_size_2=3, padding_1=0, padding_2=0, stride_1=1, stride_2=1, height=6, width=6, count_include_pad=True)
    test.assert_output(TestTensor.from_data([[[[0.11111, 0.22222, 0.33333, 0.33333, 0.22222, 0.11111], [0.22222, 0.44444, 0.66667, 0.66667, 0.44444, 0.22222], [0.33333, 0.66667, 1.00000, 1.00000, 0.66667, 0.33333], [0.33333, 0.66667, 1.00000, 1.00000, 0.66667, 0.33333], [0.22222, 0.44444, 0.66667, 0.66667, 0.44444, 0.22222], [0.11111, 0.22222, 0.33333, 0.33333, 0.22222, 0.11111]]]], device))


def test_avg_pool2d_complex(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AvgPool2dTestCase(batch_size=1, channels=1, kernel_size_1=3, kernel_size_2=4, padding_1=1, padding_2=2, stride_1=1, stride_2=2, height=4, width=6, count_include_pad=True)
    test.assert_output(TestTensor.from_data([[[[0.33333, 0.33333, 0.33333, 0.33333, 0.33333, 0.33333], [0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000], [0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000], [0.33333, 0.33333, 0.33333, 0.33333, 0.33333, 0.33333]]]], device))


def test_avg_pool2d_complex_dont_include_pad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AvgPool2dTestCase(batch_size=1, channels=1, kernel_size_1=3, kernel_size_2=4, padding_1=1, padding_2=2, stride_1=1, stride_2=2, height=4, width=6, count_include_pad=False)
    test.assert_output(TestTensor.from_data([[[[0.6250, 0.6250, 0.41667, 0.41667, 0.6250, 0.6250], [0.8750, 0.8750, 0.58333, 0.58333, 0.8750, 0.8750], [0.8750, 0.8750, 0.58333, 0.58333, 0.8750, 0.8750], [0.6250, 0.6250, 0.41667, 0.41667, 0.6250, 0.6250]]]], device))
