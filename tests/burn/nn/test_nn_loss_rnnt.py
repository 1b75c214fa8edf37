"""Burn's `crates/burn-nn/src/loss/rnnt.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
NUM_LABELS = 2


def test_config_defaults(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    cfg = RNNTLossConfig()
    assert_eq_(cfg.blank, 0)
    assert_(cfg.logits)


def test_panics_on_invalid_blank(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_blank', 'init', 'forward']):
        dev = device
        rnnt = RNNTLossConfig().with_blank(5).init()
        rnnt.forward(TestTensor.zeros([1, 2, 2, 3], dev), TestTensorInt.from_data([[1]], dev), TestTensorInt.from_data([2], dev), TestTensorInt.from_data([1], dev))


def test_panics_on_batch_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        dev = device
        rnnt = RNNTLossConfig().init()
        rnnt.forward(TestTensor.zeros([2, 3, 2, 3], dev), TestTensorInt.from_data([[1]], dev), TestTensorInt.from_data([3, 3], dev), TestTensorInt.from_data([1, 1], dev))


def test_panics_on_logit_lengths_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        dev = device
        rnnt = RNNTLossConfig().init()
        rnnt.forward(TestTensor.zeros([2, 3, 2, 3], dev), TestTensorInt.from_data([[1], [2]], dev), TestTensorInt.from_data([3], dev), TestTensorInt.from_data([1, 1], dev))


def test_panics_on_target_lengths_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        dev = device
        rnnt = RNNTLossConfig().init()
        rnnt.forward(TestTensor.zeros([2, 3, 2, 3], dev), TestTensorInt.from_data([[1], [2]], dev), TestTensorInt.from_data([3, 3], dev), TestTensorInt.from_data([1], dev))


def test_single_token_uniform_probs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    dev = device
    rnnt = RNNTLossConfig().with_logits(False).init()
    time_steps = 2
    target_len = 1
    v = NUM_LABELS
    log_uniform = (1.0 / v).ln()
    loss = rnnt.forward(TestTensor.full([1, time_steps, target_len + 1, NUM_LABELS], log_uniform, dev), TestTensorInt.from_data([[1]], dev), TestTensorInt.from_data([time_steps], dev), TestTensorInt.from_data([target_len], dev))
    num_paths = time_steps
    emissions_per_path = (time_steps + target_len)
    total_prob = num_paths * v.powf(-emissions_per_path)
    expected_loss = -total_prob.ln()
    loss.into_data().assert_approx_eq(TensorData([expected_loss]), Tolerance.absolute(1e-4))


def test_empty_target(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    dev = device
    rnnt = RNNTLossConfig().with_logits(False).init()
    time_steps = 3
    target_len = 0
    v = NUM_LABELS
    log_uniform = (1.0 / v).ln()
    loss = rnnt.forward(TestTensor.full([1, time_steps, 2, NUM_LABELS], log_uniform, dev), TestTensorInt.from_data([[1]], dev), TestTensorInt.from_data([time_steps], dev), TestTensorInt.from_data([target_len], dev))
    expected_loss = -v.powf(-((time_steps + target_len))).ln()
    loss.into_data().assert_approx_eq(TensorData([expected_loss]), Tolerance.absolute(1e-4))
