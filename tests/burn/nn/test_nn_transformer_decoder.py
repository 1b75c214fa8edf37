"""Burn's `crates/burn-nn/src/modules/transformer/decoder.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = TransformerDecoderConfig(2, 4, 2, 3)
    transformer = config.init(device)
    assert_eq_(str(transformer), "TransformerDecoder {d_model: 2, d_ff: 4, n_heads: 2, n_layers: 3, dropout: 0.1, norm_first: false, quiet_softmax: false, params: 246}" )
