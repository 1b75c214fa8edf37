"""Burn's `crates/burn-nn/src/modules/pixel_shuffle.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def _fn_sample_input():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return TensorData([[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]], [[8.0, 9.0], [10.0, 11.0]], [[12.0, 13.0], [14.0, 15.0]]]])


def test_pixel_shuffle_known_values(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(_fn_sample_input(), device)
    output = PixelShuffleConfig(2).init().forward(input)
    expected = TensorData([[[[0.0, 4.0, 1.0, 5.0], [8.0, 12.0, 9.0, 13.0], [2.0, 6.0, 3.0, 7.0], [10.0, 14.0, 11.0, 15.0]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_pixel_unshuffle_inverts_pixel_shuffle(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(_fn_sample_input(), device)
    shuffled = PixelShuffleConfig(2).init().forward(input)
    restored = PixelUnshuffleConfig(2).init().forward(shuffled)
    restored.to_data().assert_approx_eq(input.to_data(), Tolerance.default())


def test_pixel_shuffle_inverts_pixel_unshuffle(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(_fn_sample_input(), device)
    unshuffled = PixelUnshuffleConfig(2).init().forward(input)
    restored = PixelShuffleConfig(2).init().forward(unshuffled)
    restored.to_data().assert_approx_eq(input.to_data(), Tolerance.default())


def test_pixel_shuffle_round_trip_factor_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(TensorData([[[[0.0]], [[1.0]], [[2.0]], [[3.0]], [[4.0]], [[5.0]], [[6.0]], [[7.0]], [[8.0]]]]), device)
    shuffled = PixelShuffleConfig(3).init().forward(input)
    restored = PixelUnshuffleConfig(3).init().forward(shuffled)
    restored.to_data().assert_approx_eq(input.to_data(), Tolerance.default())
