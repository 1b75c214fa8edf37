"""Burn's `crates/burn-nn/src/modules/rnn/lstm/lstm_state.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_new(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 3, 4]
    device = device
    cell = TestTensor.random(shape, Distribution.Default, device)
    hidden = TestTensor.random(shape, Distribution.Default, device)
    state = LstmState(cell, hidden)
    assert_eq_(state.shape(), Shape(shape))
    assert_eq_(state.device(), device)
    state.cell.to_data().assert_eq(cell.to_data(), True)
    state.hidden.to_data().assert_eq(hidden.to_data(), True)


def test_new_shape_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear([]):
        device = device
        cell = TestTensor.zeros([2, 3], device)
        hidden = TestTensor.zeros([2, 4], device)
        _ = LstmState(cell, hidden)


def test_initial(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 3]
    device = device
    state = LstmState.initial(shape, device)
    assert_eq_(state.shape(), Shape(shape))
    assert_eq_(state.device(), device)
    zeros = td_zeros(shape)
    state.cell.to_data().assert_eq(zeros, True)
    state.hidden.to_data().assert_eq(zeros, True)


def test_unwrap_or_initial_none(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 3]
    device = device
    unwrapped = None.unwrap_or_initial(shape, device)
    assert_eq_(unwrapped.shape(), Shape(shape))
    zeros = td_zeros(shape)
    unwrapped.cell.to_data().assert_eq(zeros, True)
    unwrapped.hidden.to_data().assert_eq(zeros, True)
