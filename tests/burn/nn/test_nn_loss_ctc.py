"""Burn's `crates/burn-nn/src/loss/ctc.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_ctc_loss_panics_invalid_blank_index(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_blank', 'init', 'forward']):
        device = device
        ctc = CTCLossConfig().with_blank(5).init()
        log_probs = TestTensor.zeros([2, 1, 3], device)
        targets = TestTensorInt.from_data([[1]], device)
        input_lengths = TestTensorInt.from_data([2], device)
        target_lengths = TestTensorInt.from_data([1], device)
        ctc.forward(log_probs, targets, input_lengths, target_lengths)


def test_ctc_loss_panics_mismatched_batch_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        device = device
        ctc = CTCLossConfig().init()
        log_probs = TestTensor.zeros([2, 2, 3], device)
        targets = TestTensorInt.from_data([[1]], device)
        input_lengths = TestTensorInt.from_data([2, 2], device)
        target_lengths = TestTensorInt.from_data([1, 1], device)
        ctc.forward(log_probs, targets, input_lengths, target_lengths)


def test_ctc_loss_panics_input_lengths_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        device = device
        ctc = CTCLossConfig().init()
        log_probs = TestTensor.zeros([2, 2, 3], device)
        targets = TestTensorInt.from_data([[1], [2]], device)
        input_lengths = TestTensorInt.from_data([2], device)
        target_lengths = TestTensorInt.from_data([1, 1], device)
        ctc.forward(log_probs, targets, input_lengths, target_lengths)


def test_ctc_loss_panics_target_lengths_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        device = device
        ctc = CTCLossConfig().init()
        log_probs = TestTensor.zeros([2, 2, 3], device)
        targets = TestTensorInt.from_data([[1], [2]], device)
        input_lengths = TestTensorInt.from_data([2, 2], device)
        target_lengths = TestTensorInt.from_data([1], device)
        ctc.forward(log_probs, targets, input_lengths, target_lengths)


def test_ctc_loss_repeated_labels_minimum_input_length(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    ctc = CTCLossConfig().init()
    log_probs = TestTensor.full([3, 1, 2], 0.5.ln(), device)
    targets = TestTensorInt.from_data([[1, 1]], device)
    input_lengths = TestTensorInt.from_data([3], device)
    target_lengths = TestTensorInt.from_data([2], device)
    loss = ctc.forward(log_probs, targets, input_lengths, target_lengths)
    loss.into_data().assert_approx_eq(TensorData([3.0 * 2.0.ln()]), Tolerance.rel_abs(1e-3, 1e-3))


def test_ctc_loss_custom_blank_uniform(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    ctc = CTCLossConfig().with_blank(2).init()
    log_probs = TestTensor.full([3, 1, 3], (1.0 / 3.0).ln(), device)
    targets = TestTensorInt.from_data([[0, 1]], device)
    input_lengths = TestTensorInt.from_data([3], device)
    target_lengths = TestTensorInt.from_data([2], device)
    loss = ctc.forward(log_probs, targets, input_lengths, target_lengths)
    loss.into_data().assert_approx_eq(TensorData([-(5.0 / 27.0).ln()]), Tolerance.default())


def test_ctc_loss_zero_infinity_masks_inf_when_enabled(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    ctc = CTCLossConfig().with_zero_infinity(True).init()
    log_probs = TestTensor.full([2, 1, 3], (1.0 / 3.0).ln(), device)
    targets = TestTensorInt.from_data([[1, 1]], device)
    input_lengths = TestTensorInt.from_data([2], device)
    target_lengths = TestTensorInt.from_data([2], device)
    loss = ctc.forward(log_probs, targets, input_lengths, target_lengths)
    loss.into_data().assert_approx_eq(TensorData([0.0]), Tolerance.default())


def test_ctc_loss_zero_infinity_does_not_affect_finite_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    ctc = CTCLossConfig().with_zero_infinity(True).init()
    log_probs = TestTensor.full([2, 1, 2], 0.5.ln(), device)
    targets = TestTensorInt.from_data([[1]], device)
    input_lengths = TestTensorInt.from_data([2], device)
    target_lengths = TestTensorInt.from_data([1], device)
    loss = ctc.forward(log_probs, targets, input_lengths, target_lengths)
    loss.into_data().assert_approx_eq(TensorData([-(0.75).ln()]), Tolerance.default())
