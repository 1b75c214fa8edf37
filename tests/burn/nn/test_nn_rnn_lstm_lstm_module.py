"""Burn's `crates/burn-nn/src/modules/rnn/lstm/lstm_module.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_display_lstm(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = LstmConfig(2, 3, True)
    layer = config.init(device)
    assert_eq_(str(layer), "Lstm {d_input: 2, d_hidden: 3, bias: true, params: 84}" )


def test_batched_forward_pass(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lstm = LstmConfig(64, 1024, True).init(device)
    batched_input = TestTensor.random([8, 10, 64], Distribution.Default, device)
    output, state = lstm.forward(batched_input, None)
    assert_eq_(output.dims(), [8, 10, 1024])
    assert_eq_(state.cell.dims(), [8, 1024])
    assert_eq_(state.hidden.dims(), [8, 1024])


def test_batched_forward_pass_batch_of_one(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lstm = LstmConfig(64, 1024, True).init(device)
    batched_input = TestTensor.random([1, 2, 64], Distribution.Default, device)
    output, state = lstm.forward(batched_input, None)
    assert_eq_(output.dims(), [1, 2, 1024])
    assert_eq_(state.cell.dims(), [1, 1024])
    assert_eq_(state.hidden.dims(), [1, 1024])


def test_batched_backward_pass(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    lstm = LstmConfig(64, 32, True).init(device)
    shape = [8, 10, 64]
    batched_input = TestTensor.random(shape, Distribution.Default, device)
    output, _ = lstm.forward(batched_input, None)
    fake_loss = output
    grads = fake_loss.backward()
    some_gradient = lstm.output_gate.hidden_transform.weight.grad(grads) 
    assert_ne_(rany(some_gradient).into_data().as_numpy().astype('float32').reshape(-1)[0] , 0.0 )
