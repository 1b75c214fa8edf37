"""Burn's `crates/burn-optim/src/grad_clipping/base.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_clip_by_value(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    gradient = expect_rank(TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device), 2, 'TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device)')
    clipped_gradient = GradientClipping.Value(0.5).clip_gradient(gradient)
    clipped_gradient_data = clipped_gradient.into_data()
    for value in clipped_gradient_data.as_numpy().astype('float32').reshape(-1):
        assert_(value <= 0.5)


def test_clip_by_norm(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    gradient = expect_rank(TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device), 2, 'TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device)')
    clipped_gradient = GradientClipping.Norm(2.2).clip_gradient(gradient)
    clipped_gradient_data = clipped_gradient.into_data()
    for value in clipped_gradient_data.as_numpy().astype('float32').reshape(-1):
        assert_(value <= 0.88)


def test_clip_by_norm_no_clipping(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    gradient = expect_rank(TestTensor.from_floats([[0.3, 0.4, 0.5, 0.2], [0.1, 0.6, 0.3, 0.4]], device), 2, 'TestTensor.from_floats([[0.3, 0.4, 0.5, 0.2], [0.1, 0.6, 0.3, 0.4]], device)')
    clipped_gradient = GradientClipping.Norm(2.2).clip_gradient(gradient)
    clipped_gradient.into_data().assert_eq(gradient.into_data(), True)
