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
    assert_ne_(some_gradient.any().into_data().to_vec().next() , 0.0 )


def test_display_rnn(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = RnnConfig(2, 3, True)
    layer = config.init(device)
    assert_eq_(str(layer), "Rnn {d_input: 2, d_hidden: 3, bias: true, params: 21}" )


def test_display_birnn(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = BiRnnConfig(2, 3, True)
    layer = config.init(device)
    assert_eq_(str(layer), "BiRnn {d_input: 2, d_hidden: 3, bias: true, params: 42}" )


def test_rnn_clipping(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    clip_value = 0.3
    config = RnnConfig(4, 8, True).with_clip((clip_value))
    rnn = config.init(device)
    input = TestTensor.random([2, 5, 4], Distribution.Default, device)
    _, state = rnn.forward(input, None)
    hidden_state = state.hidden.to_data().to_vec()
    for val in hidden_state:
        assert_(val >= -clip_value  and  val <= clip_value)
