"""Burn's `crates/burn-nn/src/modules/norm/rms.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_rms_norm_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = RmsNormConfig(3).with_epsilon(1e-5).init(device)
    input = TestTensor.arange(bslice(0, 9, 1, False), device).float().reshape([3, 3])
    output = module.forward(input)
    expected = TensorData([[0.0000, 0.7746, 1.5492], [0.7348, 0.9798, 1.2247], [0.8514, 0.9933, 1.1352]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = RmsNormConfig(6)
    layer_norm = config.init(device)
    assert_eq_(str(layer_norm), "RmsNorm {d_model: 6, epsilon: 0.00001, params: 6}" )
