"""Burn's `crates/burn-nn/src/modules/embedding.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_initializer_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = EmbeddingConfig(5, 5).with_initializer(Initializer.Zeros())
    embed = config.init(device)
    assert_eq_(config.initializer, Initializer.Zeros())
    embed.weight.to_data().assert_approx_eq(td_zeros(embed.weight.shape()), Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = EmbeddingConfig(100, 10)
    embed = config.init(device)
    assert_eq_(str(embed), "Embedding {n_embedding: 100, d_model: 10, params: 1000}" )
