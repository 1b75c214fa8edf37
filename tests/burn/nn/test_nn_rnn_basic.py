"""Burn's `crates/burn-nn/src/modules/rnn/basic.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def _fn_create_single_feature_gate_controller(weights, biases, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    record_1 = Linear(weight=Param.from_data(TensorData([[weights]]), device), bias=(Param.from_data(TensorData([biases]), device)))
    record_2 = Linear(weight=Param.from_data(TensorData([[weights]]), device), bias=(Param.from_data(TensorData([biases]), device)))
    return GateController.create_with_weights(record_1, record_2)


def test_forward_single_input_single_feature(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = RnnConfig(1, 1, False)
    device = device
    rnn = config.init(device)
    rnn.gate = _fn_create_single_feature_gate_controller(0.5, 0.0, device)
    input = TestTensor.from_data(TensorData([[[0.1]]]), device)
    output, state = rnn.forward(input, None)
    tolerance = Tolerance.default()
    expected = TensorData([[0.04995]])
    state.hidden.to_data().assert_approx_eq(expected, tolerance)
    output.select(0, TestTensor.arange(bslice(0, 1, 1, False), device)).squeeze_dim(0).to_data().assert_approx_eq(state.hidden.to_data(), tolerance)


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
    assert_ne_(rany(some_gradient).into_data().as_numpy().astype('float32').reshape(-1)[0] , 0.0 )


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


def test_forward_reverse_sequence(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = RnnConfig(1, 1, False).with_reverse(True)
    rnn = config.init(device)
    rnn.gate = _fn_create_single_feature_gate_controller(0.5, 0.0, device)
    input = TestTensor.from_data(TensorData([[[0.1], [0.2], [0.3]]]), device)
    output, state = rnn.forward(input, None)
    expected_final_hidden = TensorData([[0.135508]])
    tolerance = Tolerance.default()
    state.hidden.to_data().assert_approx_eq(expected_final_hidden, tolerance)
    assert_eq_(output.dims(), [1, 3, 1])
