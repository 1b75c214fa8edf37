"""Burn's `crates/burn-nn/src/modules/interpolate/interpolate1d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_calculate_output_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_dims = [1, 1, 4]
    output_size = calculate_output_size(input_dims, (2), None)
    assert_eq_(output_size, 2)
    output_size = calculate_output_size(input_dims, None, (2.0))
    assert_eq_(output_size, 8)
    output_size = calculate_output_size(input_dims, None, (0.5))
    assert_eq_(output_size, 2)
    output_size = calculate_output_size(input_dims, None, (1.5))
    assert_eq_(output_size, 6)


def test_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear([]):
        input_dims = [1, 1, 4]
        calculate_output_size(input_dims, None, None)


def test_large_scale_factor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear([]):
        input_dims = [1, 1, lim('usize', 'MAX') - 1]
        calculate_output_size(input_dims, None, (2.0))


def test_module(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input = TestTensor.random([2, 3, 4], Distribution.Uniform(0.0, 1.0), device)
    config = Interpolate1dConfig().with_output_size((8))
    interpolate = config.init()
    output = interpolate.forward(input)
    assert_eq_(output.dims(), [2, 3, 8])
    config = Interpolate1dConfig().with_scale_factor((0.5))
    interpolate = config.init()
    output = interpolate.forward(input)
    assert_eq_(output.dims(), [2, 3, 2])
    config = Interpolate1dConfig().with_output_size((6)).with_mode(InterpolateMode.Linear)
    interpolate = config.init()
    output = interpolate.forward(input)
    assert_eq_(output.dims(), [2, 3, 6])


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = Interpolate1dConfig().with_output_size((20))
    layer = config.init()
    assert_eq_(str(layer), "Interpolate1d {mode: Nearest, output_size: Some(20), scale_factor: None}" )
