"""Burn's `crates/burn-nn/src/modules/attention/mask.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_generate_autoregressive_mask(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    mask = generate_autoregressive_mask(2, 3, device)
    mask.into_data().assert_eq(TensorData([[[False, True, True], [False, False, True], [False, False, False]], [[False, True, True], [False, False, True], [False, False, False]]]), False)


def test_generate_padding_mask(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tokens = [[3, 3, 3], [3, 3, 3], [3, 3, 3, 4], [3, 3, 3, 4, 10, 15]]
    mask = generate_padding_mask(0, tokens, None, device)
    mask.mask.into_data().assert_eq(TensorData([[False, False, False, True, True, True], [False, False, False, True, True, True], [False, False, False, False, True, True], [False, False, False, False, False, False]]), False)
