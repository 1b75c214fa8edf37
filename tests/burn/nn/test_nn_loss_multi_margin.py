"""Burn's `crates/burn-nn/src/loss/multi_margin.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_multi_margin_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(TensorData([[0.1, 0.2, 0.7], [0.9, 0.05, 0.05]]), device)
    target = TestTensorInt.from_data(TensorData([2, 0]), device)
    loss = MultiMarginLossConfig().init()
    no_reduction = loss.forward_no_reduction(input, target)
    mean = loss.forward(input, target, Reduction.Mean)
    sum = loss.forward(input, target, Reduction.Sum)
    expected = TensorData([0.3, 0.1])
    no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    mean.into_data().assert_approx_eq(TensorData([0.2]), Tolerance.default())
    sum.into_data().assert_approx_eq(TensorData([0.4]), Tolerance.default())


def test_multi_margin_loss_p2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = TestTensor.from_data(TensorData([[0.1, 0.2, 0.7], [0.9, 0.05, 0.05]]), device)
    target = TestTensorInt.from_data(TensorData([2, 0]), device)
    loss = MultiMarginLossConfig().with_p(2).init()
    no_reduction = loss.forward_no_reduction(input, target)
    expected = TensorData([0.136_667, 0.015])
    no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = MultiMarginLossConfig().with_margin(0.5)
    loss = config.init()
    assert_eq_(str(loss), "MultiMarginLoss {margin: 0.5, p: 1}" )
