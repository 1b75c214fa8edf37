"""Burn's `crates/burn-nn/src/modules/attention/cross_attention.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_cross_attention_mha_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_len_query, seq_len_context, d_model, d_context, n_heads, d_head, = [7, 13, 15, 32, 40, 4, 8]
    device = device
    config = CrossAttentionConfig(d_model=d_model, d_context=d_context, n_heads=n_heads, n_heads_kv=n_heads, d_head=d_head, dropout=0.1, min_float=-1.0e4, quiet_softmax=False)
    cross_attn = config.init(device)
    query = TestTensor.random([batch_size, seq_len_query, d_model], Distribution.Default, device)
    context = TestTensor.random([batch_size, seq_len_context, d_context], Distribution.Default, device)
    output = cross_attn.forward(query, context, None)
    assert_eq_(output.shape(), Shape([batch_size, seq_len_query, d_model]))


def test_cross_attention_gqa_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_len_query, seq_len_context, d_model, d_context, n_heads, n_heads_kv, d_head, = [7, 13, 15, 32, 40, 4, 2, 8]
    device = device
    config = CrossAttentionConfig(d_model=d_model, d_context=d_context, n_heads=n_heads, n_heads_kv=n_heads_kv, d_head=d_head, dropout=0.1, min_float=-1.0e4, quiet_softmax=False)
    cross_attn = config.init(device)
    query = TestTensor.random([batch_size, seq_len_query, d_model], Distribution.Default, device)
    context = TestTensor.random([batch_size, seq_len_context, d_context], Distribution.Default, device)
    output = cross_attn.forward(query, context, None)
    assert_eq_(output.shape(), Shape([batch_size, seq_len_query, d_model]))


def test_cross_attention_mqa_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_len_query, seq_len_context, d_model, d_context, n_heads, d_head, = [7, 13, 15, 32, 40, 4, 8]
    device = device
    config = CrossAttentionConfig(d_model=d_model, d_context=d_context, n_heads=n_heads, n_heads_kv=1, d_head=d_head, dropout=0.1, min_float=-1.0e4, quiet_softmax=False)
    cross_attn = config.init(device)
    query = TestTensor.random([batch_size, seq_len_query, d_model], Distribution.Default, device)
    context = TestTensor.random([batch_size, seq_len_context, d_context], Distribution.Default, device)
    output = cross_attn.forward(query, context, None)
    assert_eq_(output.shape(), Shape([batch_size, seq_len_query, d_model]))


def test_cross_attention_mask(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_len_query, seq_len_context, d_model, d_context, n_heads, d_head, = [3, 6, 8, 12, 16, 4, 3]
    num_padded = 2
    device = device
    config = CrossAttentionConfig(d_model=d_model, d_context=d_context, n_heads=n_heads, n_heads_kv=n_heads, d_head=d_head, dropout=0.0, min_float=-1.0e4, quiet_softmax=False)
    cross_attn = config.init(device)
    mask = expect_rank(TestTensorInt.zeros([batch_size, seq_len_context], device), 2, 'TestTensorInt.zeros([batch_size, seq_len_context], device)')
    mask = mask.slice_assign([bslice(0, batch_size, 1, False),bslice(seq_len_context - num_padded, seq_len_context, 1, False)], TestTensor.ones([batch_size, num_padded], device))
    mask_bool = mask.equal_scalar(1)
    query = TestTensor.random([batch_size, seq_len_query, d_model], Distribution.Default, device)
    context_1 = TestTensor.random([batch_size, seq_len_context, d_context], Distribution.Default, device)
    context_2 = context_1.slice_assign([bslice(0, batch_size, 1, False),bslice(seq_len_context - num_padded, seq_len_context, 1, False),bslice(0, d_context, 1, False)], TestTensor.random([batch_size, num_padded, d_context], Distribution.Default, device))
    output_1 = cross_attn.forward(query, context_1, (mask_bool))
    output_2 = cross_attn.forward(query, context_2, (mask_bool))
    output_1.into_data().assert_approx_eq(output_2.into_data(), Tolerance.default())


def test_gqa_panic_if_n_heads_not_divisible_by_n_heads_kv(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init']):
        device = device
        config = CrossAttentionConfig(d_model=32, d_context=32, n_heads=5, n_heads_kv=2, d_head=8, dropout=0.1, min_float=-1.0e4, quiet_softmax=False)
        config.init(device)


def test_cross_attention_cache(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_size, seq_len_query, seq_len_context, d_model, d_context, n_heads, d_head, = [3, 6, 8, 12, 16, 4, 3]
    device = device
    config = CrossAttentionConfig(d_model=d_model, d_context=d_context, n_heads=n_heads, n_heads_kv=n_heads, d_head=d_head, dropout=0.0, min_float=-1.0e4, quiet_softmax=False)
    cross_attn = config.init(device)
    query1 = TestTensor.random([batch_size, seq_len_query, d_model], Distribution.Default, device)
    context = TestTensor.random([batch_size, seq_len_context, d_context], Distribution.Default, device)
    output1 = cross_attn.forward(query1, context, None)
    cache = CrossAttentionCache()
    output2 = cross_attn.forward_cache(query1, context, None, cache)
    output1.into_data().assert_approx_eq(output2.into_data(), Tolerance.default())
    query2 = TestTensor.random([batch_size, seq_len_query, d_model], Distribution.Default, device)
    output3 = cross_attn.forward_cache(query2, context, None, cache)
    output4 = cross_attn.forward(query2, context, None)
    output3.into_data().assert_approx_eq(output4.into_data(), Tolerance.default())
