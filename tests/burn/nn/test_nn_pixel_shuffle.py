"""Burn's `crates/burn-nn/src/modules/pixel_shuffle.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_pixel_shuffle_round_trip_factor_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(TensorData([[[[0.0]], [[1.0]], [[2.0]], [[3.0]], [[4.0]], [[5.0]], [[6.0]], [[7.0]], [[8.0]]]]), device)
    shuffled = PixelShuffleConfig(3).init().forward(input)
    restored = PixelUnshuffleConfig(3).init().forward(shuffled)
    restored.to_data().assert_approx_eq(input.to_data(), Tolerance.default())
