"""Burn's `tensor/float/grid/affine_grid.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def _fn_create_identity_transform(batch_size):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return TestTensor.from_([[[1, 0.0, 0.0], [0.0, 1.0, 0.0]]]).expand([batch_size, 2, 3])


def test_affine_grid_identity(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size = 1
    channels = 1
    height = 2
    width = 2
    transform = _fn_create_identity_transform(batch_size)
    output = affine_grid_2d(transform, [batch_size, channels, height, width])
    expected = TestTensor.from_([[[[-1, -1], [1, -1]], [[-1, 1], [1, 1]]]])
    output.into_data().assert_eq(expected.into_data(), False)


def test_affine_grid_scaling(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size = 1
    channels = 1
    height = 2
    width = 2
    scale = 2.0
    transform = TestTensor.from_([[[scale, 0.0, 0.0], [0.0, scale, 0.0]]])
    output = affine_grid_2d(transform, [batch_size, channels, height, width])
    expected = TestTensor.from_([[[[-2, -2], [2, -2]], [[-2, 2], [2, 2]]]])
    output.into_data().assert_eq(expected.into_data(), False)


def test_affine_grid_translation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size = 1
    channels = 1
    height = 2
    width = 2
    tx = 0.5
    ty = -0.5
    transform = TestTensor.from_([[[1.0, 0.0, tx], [0.0, 1.0, ty]]])
    output = affine_grid_2d(transform, [batch_size, channels, height, width])
    expected = TestTensor.from_([[[[-0.5, -1.5], [1.5, -1.5]], [[-0.5, 0.5], [1.5, 0.5]]]])
    output.into_data().assert_eq(expected.into_data(), False)
