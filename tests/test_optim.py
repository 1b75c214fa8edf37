"""Tests for pyburn.optim: SGD/Adam/AdamW step by step against torch.optim (float64 rows) or a
NumPy transcription of Burn's formula where Burn and torch differ, gradient clipping,
GradientsParams, frozen parameters, optimizer state records (bit-for-bit resume) and
GradientsAccumulator. Every test runs on each Autodiff row of the backend matrix."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Int, Tensor
from pyburn.module import Module, Param
from pyburn.optim import (AdamConfig, AdamWConfig, GradientClipping, GradientClippingConfig,
                          GradientsAccumulator, GradientsParams, MomentumConfig, OptimizerAdaptor,
                          SgdConfig, WeightDecayConfig)
from pyburn.record import (BinFileRecorder, DoublePrecisionSettings, FullPrecisionSettings,
                           NamedMpkFileRecorder, RecordError)
from pyburn.tensor import GradientError, ShapeError, TensorData

D_IN, D_OUT, BATCH = 4, 3, 5


# --- a tiny model ------------------------------------------------------------------------------------
class Tiny(Module):
    weight: Param[Any]
    bias: Param[Any]
    offset: Param[Any]          # frozen: saved with the model, never updated

    def forward(self, x: Any) -> Any:
        return (x @ self.weight.val() + self.bias.val() + self.offset.val()).tanh()


def make_tiny(case: Any, seed: int = 0) -> Tiny:
    rng = np.random.default_rng(seed)
    T = Tensor[case.B]
    return Tiny(Param(T.from_data(rng.normal(size=(D_IN, D_OUT)), case.device)),
                Param(T.from_data(rng.normal(size=(D_OUT,)), case.device)),
                Param(T.from_data(rng.normal(size=(D_OUT,)), case.device), require_grad=False))


def batch(case: Any, step: int) -> tuple[Any, Any]:
    rng = np.random.default_rng(100 + step)
    T = Tensor[case.B]
    return (T.from_data(rng.normal(size=(BATCH, D_IN)), case.device),
            T.from_data(rng.uniform(-0.9, 0.9, size=(BATCH, D_OUT)), case.device))


def loss_of(model: Tiny, x: Any, y: Any) -> Any:
    return (model.forward(x) - y).square().mean()


def grads_of(model: Tiny, step: int, case: Any) -> GradientsParams:
    x, y = batch(case, step)
    return GradientsParams.from_grads(loss_of(model, x, y).backward(), model)


def values(model: Tiny) -> dict[str, np.ndarray]:
    return {name: p.val().to_data().to_numpy() for name, p in model.named_params()}


LRS = [0.1, 0.05, 0.2, 0.01, 0.1, 0.07]   # a different rate each step: lr is a step argument


# --- against torch.optim -------------------------------------------------------------------------------
def _torch_cases() -> dict[str, tuple[Any, Callable[[Any, Any], Any]]]:
    """pyburn config and the torch.optim constructor (params, torch module) doing the same."""
    return {
        "sgd": (SgdConfig(), lambda P, o: o.SGD(P, lr=1.0)),
        "sgd-weight-decay": (SgdConfig(weight_decay=WeightDecayConfig(0.05)),
                             lambda P, o: o.SGD(P, lr=1.0, weight_decay=0.05)),
        "sgd-momentum-dampening": (
            SgdConfig(momentum=MomentumConfig(0.9, 0.1, False)),
            lambda P, o: o.SGD(P, lr=1.0, momentum=0.9, dampening=0.1)),
        "sgd-nesterov": (SgdConfig(momentum=MomentumConfig(0.8, 0.0, True)),
                         lambda P, o: o.SGD(P, lr=1.0, momentum=0.8, nesterov=True)),
        "sgd-all": (SgdConfig(weight_decay=WeightDecayConfig(0.01),
                              momentum=MomentumConfig(0.9, 0.0, True)),
                    lambda P, o: o.SGD(P, lr=1.0, momentum=0.9, nesterov=True,
                                       weight_decay=0.01)),
        "adam": (AdamConfig(epsilon=1e-8), lambda P, o: o.Adam(P, lr=1.0, eps=1e-8)),
        "adam-burn-defaults": (AdamConfig(), lambda P, o: o.Adam(P, lr=1.0, eps=1e-5)),
        "adam-betas-weight-decay": (
            AdamConfig(beta_1=0.8, beta_2=0.99, epsilon=1e-8,
                       weight_decay=WeightDecayConfig(0.05)),
            lambda P, o: o.Adam(P, lr=1.0, betas=(0.8, 0.99), eps=1e-8, weight_decay=0.05)),
        "adam-amsgrad": (AdamConfig(epsilon=1e-8, amsgrad=True),
                         lambda P, o: o.Adam(P, lr=1.0, eps=1e-8, amsgrad=True)),
        "adamw": (AdamWConfig(epsilon=1e-8, weight_decay=0.01),
                  lambda P, o: o.AdamW(P, lr=1.0, eps=1e-8, weight_decay=0.01)),
        "adamw-burn-defaults": (AdamWConfig(),
                                lambda P, o: o.AdamW(P, lr=1.0, eps=1e-5, weight_decay=1e-4)),
        "adamw-amsgrad": (AdamWConfig(epsilon=1e-8, weight_decay=0.1, amsgrad=True),
                          lambda P, o: o.AdamW(P, lr=1.0, eps=1e-8, weight_decay=0.1,
                                               amsgrad=True)),
        "sgd-clip-value": (SgdConfig(momentum=MomentumConfig(0.9, 0.0),
                                     gradient_clipping=GradientClippingConfig.Value(0.02)),
                           lambda P, o: o.SGD(P, lr=1.0, momentum=0.9)),
    }


TORCH_CASES = _torch_cases()


@pytest.mark.parametrize("name", list(TORCH_CASES))
def test_matches_torch_optim_step_by_step(ad_backend: Any, name: str) -> None:
    """Six steps with a different learning rate each, float64: every parameter equals
    torch.optim's after every step (to rounding: Burn orders a few products differently)."""
    torch = pytest.importorskip("torch", reason="torch is not installed: no torch.optim to "
                                                "compare with")
    case = ad_backend.f64
    config, make_torch = TORCH_CASES[name]
    model = make_tiny(case)
    optim = config.init()
    params = {n: torch.tensor(v, dtype=torch.float64, requires_grad=True)
              for n, v in values(model).items() if n != "offset"}
    topt = make_torch(list(params.values()), torch.optim)
    frozen = values(model)["offset"]
    for step, lr in enumerate(LRS):
        grads = grads_of(model, step, case)
        for n, p in params.items():
            g = grads.get(getattr(model, n).id).to_data().to_numpy()
            p.grad = torch.tensor(g, dtype=torch.float64)
        if name == "sgd-clip-value":
            torch.nn.utils.clip_grad_value_(list(params.values()), 0.02)
        for group in topt.param_groups:
            group["lr"] = lr
        topt.step()
        model = optim.step(lr, model, grads)
        now = values(model)
        for n, p in params.items():
            np.testing.assert_allclose(now[n], p.detach().numpy(), rtol=1e-12, atol=1e-13,
                                       err_msg=f"{name}: {n} after step {step + 1}")
        np.testing.assert_array_equal(now["offset"], frozen)


# --- against Burn's formula, where torch differs or refuses -------------------------------------------------
class BurnReference:
    """Burn's update rules transcribed in NumPy (float64), one parameter at a time."""

    def __init__(self, kind: str, **hp: Any) -> None:
        self.kind, self.hp = kind, hp
        self.state: dict[str, dict[str, Any]] = {}

    def clip(self, g: np.ndarray) -> np.ndarray:
        if "clip_norm" in self.hp:
            norm = math.sqrt(float((g * g).sum()))
            coef = min(self.hp["clip_norm"] / (norm + np.finfo(np.float64).tiny), 1.0)
            return g * coef
        return g

    def step(self, name: str, lr: float, p: np.ndarray, g: np.ndarray) -> np.ndarray:
        g = self.clip(g)
        s = self.state.setdefault(name, {})
        hp = self.hp
        if self.kind == "sgd":
            g = g + hp.get("penalty", 0.0) * p
            v = g if "v" not in s else hp["momentum"] * s["v"] + (1 - hp["dampening"]) * g
            s["v"] = v
            d = hp["momentum"] * v + g if hp["nesterov"] else v
            return p - lr * d
        b1, b2, eps = hp["beta_1"], hp["beta_2"], hp["epsilon"]
        t = s.get("t", 0) + 1
        m = (1 - b1) * g if t == 1 else b1 * s["m"] + (1 - b1) * g
        v = (1 - b2) * g * g if t == 1 else b2 * s["v"] + (1 - b2) * g * g
        s.update(t=t, m=m, v=v)
        m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
        d = m_hat / (np.sqrt(v_hat) + eps)
        wd = lr * hp["weight_decay"]
        if hp.get("cautious"):
            decay = np.where((p >= 0) == (m >= 0), wd * p, 0.0)
            return p - decay - lr * d
        return p * (1 - wd) - lr * d


NUMPY_CASES: dict[str, tuple[Any, Callable[[], BurnReference]]] = {
    # torch.optim.SGD raises "Nesterov momentum requires a momentum and zero dampening".
    "sgd-nesterov-with-dampening": (
        SgdConfig(momentum=MomentumConfig(0.9, 0.1, True), weight_decay=WeightDecayConfig(0.02)),
        lambda: BurnReference("sgd", momentum=0.9, dampening=0.1, nesterov=True, penalty=0.02)),
    # Burn's MomentumConfig defaults (dampening 0.1) with Norm clipping, which Burn applies per
    # parameter with the dtype's tiny as epsilon (torch's clip_grad_norm_ is global, eps 1e-6).
    "sgd-default-momentum-clip-norm": (
        SgdConfig(momentum=MomentumConfig(), gradient_clipping=GradientClippingConfig.Norm(0.05)),
        lambda: BurnReference("sgd", momentum=0.9, dampening=0.1, nesterov=False,
                              clip_norm=0.05)),
    # Burn's cautious weight decay (no torch counterpart).
    "adamw-cautious": (
        AdamWConfig(epsilon=1e-8, weight_decay=0.5, cautious_weight_decay=True),
        lambda: BurnReference("adamw", beta_1=0.9, beta_2=0.999, epsilon=1e-8,
                              weight_decay=0.5, cautious=True)),
    "adamw-clip-norm": (
        AdamWConfig(grad_clipping=GradientClippingConfig.Norm(0.01)),
        lambda: BurnReference("adamw", beta_1=0.9, beta_2=0.999, epsilon=1e-5,
                              weight_decay=1e-4, clip_norm=0.01)),
}


@pytest.mark.parametrize("name", list(NUMPY_CASES))
def test_matches_burn_formula_where_torch_differs(ad_backend: Any, name: str) -> None:
    """Against a NumPy transcription of Burn's rule: torch.optim refuses Nesterov with
    dampening, clips by a global norm with eps 1e-6 rather than per parameter with the dtype's
    tiny, and has no cautious weight decay."""
    case = ad_backend.f64
    config, make_ref = NUMPY_CASES[name]
    ref = make_ref()
    model = make_tiny(case)
    optim = config.init()
    expected = {n: v for n, v in values(model).items()}
    for step, lr in enumerate(LRS):
        grads = grads_of(model, step, case)
        for n in ("weight", "bias"):
            g = grads.get(getattr(model, n).id).to_data().to_numpy()
            expected[n] = ref.step(n, lr, expected[n], g)
        model = optim.step(lr, model, grads)
        for n, v in values(model).items():
            np.testing.assert_allclose(v, expected[n], rtol=1e-12, atol=1e-14,
                                       err_msg=f"{name}: {n} after step {step + 1}")


def test_adam_and_adamw_without_decay_agree(ad_backend: Any) -> None:
    """Burn writes Adam with one combined bias-correction factor and AdamW with m_hat/v_hat;
    the two forms are the same rule."""
    case = ad_backend.f64
    a, b = make_tiny(case), make_tiny(case)
    opt_a, opt_b = AdamConfig().init(), AdamWConfig(weight_decay=0.0).init()
    for step, lr in enumerate(LRS):
        a = opt_a.step(lr, a, grads_of(a, step, case))
        b = opt_b.step(lr, b, grads_of(b, step, case))
    for n, v in values(a).items():
        np.testing.assert_allclose(v, values(b)[n], rtol=1e-12, atol=1e-14)


# --- gradient clipping -----------------------------------------------------------------------------------------
def test_clip_by_value(ad_backend: Any) -> None:
    inner = ad_backend.inner
    g = Tensor[inner].from_data([[0.6, -0.2], [-0.9, 0.5]], ad_backend.device)
    out = GradientClippingConfig.Value(0.5).init().clip_gradient(g).to_data().to_numpy()
    np.testing.assert_allclose(out, [[0.5, -0.2], [-0.5, 0.5]], rtol=1e-6)
    torch = pytest.importorskip("torch", reason="torch is not installed: no clip_grad_value_")
    p = torch.nn.Parameter(torch.zeros(2, 2))
    p.grad = torch.tensor([[0.6, -0.2], [-0.9, 0.5]])
    torch.nn.utils.clip_grad_value_([p], 0.5)
    np.testing.assert_allclose(out, p.grad.numpy(), rtol=1e-6)


def test_clip_by_norm(ad_backend: Any) -> None:
    inner = ad_backend.f64.inner
    dev = ad_backend.device
    clip = GradientClipping.Norm(2.0)
    big = np.array([[3.0, 4.0], [0.0, 12.0]])                     # norm 13
    out = clip.clip_gradient(Tensor[inner].from_data(big, dev)).to_data().to_numpy()
    np.testing.assert_allclose(out, big * 2.0 / 13.0, rtol=1e-14)
    np.testing.assert_allclose(np.linalg.norm(out), 2.0, rtol=1e-14)
    small = np.array([0.3, 0.4])                                   # norm 0.5: unchanged
    out = clip.clip_gradient(Tensor[inner].from_data(small, dev)).to_data().to_numpy()
    np.testing.assert_array_equal(out, small)
    zero = clip.clip_gradient(Tensor[inner].zeros([3], dev)).to_data().to_numpy()
    np.testing.assert_array_equal(zero, np.zeros(3))               # no 0/0


def test_clipping_is_per_parameter(ad_backend: Any) -> None:
    """SGD with lr 1: each parameter moves by its own clipped gradient."""
    case = ad_backend.f64
    model = make_tiny(case)
    grads = grads_of(model, 0, case)
    before = values(model)
    optim = SgdConfig(gradient_clipping=GradientClippingConfig.Norm(1e-3)).init()
    after = values(optim.step(1.0, model, grads))
    for n in ("weight", "bias"):
        assert np.linalg.norm(before[n] - after[n]) == pytest.approx(1e-3, rel=1e-9)
    assert optim.has_gradient_clipping()


def test_clipping_config_serializes_like_burn() -> None:
    cfg = SgdConfig(gradient_clipping=GradientClippingConfig.Norm(1.5),
                    momentum=MomentumConfig(nesterov=True), weight_decay=WeightDecayConfig(0.1))
    data = cfg.to_dict()
    assert data["gradient_clipping"] == {"Norm": 1.5}
    assert data["momentum"] == {"momentum": 0.9, "dampening": 0.1, "nesterov": True}
    assert SgdConfig.from_dict(data) == cfg
    adamw = AdamWConfig()
    assert (adamw.beta_1, adamw.beta_2, adamw.epsilon, adamw.weight_decay) == (0.9, 0.999, 1e-5, 1e-4)
    assert AdamConfig().epsilon == 1e-5 and AdamConfig().weight_decay is None


# --- GradientsParams -----------------------------------------------------------------------------------------------
def test_from_grads_takes_exactly_the_module_params(ad_backend: Any) -> None:
    case = ad_backend
    model = make_tiny(case)
    x, y = batch(case, 0)
    x = x.require_grad()                         # a leaf that is not a parameter
    grads = loss_of(model, x, y).backward()
    gp = GradientsParams.from_grads(grads, model)
    assert set(gp.ids()) == {model.weight.id, model.bias.id}     # not the frozen offset, not x
    assert len(gp) == gp.len() == 2 and not gp.is_empty()
    g = gp.get(model.weight.id)
    assert type(g).backend is case.inner and list(g.shape) == [D_IN, D_OUT]
    assert model.weight.val().grad(grads) is None                # taken out of the container
    assert x.grad(grads) is not None                             # the rest stays
    assert model.bias.id in gp and "nope" not in gp


def test_from_params_selects_ids(ad_backend: Any) -> None:
    model = make_tiny(ad_backend)
    x, y = batch(ad_backend, 0)
    grads = loss_of(model, x, y).backward()
    gp = GradientsParams.from_params(grads, model, [model.bias.id])
    assert gp.ids() == [model.bias.id]
    assert model.weight.val().grad(grads) is not None


def test_from_grads_needs_autodiff(plain_backend: Any) -> None:
    model = make_tiny(plain_backend)
    with pytest.raises(GradientError, match="no autodiff"):
        GradientsParams.from_grads(None, model)


# --- the step ---------------------------------------------------------------------------------------------------------
def test_step_keeps_ids_and_require_grad_and_skips_frozen(ad_backend: Any) -> None:
    case = ad_backend
    model = make_tiny(case)
    ids = [p.id for p in model.params()]
    frozen = values(model)["offset"]
    optim = AdamConfig().init()
    grads = grads_of(model, 0, case)
    grads.register(model.offset.id, Tensor[case.inner].ones([D_OUT], case.device))  # ignored
    new = optim.step(0.1, model, grads)
    assert [p.id for p in new.params()] == ids
    assert new.weight.val().is_require_grad() and new.bias.val().is_require_grad()
    assert not new.offset.require_grad and not new.offset.val().is_require_grad()
    np.testing.assert_array_equal(values(new)["offset"], frozen)
    assert set(optim.to_record()) == {str(model.weight.id), str(model.bias.id)}
    assert not np.array_equal(values(new)["weight"], values(model)["weight"])
    assert len(grads) == 3                                       # the caller's grads untouched
    # the new parameters are fresh leaves: a second step trains from them
    new2 = optim.step(0.1, new, grads_of(new, 1, case))
    assert not np.array_equal(values(new2)["weight"], values(new)["weight"])


def test_params_without_gradients_are_unchanged(ad_backend: Any) -> None:
    model = make_tiny(ad_backend)
    grads = grads_of(model, 0, ad_backend)
    grads.remove(model.bias.id)
    optim = SgdConfig(momentum=MomentumConfig()).init()
    new = optim.step(0.5, model, grads)
    assert new.bias is model.bias
    assert list(optim.to_record()) == [str(model.weight.id)]


def test_step_errors(ad_backend: Any) -> None:
    model = make_tiny(ad_backend)
    optim = SgdConfig().init()
    with pytest.raises(TypeError, match="GradientsParams"):
        optim.step(0.1, model, {})  # type: ignore[arg-type]
    bad = GradientsParams()
    bad.register(model.weight.id, Tensor[ad_backend.inner].ones([2, 2], ad_backend.device))
    with pytest.raises(ShapeError, match=r"'weight'.*\[2, 2\].*\[4, 3\]"):
        optim.step(0.1, model, bad)


# --- state records -----------------------------------------------------------------------------------------------------
RESUME_CASES: dict[str, Any] = {
    "sgd-momentum": SgdConfig(momentum=MomentumConfig(0.9, 0.1, True),
                              weight_decay=WeightDecayConfig(0.01)),
    "adam-amsgrad": AdamConfig(amsgrad=True, grad_clipping=GradientClippingConfig.Norm(0.5)),
    "adamw": AdamWConfig(weight_decay=0.01),
}


@pytest.mark.parametrize("precision", ["float32", "float64"])
@pytest.mark.parametrize("name", list(RESUME_CASES))
def test_resume_from_files_is_bit_for_bit(ad_backend: Any, tmp_path: Path, name: str,
                                          precision: str) -> None:
    """3 steps, save model and optimizer, load both into fresh objects, 3 more steps: equal,
    bit for bit, to 6 straight steps."""
    case = ad_backend.with_float(precision)
    settings = FullPrecisionSettings if precision == "float32" else DoublePrecisionSettings
    config = RESUME_CASES[name]

    straight, optim = make_tiny(case), config.init()
    for step in range(6):
        straight = optim.step(LRS[step], straight, grads_of(straight, step, case))

    model, optim = make_tiny(case), config.init()
    for step in range(3):
        model = optim.step(LRS[step], model, grads_of(model, step, case))
    recorder = NamedMpkFileRecorder(settings)
    model.save_file(str(tmp_path / "model"), recorder)
    optim.save_file(str(tmp_path / "optim"), BinFileRecorder(settings))

    resumed = make_tiny(case, seed=7).load_file(str(tmp_path / "model"), recorder)
    assert [p.id for p in resumed.params()] == [p.id for p in model.params()]
    optim2 = config.init().load_file(str(tmp_path / "optim"), BinFileRecorder(settings))
    for step in range(3, 6):
        resumed = optim2.step(LRS[step], resumed, grads_of(resumed, step, case))

    for n, v in values(straight).items():
        got = values(resumed)[n]
        assert got.dtype == v.dtype
        np.testing.assert_array_equal(got, v, err_msg=f"{name}/{precision}: {n}")


def test_record_tree_shape(ad_backend: Any) -> None:
    model = make_tiny(ad_backend)
    optim = AdamConfig(amsgrad=True).init()
    assert optim.to_record() == {}
    optim.step(0.1, model, grads_of(model, 0, ad_backend))
    record = optim.to_record()
    state = record[str(model.weight.id)]["momentum"]
    assert state["time"] == 1
    assert isinstance(state["moment_1"], TensorData) and list(state["moment_1"].shape) == [D_IN, D_OUT]
    assert isinstance(state["max_moment_2"], TensorData)
    sgd = SgdConfig().init()
    sgd.step(0.1, model, grads_of(model, 0, ad_backend))
    assert sgd.to_record()[str(model.bias.id)] == {"momentum": None}


def test_loaded_record_passes_through_and_checks(ad_backend: Any) -> None:
    model = make_tiny(ad_backend)
    optim = SgdConfig(momentum=MomentumConfig()).init()
    optim.step(0.1, model, grads_of(model, 0, ad_backend))
    record = optim.to_record()
    again = SgdConfig(momentum=MomentumConfig()).init().load_record(record)
    assert again.to_record().keys() == record.keys()        # before any step: unchanged
    with pytest.raises(RecordError, match="missing field"):
        SgdConfig().init().load_record({"abc": {}})
    with pytest.raises(RecordError, match="velocity"):
        SgdConfig().init().load_record({"abc": {"momentum": {"velocity": 3}}})
    with pytest.raises(RecordError, match="time"):
        AdamConfig().init().load_record(
            {"abc": {"momentum": {"time": "x", "moment_1": None, "moment_2": None}}})
    wrong = {str(model.weight.id): {"momentum": {"velocity": TensorData(np.zeros((2, 2)))}}}
    optim3 = SgdConfig(momentum=MomentumConfig()).init().load_record(wrong)
    with pytest.raises(RecordError, match=r"shape \[2, 2\]"):
        optim3.step(0.1, model, grads_of(model, 0, ad_backend))


# --- gradient accumulation -----------------------------------------------------------------------------------------
def test_gradients_accumulator_sums(ad_backend: Any) -> None:
    case = ad_backend.f64
    model = make_tiny(case)
    acc = GradientsAccumulator()
    assert acc.is_empty()
    acc.accumulate(model, grads_of(model, 0, case))
    acc.accumulate(model, grads_of(model, 1, case))
    summed = acc.grads()
    assert acc.is_empty() and len(acc.grads()) == 0             # grads() resets

    (x0, y0), (x1, y1) = batch(case, 0), batch(case, 1)
    both = GradientsParams.from_grads((loss_of(model, x0, y0) + loss_of(model, x1, y1)).backward(),
                                      model)
    assert set(summed.ids()) == set(both.ids())
    for pid in both.ids():
        np.testing.assert_allclose(summed.get(pid).to_data().to_numpy(),
                                   both.get(pid).to_data().to_numpy(), rtol=1e-12)

    optim = SgdConfig().init()
    stepped = optim.step(0.1, model, summed)
    np.testing.assert_allclose(values(stepped)["bias"],
                               values(model)["bias"] - 0.1 * both.get(model.bias.id).to_data().to_numpy(),
                               rtol=1e-12)


def test_accumulator_ignores_other_modules_grads(ad_backend: Any) -> None:
    a, b = make_tiny(ad_backend), make_tiny(ad_backend, seed=1)
    acc = GradientsAccumulator()
    acc.accumulate(a, grads_of(b, 0, ad_backend))
    assert acc.is_empty()


def test_int_params_are_left_alone(ad_backend: Any) -> None:
    class WithIndex(Module):
        weight: Param[Any]
        index: Param[Any]

    m = WithIndex(Param(Tensor[ad_backend.B].ones([2], ad_backend.device)),
                  Param(Tensor[ad_backend.B, Int].from_data([1, 2], ad_backend.device)))
    grads = GradientsParams.from_grads((m.weight.val() * 3.0).sum().backward(), m)
    assert grads.ids() == [m.weight.id]
    new = SgdConfig().init().step(1.0, m, grads)
    np.testing.assert_allclose(new.weight.val().to_data().to_numpy(), [-2.0, -2.0])
    assert new.index is m.index


def test_repr() -> None:
    optim = AdamConfig(grad_clipping=GradientClippingConfig.Value(1.0)).init()
    assert isinstance(optim, OptimizerAdaptor)
    assert "Adam(" in repr(optim) and "ClipByValue(threshold=1.0)" in repr(optim)


def test_nested_modules_and_lists_are_all_stepped(ad_backend: Any) -> None:
    class Stack(Module):
        layers: list[Tiny]
        head: Tiny

    case = ad_backend
    model = Stack([make_tiny(case, 1), make_tiny(case, 2)], make_tiny(case, 3))
    x, y = batch(case, 0)
    loss = sum((loss_of(m, x, y) for m in (*model.layers, model.head)), start=x.sum() * 0.0)
    grads = GradientsParams.from_grads(loss.backward(), model)
    assert len(grads) == 6                       # 3 tiny models x (weight, bias); offsets frozen
    optim = AdamWConfig().init()
    new = optim.step(0.01, model, grads)
    assert [p.id for p in new.params()] == [p.id for p in model.params()]
    assert optim.num_states() == 6
    for (path, old), (_, now) in zip(model.named_params(), new.named_params()):
        same = np.array_equal(old.val().to_numpy(), now.val().to_numpy())
        assert same == path.endswith("offset"), path


def test_gradients_params_container(ad_backend: Any) -> None:
    model = make_tiny(ad_backend)
    grads = grads_of(model, 0, ad_backend)
    copy = grads.copy()
    assert copy.remove(model.weight.id) is not None and model.weight.id in grads
    assert [pid for pid, _ in grads.items()] == list(grads) == grads.ids()
    moved = grads.to_device(ad_backend.device, model)
    assert moved is grads and moved.get(model.bias.id).device == ad_backend.device
    assert GradientsParams().is_empty() and repr(grads) == "GradientsParams(2 tensors)"
