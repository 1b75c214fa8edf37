"""Burn's `crates/burn-nn/src/modules/rope_encoding.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_rotary_encoding_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(10, 4).init(device)
    input = TestTensor.from_floats([[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], [[9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]], device)
    input = input.unsqueeze()
    output = rotary_encoding.forward(input)
    expected_output = TestTensor.from_floats([[[1.0000, 2.0000, 3.0000, 4.0000], [-2.3473, 7.4492, 6.9197, 8.0696]], [[9.0000, 10.0000, 11.0000, 12.0000], [-4.7567, 18.5034, 14.8393, 16.1492]]], device)
    output.squeeze_dim(0).to_data().assert_approx_eq(expected_output.to_data(), Tolerance.default())


def test_rotary_encoding_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(10, 4).init(device)
    input = TestTensor.from_floats([[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], [[9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]], device)
    output = rotary_encoding.forward(input)
    expected_output = TestTensor.from_floats([[[1.0000, 2.0000, 3.0000, 4.0000], [-2.3473, 7.4492, 6.9197, 8.0696]], [[9.0000, 10.0000, 11.0000, 12.0000], [-4.7567, 18.5034, 14.8393, 16.1492]]], device)
    output.to_data().assert_approx_eq(expected_output.to_data(), Tolerance.default())


def test_zero_input_rotary_encoding_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(10, 4).init(device)
    input = TestTensor.zeros([1, 2, 2, 4], device)
    output = rotary_encoding.forward(input)
    expected_output = TestTensor.from_floats([[[0.0000, 0.0000, 0.0000, 0.0000], [0.0000, 0.0000, 0.0000, 0.0000]], [[0.0000, 0.0000, 0.0000, 0.0000], [0.0000, 0.0000, 0.0000, 0.0000]]], device)
    output.squeeze_dim(0).to_data().assert_approx_eq(expected_output.to_data(), Tolerance.default())


def test_valid_input_hidden_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        d_model = 15
        device = device
        pe = RotaryEncodingConfig(10, d_model).init(device)
        input = TestTensor.zeros([1, 5, d_model], device)
        _output = pe.forward(input)


def test_rotary_encoding_frequencies(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(2, 8).init(device)
    expected_freqs = TestTensor.from_floats([[[1.0000, 0.0000], [1.0000, 0.0000], [1.0000, 0.0000], [1.0000, 0.0000]], [[5.4030e-01, 8.4147e-01], [9.9500e-01, 9.9833e-02], [9.9995e-01, 9.9998e-03], [9.9999e-01, 9.9999e-04]]], device).unsqueeze_dim(2).repeat_dim(2, 2).reshape([2, 8, 2])
    rotary_encoding.freq_complex.to_data().assert_approx_eq(expected_freqs.to_data(), Tolerance.default())


def test_rotary_encoding_with_frequency_scaling(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(2, 8).init_with_frequency_scaling(apply_freq_scaling_by_parts, device)
    expected_freqs = TestTensor.from_floats([[[1.0000, 0.0000], [1.0000, 0.0000], [1.0000, 0.0000], [1.0000, 0.0000]], [[5.4030e-01, 8.4148e-01], [9.9500e-01, 9.9833e-02], [9.9995e-01, 9.9998e-03], [1.0000, 2.1361e-04]]], device).unsqueeze_dim(2).repeat_dim(2, 2).reshape([2, 8, 2])
    rotary_encoding.freq_complex.to_data().assert_approx_eq(expected_freqs.to_data(), Tolerance.default())


def test_rotary_encoding_shift_full(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(10, 4).init(device)
    input = TestTensor.from_floats([[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], [[9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]], device).unsqueeze()
    expected_output = rotary_encoding.apply(input, 6)
    rotary_encoding = RotaryEncodingConfig(4, 4).init(device)
    rotary_encoding.shift(6)
    output = rotary_encoding.apply(input, 0)
    output.into_data().assert_approx_eq(expected_output.into_data(), Tolerance.default())


def test_rotary_encoding_shift(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(10, 4).init(device)
    input = TestTensor.from_floats([[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], [[9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]], device).unsqueeze()
    expected_output = rotary_encoding.apply(input, 2)
    rotary_encoding = RotaryEncodingConfig(4, 4).init(device)
    rotary_encoding.shift(2)
    output = rotary_encoding.apply(input, 0)
    output.into_data().assert_approx_eq(expected_output.into_data(), Tolerance.default())


def test_rotary_encoding_shift_multiple(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(4, 4).init(device)
    rotary_encoding.shift(2)
    rotary_encoding.shift(5)


def test_rotary_encoding_shift_should_increase(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'shift']):
        device = device
        rotary_encoding = RotaryEncodingConfig(4, 4).init(device)
        rotary_encoding.shift(6)
        rotary_encoding.shift(4)


def test_rotary_encoding_reset_after_shift(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rotary_encoding = RotaryEncodingConfig(10, 4).init(device)
    input = TestTensor.from_floats([[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], [[9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]], device).unsqueeze()
    expected_output = rotary_encoding.apply(input, 0)
    expected_shifted_output = rotary_encoding.apply(input, 2)
    rotary_encoding = RotaryEncodingConfig(4, 4).init(device)
    rotary_encoding.shift(2)
    rotary_encoding.reset()
    assert_eq_(rotary_encoding.start_offset, 0)
    output = rotary_encoding.apply(input, 0)
    output.into_data().assert_approx_eq(expected_output.into_data(), Tolerance.default())
    rotary_encoding.shift(2)
    output = rotary_encoding.apply(input, 0)
    output.into_data().assert_approx_eq(expected_shifted_output.into_data(), Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = RotaryEncodingConfig(10, 4)
    pe = config.init(device)
    assert_eq_(str(pe), "RotaryEncoding {d_model: 4, max_sequence_length: 10}" )
