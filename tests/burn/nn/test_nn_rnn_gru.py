"""Burn's `crates/burn-nn/src/modules/rnn/gru.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_batched_forward_pass(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    gru = GruConfig(64, 1024, True).init(device)
    batched_input = TestTensor.random([8, 10, 64], Distribution.Default, device)
    hidden_state = gru.forward(batched_input, None)
    assert_eq_(hidden_state.shape(), [8, 10, 1024])


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = GruConfig(2, 8, True)
    layer = config.init(device)
    assert_eq_(str(layer), "Gru {d_input: 2, d_hidden: 8, bias: true, reset_after: true, params: 288}" )


def test_bigru_batched_forward_pass(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    bigru = BiGruConfig(64, 1024, True).init(device)
    batched_input = TestTensor.random([8, 10, 64], Distribution.Default, device)
    output, state = bigru.forward(batched_input, None)
    assert_eq_(output.shape(), [8, 10, 2048])
    assert_eq_(state.shape(), [2, 8, 1024])


def test_bigru_with_initial_state(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    bigru = BiGruConfig(32, 64, True).init(device)
    batched_input = TestTensor.random([4, 5, 32], Distribution.Default, device)
    initial_state = TestTensor.random([2, 4, 64], Distribution.Default, device)
    output, state = bigru.forward(batched_input, (initial_state))
    assert_eq_(output.shape(), [4, 5, 128])
    assert_eq_(state.shape(), [2, 4, 64])


def test_bigru_seq_first(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    bigru = BiGruConfig(32, 64, True).with_batch_first(False).init(device)
    batched_input = TestTensor.random([5, 4, 32], Distribution.Default, device)
    output, state = bigru.forward(batched_input, None)
    assert_eq_(output.shape(), [5, 4, 128])
    assert_eq_(state.shape(), [2, 4, 64])


def test_bigru_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = BiGruConfig(2, 8, True)
    layer = config.init(device)
    assert_eq_(str(layer), "BiGru {d_input: 2, d_hidden: 8, bias: true, params: 576}" )


def test_gru_custom_activations(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = GruConfig(4, 8, True).with_gate_activation(ActivationConfig.Relu()).with_hidden_activation(ActivationConfig.Relu())
    gru = config.init(device)
    input = TestTensor.random([2, 3, 4], Distribution.Default, device)
    output = gru.forward(input, None)
    assert_eq_(output.shape(), [2, 3, 8])


def test_bigru_custom_activations(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = BiGruConfig(4, 8, True).with_gate_activation(ActivationConfig.Relu()).with_hidden_activation(ActivationConfig.Relu())
    bigru = config.init(device)
    input = TestTensor.random([2, 3, 4], Distribution.Default, device)
    output, state = bigru.forward(input, None)
    assert_eq_(output.shape(), [2, 3, 16])
    assert_eq_(state.shape(), [2, 2, 8])


def test_gru_clipping(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    clip_value = 0.5
    config = GruConfig(4, 8, True).with_clip((clip_value))
    gru = config.init(device)
    input = TestTensor.random([2, 5, 4], Distribution.Default, device)
    output = gru.forward(input, None)
    output_data = output.to_data().to_vec()
    for val in output_data:
        assert_(val >= -clip_value  and  val <= clip_value)


def test_bigru_clipping(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    clip_value = 0.3
    config = BiGruConfig(4, 8, True).with_clip((clip_value))
    bigru = config.init(device)
    input = TestTensor.random([2, 5, 4], Distribution.Default, device)
    output, state = bigru.forward(input, None)
    output_data = output.to_data().to_vec()
    for val in output_data:
        assert_(val >= -clip_value  and  val <= clip_value)
    state_data = state.to_data().to_vec()
    for val in state_data:
        assert_(val >= -clip_value  and  val <= clip_value)
