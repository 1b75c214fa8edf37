"""Burn's `autodiff/nearest_interpolate.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from dataclasses import dataclass

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


@dataclass
class InterpolateTestCase:
    batch_size: Any
    channels: Any
    height: Any
    width: Any
    height_out: Any
    width_out: Any

    def assert_output(self, x_grad):
        TestTensor, TestTensorInt, TestTensorBool, device = current_env()
        shape_x = Shape([self.batch_size, self.channels, self.height, self.width])
        x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), x_grad.device()).reshape(shape_x).into_data(), device).require_grad()
        output = module.interpolate(x, [self.height_out, self.width_out], InterpolateOptions.new(InterpolateMode.Nearest))
        grads = output.backward()
        x_grad_actual = x.grad(grads)
        x_grad.to_data().assert_approx_eq(x_grad_actual.into_data(), Tolerance.permissive())


def test_upsample_interpolation(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = InterpolateTestCase(batch_size=2, channels=1, height=7, width=5, height_out=8, width_out=7)
    test.assert_output(TestTensor.from_([[[[4.0, 2.0, 4.0, 2.0, 2.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0]]], [[[4.0, 2.0, 4.0, 2.0, 2.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0], [2.0, 1.0, 2.0, 1.0, 1.0]]]]))


def test_downsample_interpolation(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = InterpolateTestCase(batch_size=1, channels=1, height=8, width=8, height_out=4, width_out=6)
    test.assert_output(TestTensor.from_([[[[1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]]]))
