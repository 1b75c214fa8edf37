"""Burn's `crates/burn-nn/src/modules/unfold.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = Unfold4dConfig([3, 3])
    unfold = config.init()
    assert_eq_(str(unfold), "Unfold4d {kernel_size: [3, 3], stride: [1, 1], dilation: [1, 1], padding: [0, 0]}" )
