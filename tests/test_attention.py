"""`MultiHeadAttention` against ``torch.nn.MultiheadAttention`` on copied weights, on every
backend row: context and per-head weights (with and without padding / attention masks, self- and
cross-attention), and on the Autodiff rows every gradient (inputs and all parameters), in float64
(tight) and float32. Then Burn's semantics where torch differs (``min_float`` masking, quiet
softmax), finite differences, the autoregressive cache against the full causal forward, Burn's
mask helpers, records, torch interop (the packed in-projection) and errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed: no torch.nn comparison")

from pyburn import Bool, Int, Tensor  # noqa: E402
from pyburn.nn import from_torch, load_torch_state_dict, to_torch_state_dict  # noqa: E402
from pyburn.nn.attention import (MhaCache, MhaInput, MhaOutput, MultiHeadAttention,  # noqa: E402
                                 MultiHeadAttentionConfig, SeqLengthOption,
                                 generate_autoregressive_mask, generate_padding_mask)
from pyburn.record import (DoublePrecisionSettings, FullPrecisionSettings,  # noqa: E402
                           HalfPrecisionSettings, NamedMpkFileRecorder, RecordError,
                           SafetensorsFileRecorder)
from pyburn.tensor import RankError, ShapeError  # noqa: E402

from gradcheck import gradcheck  # noqa: E402
from torch_compare import force_composite  # noqa: E402

D, HEADS = 8, 2


def torch_mha(seed: int = 0, bias: bool = True) -> Any:
    torch.manual_seed(seed)
    return torch.nn.MultiheadAttention(D, HEADS, dropout=0.0, bias=bias,
                                       batch_first=True).double()


def build(case: Any, t: Any) -> MultiHeadAttention:
    m = MultiHeadAttentionConfig(D, HEADS, dropout=0.0).init(case.device)
    return load_torch_state_dict(m, t.state_dict())


def masks(batch: int, seq_q: int, seq_k: int, kind: str) -> tuple[Any, Any]:
    """(padding [batch, seq_k], attention [batch, seq_q, seq_k]) boolean masks, None when not
    used; no row is masked entirely (torch gives NaN there, Burn does not: tested apart)."""
    pad = attn = None
    if kind in ("pad", "both"):
        pad = np.zeros((batch, seq_k), bool)
        pad[0, -2:] = True
    if kind in ("attn", "both"):
        attn = np.triu(np.ones((seq_q, seq_k), bool), 1)[None].repeat(batch, 0)
        if seq_k > seq_q:  # cross-attention: a random mask that keeps key 0 visible
            attn = np.random.default_rng(3).random((batch, seq_q, seq_k)) < 0.4
            attn[..., 0] = False
    return pad, attn


def run_torch(t: Any, q: np.ndarray, k: np.ndarray, v: np.ndarray, pad: Any,
              attn: Any) -> dict[str, Any]:
    qt, kt, vt = (torch.tensor(a, requires_grad=True) for a in (q, k, v))
    am = None if attn is None else torch.tensor(attn).repeat_interleave(HEADS, 0)
    out, w = t(qt, kt, vt, key_padding_mask=None if pad is None else torch.tensor(pad),
               attn_mask=am, need_weights=True, average_attn_weights=False)
    return {"inputs": (qt, kt, vt), "context": out, "weights": w}


def mha_input(case: Any, q: np.ndarray, k: np.ndarray, v: np.ndarray, pad: Any, attn: Any,
              grad: bool, same: bool) -> tuple[MhaInput, list[Any]]:
    def t(a: np.ndarray) -> Any:
        x = Tensor[case.B].from_data(a, case.device)
        return x.require_grad() if grad else x
    if same:
        x = t(q)
        inp, tensors = MhaInput.self_attn(x), [x]
    else:
        tensors = [t(q), t(k), t(v)]
        inp = MhaInput(*tensors)
    if pad is not None:
        inp = inp.mask_pad(Tensor[case.B, Bool].from_data(pad, case.device))
    if attn is not None:
        inp = inp.mask_attn(Tensor[case.B, Bool].from_data(attn, case.device))
    return inp, tensors


SHAPES = [(2, 5, 5, True), (1, 3, 3, True), (2, 3, 6, False)]  # batch, seq_q, seq_k, self-attn
MASKS = ["none", "pad", "attn", "both"]


def data(batch: int, seq_q: int, seq_k: int, same: bool) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(batch * 100 + seq_q * 10 + seq_k)
    q = rng.normal(size=(batch, seq_q, D))
    if same:
        return q, q, q
    return q, rng.normal(size=(batch, seq_k, D)), rng.normal(size=(batch, seq_k, D))


def torch_case(shape: Any, mask: str) -> tuple[tuple[Any, ...], Any, dict[str, Any]]:
    """The arrays ``(q, k, v, pad, attn)`` of `shape` and `mask`, a torch layer, and its run."""
    batch, seq_q, seq_k, _ = shape
    arrays = (*data(*shape), *masks(batch, seq_q, seq_k, mask))
    t = torch_mha()
    return arrays, t, run_torch(t, *arrays)


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("mask", MASKS)
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_forward_matches_torch(backend: Any, shape: Any, mask: str, dtype: str) -> None:
    case = backend.with_float(dtype)
    batch, seq_q, seq_k, same = shape
    arrays, t, ref = torch_case(shape, mask)
    inp, _ = mha_input(case, *arrays, False, same)
    out = build(case, t).forward(inp)
    assert isinstance(out, MhaOutput)
    assert list(out.context.dims()) == [batch, seq_q, D]
    assert list(out.weights.dims()) == [batch, HEADS, seq_q, seq_k]
    tol = dict(rtol=1e-10, atol=1e-12) if dtype == "float64" else dict(rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out.context.to_numpy(), ref["context"].detach().numpy(), **tol)
    np.testing.assert_allclose(out.weights.to_numpy(), ref["weights"].detach().numpy(), **tol)


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("mask", ["none", "both"])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_gradients_match_torch(ad_backend: Any, shape: Any, mask: str, dtype: str) -> None:
    case = ad_backend.with_float(dtype)
    same = shape[3]
    arrays, t, ref = torch_case(shape, mask)
    rng = np.random.default_rng(7)
    rc, rw = rng.normal(size=ref["context"].shape), rng.normal(size=ref["weights"].shape)
    ((ref["context"] * torch.tensor(rc)).sum() + (ref["weights"] * torch.tensor(rw)).sum()).backward()

    m = build(case, t)
    inp, tensors = mha_input(case, *arrays, True, same)
    out = m.forward(inp)
    loss = (out.context * Tensor[case.B].from_data(rc, case.device)).sum() + \
        (out.weights * Tensor[case.B].from_data(rw, case.device)).sum()
    grads = loss.backward()
    tol = dict(rtol=1e-9, atol=1e-10) if dtype == "float64" else dict(rtol=2e-3, atol=2e-4)
    torch_inputs = ref["inputs"]
    if same:  # self-attention: the one input gets the sum of torch's three gradients
        expected = [sum(x.grad.numpy() for x in torch_inputs)]
    else:
        expected = [x.grad.numpy() for x in torch_inputs]
    for ours, want in zip(tensors, expected):
        np.testing.assert_allclose(ours.grad(grads).to_numpy(), want, **tol)
    ours_g = to_torch_state_dict(m, grads=grads)
    for name, p in t.named_parameters():
        np.testing.assert_allclose(ours_g[name], p.grad.numpy(), err_msg=name, **tol)


@pytest.mark.parametrize("mask", ["none", "both"])
def test_finite_differences(ad_backend: Any, mask: str) -> None:
    """Every input gradient (query, key, value) against central differences in float64."""
    case = ad_backend.f64
    m = MultiHeadAttentionConfig(4, 2, dropout=0.0).init(case.device).no_grad()
    pad, attn = masks(2, 3, 3, mask)
    pad_t = None if pad is None else Tensor[case.B, Bool].from_data(pad, case.device)
    attn_t = None if attn is None else Tensor[case.B, Bool].from_data(attn, case.device)

    def fn(q: Any, k: Any, v: Any) -> Any:
        inp = MhaInput(q, k, v)
        inp = inp if pad_t is None else inp.mask_pad(pad_t)
        inp = inp if attn_t is None else inp.mask_attn(attn_t)
        out = m.forward(inp)
        both = [out.context.reshape([2, 12]), out.weights.reshape([2, 18])]
        return type(out.context).cat(both, 1)

    rng = np.random.default_rng(0)
    gradcheck(case, fn, *(rng.normal(size=(2, 3, 4)) for _ in range(3)))


def test_masking_is_burns_not_torchs(backend: Any) -> None:
    """A row whose keys are all padding: Burn's ``min_float`` fill gives uniform weights (torch
    gives NaN), and with quiet softmax the weights are 0 (the head attends to nothing)."""
    case = backend.f64
    x = Tensor[case.B].from_data(np.random.default_rng(1).normal(size=(2, 3, D)), case.device)
    pad = Tensor[case.B, Bool].from_data([[True] * 3, [False, False, True]], case.device)
    for quiet, want in ((False, 1.0 / 3.0), (True, 0.0)):
        m = MultiHeadAttentionConfig(D, HEADS, dropout=0.0, quiet_softmax=quiet).init(case.device)
        w = m.forward(MhaInput.self_attn(x).mask_pad(pad)).weights.to_numpy()
        np.testing.assert_allclose(w[0], want, atol=1e-12)
        assert np.all(w[1, :, :, 2] < 1e-12) and not np.isnan(w).any()


def test_quiet_softmax_matches_formula(backend: Any) -> None:
    """Weights ``exp(s) / (1 + sum exp(s))`` with ``s = q k^T / sqrt(d_k)`` (NumPy reference)."""
    case = backend.f64
    m = MultiHeadAttentionConfig(D, HEADS, dropout=0.0, quiet_softmax=True).init(case.device)
    xn = np.random.default_rng(2).normal(size=(2, 4, D))
    w = m.forward(MhaInput.self_attn(Tensor[case.B].from_data(xn, case.device))).weights
    sd = to_torch_state_dict(m)
    qkv = xn @ sd["in_proj_weight"].T + sd["in_proj_bias"]
    q, k, _ = (a.reshape(2, 4, HEADS, D // HEADS).transpose(0, 2, 1, 3) for a in np.split(qkv, 3, -1))
    s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(D // HEADS)
    want = np.exp(s) / (1.0 + np.exp(s).sum(-1, keepdims=True))
    np.testing.assert_allclose(w.to_numpy(), want, rtol=1e-10)
    assert np.all(w.to_numpy().sum(-1) < 1.0)


def test_cache_equals_causal_forward(backend: Any) -> None:
    """Decoding one token per call with `MhaCache.autoregressive` gives, at every step, the
    full causal forward's context and weights for the sequence so far."""
    case = backend.f64
    m = MultiHeadAttentionConfig(D, HEADS, dropout=0.0).init(case.device)
    batch, seq = 2, 5
    x = Tensor[case.B].from_data(np.random.default_rng(4).normal(size=(batch, seq, D)),
                                 case.device)
    full = m.forward(MhaInput.self_attn(x).mask_attn(
        generate_autoregressive_mask(batch, seq, case.device)))
    cache = MhaCache.autoregressive()
    for t in range(1, seq + 1):
        xt = x.narrow(1, 0, t)
        out = m.forward_cache(MhaInput.self_attn(xt).mask_attn(
            generate_autoregressive_mask(batch, t, case.device)), cache)
        np.testing.assert_allclose(out.context.to_numpy(), full.context.to_numpy()[:, :t],
                                   rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(out.weights.to_numpy(),
                                   full.weights.to_numpy()[:, :, :t, :t], rtol=1e-10, atol=1e-12)


def test_cross_attention_cache(backend: Any) -> None:
    """`MhaCache.autoregressive_cross_attention`: the encoder output is projected once; each
    step equals the full forward over the queries so far."""
    case = backend.f64
    m = MultiHeadAttentionConfig(D, HEADS, dropout=0.0).init(case.device)
    rng = np.random.default_rng(5)
    q = Tensor[case.B].from_data(rng.normal(size=(2, 4, D)), case.device)
    memory = Tensor[case.B].from_data(rng.normal(size=(2, 6, D)), case.device)
    full = m.forward(MhaInput(q, memory, memory)).context.to_numpy()
    cache = MhaCache.autoregressive_cross_attention()
    for t in range(1, 5):
        out = m.forward_cache(MhaInput(q.narrow(1, 0, t), memory, memory), cache)
        np.testing.assert_allclose(out.context.to_numpy(), full[:, :t], rtol=1e-10, atol=1e-12)
    assert cache.key.value is not None and list(cache.key.value.dims()) == [2, HEADS, 6, D // HEADS]


def test_dropout_only_while_training(ad_backend: Any) -> None:
    """Dropout (Burn: on the scores, before the softmax) changes the weights under Autodiff and
    is gone after ``valid()``."""
    case = ad_backend
    m = MultiHeadAttentionConfig(D, HEADS, dropout=0.5).init(case.device)
    xn = np.random.default_rng(6).normal(size=(2, 4, D))
    x = Tensor[case.B].from_data(xn, case.device)
    case.B.seed(0)
    train = m.forward(MhaInput.self_attn(x)).weights.to_numpy()
    v = m.valid()
    xi = Tensor[case.inner].from_data(xn, case.device.on(case.inner))
    a = v.forward(MhaInput.self_attn(xi)).weights.to_numpy()
    b = v.forward(MhaInput.self_attn(xi)).weights.to_numpy()
    np.testing.assert_array_equal(a, b)
    assert not np.allclose(train, a)
    np.testing.assert_allclose(train.sum(-1), 1.0, rtol=1e-5)  # softmax after dropout


def test_burn_masks(backend: Any) -> None:
    """Burn's own test values for the mask helpers."""
    d = backend.device
    np.testing.assert_array_equal(
        generate_autoregressive_mask(2, 3, d).to_data().to_numpy(),
        np.array([[[False, True, True], [False, False, True], [False, False, False]]] * 2))
    tokens = [[3, 3, 3], [3, 3, 3], [3, 3, 3, 4], [3, 3, 3, 4, 10, 15]]
    got = generate_padding_mask(0, tokens, None, d)
    assert got.tensor.kind is Int and got.mask.kind is Bool
    np.testing.assert_array_equal(got.mask.to_data().to_numpy(), np.array(
        [[False] * 3 + [True] * 3, [False] * 3 + [True] * 3, [False] * 4 + [True] * 2,
         [False] * 6]))
    np.testing.assert_array_equal(got.tensor.to_data().to_numpy()[2], [3, 3, 3, 4, 0, 0])
    assert list(generate_padding_mask(0, tokens, 4, d).tensor.dims()) == [4, 4]
    assert list(generate_padding_mask(0, tokens, SeqLengthOption.Max(10), d).mask.dims()) == [4, 6]
    fixed = generate_padding_mask(9, [[1, 2]], SeqLengthOption.Fixed(4), d)
    np.testing.assert_array_equal(fixed.tensor.to_data().to_numpy(), [[1, 2, 9, 9]])
    np.testing.assert_array_equal(fixed.mask.to_data().to_numpy(), [[False, False, True, True]])


def test_config_defaults_and_display(backend: Any) -> None:
    cfg = MultiHeadAttentionConfig(32, 4)
    assert (cfg.dropout, cfg.min_float, cfg.quiet_softmax) == (0.1, -1.0e4, False)
    assert (cfg.query_bias, cfg.key_bias, cfg.value_bias, cfg.output_bias) == (True,) * 4
    m = cfg.init(backend.device)
    assert m.d_k == 8 and m.num_params() == 4 * (32 * 32 + 32)
    assert str(m) == ("MultiHeadAttention {d_model: 32, n_heads: 4, d_k: 8, dropout: 0.1, "
                      "min_float: -10000, quiet_softmax: false, params: 4224}")
    m = cfg.with_key_bias(False).init(backend.device)
    assert m.key.bias is None and m.query.bias is not None
    assert [p for p, _ in m.named_params()][:3] == ["query.weight", "query.bias", "key.weight"]
    # Burn's initializer: U(-1/sqrt(d), 1/sqrt(d)) for weight and bias
    w = cfg.init(backend.device).value.weight.to_data().to_numpy()
    assert np.abs(w).max() <= 1 / np.sqrt(32) and np.abs(w).max() > 0.5 / np.sqrt(32)


@pytest.mark.parametrize("precision", [FullPrecisionSettings, HalfPrecisionSettings,
                                       DoublePrecisionSettings], ids=lambda p: p.__name__)
@pytest.mark.parametrize("recorder", [NamedMpkFileRecorder, SafetensorsFileRecorder],
                         ids=lambda r: r.__name__)
def test_record_round_trip(backend: Any, tmp_path: Any, recorder: Any, precision: Any) -> None:
    m = MultiHeadAttentionConfig(D, HEADS, dropout=0.0).init(backend.device)
    path = m.save_file(str(tmp_path / "mha"), recorder(precision))
    fresh = MultiHeadAttentionConfig(D, HEADS, dropout=0.0).init(backend.device)
    loaded = fresh.load_file(str(path), recorder(precision), backend.device)
    x = backend.tensor(np.random.default_rng(8).normal(size=(1, 3, D)))
    tol = 1e-2 if precision is HalfPrecisionSettings else 1e-6
    np.testing.assert_allclose(loaded.forward(MhaInput.self_attn(x)).context.to_numpy(),
                               m.forward(MhaInput.self_attn(x)).context.to_numpy(),
                               rtol=tol, atol=tol)


def test_torch_interop_layout(backend: Any) -> None:
    """torch's packed ``in_proj_weight`` rows are (query, key, value), each the transpose of the
    `Linear` weight; export is the exact inverse; ``from_torch`` builds the config."""
    t = torch_mha(seed=3)
    m = from_torch(t, backend.f64.device)
    sd = {k: v.numpy() for k, v in t.state_dict().items()}
    np.testing.assert_array_equal(m.key.weight.to_data().to_numpy(), sd["in_proj_weight"][D:2 * D].T)
    np.testing.assert_array_equal(m.value.bias.to_data().to_numpy(), sd["in_proj_bias"][2 * D:])
    np.testing.assert_array_equal(m.output.weight.to_data().to_numpy(), sd["out_proj.weight"].T)
    out = to_torch_state_dict(m)
    assert set(out) == set(sd)
    for k in sd:
        np.testing.assert_array_equal(out[k], sd[k])
    no_bias = from_torch(torch_mha(bias=False), backend.device)
    assert all(getattr(no_bias, p).bias is None for p in ("query", "key", "value", "output"))
    assert set(to_torch_state_dict(no_bias)) == {"in_proj_weight", "out_proj.weight"}
    separate = torch.nn.MultiheadAttention(D, HEADS, kdim=D, vdim=D, batch_first=True)
    sep_sd = {k: v for k, v in separate.state_dict().items()}
    if "q_proj_weight" in sep_sd:
        got = load_torch_state_dict(MultiHeadAttentionConfig(D, HEADS).init(backend.device), sep_sd)
        np.testing.assert_allclose(got.query.weight.to_data().to_numpy(),
                                   sep_sd["q_proj_weight"].numpy().T)


def test_torch_interop_errors(backend: Any) -> None:
    m = MultiHeadAttentionConfig(D, HEADS).init(backend.device)
    sd = torch_mha().state_dict()
    with pytest.raises(RecordError, match="bias=False"):
        load_torch_state_dict(m, {k: v for k, v in sd.items() if "bias" not in k})
    with pytest.raises(ShapeError, match="in_proj_weight.*48, 16"):
        load_torch_state_dict(MultiHeadAttentionConfig(16, 2).init(backend.device), sd)
    with pytest.raises(RecordError, match="add_bias_kv"):
        load_torch_state_dict(m, {**sd, "bias_k": np.zeros((1, 1, D)), "bias_v": np.zeros((1, 1, D))})
    with pytest.raises(ValueError, match="all four projections"):
        to_torch_state_dict(MultiHeadAttentionConfig(D, HEADS, key_bias=False).init(backend.device))


def test_errors(backend: Any) -> None:
    d = backend.device
    bad = MultiHeadAttentionConfig(10, 4).init(d)  # builds, as Burn's (d_k = 2)
    assert "d_model: 10, n_heads: 4, d_k: 2," in str(bad)
    with pytest.raises(ValueError, match="d_model \\(10\\) must be a multiple of n_heads \\(4\\)"):
        bad.forward(MhaInput.self_attn(backend.tensor(np.zeros((2, 3, 10)))))
    m = MultiHeadAttentionConfig(D, HEADS).init(d)
    x = backend.tensor(np.zeros((2, 3, D)))
    with pytest.raises(RankError, match="MultiHeadAttention.forward: query .*got shape \\[3, 8\\]"):
        m.forward(MhaInput.self_attn(backend.tensor(np.zeros((3, D)))))
    with pytest.raises(ShapeError, match="d_model=8\\], got shape \\[2, 3, 5\\]"):
        m.forward(MhaInput.self_attn(backend.tensor(np.zeros((2, 3, 5)))))
    with pytest.raises(ShapeError, match="mask_pad must have shape \\[2, 3\\], got \\[2, 4\\]"):
        m.forward(MhaInput.self_attn(x).mask_pad(Tensor[backend.B, Bool].from_data(
            np.zeros((2, 4), bool), d)))
    with pytest.raises(ShapeError, match="mask_attn must have shape \\[2, 3, 3\\]"):
        m.forward(MhaInput.self_attn(x).mask_attn(generate_autoregressive_mask(1, 3, d)))
    with pytest.raises(TypeError, match="mask_pad must be a Bool tensor"):
        m.forward(MhaInput.self_attn(x).mask_pad(backend.tensor(np.zeros((2, 3)))))
    with pytest.raises(TypeError, match="expected an MhaInput"):
        m.forward(x)  # type: ignore[arg-type]
    with pytest.raises(ShapeError, match="key and value"):
        m.forward(MhaInput(x, x, backend.tensor(np.zeros((2, 4, D)))))


def test_output_unpacks_like_torch(backend: Any) -> None:
    m = MultiHeadAttentionConfig(D, HEADS).init(backend.device)
    context, weights = m(MhaInput.self_attn(backend.tensor(np.zeros((1, 2, D)))))
    assert list(context.dims()) == [1, 2, D] and list(weights.dims()) == [1, HEADS, 2, 2]



# --- the fused attention_weights op (backend extension) ----------------------------------------------


def burn_weights(q: Any, k: Any, drop: Any, mask_pad: Any, mask_attn: Any, quiet: bool) -> Any:
    """Burn's sequence of tensor ops (what the op fuses), on any backend's tensors."""
    from pyburn.tensor.activation import quiet_softmax, softmax
    scores = q.matmul(k.swap_dims(2, 3)) / np.sqrt(q.dims()[3])
    scores = scores * drop if drop is not None else scores
    for mask in (mask_pad, mask_attn):
        if mask is not None:
            scores = scores.mask_fill(mask, -1.0e4)
    return (quiet_softmax if quiet else softmax)(scores, 3)


def op_inputs(case: Any, dropout: bool) -> tuple[list[np.ndarray], Any, Any, Any]:
    rng = np.random.default_rng(9)
    q, k = rng.normal(size=(2, 2, 3, 4)), rng.normal(size=(2, 2, 5, 4))
    drop = None
    if dropout:
        drop = Tensor[case.B].from_data((rng.random((2, 2, 3, 5)) < 0.7) / 0.7, case.device)
    pad = np.zeros((2, 1, 1, 5), bool)
    pad[0, ..., -2:] = True
    attn = rng.random((2, 1, 3, 5)) < 0.3
    attn[..., 0] = False
    attn[1, 0, 2, :] = True  # a row with every key masked: its gradient must be 0
    return ([q, k], drop, Tensor[case.B, Bool].from_data(pad, case.device),
            Tensor[case.B, Bool].from_data(attn, case.device))


def composite_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every backend run the op's composite default and its `define_backward`."""
    from pyburn.tensor.module_ops import attention_weights
    force_composite(monkeypatch, attention_weights)


@pytest.mark.parametrize("quiet", [False, True], ids=["softmax", "quiet"])
@pytest.mark.parametrize("dropout", [False, True], ids=["nodrop", "drop"])
def test_op_native_equals_composite_and_tape(ad_backend: Any, monkeypatch: pytest.MonkeyPatch,
                                             quiet: bool, dropout: bool) -> None:
    """Native kernels, the composite default with the closed-form backward, and Burn's tensor
    ops differentiated by the Autodiff tape: the same weights and gradients (float64)."""
    from pyburn.tensor.module_ops import attention_weights
    case = ad_backend.f64
    (qn, kn), drop, pad, attn = op_inputs(case, dropout)
    cot = np.random.default_rng(10).normal(size=(2, 2, 3, 5))

    def run(fn: Any) -> list[np.ndarray]:
        q = Tensor[case.B].from_data(qn, case.device).require_grad()
        k = Tensor[case.B].from_data(kn, case.device).require_grad()
        w = fn(q, k)
        grads = (w * Tensor[case.B].from_data(cot, case.device)).sum().backward()
        return [w.to_numpy(), q.grad(grads).to_numpy(), k.grad(grads).to_numpy()]

    def op(q: Any, k: Any) -> Any:
        return attention_weights.apply(q, k, drop, pad, attn, sqrt_dk=2.0, min_float=-1.0e4,
                                       quiet_softmax=quiet)

    assert attention_weights.has_native(case.B.inner)
    native = run(op)
    tape = run(lambda q, k: burn_weights(q, k, drop, pad, attn, quiet))
    with monkeypatch.context() as mp:
        composite_only(mp)
        assert not attention_weights.has_native(case.B.inner)
        composite = run(op)
    for a, b, c, name in zip(native, composite, tape, ["weights", "grad q", "grad k"]):
        np.testing.assert_allclose(a, c, rtol=1e-10, atol=1e-12, err_msg=f"native {name}")
        np.testing.assert_allclose(b, c, rtol=1e-10, atol=1e-12, err_msg=f"composite {name}")


@pytest.mark.parametrize("path", ["native", "composite"])
@pytest.mark.parametrize("quiet", [False, True], ids=["softmax", "quiet"])
def test_op_finite_differences(ad_backend: Any, monkeypatch: pytest.MonkeyPatch, path: str,
                               quiet: bool) -> None:
    from pyburn.tensor.module_ops import attention_weights
    case = ad_backend.f64
    (qn, kn), drop, pad, attn = op_inputs(case, True)
    if path == "composite":
        composite_only(monkeypatch)
    gradcheck(case, lambda q, k: attention_weights.apply(
        q, k, drop, pad, attn, sqrt_dk=2.0, min_float=-1.0e4, quiet_softmax=quiet), qn, kn)


def test_op_float32_native_close_to_composite(backend: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from pyburn.tensor.module_ops import attention_weights
    (qn, kn), _, pad, attn = op_inputs(backend, False)
    q, k = backend.tensor(qn), backend.tensor(kn)
    kw = dict(sqrt_dk=2.0, min_float=-1.0e4, quiet_softmax=False)
    native = attention_weights.apply(q, k, None, pad, attn, **kw).to_numpy()
    composite_only(monkeypatch)
    composite = attention_weights.apply(q, k, None, pad, attn, **kw).to_numpy()
    np.testing.assert_allclose(native, composite, rtol=1e-5, atol=1e-6)


def test_unstack3_gradients(ad_backend: Any) -> None:
    """The packed self-attention projection's split: an output left unused gets a zero block."""
    from pyburn.tensor.module_ops import unstack3

    def fn(packed: Any) -> Any:
        q, _, v = unstack3.apply(packed)
        return q * 2.0 + v.tanh()

    gradcheck(ad_backend.f64, fn, np.random.default_rng(11).normal(size=(3, 2, 1, 2, 2)))


@pytest.mark.parametrize("biases", [(True, True, True), (False, False, False),
                                    (True, False, True)], ids=str)
def test_packed_self_attention_equals_separate(ad_backend: Any, biases: tuple[bool, ...]) -> None:
    """``MhaInput.self_attn(x)`` (one packed projection when the biases allow) computes what
    three separate projections compute, gradients included."""
    case = ad_backend.f64
    q_b, k_b, v_b = biases
    m = MultiHeadAttentionConfig(D, HEADS, dropout=0.0, query_bias=q_b, key_bias=k_b,
                                 value_bias=v_b).init(case.device)
    xn = np.random.default_rng(12).normal(size=(2, 3, D))

    def run(same: bool) -> list[np.ndarray]:
        x = Tensor[case.B].from_data(xn, case.device).require_grad()
        inp = MhaInput.self_attn(x) if same else MhaInput(x, x * 1.0, x * 1.0)
        out = m.forward(inp)
        grads = (out.context.sin().sum() + out.weights.square().sum()).backward()
        return [out.context.to_numpy(), x.grad(grads).to_numpy(),
                m.query.weight.val().grad(grads).to_numpy(),
                m.value.weight.val().grad(grads).to_numpy()]

    for a, b in zip(run(True), run(False)):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)
