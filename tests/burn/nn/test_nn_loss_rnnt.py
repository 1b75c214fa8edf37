"""Burn's `crates/burn-nn/src/loss/rnnt.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
NUM_LABELS = 2


def _fn_make_logits(bs, t, u, v, dev):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    data = []
    for bi in range(0, bs):
        for ti in range(0, t):
            for ui in range(0, u):
                for vi in range(0, v):
                    idx = bi * 11 + ti * 7 + ui * 13 + vi * 3
                    data.append(rmath('sin', idx * 0.1))
    return TestTensor.from_data(TensorData(data, [bs, t, u, v]), dev)


def _fn_tol():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return Tolerance.absolute(1e-3)


def _fn_assert_grad(grad, b, t, u, max_t, up1, v, expected):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    TensorData(_fn_grad_at(grad, b, t, u, max_t, up1, v)).assert_approx_eq(TensorData(expected), _fn_tol())


def _fn_grad_at(grad, b, t, u, max_t, up1, v):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    base = ((b * max_t + t) * up1 + u) * v
    return grad[bslice(base, base + v, 1, False)]


def _fn_check_vocab_grad_sums(grad, bs, t, up1, v):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    for bi in range(0, bs):
        for ti in range(0, t):
            for ui in range(0, up1):
                base = ((bi * t + ti) * up1 + ui) * v
                sum = rmap((bslice(0, v, 1, False)), lambda vi: grad[base + vi]).sum()
                TensorData([sum]).assert_approx_eq(TensorData([0.0]), _fn_tol())


def test_config_defaults(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    cfg = RNNTLossConfig()
    assert_eq_(cfg.blank, 0)
    assert_(cfg.logits)


def test_panics_on_invalid_blank(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_blank', 'init', 'forward']):
        dev = device
        rnnt = RNNTLossConfig().with_blank(5).init()
        rnnt.forward(TestTensor.zeros([1, 2, 2, 3], dev), TestTensorInt.from_data([[1]], dev), TestTensorInt.from_data([2], dev), TestTensorInt.from_data([1], dev))


def test_panics_on_batch_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        dev = device
        rnnt = RNNTLossConfig().init()
        rnnt.forward(TestTensor.zeros([2, 3, 2, 3], dev), TestTensorInt.from_data([[1]], dev), TestTensorInt.from_data([3, 3], dev), TestTensorInt.from_data([1, 1], dev))


def test_panics_on_logit_lengths_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        dev = device
        rnnt = RNNTLossConfig().init()
        rnnt.forward(TestTensor.zeros([2, 3, 2, 3], dev), TestTensorInt.from_data([[1], [2]], dev), TestTensorInt.from_data([3], dev), TestTensorInt.from_data([1, 1], dev))


def test_panics_on_target_lengths_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        dev = device
        rnnt = RNNTLossConfig().init()
        rnnt.forward(TestTensor.zeros([2, 3, 2, 3], dev), TestTensorInt.from_data([[1], [2]], dev), TestTensorInt.from_data([3, 3], dev), TestTensorInt.from_data([1], dev))


def test_single_token_uniform_probs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    dev = device
    rnnt = RNNTLossConfig().with_logits(False).init()
    time_steps = 2
    target_len = 1
    v = NUM_LABELS
    log_uniform = rmath('ln', 1.0 / v)
    loss = rnnt.forward(TestTensor.full([1, time_steps, target_len + 1, NUM_LABELS], log_uniform, dev), TestTensorInt.from_data([[1]], dev), TestTensorInt.from_data([time_steps], dev), TestTensorInt.from_data([target_len], dev))
    num_paths = time_steps
    emissions_per_path = (time_steps + target_len)
    total_prob = num_paths * rpowf(v, -emissions_per_path)
    expected_loss = -rmath('ln', total_prob)
    loss.into_data().assert_approx_eq(TensorData([expected_loss]), Tolerance.absolute(1e-4))


def test_empty_target(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    dev = device
    rnnt = RNNTLossConfig().with_logits(False).init()
    time_steps = 3
    target_len = 0
    v = NUM_LABELS
    log_uniform = rmath('ln', 1.0 / v)
    loss = rnnt.forward(TestTensor.full([1, time_steps, 2, NUM_LABELS], log_uniform, dev), TestTensorInt.from_data([[1]], dev), TestTensorInt.from_data([time_steps], dev), TestTensorInt.from_data([target_len], dev))
    expected_loss = -rmath('ln', rpowf(v, -((time_steps + target_len))))
    loss.into_data().assert_approx_eq(TensorData([expected_loss]), Tolerance.absolute(1e-4))


def test_basic_b1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    dev = device
    rnnt = RNNTLossConfig().init()
    logits = _fn_make_logits(1, 4, 3, 3, dev).require_grad()
    loss = rnnt.forward(logits, TestTensorInt.from_data([[1, 2]], dev), TestTensorInt.from_data([4], dev), TestTensorInt.from_data([2], dev))
    loss.into_data().assert_approx_eq(TensorData([4.4491]), _fn_tol())
    grads = loss.sum().backward()
    grad = logits.grad(grads).to_data().to_vec() 
    _fn_assert_grad(grad, 0, 0, 0, 4, 3, 3, [-0.2041, -0.2246, 0.4287])
    _fn_assert_grad(grad, 0, 2, 0, 4, 3, 3, [0.0079, -0.0640, 0.0561])
    _fn_assert_grad(grad, 0, 3, 2, 4, 3, 3, [-0.6899, 0.3231, 0.3667])
    _fn_check_vocab_grad_sums(grad, 1, 4, 3, 3)


def test_batched_b2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    dev = device
    rnnt = RNNTLossConfig().init()
    logits = _fn_make_logits(2, 5, 4, 4, dev).require_grad()
    loss = rnnt.forward(logits, TestTensorInt.from_data(TensorData([1, 2, 3, 2, 1, 3], [2, 3]), dev), TestTensorInt.from_data([5, 5], dev), TestTensorInt.from_data([3, 3], dev))
    loss.into_data().assert_approx_eq(TensorData([7.9356, 7.2033]), _fn_tol())
    grads = loss.sum().backward()
    grad = logits.grad(grads).to_data().to_vec() 
    _fn_assert_grad(grad, 0, 0, 0, 5, 4, 4, [-0.3161, -0.3113, 0.2796, 0.3479])
    _fn_assert_grad(grad, 1, 0, 0, 5, 4, 4, [-0.2766, 0.2602, -0.2248, 0.2411])
    _fn_assert_grad(grad, 0, 4, 3, 5, 4, 4, [-0.8216, 0.2296, 0.2786, 0.3133])
    _fn_assert_grad(grad, 1, 4, 3, 5, 4, 4, [-0.7185, 0.2735, 0.2437, 0.2012])
    _fn_check_vocab_grad_sums(grad, 2, 5, 4, 4)


def test_variable_lengths_b3(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    dev = device
    rnnt = RNNTLossConfig().init()
    logits = _fn_make_logits(3, 6, 4, 5, dev).require_grad()
    loss = rnnt.forward(logits, TestTensorInt.from_data(TensorData([1, 2, 3, 4, 1, 0, 2, 0, 0], [3, 3]), dev), TestTensorInt.from_data([6, 4, 5], dev), TestTensorInt.from_data([3, 2, 1], dev))
    loss.into_data().assert_approx_eq(TensorData([10.7458, 8.0196, 8.3316]), _fn_tol())
    grads = loss.sum().backward()
    grad = logits.grad(grads).into_data().to_vec() 
    stride = 4 * 5
    zeros = [0.0] * (5)
    _fn_assert_grad(grad, 0, 0, 0, 6, 4, 5, [-0.4232, -0.3114, 0.1992, 0.2478, 0.2876])
    _fn_assert_grad(grad, 0, 5, 3, 6, 4, 5, [-0.8016, 0.2170, 0.2172, 0.1991, 0.1683])
    _fn_assert_grad(grad, 1, 0, 0, 6, 4, 5, [-0.2502, 0.2160, 0.2173, 0.2002, -0.3833])
    sample1_t4_start = 1 * 6 * stride + 4 * stride
    for i in range(0, (2 * stride)):
        assert_(abs(grad[sample1_t4_start + i]) < 1e-3)
    for ti in range(0, 4):
        _fn_assert_grad(grad, 1, ti, 3, 6, 4, 5, zeros)
    sample2_t5_start = 2 * 6 * stride + 5 * stride
    for i in range(0, stride):
        assert_(abs(grad[sample2_t5_start + i]) < 1e-3)
    _fn_check_vocab_grad_sums(grad, 3, 6, 4, 5)


def test_sum_reduction(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    dev = device
    rnnt = RNNTLossConfig().init()
    logits = _fn_make_logits(2, 5, 4, 4, dev).require_grad()
    tgt = TestTensorInt.from_data(TensorData([1, 2, 3, 2, 1, 3], [2, 3]), dev)
    il = TestTensorInt.from_data([5, 5], dev)
    tl = TestTensorInt.from_data([3, 3], dev)
    loss = rnnt.forward_with_reduction(logits, tgt, il, tl, Reduction.Sum)
    loss.into_data().assert_approx_eq(TensorData([15.1389]), _fn_tol())
    grads = loss.backward()
    g = logits.grad(grads).to_data().to_vec() 
    TensorData(g[bslice(None, 4, 1, False)]).assert_approx_eq(TensorData([-0.3161, -0.3113, 0.2796, 0.3479]), _fn_tol())


def test_mean_reduction(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    dev = device
    rnnt = RNNTLossConfig().init()
    logits = _fn_make_logits(2, 5, 4, 4, dev).require_grad()
    tgt = TestTensorInt.from_data(TensorData([1, 2, 3, 2, 1, 3], [2, 3]), dev)
    il = TestTensorInt.from_data([5, 5], dev)
    tl = TestTensorInt.from_data([3, 3], dev)
    loss = rnnt.forward_with_reduction(logits, tgt, il, tl, Reduction.Mean)
    loss.into_data().assert_approx_eq(TensorData([7.5694]), _fn_tol())
    grads = loss.backward()
    g = logits.grad(grads).to_data().to_vec() 
    TensorData(g[bslice(None, 4, 1, False)]).assert_approx_eq(TensorData([-0.1581, -0.1557, 0.1398, 0.1739]), _fn_tol())
