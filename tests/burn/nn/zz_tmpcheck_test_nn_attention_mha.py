"""Burn's `crates/burn-nn/src/modules/attention/mha.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_enable_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    d_model = 32
    n_heads = 4
    device = device
    base_cfg = MultiHeadAttentionConfig(d_model, n_heads)
    mha = base_cfg.init(device)
    assert_((mha.query.bias is not None))
    assert_((mha.key.bias is not None))
    assert_((mha.value.bias is not None))
    assert_((mha.output.bias is not None))
    mha = base_cfg.with_query_bias(False).init(device)
    assert_((mha.query.bias is None))
    assert_((mha.key.bias is not None))
    assert_((mha.value.bias is not None))
    assert_((mha.output.bias is not None))
    mha = base_cfg.with_key_bias(False).init(device)
    assert_((mha.query.bias is not None))
    assert_((mha.key.bias is None))
    assert_((mha.value.bias is not None))
    assert_((mha.output.bias is not None))
    mha = base_cfg.with_value_bias(False).init(device)
    assert_((mha.query.bias is not None))
    assert_((mha.key.bias is not None))
    assert_((mha.value.bias is None))
    assert_((mha.output.bias is not None))
    mha = base_cfg.with_output_bias(False).init(device)
    assert_((mha.query.bias is not None))
    assert_((mha.key.bias is not None))
    assert_((mha.value.bias is not None))
    assert_((mha.output.bias is None))


def test_self_attention_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_length, d_model, n_heads, = [7, 13, 32, 4]
    device = device
    mha = MultiHeadAttentionConfig(d_model, n_heads).init(device)
    input = MhaInput.self_attn(TestTensor.random([batch_size, seq_length, d_model], Distribution.Default, device))
    output = mha.forward(input)
    assert_eq_(output.context.shape(), Shape([batch_size, seq_length, d_model]))
    assert_eq_(output.weights.shape(), Shape([batch_size, n_heads, seq_length, seq_length]))


def test_generic_mha_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_length_1, seq_length_2, d_model, n_heads, = [7, 13, 15, 32, 4]
    mha = MultiHeadAttentionConfig(d_model, n_heads).init(device)
    device = device
    input = MhaInput(TestTensor.random([batch_size, seq_length_1, d_model], Distribution.Default, device), TestTensor.random([batch_size, seq_length_2, d_model], Distribution.Default, device), TestTensor.random([batch_size, seq_length_2, d_model], Distribution.Default, device))
    output = mha.forward(input)
    assert_eq_(output.context.shape(), Shape([batch_size, seq_length_1, d_model]))
    assert_eq_(output.weights.shape(), Shape([batch_size, n_heads, seq_length_1, seq_length_2]))


def test_self_attention_mask_pad(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_length, d_model, n_heads, num_padded, = [3, 6, 32, 2, 2]
    device = device
    mha = MultiHeadAttentionConfig(d_model, n_heads).init(device)
    mask_pad = expect_rank(TestTensorInt.zeros([batch_size, seq_length], device), 2, 'TestTensorInt.zeros([batch_size, seq_length], device)')
    mask_pad = mask_pad.slice_assign([bslice(0, batch_size, 1, False),bslice(seq_length - num_padded, seq_length, 1, False)], TestTensor.ones([batch_size, num_padded], device))
    mask_pad = mask_pad.equal_scalar(1).to_device(device)
    tensor_1 = TestTensor.random([batch_size, seq_length, d_model], Distribution.Default, device)
    tensor_2 = tensor_1.slice_assign([bslice(0, batch_size, 1, False),bslice(seq_length - num_padded, seq_length, 1, False),bslice(0, d_model, 1, False)], TestTensor.random([batch_size, num_padded, d_model], Distribution.Default, device))
    input_1 = MhaInput.self_attn(tensor_1).mask_pad(mask_pad)
    input_2 = MhaInput.self_attn(tensor_2).mask_pad(mask_pad)
    output_1 = mha.forward(input_1)
    output_2 = mha.forward(input_2)
    output_1.context.slice([bslice(0, batch_size, 1, False),bslice(0, seq_length - num_padded, 1, False),bslice(0, d_model, 1, False)]).into_data().assert_approx_eq(output_2.context.slice([bslice(0, batch_size, 1, False),bslice(0, seq_length - num_padded, 1, False),bslice(0, d_model, 1, False)]).into_data(), Tolerance.default())


def test_autoregressive_mask_should_have_same_output_as_autoregressive_decoding(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_length, d_model, n_heads, = [3, 4, 12, 2]
    device = device
    mha = MultiHeadAttentionConfig(d_model, n_heads).init(device)
    tensor = TestTensor.random([batch_size, seq_length, d_model], Distribution.Default, device)
    mask_attn = generate_autoregressive_mask(batch_size, seq_length, tensor.device())
    input = MhaInput.self_attn(tensor).mask_attn(mask_attn)
    output_1 = mha.forward(input)
    output_2 = []
    cache = MhaCache.autoregressive()
    for i in range(1, seq_length + 1):
        tensor = tensor.slice([bslice(0, batch_size, 1, False),bslice(0, i, 1, False),bslice(0, d_model, 1, False)])
        input = MhaInput.self_attn(tensor)
        next_tok = mha.forward_cache(input, cache).context.slice([bslice(0, batch_size, 1, False),bslice(i - 1, i, 1, False),bslice(0, d_model, 1, False)])
        output_2.append(next_tok)
    output_2 = TestTensor.cat(output_2, 1)
    output_1.context.into_data().assert_approx_eq(output_2.into_data(), Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = MultiHeadAttentionConfig(2, 4)
    mha = config.init(device)
    assert_eq_(str(mha), "MultiHeadAttention {d_model: 2, n_heads: 4, d_k: 0, dropout: 0.1, min_float: -10000, quiet_softmax: false, params: 24}" )
