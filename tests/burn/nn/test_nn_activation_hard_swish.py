"""Burn's `crates/burn-nn/src/activation/hard_swish.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_hard_swish_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = HardSwish()
    input = TestTensor.from_data(TensorData([[3.0, -3.0], [0.0, 1.0]]), device)
    out = model.forward(input)
    expected = TensorData([[3.0, 0.0], [0.0, 0.6666667]])
    out.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    layer = HardSwish()
    assert_eq_(str(layer), "HardSwish")
