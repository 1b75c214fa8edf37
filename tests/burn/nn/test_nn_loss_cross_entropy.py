"""Burn's `crates/burn-nn/src/loss/cross_entropy.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_logits_flag_affects_output(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    probs = TestTensor.from_data(TensorData([[0.1, 0.2, 0.7, 0.0, 0.0], [0.7, 0.1, 0.1, 0.1, 0.0], [0.2, 0.2, 0.2, 0.2, 0.2], [0.0, 0.3, 0.3, 0.2, 0.2]]), device)
    targets = TestTensorInt.from_data(TensorData([2, 0, 4, 1]), device)
    loss_logits = CrossEntropyLossConfig().init(device).forward(probs, targets)
    loss_probs = CrossEntropyLossConfig().with_logits(False).init(device).forward(probs, targets)
    loss_logits = loss_logits.into_data()
    loss_probs = loss_probs.into_data()
    loss_logits.assert_approx_eq(TensorData([1.354197]), Tolerance.default())
    loss_probs.assert_approx_eq(TensorData([0.88169014]), Tolerance.default())
    assert_ne_(loss_logits.to_vec(), loss_probs.to_vec())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = CrossEntropyLossConfig().with_weights(([3.0, 7.0, 0.9])).with_smoothing((0.5))
    loss = config.init(device)
    assert_eq_(str(loss), "CrossEntropyLoss {pad_tokens: None, weights: Tensor {rank: 1, shape: [3]}, smoothing: 0.5, logits: true}" )
