"""Burn's `crates/burn-nn/src/modules/pos_encoding.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_module(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    d_model = 6
    length = 3
    batch_size = 2
    device = device
    pe = PositionalEncodingConfig(d_model).init(device)
    tensor = TestTensor.zeros([batch_size, length, d_model], device)
    output = pe.forward(tensor)
    assert_eq_(output.shape(), [batch_size, length, d_model])
    expected = TestTensor.from_floats([[[0.00000, 1.00000, 0.00000, 1.00000, 0.00000, 1.00000], [0.84147, 0.54030, 0.04640, 0.99892, 0.00215, 1.00000], [0.90930, -0.41615, 0.09270, 0.99569, 0.00431, 0.99999]], [[0.00000, 1.00000, 0.00000, 1.00000, 0.00000, 1.00000], [0.84147, 0.54030, 0.04640, 0.99892, 0.00215, 1.00000], [0.90930, -0.41615, 0.09270, 0.99569, 0.00431, 0.99999]]], device)
    output.to_data().assert_approx_eq(expected.to_data(), Tolerance.default())


def test_generate_sinusoids(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    sinusoids = generate_sinusoids(12, 6, 10_000, device)
    expected = TestTensor.from_floats([[0.00000, 1.00000, 0.00000, 1.00000, 0.00000, 1.00000], [0.84147, 0.54030, 0.04640, 0.99892, 0.00215, 1.00000], [0.90930, -0.41615, 0.09270, 0.99569, 0.00431, 0.99999], [0.14112, -0.98999, 0.13880, 0.99032, 0.00646, 0.99998], [-0.75680, -0.65364, 0.18460, 0.98281, 0.00862, 0.99996], [-0.95892, 0.28366, 0.23000, 0.97319, 0.01077, 0.99994], [-0.27942, 0.96017, 0.27491, 0.96147, 0.01293, 0.99992], [0.65699, 0.75390, 0.31922, 0.94768, 0.01508, 0.99989], [0.98936, -0.14550, 0.36285, 0.93185, 0.01723, 0.99985], [0.41212, -0.91113, 0.40570, 0.91401, 0.01939, 0.99981], [-0.54402, -0.83907, 0.44767, 0.89420, 0.02154, 0.99977], [-0.99999, 0.00443, 0.48868, 0.87246, 0.02370, 0.99972]], device)
    sinusoids.to_data().assert_approx_eq(expected.to_data(), Tolerance.default())


def test_d_model_input_should_match(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        d_model = 8
        device = device
        pe = PositionalEncodingConfig(d_model).init(device)
        input = TestTensor.zeros([1, 5, 10], device)
        _output = pe.forward(input)


def test_input_length_should_be_less_than_max_len(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        d_model = 8
        device = device
        pe = PositionalEncodingConfig(d_model).init(device)
        input = TestTensor.zeros([1, 6_000, d_model], device)
        _output = pe.forward(input)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = PositionalEncodingConfig(4)
    pe = config.init(device)
    assert_eq_(str(pe), "PositionalEncoding {d_model: 4, max_sequence_size: 5000, max_timescale: 10000}" )
