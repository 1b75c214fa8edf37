"""Burn's `crates/burn-nn/src/modules/attention/cross_attention.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_gqa_panic_if_n_heads_not_divisible_by_n_heads_kv(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init']):
        device = device
        config = CrossAttentionConfig(d_model=32, d_context=32, n_heads=5, n_heads_kv=2, d_head=8, dropout=0.1, min_float=-1.0e4, quiet_softmax=False)
        config.init(device)
