"""Burn's `crates/burn-nn/src/modules/interpolate/interpolate2d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_calculate_output_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_dims = [1, 1, 4, 4]
    output_size = calculate_output_size(input_dims, ([2, 2]), None)
    assert_eq_(output_size, [2, 2])
    output_size = calculate_output_size(input_dims, None, ([2.0, 2.0]))
    assert_eq_(output_size, [8, 8])
    output_size = calculate_output_size([1, 1, 4, 4], None, ([0.5, 0.5]))
    assert_eq_(output_size, [2, 2])
    output_size = calculate_output_size([1, 1, 4, 4], None, ([2.0, 1.5]))
    assert_eq_(output_size, [8, 6])


def test_missing_params(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear([]):
        calculate_output_size([1, 1, 4, 4], None, None)


def test_infinite_height(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear([]):
        calculate_output_size([1, 1, lim('usize', 'MAX') - 1, 4], None, ([2.0, 1.0]))


def test_infinite_width(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear([]):
        calculate_output_size([1, 1, 4, lim('usize', 'MAX') - 1], None, ([1.0, 2.0]))


def test_module(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input = TestTensor.random([2, 3, 4, 4], Distribution.Uniform(0.0, 1.0), device)
    config = Interpolate2dConfig().with_output_size(([8, 8]))
    interpolate = config.init()
    output = interpolate.forward(input)
    assert_eq_(output.dims(), [2, 3, 8, 8])
    config = Interpolate2dConfig().with_scale_factor(([0.5, 0.5]))
    interpolate = config.init()
    output = interpolate.forward(input)
    assert_eq_(output.dims(), [2, 3, 2, 2])
    config = Interpolate2dConfig().with_output_size(([6, 6])).with_mode(InterpolateMode.Linear)
    interpolate = config.init()
    output = interpolate.forward(input)
    assert_eq_(output.dims(), [2, 3, 6, 6])


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = Interpolate2dConfig().with_output_size(([20, 20]))
    layer = config.init()
    assert_eq_(str(layer), "Interpolate2d {mode: Nearest, output_size: Some([20, 20]), scale_factor: None}" )
