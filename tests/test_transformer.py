"""pyburn's transformers against ``torch.nn.TransformerEncoder``/``TransformerDecoder`` with
copied weights (batch_first, dropout 0), on every backend row.

Forward in float64 (tight) and float32, with and without padding and causal masks, post- and
pre-norm, GELU (Burn's default) and ReLU; on the Autodiff rows the gradient of every parameter
and of the inputs equals torch autograd's, and finite differences agree. The autoregressive
cache gives what the causal forward gives; a tiny encoder-decoder learns a copy task; records
round-trip with Burn's field names; bad inputs fail naming the module and the shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed: no torch.nn comparison")

from gradcheck import gradcheck  # noqa: E402
from pyburn import Bool, Int, Tensor  # noqa: E402
from pyburn.config import Config  # noqa: E402
from pyburn.module import Module  # noqa: E402
from pyburn.nn import (ActivationConfig, CrossEntropyLoss, Embedding, EmbeddingConfig,  # noqa: E402
                       Linear, LinearConfig, from_torch, load_torch_state_dict,
                       to_torch_state_dict)
from pyburn.nn.attention import generate_autoregressive_mask  # noqa: E402
from pyburn.nn.transformer import (PositionWiseFeedForward,  # noqa: E402
                                   PositionWiseFeedForwardConfig, TransformerDecoder,
                                   TransformerDecoderConfig, TransformerDecoderInput,
                                   TransformerEncoder, TransformerEncoderConfig,
                                   TransformerEncoderInput)
from pyburn.optim import AdamConfig, GradientsParams  # noqa: E402
from pyburn.record import (DoublePrecisionSettings, FullPrecisionSettings,  # noqa: E402
                           HalfPrecisionSettings, NamedMpkFileRecorder, RecordError,
                           SafetensorsFileRecorder)
from pyburn.tensor import KindError, RankError, ShapeError  # noqa: E402

D_MODEL, N_HEADS, D_FF, N_LAYERS = 8, 2, 12, 2
BATCH, SEQ, SEQ_MEM = 2, 5, 4
MASKS = ["none", "pad", "causal", "pad+causal"]


# --- helpers --------------------------------------------------------------------------------------


def torch_stack(layer_cls: Any, stack: Callable[[Any], Any], norm_first: bool, activation: str,
                seed: int) -> Any:
    """`stack` of N_LAYERS `layer_cls` layers (dropout 0, batch_first) in float64."""
    torch.manual_seed(seed)
    layer = layer_cls(D_MODEL, N_HEADS, D_FF, dropout=0.0, activation=activation,
                      batch_first=True, norm_first=norm_first)
    m = stack(layer).double()
    with torch.no_grad():  # layers start as copies of one another in torch: make them differ
        for p in m.parameters():
            p.add_(torch.randn_like(p) * 0.1)
    return m


def torch_encoder(norm_first: bool, activation: str = "gelu", seed: int = 0) -> Any:
    return torch_stack(torch.nn.TransformerEncoderLayer,
                       lambda layer: torch.nn.TransformerEncoder(layer, N_LAYERS,
                                                                 enable_nested_tensor=False),
                       norm_first, activation, seed)


def torch_decoder(norm_first: bool, activation: str = "gelu", seed: int = 0) -> Any:
    return torch_stack(torch.nn.TransformerDecoderLayer,
                       lambda layer: torch.nn.TransformerDecoder(layer, N_LAYERS),
                       norm_first, activation, seed)


def inputs() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(3)
    pad = np.zeros((BATCH, SEQ), bool)
    pad[1, 3:] = True                   # the second sequence has 3 real tokens
    mem_pad = np.zeros((BATCH, SEQ_MEM), bool)
    mem_pad[0, 2:] = True
    return {"x": rng.normal(size=(BATCH, SEQ, D_MODEL)),
            "memory": rng.normal(size=(BATCH, SEQ_MEM, D_MODEL)),
            "pad": pad, "mem_pad": mem_pad, "causal": np.triu(np.ones((SEQ, SEQ), bool), 1),
            "w": rng.normal(size=(BATCH, SEQ, D_MODEL))}


def bool_tensor(case: Any, values: np.ndarray) -> Any:
    return Tensor[case.B, Bool].from_data(values, case.device)


def tensor(case: Any, values: np.ndarray, grad: bool = False) -> Any:
    t = Tensor[case.B].from_data(values, case.device)
    return t.require_grad() if grad else t


def encoder_input(case: Any, x: Any, data: dict[str, np.ndarray], masks: str) -> Any:
    inp = TransformerEncoderInput(x)
    if "pad" in masks:
        inp = inp.mask_pad(bool_tensor(case, data["pad"]))
    if "causal" in masks:
        inp = inp.mask_attn(generate_autoregressive_mask(BATCH, SEQ, case.device))
    return inp


def decoder_input(case: Any, x: Any, memory: Any, data: dict[str, np.ndarray],
                  masks: str) -> Any:
    inp = TransformerDecoderInput(x, memory)
    if "pad" in masks:
        inp = (inp.target_mask_pad(bool_tensor(case, data["pad"]))
               .memory_mask_pad(bool_tensor(case, data["mem_pad"])))
    if "causal" in masks:
        inp = inp.target_mask_attn(generate_autoregressive_mask(BATCH, SEQ, case.device))
    return inp


def torch_encoder_out(m: Any, x: Any, data: dict[str, np.ndarray], masks: str) -> Any:
    return m(x, mask=torch.tensor(data["causal"]) if "causal" in masks else None,
             src_key_padding_mask=torch.tensor(data["pad"]) if "pad" in masks else None)


def torch_decoder_out(m: Any, x: Any, memory: Any, data: dict[str, np.ndarray],
                      masks: str) -> Any:
    pad = "pad" in masks
    return m(x, memory, tgt_mask=torch.tensor(data["causal"]) if "causal" in masks else None,
             tgt_key_padding_mask=torch.tensor(data["pad"]) if pad else None,
             memory_key_padding_mask=torch.tensor(data["mem_pad"]) if pad else None)


def check(actual: Any, expected: Any, what: str, tol: float) -> None:
    if isinstance(actual, Tensor):
        actual = actual.to_numpy()
    if isinstance(expected, torch.Tensor):
        expected = expected.detach().numpy()
    np.testing.assert_allclose(np.asarray(actual, np.float64), np.asarray(expected, np.float64),
                               rtol=tol, atol=tol, err_msg=what)


TOL = {"float64": 1e-10, "float32": 2e-4}


# --- forward and gradients against torch ----------------------------------------------------------


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("masks", MASKS)
@pytest.mark.parametrize("norm_first", [False, True], ids=["post_norm", "pre_norm"])
def test_encoder_forward_matches_torch(backend: Any, norm_first: bool, masks: str,
                                       dtype: str) -> None:
    case = backend.with_float(dtype)
    m = torch_encoder(norm_first, "gelu" if masks != "pad" else "relu")
    encoder = from_torch(m, case.device)
    assert isinstance(encoder, TransformerEncoder) and encoder.norm_first is norm_first
    data = inputs()
    with torch.no_grad():
        ref = torch_encoder_out(m, torch.tensor(data["x"]), data, masks)
    out = encoder.forward(encoder_input(case, tensor(case, data["x"]), data, masks))
    assert out.dims() == [BATCH, SEQ, D_MODEL]
    check(out, ref, "encoder output", TOL[dtype])


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("masks", MASKS)
@pytest.mark.parametrize("norm_first", [False, True], ids=["post_norm", "pre_norm"])
def test_decoder_forward_matches_torch(backend: Any, norm_first: bool, masks: str,
                                       dtype: str) -> None:
    case = backend.with_float(dtype)
    m = torch_decoder(norm_first, "gelu" if masks != "pad" else "relu")
    decoder = from_torch(m, case.device)
    assert isinstance(decoder, TransformerDecoder)
    data = inputs()
    with torch.no_grad():
        ref = torch_decoder_out(m, torch.tensor(data["x"]), torch.tensor(data["memory"]), data,
                                masks)
    out = decoder.forward(decoder_input(case, tensor(case, data["x"]),
                                        tensor(case, data["memory"]), data, masks))
    check(out, ref, "decoder output", TOL[dtype])


def compare_gradients(module: Any, m: Any, grads: Any, tol: float) -> None:
    ours = to_torch_state_dict(module, grads=grads)
    theirs = {k: p.grad for k, p in m.named_parameters()}
    assert set(ours) == set(theirs)
    for key, grad in theirs.items():
        check(ours[key], grad, f"gradient of {key}", tol)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("norm_first", [False, True], ids=["post_norm", "pre_norm"])
def test_encoder_gradients_match_torch(ad_backend: Any, norm_first: bool, dtype: str) -> None:
    case = ad_backend.with_float(dtype)
    m = torch_encoder(norm_first)
    encoder = from_torch(m, case.device)
    data = inputs()
    xt = torch.tensor(data["x"], requires_grad=True)
    (torch_encoder_out(m, xt, data, "pad+causal") * torch.tensor(data["w"])).sum().backward()
    x = tensor(case, data["x"], grad=True)
    out = encoder.forward(encoder_input(case, x, data, "pad+causal"))
    grads = (out * tensor(case, data["w"])).sum().backward()
    tol = TOL[dtype] * (1 if dtype == "float64" else 5)
    check(x.grad(grads), xt.grad, "gradient of the input", tol)
    compare_gradients(encoder, m, grads, tol)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("norm_first", [False, True], ids=["post_norm", "pre_norm"])
def test_decoder_gradients_match_torch(ad_backend: Any, norm_first: bool, dtype: str) -> None:
    case = ad_backend.with_float(dtype)
    m = torch_decoder(norm_first)
    decoder = from_torch(m, case.device)
    data = inputs()
    xt = torch.tensor(data["x"], requires_grad=True)
    mt = torch.tensor(data["memory"], requires_grad=True)
    (torch_decoder_out(m, xt, mt, data, "pad+causal") * torch.tensor(data["w"])).sum().backward()
    x, memory = tensor(case, data["x"], grad=True), tensor(case, data["memory"], grad=True)
    out = decoder.forward(decoder_input(case, x, memory, data, "pad+causal"))
    grads = (out * tensor(case, data["w"])).sum().backward()
    tol = TOL[dtype] * (1 if dtype == "float64" else 5)
    check(x.grad(grads), xt.grad, "gradient of the target", tol)
    check(memory.grad(grads), mt.grad, "gradient of the memory", tol)
    compare_gradients(decoder, m, grads, tol)


def test_finite_differences(ad_backend: Any) -> None:
    """The gradients of the inputs through a whole (pre-norm) encoder-decoder layer pair, with
    masks, against central differences in float64."""
    case = ad_backend.f64
    enc = TransformerEncoderConfig(4, 6, 2, 1).with_dropout(0.0).with_norm_first(True) \
        .init(case.device)
    dec = TransformerDecoderConfig(4, 6, 2, 1).with_dropout(0.0).init(case.device)
    rng = np.random.default_rng(5)
    pad = np.array([[False, False, True]])

    def fn(x: Any, target: Any) -> Any:
        memory = enc.forward(TransformerEncoderInput(x).mask_pad(bool_tensor(case, pad)))
        inp = (TransformerDecoderInput(target, memory).memory_mask_pad(bool_tensor(case, pad))
               .target_mask_attn(generate_autoregressive_mask(1, 2, case.device)))
        return dec.forward(inp)

    gradcheck(case, fn, rng.normal(size=(1, 3, 4)), rng.normal(size=(1, 2, 4)))


# --- autoregressive inference ---------------------------------------------------------------------


@pytest.mark.parametrize("norm_first", [False, True], ids=["post_norm", "pre_norm"])
def test_encoder_autoregressive_cache_equals_causal_forward(backend: Any,
                                                            norm_first: bool) -> None:
    case = backend.f64
    encoder = TransformerEncoderConfig(12, 24, 2, 3, dropout=0.0).with_norm_first(norm_first) \
        .init(case.device)
    x = tensor(case, np.random.default_rng(1).normal(size=(3, 4, 12)))
    full = encoder.forward(TransformerEncoderInput(x).mask_attn(
        generate_autoregressive_mask(3, 4, case.device)))
    cache = encoder.new_autoregressive_cache()
    for i in range(1, 5):
        step = encoder.forward_autoregressive_inference(TransformerEncoderInput(x[:, :i]), cache)
        assert step.dims() == [3, i, 12]
        check(step[:, i - 1:i], full[:, i - 1:i], f"position {i - 1}", 1e-10)


@pytest.mark.parametrize("norm_first", [False, True], ids=["post_norm", "pre_norm"])
def test_decoder_autoregressive_cache_equals_causal_forward(backend: Any,
                                                            norm_first: bool) -> None:
    case = backend.f64
    decoder = TransformerDecoderConfig(12, 24, 2, 3, dropout=0.0).with_norm_first(norm_first) \
        .init(case.device)
    rng = np.random.default_rng(2)
    target = tensor(case, rng.normal(size=(3, 4, 12)))
    memory = tensor(case, rng.normal(size=(3, 5, 12)))
    full = decoder.forward(TransformerDecoderInput(target, memory).target_mask_attn(
        generate_autoregressive_mask(3, 4, case.device)))
    cache = decoder.new_autoregressive_cache()
    for i in range(1, 5):
        inp = TransformerDecoderInput(target[:, :i], memory).target_mask_attn(
            generate_autoregressive_mask(3, i, case.device))
        step = decoder.forward_autoregressive_inference(inp, cache)
        check(step[:, i - 1:i], full[:, i - 1:i], f"position {i - 1}", 1e-10)


def test_a_cache_of_another_model_is_refused(backend: Any) -> None:
    encoder = TransformerEncoderConfig(4, 8, 2, 2).init(backend.device)
    other = TransformerEncoderConfig(4, 8, 2, 3).init(backend.device)
    x = Tensor[backend.B].zeros([1, 2, 4], device=backend.device)
    with pytest.raises(ValueError, match="TransformerEncoder.forward_autoregressive_inference.*"
                                         "2 layers.*3 layers"):
        encoder.forward_autoregressive_inference(TransformerEncoderInput(x),
                                                 other.new_autoregressive_cache())
    decoder = TransformerDecoderConfig(4, 8, 2, 1).init(backend.device)
    with pytest.raises(ValueError, match="TransformerDecoder.forward_autoregressive_inference"):
        wrong: Any = encoder.new_autoregressive_cache()
        decoder.forward_autoregressive_inference(TransformerDecoderInput(x, x), wrong)


# --- training: a tiny encoder-decoder learns to copy ----------------------------------------------


VOCAB, BOS, COPY_LEN = 6, 0, 4


class CopyModelConfig(Config):
    d_model: int = 16

    def init(self, device: Any) -> "CopyModel":
        d = self.d_model
        return CopyModel(
            embedding=EmbeddingConfig(VOCAB, d).init(device),
            positions=EmbeddingConfig(COPY_LEN, d).init(device),
            encoder=TransformerEncoderConfig(d, 32, 2, 1).with_dropout(0.0).init(device),
            decoder=TransformerDecoderConfig(d, 32, 2, 1).with_dropout(0.0).init(device),
            head=LinearConfig(d, VOCAB).init(device))


class CopyModel(Module):
    embedding: Embedding
    positions: Embedding
    encoder: TransformerEncoder
    decoder: TransformerDecoder
    head: Linear

    def embed(self, tokens: Any) -> Any:
        batch, seq = tokens.dims()
        pos = Tensor[type(tokens).backend, Int].arange(0, seq, device=tokens.device)
        return self.embedding.forward(tokens) + \
            self.positions.forward(pos.reshape([1, seq]).expand([batch, seq]))

    def memory(self, source: Any) -> Any:
        return self.encoder.forward(TransformerEncoderInput(self.embed(source)))

    def forward(self, source: Any, shifted: Any) -> Any:
        batch, seq = shifted.dims()
        mask = generate_autoregressive_mask(batch, seq, shifted.device)
        inp = TransformerDecoderInput(self.embed(shifted), self.memory(source)) \
            .target_mask_attn(mask)
        return self.head.forward(self.decoder.forward(inp))


def test_encoder_decoder_learns_a_copy_task(ad_backend: Any) -> None:
    case = ad_backend
    case.B.seed(0)
    rng = np.random.default_rng(0)
    source_np = rng.integers(1, VOCAB, size=(24, COPY_LEN))
    shifted_np = np.concatenate([np.full((24, 1), BOS), source_np[:, :-1]], axis=1)
    ints = Tensor[case.B, Int]
    source = ints.from_data(source_np, case.device)
    shifted = ints.from_data(shifted_np, case.device)
    targets = ints.from_data(source_np.reshape(-1), case.device)
    model = CopyModelConfig().init(case.device)
    optim = AdamConfig().init()
    loss_fn = CrossEntropyLoss.new()
    for _ in range(60):   # the loss is ~0.003 after 60 Adam steps on every seed tried
        logits = model.forward(source, shifted).reshape([-1, VOCAB])
        loss = loss_fn.forward(logits, targets)
        model = optim.step(1e-2, model, GradientsParams.from_grads(loss.backward(), model))
    assert loss.into_scalar() < 0.05

    # greedy decoding on the inner backend with the autoregressive cache copies the input
    valid = model.valid()
    src = Tensor[case.inner, Int].from_data(source_np, case.device.on(case.inner))
    memory = valid.memory(src)
    cache = valid.decoder.new_autoregressive_cache()
    out = np.full((24, 1), BOS)
    for _ in range(COPY_LEN):
        tokens = Tensor[case.inner, Int].from_data(out, src.device)
        hidden = valid.decoder.forward_autoregressive_inference(
            TransformerDecoderInput(valid.embed(tokens), memory), cache)
        step = valid.head.forward(hidden[:, -1:]).argmax(2).to_numpy().reshape(24, 1)
        out = np.concatenate([out, step], axis=1)
    np.testing.assert_array_equal(out[:, 1:], source_np)


# --- records, display, interop --------------------------------------------------------------------


def values(module: Module) -> dict[str, np.ndarray]:
    return {k: np.asarray(p.val().to_numpy(), np.float64) for k, p in module.named_params()}


@pytest.mark.parametrize("precision", [FullPrecisionSettings, HalfPrecisionSettings,
                                       DoublePrecisionSettings], ids=lambda p: p.__name__)
@pytest.mark.parametrize("recorder_cls", [NamedMpkFileRecorder, SafetensorsFileRecorder],
                         ids=lambda r: r.__name__)
def test_record_round_trip(backend: Any, tmp_path: Path, recorder_cls: Any,
                           precision: Any) -> None:
    config = TransformerDecoderConfig(4, 8, 2, 2, dropout=0.0) \
        .with_activation(ActivationConfig.Relu())
    source = config.init(backend.device)
    path = source.save_file(str(tmp_path / "decoder"), recorder_cls(precision))
    target = config.init(backend.device)
    loaded = target.load_file(str(path).rsplit(".", 1)[0], recorder_cls(precision))
    got, want = values(loaded), values(source)
    assert list(got) == list(want)
    for key in want:
        np.testing.assert_allclose(got[key], want[key], err_msg=key,
                                   rtol=1e-3 if precision is HalfPrecisionSettings else 0,
                                   atol=1e-3 if precision is HalfPrecisionSettings else 0)
    x = Tensor[backend.B].ones([1, 3, 4], device=backend.device)
    inp = TransformerDecoderInput(x, x)
    tol = 1e-2 if precision is HalfPrecisionSettings else 1e-6
    check(loaded.forward(inp), source.forward(inp), "output after loading", tol)


def test_record_layout_is_burns(backend: Any) -> None:
    """Burn's field names, and no ``activation`` in the feed-forward record (Burn's
    ``#[module(skip)]``): a record written by Burn's layout loads."""
    encoder = TransformerEncoderConfig(4, 8, 2, 2).init(backend.device)
    record = encoder.into_record()
    layer = record["layers"][1]
    assert set(layer) == {"mha", "pwff", "norm_1", "norm_2", "dropout"}
    assert set(layer["mha"]) >= {"query", "key", "value", "output"}
    assert set(layer["pwff"]) == {"linear_inner", "linear_outer", "dropout"}
    decoder = TransformerDecoderConfig(4, 8, 2, 1).init(backend.device)
    assert set(decoder.into_record()["layers"][0]) == {
        "cross_attn", "self_attn", "pwff", "norm_1", "norm_2", "norm_3", "dropout"}
    # a PRelu feed-forward keeps training its slope but, as in Burn, does not record it
    pwff = PositionWiseFeedForwardConfig(4, 8).with_activation(ActivationConfig.PRelu()) \
        .init(backend.device)
    assert "pwff" not in pwff.into_record() and "activation" not in pwff.into_record()
    assert [k for k, _ in pwff.named_params()][-1] == "activation.alpha"
    loaded = pwff.load_record(pwff.into_record())
    assert isinstance(loaded, PositionWiseFeedForward)
    with pytest.raises(RecordError, match="unexpected field"):
        pwff.load_record({**pwff.into_record(), "gelu": {}})


def test_display_matches_burn(backend: Any) -> None:
    encoder = TransformerEncoderConfig(2, 4, 2, 3).init(backend.device)
    assert str(encoder) == ("TransformerEncoder {d_model: 2, d_ff: 4, n_heads: 2, n_layers: 3, "
                            "dropout: 0.1, norm_first: false, quiet_softmax: false, params: 162}")
    decoder = TransformerDecoderConfig(2, 4, 2, 3).init(backend.device)
    assert str(decoder) == ("TransformerDecoder {d_model: 2, d_ff: 4, n_heads: 2, n_layers: 3, "
                            "dropout: 0.1, norm_first: false, quiet_softmax: false, params: 246}")
    pwff = PositionWiseFeedForwardConfig(2, 4).init(backend.device)
    assert str(pwff) == "PositionWiseFeedForward {d_model: 2, d_ff: 4, prob: 0.1, params: 22}"


def test_config_defaults_are_burns() -> None:
    c = TransformerEncoderConfig(8, 16, 2, 1)
    assert (c.dropout, c.norm_first, c.quiet_softmax, c.layer_norm_eps) == (0.1, False, False,
                                                                            1e-5)
    assert c.activation == ActivationConfig.Gelu()
    pre = c.with_norm_first(True).with_activation(ActivationConfig.Relu())
    assert TransformerEncoderConfig.from_dict(pre.to_dict()) == pre


@pytest.mark.parametrize("kind", ["encoder", "decoder"])
@pytest.mark.parametrize("norm_first", [False, True], ids=["post_norm", "pre_norm"])
def test_torch_state_dict_round_trip_is_exact(backend: Any, kind: str, norm_first: bool) -> None:
    case = backend.f64
    m = torch_encoder(norm_first) if kind == "encoder" else torch_decoder(norm_first)
    config: Any = (TransformerEncoderConfig if kind == "encoder" else TransformerDecoderConfig)(
        D_MODEL, D_FF, N_HEADS, N_LAYERS, norm_first=norm_first)
    module = load_torch_state_dict(config.init(case.device), {
        "model." + k: v for k, v in m.state_dict().items()}, prefix="model.")
    exported = to_torch_state_dict(module)
    assert set(exported) == set(m.state_dict())
    for key, value in m.state_dict().items():
        np.testing.assert_array_equal(exported[key], value.numpy(), err_msg=key)
    # one layer alone uses the keys of nn.TransformerEncoderLayer / DecoderLayer
    layer = module.layers[1]
    torch_layer = m.layers[1]
    single = to_torch_state_dict(layer)
    assert set(single) == set(torch_layer.state_dict())
    reloaded = load_torch_state_dict(layer, torch_layer.state_dict())
    assert values(reloaded).keys() == values(layer).keys()


def test_torch_interop_errors(backend: Any) -> None:
    m = torch_encoder(False)
    encoder = TransformerEncoderConfig(D_MODEL, D_FF, N_HEADS, 1).init(backend.device)
    with pytest.raises(RecordError, match="1 layer.*unexpected layers.1.linear1.bias"):
        load_torch_state_dict(encoder, m.state_dict())
    two = TransformerEncoderConfig(D_MODEL, D_FF, N_HEADS, N_LAYERS).init(backend.device)
    with pytest.raises(RecordError, match="final 'norm'"):
        load_torch_state_dict(two, {**m.state_dict(), "norm.weight": torch.ones(D_MODEL),
                                    "norm.bias": torch.zeros(D_MODEL)})
    wrong = TransformerEncoderConfig(D_MODEL, D_FF, N_HEADS, N_LAYERS).with_norm_first(True) \
        .init(backend.device)
    bad = dict(m.state_dict())
    bad["layers.0.self_attn.in_proj_weight"] = torch.zeros(2 * D_MODEL, D_MODEL)
    with pytest.raises(ShapeError, match=r"in_proj_weight.*\[3 \* d_model"):
        load_torch_state_dict(wrong, bad)
    quiet = TransformerEncoderConfig(D_MODEL, D_FF, N_HEADS, N_LAYERS).with_quiet_softmax(True) \
        .init(backend.device)
    with pytest.raises(ValueError, match="quiet_softmax"):
        load_torch_state_dict(quiet, m.state_dict())
    load_torch_state_dict(quiet, m.state_dict(), strict=False)
    with pytest.raises(ValueError, match="batch_first=True"):
        from_torch(torch.nn.TransformerEncoderLayer(4, 2, 8), backend.device)


# --- errors ---------------------------------------------------------------------------------------


def test_input_errors_name_the_module_and_shapes(backend: Any) -> None:
    device = backend.device
    encoder = TransformerEncoderConfig(4, 8, 2, 1).init(device)
    x = Tensor[backend.B].zeros([2, 3, 4], device=device)
    with pytest.raises(RankError, match=r"TransformerEncoder.forward: expected the input "
                                        r"tensor of shape \[batch, seq, 4\] \(rank 3\), "
                                        r"got shape \[3, 4\]"):
        encoder.forward(TransformerEncoderInput(x[0]))
    with pytest.raises(ShapeError, match=r"TransformerEncoder.forward:.*\[batch, seq, 4\].*"
                                         r"got \[2, 3, 5\]"):
        encoder.forward(TransformerEncoderInput(Tensor[backend.B].zeros([2, 3, 5], device=device)))
    with pytest.raises(ShapeError, match=r"mask_pad of shape \[2, 3\], got \[2, 4\]"):
        encoder.forward(TransformerEncoderInput(x).mask_pad(
            Tensor[backend.B, Bool].from_data(np.zeros((2, 4), bool), device)))
    with pytest.raises(ShapeError, match=r"mask_attn of shape \[2, 3, 3\], got \[2, 4, 4\]"):
        encoder.forward(TransformerEncoderInput(x).mask_attn(
            generate_autoregressive_mask(2, 4, device)))
    with pytest.raises(KindError, match="mask_pad must be a Bool tensor.*Float"):
        encoder.forward(TransformerEncoderInput(x).mask_pad(x[:, :, 0]))
    decoder = TransformerDecoderConfig(4, 8, 2, 1).init(device)
    memory = Tensor[backend.B].zeros([1, 5, 4], device=device)
    with pytest.raises(ShapeError, match=r"TransformerDecoder.forward: the target \[2, 3, 4\] and "
                                         r"the memory \[1, 5, 4\] must have the same batch size"):
        decoder.forward(TransformerDecoderInput(x, memory))
    with pytest.raises(ShapeError, match=r"memory_mask_pad of shape \[2, 3\], got \[2, 2\]"):
        decoder.forward(TransformerDecoderInput(x, x).memory_mask_pad(
            Tensor[backend.B, Bool].from_data(np.zeros((2, 2), bool), device)))
    with pytest.raises(ShapeError, match=r"PositionWiseFeedForward.forward:.*\[\.\.\., 4\].*"
                                         r"got \[2, 3, 5\]"):
        encoder.layers[0].pwff.forward(Tensor[backend.B].zeros([2, 3, 5], device=device))


def test_config_errors(backend: Any) -> None:
    with pytest.raises(ValueError, match=r"TransformerEncoderConfig.init: d_model \(6\) must be "
                                         r"divisible by n_heads \(4\)"):
        TransformerEncoderConfig(6, 8, 4, 1).init(backend.device)
    with pytest.raises(ValueError, match="TransformerDecoderConfig.init: dropout"):
        TransformerDecoderConfig(4, 8, 2, 1, dropout=1.5).init(backend.device)
    with pytest.raises(ValueError, match="TransformerDecoderConfig.init: d_ff must be positive"):
        TransformerDecoderConfig(4, 0, 2, 1).init(backend.device)


def test_dropout_is_active_only_in_training(ad_backend: Any) -> None:
    """Burn's dropout lives on the Autodiff backend: the same encoder gives random outputs
    while training and deterministic ones after ``valid()``."""
    encoder = TransformerEncoderConfig(8, 16, 2, 1).with_dropout(0.5).init(ad_backend.device)
    x = Tensor[ad_backend.B].ones([2, 3, 8], device=ad_backend.device)
    a = encoder.forward(TransformerEncoderInput(x)).to_numpy()
    b = encoder.forward(TransformerEncoderInput(x)).to_numpy()
    assert not np.allclose(a, b)
    valid = encoder.valid()
    xv = Tensor[ad_backend.inner].ones([2, 3, 8], device=ad_backend.device.on(ad_backend.inner))
    np.testing.assert_array_equal(valid.forward(TransformerEncoderInput(xv)).to_numpy(),
                                  valid.forward(TransformerEncoderInput(xv)).to_numpy())
