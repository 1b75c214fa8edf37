"""Burn's `crates/burn-nn/src/activation/hard_sigmoid.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_hard_sigmoid_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = HardSigmoidConfig().init()
    input = TestTensor.from_data(TensorData([[0.4410, -0.2507]]), device)
    out = model.forward(input)
    expected = TensorData([[0.5882, 0.44986]])
    out.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = HardSigmoidConfig().init()
    assert_eq_(str(config), "HardSigmoid {alpha: 0.2, beta: 0.5}" )
