"""Burn's `crates/burn-nn/src/modules/rnn/basic.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_batched_forward_pass_batch_of_one(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rnn = RnnConfig(64, 1024, True).init(device)
    batched_input = TestTensor.random([1, 2, 64], Distribution.Default, device)
    output, state = rnn.forward(batched_input, None)
    assert_eq_(output.dims(), [1, 2, 1024])
    assert_eq_(state.hidden.dims(), [1, 1024])


def test_batched_backward_pass(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    rnn = RnnConfig(64, 32, True).init(device)
    shape = [8, 10, 64]
    batched_input = TestTensor.random(shape, Distribution.Default, device)
    output, _ = rnn.forward(batched_input, None)
    fake_loss = output
    grads = fake_loss.backward()
    some_gradient = rnn.gate.hidden_transform.weight.grad(grads)
    assert_ne_(some_gradient.any().into_data().iter().next() , 0.0 )
