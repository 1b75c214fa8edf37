"""Burn's `crates/burn-nn/src/loss/binary_cross_entropy.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_binary_cross_entropy_preds_all_correct(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    preds = TestTensor.from_floats([1.0, 0.0, 1.0, 0.0], device)
    targets = TestTensorInt.from_data(TensorData([1, 0, 1, 0]), device)
    loss_actual = BinaryCrossEntropyLossConfig().init(device).forward(preds, targets).into_data()
    loss_expected = TensorData([0.000])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.default())


def test_binary_cross_entropy_preds_all_incorrect(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    preds = TestTensor.from_floats([0.0, 1.0, 0.0, 1.0], device)
    targets = TestTensorInt.from_data(TensorData([1, 0, 1, 0]), device)
    loss_actual = BinaryCrossEntropyLossConfig().init(device).forward(preds, targets).into_data()
    loss_expected = TensorData([100.000])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.default())


def test_binary_cross_entropy(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_floats([0.8271, 0.9626, 0.3796, 0.2355], device)
    targets = TestTensorInt.from_data(TensorData([0, 1, 0, 1]), device)
    loss_actual = BinaryCrossEntropyLossConfig().init(device).forward(activation.sigmoid(logits), targets).into_data()
    loss_expected = TensorData([0.7491])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.relative(1e-4))


def test_binary_cross_entropy_with_logits(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_floats([0.8271, 0.9626, 0.3796, 0.2355], device)
    targets = TestTensorInt.from_data(TensorData([0, 1, 0, 1]), device)
    loss_actual = BinaryCrossEntropyLossConfig().with_logits(True).init(device).forward(logits, targets).into_data()
    loss_expected = TensorData([0.7491])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.relative(1e-4))


def test_binary_cross_entropy_with_weights(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_floats([0.8271, 0.9626, 0.3796, 0.2355], device)
    targets = TestTensorInt.from_data(TensorData([0, 1, 0, 1]), device)
    weights = [3.0, 7.0]
    loss_actual = BinaryCrossEntropyLossConfig().with_weights((weights.to_vec())).init(device).forward(activation.sigmoid(logits), targets).into_data()
    loss_expected = TensorData([3.1531])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.relative(1e-4))


def test_binary_cross_entropy_with_smoothing(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_floats([0.8271, 0.9626, 0.3796, 0.2355], device)
    targets = TestTensorInt.from_data(TensorData([0, 1, 0, 1]), device)
    loss_actual = BinaryCrossEntropyLossConfig().with_smoothing((0.1)).init(device).forward(activation.sigmoid(logits), targets).into_data()
    loss_expected = TensorData([0.7490])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.relative(1e-4))


def test_binary_cross_entropy_multilabel(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_floats([[0.5150, 0.3097, 0.7556], [0.4974, 0.9879, 0.1564]], device)
    targets = TestTensorInt.from_data(TensorData([[1, 0, 1], [1, 0, 0]]), device)
    loss_actual = BinaryCrossEntropyLossConfig().with_logits(True).init(device).forward(logits, targets).into_data()
    loss_expected = TensorData([0.7112])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.relative(1e-4))


def test_binary_cross_entropy_multilabel_with_weights(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_floats([[0.5150, 0.3097, 0.7556], [0.4974, 0.9879, 0.1564]], device)
    targets = TestTensorInt.from_data(TensorData([[1, 0, 1], [1, 0, 0]]), device)
    weights = [3.0, 7.0, 0.9]
    loss_actual = BinaryCrossEntropyLossConfig().with_logits(True).with_weights((weights.to_vec())).init(device).forward(logits, targets).into_data()
    loss_expected = TensorData([3.1708])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.default())


def test_binary_cross_entropy_multilabel_with_smoothing(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    logits = TestTensor.from_floats([[0.5150, 0.3097, 0.7556], [0.4974, 0.9879, 0.1564]], device)
    targets = TestTensorInt.from_data(TensorData([[1, 0, 1], [1, 0, 0]]), device)
    loss_actual = BinaryCrossEntropyLossConfig().with_smoothing((0.1)).init(device).forward(activation.sigmoid(logits), targets).into_data()
    loss_expected = TensorData([0.7228])
    loss_actual.assert_approx_eq(loss_expected, Tolerance.default())


def test_multilabel_weights_should_match_target(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['from_floats', 'with_logits', 'with_weights', 'init', 'forward']):
        device = device
        logits = TestTensor.from_floats([[0.5150, 0.3097, 0.7556], [0.4974, 0.9879, 0.1564]], device)
        targets = TestTensorInt.from_data(TensorData([[1, 0, 1], [1, 0, 0]]), device)
        weights = [3.0, 7.0]
        _loss = BinaryCrossEntropyLossConfig().with_logits(True).with_weights((weights.to_vec())).init(device).forward(logits, targets)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = BinaryCrossEntropyLossConfig().with_weights(([3.0, 7.0, 0.9]))
    loss = config.init(device)
    assert_eq_(str(loss), "BinaryCrossEntropyLoss {weights: Tensor {rank: 1, shape: [3]}, smoothing: None, logits: false}" )
