"""Burn's `crates/burn-nn/src/activation/glu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    layer = GLU(1)
    assert_eq_(str(layer), "GLU {\n  dim: 1\n}")


def test_forward_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[-0.5710, -1.3416, 1.9128, -0.8257, -0.1331, -1.4804, -0.6281, -0.6115], [0.0267, -1.3834, 0.2752, 0.7844, -0.3549, -0.4274, 0.3290, -0.5459], [-1.6347, -2.0908, 1.8801, 0.3541, 0.2237, 1.0377, 2.4850, 0.3490]]], device)
    output = GLU(-1).forward(tensor)
    output.into_data().assert_approx_eq(TensorData([[[-0.2665, -0.2487, 0.6656, -0.2904], [0.0110, -0.5461, 0.1601, 0.2877], [-0.9084, -1.5439, 1.7355, 0.2077]]]), Tolerance.default())
