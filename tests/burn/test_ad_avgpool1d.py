"""Burn's `autodiff/avgpool1d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from dataclasses import dataclass

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


@dataclass
class AvgPool1dTestCase:
    batch_size: Any
    channels: Any
    kernel_size: Any
    padding: Any
    stride: Any
    length: Any
    count_include_pad: Any

    def assert_output(self, x_grad):
        TestTensor, TestTensorInt, TestTensorBool, device = current_env()
        shape_x = Shape([self.batch_size, self.channels, self.length])
        x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
        output = module.avg_pool1d(x, self.kernel_size, self.stride, self.padding, self.count_include_pad, False)
        grads = output.backward()
        x_grad_actual = x.grad(grads)
        tolerance = Tolerance.default().set_half_precision_relative(1e-3)
        x_grad.to_data().assert_approx_eq(x_grad_actual.into_data(), tolerance)


def test_avg_pool1d_simple(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AvgPool1dTestCase(batch_size=1, channels=1, kernel_size=3, padding=0, stride=1, length=6, count_include_pad=True)
    test.assert_output(TestTensor.from_data([[[0.33333, 0.66667, 1.0000, 1.0000, 0.66667, 0.33333]]], device))


def test_avg_pool1d_complex(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AvgPool1dTestCase(batch_size=1, channels=2, kernel_size=3, padding=1, stride=2, length=6, count_include_pad=True)
    test.assert_output(TestTensor.from_data([[[0.33333, 0.66667, 0.33333, 0.66667, 0.33333, 0.33333], [0.33333, 0.66667, 0.33333, 0.66667, 0.33333, 0.33333]]], device))


def test_avg_pool1d_complex_dont_count_pad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AvgPool1dTestCase(batch_size=1, channels=2, kernel_size=3, padding=1, stride=2, length=6, count_include_pad=False)
    test.assert_output(TestTensor.from_data([[[0.5000, 0.83333, 0.33333, 0.66667, 0.33333, 0.33333], [0.5000, 0.83333, 0.33333, 0.66667, 0.33333, 0.33333]]], device))
