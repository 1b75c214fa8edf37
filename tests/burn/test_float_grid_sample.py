"""Burn's `tensor/float/ops/grid_sample.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_grid_sample_2d_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]]], device)
    grid = TestTensor.from_data([[[[0.0, 0.0], [-1.0, 0.25]], [[1.0, 1.0], [0.2, -0.8]]]], device)
    output = tensor.grid_sample_2d(grid, InterpolateMode.Bilinear)
    expected = TensorData([[[[4.0, 2.0625], [2.0, 1.04]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_grid_sample_2d_align_corners_border(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]]], device)
    grid = TestTensor.from_data([[[[0.0, 0.0], [-1.0, 0.25]], [[1.0, 1.0], [0.2, -0.8]]]], device)
    options = GridSampleOptions.new(InterpolateMode.Bilinear).with_padding_mode(GridSamplePaddingMode.Border).with_align_corners(True)
    output = tensor.grid_sample_2d(grid, options)
    expected = TensorData([[[[4.0, 3.75], [8.0, 1.8]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_pad_zeros_grid_sample_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]]], device)
    grid = TestTensor.from_data([[[[0.0, -2.0]]]], device)
    output = tensor.grid_sample_2d(grid, GridSampleOptions.default())
    expected = TensorData([[[[0.0]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_pad_border_grid_sample_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]]], device)
    grid = TestTensor.from_data([[[[0.0, -2.0]]]], device)
    options = GridSampleOptions.new(InterpolateMode.Bilinear).with_padding_mode(GridSamplePaddingMode.Border)
    output = tensor.grid_sample_2d(grid, options)
    expected = TensorData([[[[1.0]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_pad_reflection_grid_sample_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]]], device)
    grid = TestTensor.from_data([[[[0.0, 0.0], [-1.0, 0.25]], [[1.0, 1.0], [0.2, -0.8]]]], device)
    options = GridSampleOptions.new(InterpolateMode.Bilinear).with_padding_mode(GridSamplePaddingMode.Reflection)
    output = tensor.grid_sample_2d(grid, options)
    expected = TensorData([[[[4.0, 4.125], [8.0, 1.3]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())
