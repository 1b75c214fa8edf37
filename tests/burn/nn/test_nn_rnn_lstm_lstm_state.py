"""Burn's `crates/burn-nn/src/modules/rnn/lstm/lstm_state.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def _fn_random_state(shape, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return LstmState(TestTensor.random(shape, Distribution.Default, device), TestTensor.random(shape, Distribution.Default, device))


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


def test_unpack(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    state = _fn_random_state([2, 3, 4], device)
    expected_cell = state.cell.to_data()
    expected_hidden = state.hidden.to_data()
    cell, hidden = state.unpack()
    cell.to_data().assert_eq(expected_cell, True)
    hidden.to_data().assert_eq(expected_hidden, True)


def test_map_state(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    state = _fn_random_state([2, 3], device)
    expected_cell = state.cell.reshape([3, 2]).to_data()
    expected_hidden = state.hidden.reshape([3, 2]).to_data()
    mapped = state.map_state(lambda t: t.reshape([3, 2]))
    assert_eq_(mapped.shape(), Shape([3, 2]))
    mapped.cell.to_data().assert_eq(expected_cell, True)
    mapped.hidden.to_data().assert_eq(expected_hidden, True)


def test_map_state_changes_rank(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    state = _fn_random_state([2, 3], device)
    mapped = state.map_state(lambda t: t.reshape([1, 2, 3]))
    assert_eq_(mapped.shape(), Shape([1, 2, 3]))


def test_slice(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    state = _fn_random_state([4, 3], device)
    expected_cell = state.cell.slice([bslice(1, 3, 1, False), bslice(None, None, 1, False)]).to_data()
    expected_hidden = state.hidden.slice([bslice(1, 3, 1, False), bslice(None, None, 1, False)]).to_data()
    sliced = state.slice([bslice(1, 3, 1, False), bslice(None, None, 1, False)])
    assert_eq_(sliced.shape(), Shape([2, 3]))
    sliced.cell.to_data().assert_eq(expected_cell, True)
    sliced.hidden.to_data().assert_eq(expected_hidden, True)


def test_squeeze_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    state = _fn_random_state([2, 1, 3], device)
    expected_cell = state.cell.squeeze_dim(1).to_data()
    expected_hidden = state.hidden.squeeze_dim(1).to_data()
    squeezed = state.squeeze_dim(-2)
    assert_eq_(squeezed.shape(), Shape([2, 3]))
    squeezed.cell.to_data().assert_eq(expected_cell, True)
    squeezed.hidden.to_data().assert_eq(expected_hidden, True)


def test_unsqueeze_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    state = _fn_random_state([2, 3], device)
    expected_cell = state.cell.unsqueeze_dim(1).to_data()
    expected_hidden = state.hidden.unsqueeze_dim(1).to_data()
    unsqueezed = state.unsqueeze_dim(-2)
    assert_eq_(unsqueezed.shape(), Shape([2, 1, 3]))
    unsqueezed.cell.to_data().assert_eq(expected_cell, True)
    unsqueezed.hidden.to_data().assert_eq(expected_hidden, True)
    expected_cell = state.cell.unsqueeze_dim(2).to_data()
    expected_hidden = state.hidden.unsqueeze_dim(2).to_data()
    unsqueezed = state.unsqueeze_dim(-1)
    assert_eq_(unsqueezed.shape(), Shape([2, 3, 1, 1]))
    unsqueezed.cell.to_data().assert_eq(expected_cell, True)
    unsqueezed.hidden.to_data().assert_eq(expected_hidden, True)


def test_squeeze_unsqueeze_roundtrip(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    state = _fn_random_state([2, 3], device)
    expected_cell = state.cell.to_data()
    roundtrip = state.unsqueeze_dim(1).squeeze_dim(1)
    assert_eq_(roundtrip.shape(), Shape([2, 3]))
    roundtrip.cell.to_data().assert_eq(expected_cell, True)


def test_stack_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    a = _fn_random_state([2, 3], device)
    b = _fn_random_state([2, 3], device)
    expected_cell = TestTensor.stack([a.cell, b.cell], 1).to_data()
    expected_hidden = TestTensor.stack([a.hidden, b.hidden], 1).to_data()
    stacked = LstmState.stack([a, b], -2)
    assert_eq_(stacked.shape(), Shape([2, 2, 3]))
    stacked.cell.to_data().assert_eq(expected_cell, True)
    stacked.hidden.to_data().assert_eq(expected_hidden, True)
    expected_cell = TestTensor.stack([a.cell, b.cell], 2).to_data()
    expected_hidden = TestTensor.stack([a.hidden, b.hidden], 2).to_data()
    stacked = LstmState.stack([a, b], -1)
    assert_eq_(stacked.shape(), Shape([2, 3, 2, 1]))
    stacked.cell.to_data().assert_eq(expected_cell, True)
    stacked.hidden.to_data().assert_eq(expected_hidden, True)


def test_chunk_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    a = _fn_random_state([2, 3], device)
    b = _fn_random_state([2, 3], device)
    c = _fn_random_state([2, 3], device)
    stacked = LstmState.stack([a, b, c], 0)
    assert_eq_(stacked.shape(), Shape([3, 2, 3]))
    chunks = stacked.chunk(3, -3)
    assert_eq_(len(chunks), 3)
    for chunk in chunks:
        assert_eq_(chunk.shape(), Shape([1, 2, 3]))


def test_stack_chunk_roundtrip(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    a = _fn_random_state([2, 3], device)
    b = _fn_random_state([2, 3], device)
    a_cell_data = a.cell.to_data()
    a_hidden_data = a.hidden.to_data()
    stacked = LstmState.stack([a, b], 0)
    chunks = stacked.chunk(2, 0)
    first = chunks.pop(0).squeeze_dim(0)
    first.cell.to_data().assert_eq(a_cell_data, True)
    first.hidden.to_data().assert_eq(a_hidden_data, True)


def test_unwrap_or_initial_some(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    state = _fn_random_state([2, 3], device)
    expected_cell = state.cell.to_data()
    expected_hidden = state.hidden.to_data()
    unwrapped = (state).unwrap_or_initial([9, 9], device)
    assert_eq_(unwrapped.shape(), Shape([2, 3]))
    unwrapped.cell.to_data().assert_eq(expected_cell, True)
    unwrapped.hidden.to_data().assert_eq(expected_hidden, True)


def test_unwrap_or_initial_none(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 3]
    device = device
    unwrapped = None.unwrap_or_initial(shape, device)
    assert_eq_(unwrapped.shape(), Shape(shape))
    zeros = td_zeros(shape)
    unwrapped.cell.to_data().assert_eq(zeros, True)
    unwrapped.hidden.to_data().assert_eq(zeros, True)
