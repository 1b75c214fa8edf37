"""Burn's `crates/burn-nn/src/activation/gelu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    layer = Gelu()
    assert_eq_(str(layer), "Gelu {\n  approximate: false\n}")


def test_forward_approximate(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data([[-1.0, 0.0, 1.0], [0.5, -0.5, 2.0]], device)
    output = Gelu.new_approximate().forward(input)
    expected = TestTensor.from_data([[-0.1588079929, 0.0000000000, 0.8411920071], [0.3457140028, -0.1542859972, 1.9545977116]], device)
    output.into_data().assert_approx_eq(expected.into_data(), Tolerance.rel_abs(1e-5, 1e-5))
