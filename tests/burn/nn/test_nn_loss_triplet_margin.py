"""Burn's `crates/burn-nn/src/loss/triplet_margin.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_triplet_margin_loss(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    anchor = TestTensor.from_data(TensorData([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]]), device)
    positive = TestTensor.from_data(TensorData([[1.0, 1.0], [1.0, 2.0], [0.0, 0.0]]), device)
    negative = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 0.0], [5.0, 0.0]]), device)
    loss = TripletMarginLossConfig().init()
    no_reduction = loss.forward_no_reduction(anchor, positive, negative)
    mean = loss.forward(anchor, positive, negative, Reduction.Mean)
    sum = loss.forward(anchor, positive, negative, Reduction.Sum)
    expected = TensorData([1.414214, 0.585786, 0.0])
    no_reduction.into_data().assert_approx_eq(expected, Tolerance.default())
    mean.into_data().assert_approx_eq(TensorData([0.666_667]), Tolerance.default())
    sum.into_data().assert_approx_eq(TensorData([2.0]), Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = TripletMarginLossConfig().with_margin(0.5)
    loss = config.init()
    assert_eq_(str(loss), "TripletMarginLoss {margin: 0.5, p: 2}" )
