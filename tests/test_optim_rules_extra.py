"""RmsProp, AdaGrad and Adan (pyburn.optim): step by step against torch.optim.RMSprop/Adagrad
(float64) in every option combination, Adan against a NumPy transcription of the reference
implementation (torch has no Adan), bit-exact resume from a record, bad configs refused."""

from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.module import Module, Param
from pyburn.optim import (AdaGradConfig, AdanConfig, GradientClippingConfig, GradientsParams,
                          RmsPropConfig, WeightDecayConfig)
from pyburn.record import BinBytesRecorder, DoublePrecisionSettings

D_IN, D_OUT, BATCH = 4, 3, 5
LRS = [0.1, 0.05, 0.2, 0.01, 0.1, 0.07]   # a different rate each step: lr is a step argument


class Tiny(Module):
    weight: Param[Any]
    bias: Param[Any]

    def forward(self, x: Any) -> Any:
        return (x @ self.weight.val() + self.bias.val()).tanh()


def make_tiny(case: Any, seed: int = 0) -> Tiny:
    rng = np.random.default_rng(seed)
    T = Tensor[case.B]
    return Tiny(Param(T.from_data(rng.normal(size=(D_IN, D_OUT)), case.device)),
                Param(T.from_data(rng.normal(size=(D_OUT,)), case.device)))


def grads_of(model: Tiny, step: int, case: Any) -> GradientsParams:
    rng = np.random.default_rng(100 + step)
    T = Tensor[case.B]
    x = T.from_data(rng.normal(size=(BATCH, D_IN)), case.device)
    y = T.from_data(rng.uniform(-0.9, 0.9, size=(BATCH, D_OUT)), case.device)
    loss = (model.forward(x) - y).square().mean()
    return GradientsParams.from_grads(loss.backward(), model)


def values(model: Tiny) -> dict[str, np.ndarray]:
    return {name: p.val().to_data().to_numpy() for name, p in model.named_params()}


def grad_values(model: Tiny, grads: GradientsParams) -> dict[str, np.ndarray]:
    return {n: grads.get(getattr(model, n).id).to_data().to_numpy() for n in ("weight", "bias")}


# --- against torch.optim --------------------------------------------------------------------------
def _torch_cases() -> dict[str, tuple[Any, Callable[[Any, Any], Any]]]:
    """pyburn config and the torch.optim constructor doing the same: every combination of
    RMSprop's centered / momentum / weight decay, and of AdaGrad's lr_decay / weight decay.
    Burn's defaults differ from torch's (momentum 0.9, epsilon 1e-5), so both are spelled out."""
    cases: dict[str, tuple[Any, Callable[[Any, Any], Any]]] = {}
    for centered, momentum, decay in itertools.product([False, True], [0.0, 0.9], [0.0, 0.05]):
        config = RmsPropConfig(alpha=0.9, momentum=momentum, epsilon=1e-8, centered=centered,
                               weight_decay=WeightDecayConfig(decay) if decay else None)
        cases[f"rmsprop-c{int(centered)}-m{momentum}-wd{decay}"] = (
            config, lambda p, o, c=centered, m=momentum, d=decay: o.RMSprop(
                p, lr=1.0, alpha=0.9, eps=1e-8, momentum=m, centered=c, weight_decay=d))
    for lr_decay, decay in itertools.product([0.0, 0.3], [0.0, 0.05]):
        config = AdaGradConfig(lr_decay=lr_decay, epsilon=1e-10,
                               weight_decay=WeightDecayConfig(decay) if decay else None)
        cases[f"adagrad-lrd{lr_decay}-wd{decay}"] = (
            config, lambda p, o, ld=lr_decay, d=decay: o.Adagrad(
                p, lr=1.0, lr_decay=ld, eps=1e-10, weight_decay=d))
    cases["rmsprop-burn-defaults"] = (
        RmsPropConfig(), lambda p, o: o.RMSprop(p, lr=1.0, alpha=0.99, eps=1e-5, momentum=0.9))
    cases["adagrad-burn-defaults"] = (AdaGradConfig(), lambda p, o: o.Adagrad(p, lr=1.0, eps=1e-5))
    return cases


TORCH_CASES = _torch_cases()


@pytest.mark.parametrize("name", list(TORCH_CASES))
def test_matches_torch_optim_step_by_step(ad_backend: Any, name: str) -> None:
    """Six steps with a different learning rate each, float64: every parameter equals
    torch.optim's after every step."""
    torch = pytest.importorskip("torch", reason="torch is not installed: no torch.optim to "
                                                "compare with")
    case = ad_backend.f64
    config, make_torch = TORCH_CASES[name]
    model = make_tiny(case)
    optim = config.init()
    params = {n: torch.tensor(v, dtype=torch.float64, requires_grad=True)
              for n, v in values(model).items()}
    topt = make_torch(list(params.values()), torch.optim)
    for step, lr in enumerate(LRS):
        grads = grads_of(model, step, case)
        for n, g in grad_values(model, grads).items():
            params[n].grad = torch.tensor(g, dtype=torch.float64)
        for group in topt.param_groups:
            group["lr"] = lr
        topt.step()
        model = optim.step(lr, model, grads)
        now = values(model)
        for n, p in params.items():
            np.testing.assert_allclose(now[n], p.detach().numpy(), rtol=1e-12, atol=1e-13,
                                       err_msg=f"{name}: {n} after step {step + 1}")


# --- Adan against a NumPy transcription -----------------------------------------------------------
class AdanReference:
    """Adan as in the authors' reference implementation (and Burn), float64, per parameter."""

    def __init__(self, b1: float, b2: float, b3: float, eps: float, wd: float,
                 no_prox: bool) -> None:
        self.b1, self.b2, self.b3, self.eps, self.wd, self.no_prox = b1, b2, b3, eps, wd, no_prox
        self.state: dict[str, dict[str, Any]] = {}

    def step(self, name: str, lr: float, p: np.ndarray, g: np.ndarray) -> np.ndarray:
        b1, b2, b3 = self.b1, self.b2, self.b3
        s = self.state.setdefault(name, {"t": 0, "m": np.zeros_like(g), "v": np.zeros_like(g),
                                         "n": np.zeros_like(g), "prev": g})
        s["t"] += 1
        t = s["t"]
        diff = g - s["prev"]                       # 0 at the first step
        s["m"] = b1 * s["m"] + (1 - b1) * g
        s["n"] = b2 * s["n"] + (1 - b2) * diff
        s["v"] = b3 * s["v"] + (1 - b3) * (g + b2 * diff) ** 2
        s["prev"] = g
        denom = np.sqrt(s["v"]) / math.sqrt(1 - b3 ** t) + self.eps
        update = (s["m"] / (1 - b1 ** t) + b2 * s["n"] / (1 - b2 ** t)) / denom
        if self.no_prox:
            return p * (1 - lr * self.wd) - lr * update
        return (p - lr * update) / (1 + lr * self.wd)


ADAN_CASES = {
    "defaults": (AdanConfig(), dict(b1=0.98, b2=0.92, b3=0.99, eps=1e-8, wd=0.0, no_prox=False)),
    "prox-decay": (AdanConfig(beta_1=0.9, beta_2=0.8, beta_3=0.95, weight_decay=0.1),
                   dict(b1=0.9, b2=0.8, b3=0.95, eps=1e-8, wd=0.1, no_prox=False)),
    "no-prox-decay": (AdanConfig(epsilon=1e-6, weight_decay=0.1, no_prox=True),
                      dict(b1=0.98, b2=0.92, b3=0.99, eps=1e-6, wd=0.1, no_prox=True)),
}


@pytest.mark.parametrize("name", list(ADAN_CASES))
def test_adan_matches_reference(ad_backend: Any, name: str) -> None:
    case = ad_backend.f64
    config, hp = ADAN_CASES[name]
    ref = AdanReference(**hp)
    model = make_tiny(case)
    optim = config.init()
    expected = values(model)
    for step, lr in enumerate(LRS):
        grads = grads_of(model, step, case)
        for n, g in grad_values(model, grads).items():
            expected[n] = ref.step(n, lr, expected[n], g)
        model = optim.step(lr, model, grads)
        for n, v in values(model).items():
            np.testing.assert_allclose(v, expected[n], rtol=1e-12, atol=1e-14,
                                       err_msg=f"{name}: {n} after step {step + 1}")


def test_clipping_applies_before_the_rule(ad_backend: Any) -> None:
    """grad_clipping clips each gradient first: equal to the rule fed clipped gradients."""
    case = ad_backend.f64
    clipped = RmsPropConfig(grad_clipping=GradientClippingConfig.Value(0.01)).init()
    plain = RmsPropConfig().init()
    a = b = make_tiny(case)
    for step, lr in enumerate(LRS[:3]):
        grads = grads_of(a, step, case)
        a = clipped.step(lr, a, grads)
        manual = GradientsParams()
        for p in b.params():
            manual.register(p.id, grads_of(b, step, case).get(p.id).clamp(-0.01, 0.01))
        b = plain.step(lr, b, manual)
    for n, v in values(a).items():
        np.testing.assert_array_equal(v, values(b)[n])


# --- records --------------------------------------------------------------------------------------
RESUME_CASES = {
    "rmsprop-centered-momentum": RmsPropConfig(centered=True, weight_decay=WeightDecayConfig(0.01)),
    "rmsprop-plain": RmsPropConfig(momentum=0.0),
    "adagrad": AdaGradConfig(lr_decay=0.1),
    "adan": AdanConfig(weight_decay=0.02),
}


@pytest.mark.parametrize("precision", ["float32", "float64"])
@pytest.mark.parametrize("name", list(RESUME_CASES))
def test_resume_from_record_is_bit_for_bit(ad_backend: Any, name: str, precision: str) -> None:
    """3 steps, state to bytes, a fresh optimizer from the bytes, 3 more steps: equal, bit for
    bit, to 6 straight steps."""
    case = ad_backend.with_float(precision)
    config = RESUME_CASES[name]
    straight, optim = make_tiny(case), config.init()
    for step in range(6):
        straight = optim.step(LRS[step], straight, grads_of(straight, step, case))

    model, optim = make_tiny(case), config.init()
    for step in range(3):
        model = optim.step(LRS[step], model, grads_of(model, step, case))
    data = optim.into_bytes()
    resumed = config.init().from_bytes(data, model)
    assert resumed.to_record().keys() == optim.to_record().keys()
    for step in range(3, 6):
        model = resumed.step(LRS[step], model, grads_of(model, step, case))
    for n, v in values(straight).items():
        np.testing.assert_array_equal(values(model)[n], v, err_msg=f"{name}/{precision}: {n}")


def test_record_fields(ad_backend: Any) -> None:
    """Burn's field names; optional tensors are None when their option is off."""
    model = make_tiny(ad_backend)
    recorder = BinBytesRecorder(DoublePrecisionSettings)
    expected: list[tuple[Any, dict[str, bool]]] = [
        (RmsPropConfig(momentum=0.0), {"square_avg": True, "grad_avg": False, "buf": False}),
        (RmsPropConfig(centered=True), {"square_avg": True, "grad_avg": True, "buf": True}),
    ]
    for config, present in expected:
        optim: Any = config.init()
        optim.step(0.1, model, grads_of(model, 0, ad_backend))
        for state in recorder.load(recorder.record(optim.to_record())).values():
            assert {k: v is not None for k, v in state.items()} == present
    optim = AdaGradConfig().init()
    optim.step(0.1, model, grads_of(model, 0, ad_backend))
    state = next(iter(optim.to_record().values()))
    assert set(state) == {"lr_decay"} and set(state["lr_decay"]) == {"time", "sum"}
    assert state["lr_decay"]["time"] == 1
    optim = AdanConfig().init()
    optim.step(0.1, model, grads_of(model, 0, ad_backend))
    state = next(iter(optim.to_record().values()))["momentum"]
    assert set(state) == {"time", "exp_avg", "exp_avg_sq", "exp_avg_diff", "neg_pre_grad"}


# --- configs --------------------------------------------------------------------------------------
def test_configs_are_burn_configs() -> None:
    rms = RmsPropConfig().with_alpha(0.9).with_centered(True).with_weight_decay(
        WeightDecayConfig(0.1))
    assert (rms.alpha, rms.momentum, rms.epsilon, rms.centered) == (0.9, 0.9, 1e-5, True)
    assert RmsPropConfig.from_dict(rms.to_dict()) == rms
    ada = AdaGradConfig().with_lr_decay(0.5)
    assert (ada.lr_decay, ada.epsilon, ada.weight_decay) == (0.5, 1e-5, None)
    assert AdaGradConfig.from_dict(ada.to_dict()) == ada
    adan = AdanConfig().with_no_prox(True)
    assert (adan.beta_1, adan.beta_2, adan.beta_3, adan.epsilon, adan.weight_decay) == \
        (0.98, 0.92, 0.99, 1e-8, 0.0)
    assert AdanConfig.from_dict(adan.to_dict()) == adan


@pytest.mark.parametrize("config, message", [
    (RmsPropConfig(alpha=1.5), "RmsPropConfig: alpha must be in [0, 1], got 1.5"),
    (RmsPropConfig(alpha=float("nan")), "RmsPropConfig: alpha"),
    (RmsPropConfig(momentum=-0.1), "RmsPropConfig: momentum must be finite and >= 0, got -0.1"),
    (RmsPropConfig(epsilon=-1e-8), "RmsPropConfig: epsilon must be finite and >= 0"),
    (AdaGradConfig(lr_decay=-1.0), "AdaGradConfig: lr_decay must be finite and >= 0, got -1.0"),
    (AdaGradConfig(epsilon=float("inf")), "AdaGradConfig: epsilon must be finite and >= 0"),
    (AdanConfig(beta_2=1.0), "AdanConfig: beta_2 must be in [0, 1), got 1.0"),
    (AdanConfig(beta_3=-0.5), "AdanConfig: beta_3 must be in [0, 1), got -0.5"),
    (AdanConfig(epsilon=-1.0), "AdanConfig: epsilon must be finite and >= 0"),
    (AdanConfig(weight_decay=-0.1), "AdanConfig: weight_decay must be finite and >= 0"),
])
def test_bad_config_values_are_refused(config: Any, message: str) -> None:
    with pytest.raises(ValueError) as err:
        config.init()
    assert message in str(err.value)


def test_repr() -> None:
    assert repr(RmsPropConfig().build()) == (
        "RmsProp(alpha=0.99, momentum=0.9, epsilon=1e-05, centered=False, weight_decay=None)")
    assert repr(AdaGradConfig().build()) == (
        "AdaGrad(lr_decay=0.0, epsilon=1e-05, weight_decay=None)")
    assert repr(AdanConfig().build()) == (
        "Adan(beta_1=0.98, beta_2=0.92, beta_3=0.99, epsilon=1e-08, weight_decay=0.0, "
        "no_prox=False)")


# --- under pyburn.jit -----------------------------------------------------------------------------
JIT_CASES = {
    "rmsprop-centered-decay": lambda: RmsPropConfig(centered=True).with_weight_decay(
        WeightDecayConfig(1e-3)).init(),
    "rmsprop-no-momentum-clip": lambda: RmsPropConfig(momentum=0.0).with_grad_clipping(
        GradientClippingConfig.Norm(0.5)).init(),
    "adagrad-lr-decay": lambda: AdaGradConfig(lr_decay=0.1).init(),
    "adan-prox": lambda: AdanConfig(weight_decay=0.02).init(),
    "adan-no-prox": lambda: AdanConfig(weight_decay=0.02, no_prox=True).init(),
}


@pytest.mark.parametrize("name", list(JIT_CASES))
def test_jitted_equals_eager(ad_backend: Any, name: str) -> None:
    """A captured step replays these rules (step counts and learning rates as plan inputs):
    bit-identical to eager on NumPy rows, two traces (no state, then steady state)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from jit_helpers import run_side_by_side

    rng = np.random.default_rng(0)
    T = Tensor[ad_backend.B]
    batches = [(T.from_data(rng.normal(size=(BATCH, D_IN)).astype(np.float32), ad_backend.device),
                T.from_data(rng.normal(size=(BATCH, D_OUT)).astype(np.float32), ad_backend.device))
               for _ in LRS]
    js = run_side_by_side(ad_backend, lambda: (make_tiny(ad_backend), JIT_CASES[name]()),
                          batches, LRS)
    stats = js.stats()
    assert stats.traces <= 2 and stats.captured == [], stats
