"""Burn's `autodiff/adaptive_avgpool1d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from dataclasses import dataclass

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


@dataclass
class AdaptiveAvgPool1dTestCase:
    batch_size: Any
    channels: Any
    length: Any
    output_size: Any

    def assert_output(self, x_grad):
        TestTensor, TestTensorInt, TestTensorBool, device = current_env()
        shape_x = Shape([self.batch_size, self.channels, self.length])
        x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
        output = module.adaptive_avg_pool1d(x, self.output_size)
        grads = output.backward()
        x_grad_actual = x.grad(grads)
        x_grad.to_data().assert_approx_eq(x_grad_actual.into_data(), Tolerance.default().set_half_precision_relative(1e-3))


def test_avg_pool1d_simple(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AdaptiveAvgPool1dTestCase(batch_size=1, channels=2, length=5, output_size=3)
    test.assert_output(TestTensor.from_data([[[0.5000, 0.83333, 0.33333, 0.83333, 0.5000], [0.5000, 0.83333, 0.33333, 0.83333, 0.5000]]], device))
