"""Burn's `crates/burn-nn/src/modules/fold.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = Fold4dConfig([4, 4], [2, 2])
    fold = config.init()
    assert_eq_(str(fold), "Fold4d {output_size: [4, 4], kernel_size: [2, 2], stride: [1, 1], dilation: [1, 1], padding: [0, 0]}" )


def test_fold4d_known_values(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    cols = TestTensor.from_data(TensorData([[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]), device)
    output = Fold4dConfig([3, 3], [2, 2]).init().forward(cols)
    expected = TensorData([[[[1.0, 7.0, 6.0], [12.0, 34.0, 22.0], [11.0, 27.0, 16.0]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_fold_of_unfold_matches_reference(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x = TestTensor.from_data(TensorData([[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]]), device)
    cols = module.unfold4d(x, [2, 2], UnfoldOptions([1, 1], [0, 0], [1, 1]))
    folded = Fold4dConfig([4, 4], [2, 2]).init().forward(cols)
    expected = TensorData([[[[1.0, 4.0, 6.0, 4.0], [10.0, 24.0, 28.0, 16.0], [18.0, 40.0, 44.0, 24.0], [13.0, 28.0, 30.0, 16.0]]]])
    folded.to_data().assert_approx_eq(expected, Tolerance.default())
