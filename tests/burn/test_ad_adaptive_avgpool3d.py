"""Burn's `autodiff/adaptive_avgpool3d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from dataclasses import dataclass

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


@dataclass
class AdaptiveAvgPool3dTestCase:
    batch_size: Any
    channels: Any
    depth: Any
    height: Any
    width: Any
    depth_out: Any
    height_out: Any
    width_out: Any

    def assert_output(self, x_grad):
        TestTensor, TestTensorInt, TestTensorBool, device = current_env()
        shape_x = Shape([self.batch_size, self.channels, self.depth, self.height, self.width])
        x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
        output = module.adaptive_avg_pool3d(x, [self.depth_out, self.height_out, self.width_out])
        grads = output.backward()
        x_grad_actual = x.grad(grads)
        x_grad.to_data().assert_approx_eq(x_grad_actual.into_data(), Tolerance.default().set_half_precision_relative(1e-3))


def test_adaptive_avg_pool3d_backward_simple(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AdaptiveAvgPool3dTestCase(batch_size=1, channels=1, depth=2, height=2, width=2, depth_out=1, height_out=1, width_out=1)
    test.assert_output(TestTensor.from_data([[[[[0.125, 0.125], [0.125, 0.125]], [[0.125, 0.125], [0.125, 0.125]]]]], device))


def test_adaptive_avg_pool3d_backward_multi_channel(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AdaptiveAvgPool3dTestCase(batch_size=1, channels=2, depth=2, height=2, width=2, depth_out=1, height_out=1, width_out=1)
    test.assert_output(TestTensor.from_data([[[[[0.125, 0.125], [0.125, 0.125]], [[0.125, 0.125], [0.125, 0.125]]], [[[0.125, 0.125], [0.125, 0.125]], [[0.125, 0.125], [0.125, 0.125]]]]], device))


def test_adaptive_avg_pool3d_backward_output_1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    test = AdaptiveAvgPool3dTestCase(batch_size=1, channels=1, depth=4, height=4, width=4, depth_out=1, height_out=1, width_out=1)
    expected_grad = 1.0 / 64.0
    test.assert_output(TestTensor.from_data([[[[[expected_grad] * (4)] * (4)] * (4)]], device))


def test_adaptive_avg_pool3d_backward_dyn_filter(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    shape_x = Shape([1, 1, 4, 6, 8])
    device = device
    x = TestTensor.from_data(TestTensorInt.arange(bslice(0, shape_x.num_elements(), 1, False), device).reshape(shape_x).into_data(), device).require_grad()
    output = module.adaptive_avg_pool3d(x, [2, 3, 4])
    grads = output.backward()
    x_grad = x.grad(grads)
    grad_data = list(x_grad.into_data().as_numpy().astype('float32').reshape(-1))
    for v in grad_data:
        assert_(v >= 0.0)
    total = sum(grad_data)
    assert_(total > 0.0)
