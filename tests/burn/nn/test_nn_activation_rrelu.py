"""Burn's `crates/burn-nn/src/activation/rrelu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_eval_matches_leaky_relu_midpoint(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    model = RReluConfig().with_lower(0.1).with_upper(0.3).init()
    input = TestTensor.from_data(TensorData([[-2.0, -1.0, 0.0], [0.5, 1.0, 2.0]]), device)
    output = model.forward(input)
    expected = TensorData([[-0.4, -0.2, 0.0], [0.5, 1.0, 2.0]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_training_scales_negatives_randomly(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    model = RReluConfig().init()
    input = TestTensor.from_data(TensorData([[-1.0, -2.0], [-3.0, -4.0]]), device)
    output = model.forward(input)
    assert_ne_(input.to_data(), output.to_data())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    layer = RReluConfig().with_lower(0.1).with_upper(0.3).init()
    assert_eq_(str(layer), "RRelu {lower: 0.1, upper: 0.3}")


def test_rejects_lower_above_upper(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_lower', 'with_upper', 'init']):
        _ = RReluConfig().with_lower(0.5).with_upper(0.2).init()
