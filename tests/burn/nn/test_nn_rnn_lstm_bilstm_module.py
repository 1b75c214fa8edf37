"""Burn's `crates/burn-nn/src/modules/rnn/lstm/bilstm_module.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_display_bilstm(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = BiLstmConfig(2, 3, True)
    layer = config.init(device)
    assert_eq_(str(layer), "BiLstm {d_input: 2, d_hidden: 3, bias: true, params: 168}" )
