"""The activation modules of activation_modules_extra.py, RRelu, SwiGlu, GaussianNoise, Identity
and ActivationConfig's new variants, on every backend row: forward and input gradients against
torch.nn in float64 and float32, values and gradients exactly at the thresholds (ties go the way
of Burn; where torch's subgradient differs, the test names Burn's), finite differences in
float64, Burn's defaults and display, JSON round trips with Burn's keys, and clear errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from pyburn import Tensor  # noqa: E402
from pyburn.config import ConfigError  # noqa: E402
from pyburn.module import Param  # noqa: E402
from pyburn.nn import (GLU, ActivationConfig, Celu, CeluConfig, Elu, EluConfig,  # noqa: E402
                       GaussianNoise, GaussianNoiseConfig, HardShrink, HardShrinkConfig,
                       HardSwish, Hardtanh, HardtanhConfig, Identity, Initializer,
                       LeakyReluConfig, LinearLayout, LogSigmoid, Mish, Relu6, RRelu,
                       RReluConfig, Selu, Shrink, ShrinkConfig, SoftShrink, SoftShrinkConfig,
                       Softsign, SwiGlu, SwiGluConfig, Tanhshrink, Threshold, ThresholdConfig,
                       ThresholdedRelu, ThresholdedReluConfig)
from pyburn.tensor import RankError, ShapeError  # noqa: E402
from pyburn.tensor import activation as F  # noqa: E402

from gradcheck import gradcheck  # noqa: E402

TOL = {"float64": dict(rtol=1e-10, atol=1e-12), "float32": dict(rtol=1e-5, atol=1e-6)}
DTYPES = ["float64", "float32"]


def torch_shrink(lambd: float, bias: float) -> Any:
    """ONNX's Shrink (torch has only Softshrink, ``bias == lambd``)."""
    return lambda x: torch.where(x > lambd, x - bias,
                                 torch.where(x < -lambd, x + bias, torch.zeros_like(x)))


# (id, pyburn module, torch reference, the kinks of the function)
CASES: list[tuple[str, Any, Any, list[float]]] = [
    ("elu", lambda: EluConfig().init(), lambda: torch.nn.ELU(), [0.0]),
    ("elu-0.5", lambda: EluConfig(0.5).init(), lambda: torch.nn.ELU(0.5), [0.0]),
    ("celu", lambda: CeluConfig().init(), lambda: torch.nn.CELU(), [0.0]),
    ("celu-2", lambda: CeluConfig(2.0).init(), lambda: torch.nn.CELU(2.0), [0.0]),
    ("selu", lambda: Selu(), lambda: torch.nn.SELU(), [0.0]),
    ("hard-shrink", lambda: HardShrinkConfig().init(), lambda: torch.nn.Hardshrink(), [-.5, .5]),
    ("hard-shrink-0.2", lambda: HardShrinkConfig().with_lambda(0.2).init(),
     lambda: torch.nn.Hardshrink(0.2), [-0.2, 0.2]),
    ("soft-shrink", lambda: SoftShrinkConfig().init(), lambda: torch.nn.Softshrink(), [-.5, .5]),
    ("soft-shrink-1.5", lambda: SoftShrinkConfig(1.5).init(), lambda: torch.nn.Softshrink(1.5),
     [-1.5, 1.5]),
    ("shrink", lambda: ShrinkConfig().init(), lambda: torch_shrink(0.5, 0.5), [-0.5, 0.5]),
    ("shrink-onnx", lambda: ShrinkConfig().with_lambda(1.5).with_bias(0.25).init(),
     lambda: torch_shrink(1.5, 0.25), [-1.5, 1.5]),
    ("tanhshrink", lambda: Tanhshrink(), lambda: torch.nn.Tanhshrink(), []),
    ("thresholded-relu", lambda: ThresholdedReluConfig().init(),
     lambda: torch.nn.Threshold(1.0, 0.0), [1.0]),
    ("thresholded-relu-neg", lambda: ThresholdedReluConfig(-0.5).init(),
     lambda: torch.nn.Threshold(-0.5, 0.0), [-0.5]),
    ("threshold", lambda: ThresholdConfig(0.5, -2.0).init(),
     lambda: torch.nn.Threshold(0.5, -2.0), [0.5]),
    ("hardtanh", lambda: HardtanhConfig().init(), lambda: torch.nn.Hardtanh(), [-1.0, 1.0]),
    ("hardtanh-wide", lambda: HardtanhConfig(-2.0, 3.0).init(),
     lambda: torch.nn.Hardtanh(-2.0, 3.0), [-2.0, 3.0]),
    ("relu6", lambda: Relu6(), lambda: torch.nn.ReLU6(), [0.0, 3.0 * 2]),
    ("hard-swish", lambda: HardSwish(), lambda: torch.nn.Hardswish(), [-3.0, 3.0]),
    ("mish", lambda: Mish(), lambda: torch.nn.Mish(), []),
    ("softsign", lambda: Softsign(), lambda: torch.nn.Softsign(), []),
    ("log-sigmoid", lambda: LogSigmoid(), lambda: torch.nn.LogSigmoid(), []),
]
# At a kink torch and Burn may take different one-sided derivatives. Burn's clamp (and so
# hardtanh, relu6, hard_swish) passes the gradient at its bounds; Burn's selu takes the
# right-hand slope at 0. These are the gradients pyburn gives there, at x = kinks[i].
BURN_KINK_GRADIENTS = {
    "hardtanh": [1.0, 1.0], "hardtanh-wide": [1.0, 1.0], "relu6": [1.0, 1.0],
    "hard-swish": [-0.5, 1.5], "selu": [1.0507009873554805],
}


def inputs(kinks: list[float]) -> np.ndarray:
    """Values on both sides of every kink (none within 0.05 of one), over [-8, 8]."""
    x = np.random.default_rng(0).uniform(-8, 8, [2, 3, 5])
    for k in kinks:
        x[np.abs(x - k) < 0.05] = k + 0.25
    return x


def forward_and_grad(case: Any, module: Any, x: np.ndarray) -> tuple[np.ndarray, Any]:
    """Our output and (on Autodiff rows) the gradient of ``sum(y * r)`` for a fixed r."""
    xt = case.tensor(x)
    if case.autodiff:
        xt = xt.require_grad()
    y = module(xt)
    if not case.autodiff:
        return y.to_numpy(), None
    r = np.random.default_rng(1).standard_normal(tuple(y.shape))
    return y.to_numpy(), xt.grad((y * case.tensor(r)).sum().backward()).to_numpy()


def torch_forward_and_grad(reference: Any, x: np.ndarray, dtype: str) -> tuple[Any, Any]:
    tx = torch.tensor(x, dtype=getattr(torch, dtype), requires_grad=True)
    ty = reference(tx)
    r = np.random.default_rng(1).standard_normal(tuple(ty.shape))
    (ty * torch.tensor(r, dtype=ty.dtype)).sum().backward()
    return ty.detach().numpy(), tx.grad.numpy()


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name,make,make_torch,kinks", CASES, ids=[c[0] for c in CASES])
def test_matches_torch(backend: Any, dtype: str, name: str, make: Any, make_torch: Any,
                       kinks: list[float]) -> None:
    case = backend.with_float(dtype)
    module = make()
    assert module.num_params() == 0 and module.into_record() == {}
    x = inputs(kinks)
    y, g = forward_and_grad(case, module, x)
    ty, tg = torch_forward_and_grad(make_torch(), x, dtype)
    np.testing.assert_allclose(y, ty, **TOL[dtype])
    if g is not None:
        np.testing.assert_allclose(g, tg, **TOL[dtype])


@pytest.mark.parametrize("name,make,make_torch,kinks",
                         [c for c in CASES if c[3]], ids=[c[0] for c in CASES if c[3]])
def test_at_the_thresholds(backend: Any, name: str, make: Any, make_torch: Any,
                           kinks: list[float]) -> None:
    """Exactly at a threshold the value is torch's (a tie goes to the dead / clamped side), and
    so is the gradient except where Burn's convention is named in BURN_KINK_GRADIENTS."""
    case = backend.f64
    x = np.array(kinks)
    xt = case.tensor(x)
    if case.autodiff:
        xt = xt.require_grad()
    y = make()(xt)
    tx = torch.tensor(x, requires_grad=True)
    ty = make_torch()(tx)
    np.testing.assert_array_equal(y.to_numpy(), ty.detach().numpy())
    if case.autodiff:
        ty.sum().backward()
        expected = BURN_KINK_GRADIENTS.get(name, tx.grad.tolist())
        assert xt.grad(y.sum().backward()).tolist() == pytest.approx(expected, rel=1e-15)


def test_finite_differences(ad_backend: Any) -> None:
    case = ad_backend.f64
    for _, make, _, kinks in CASES:
        gradcheck(case, make(), inputs(kinks))
    gradcheck(case, GLU(1), np.random.default_rng(2).standard_normal([2, 4, 3]))


@pytest.mark.parametrize("dim", [0, 1, 2, -1, -3])
def test_glu_matches_torch(backend: Any, dim: int) -> None:
    x = np.random.default_rng(3).standard_normal([4, 2, 6])
    y, g = forward_and_grad(backend.f64, GLU(dim), x)
    ty, tg = torch_forward_and_grad(torch.nn.GLU(dim), x, "float64")
    np.testing.assert_allclose(y, ty, **TOL["float64"])
    if g is not None:
        np.testing.assert_allclose(g, tg, **TOL["float64"])


def test_glu_errors(backend: Any) -> None:
    x = backend.tensor(np.zeros([2, 3]))
    with pytest.raises(ShapeError, match=r"GLU.forward: the size along dim 1 must be even, "
                                         r"got 3 \(shape \[2, 3\]\)"):
        GLU(1)(x)
    with pytest.raises(RankError, match=r"GLU.forward: dim 2 is out of range for an input of "
                                        r"rank 2 .*expected -2 <= dim < 2"):
        GLU(2)(x)
    with pytest.raises(RankError, match=r"GLU.forward: dim -3"):
        GLU(-3)(x)


def test_configs_defaults_display_and_json() -> None:
    """Burn's defaults, displays and JSON keys (``lambda``, not ``lambda_``)."""
    assert EluConfig().alpha == 1.0 and CeluConfig().alpha == 1.0
    assert HardShrinkConfig().lambda_ == 0.5 and SoftShrinkConfig().lambda_ == 0.5
    assert (ShrinkConfig().lambda_, ShrinkConfig().bias) == (0.5, 0.5)
    assert ThresholdedReluConfig().alpha == 1.0
    assert (HardtanhConfig().min_val, HardtanhConfig().max_val) == (-1.0, 1.0)
    assert (RReluConfig().lower, RReluConfig().upper) == (0.125, 1.0 / 3.0)
    assert SwiGluConfig(2, 3).bias is False and SwiGluConfig(2, 3).layout is LinearLayout.Row
    assert str(CeluConfig(2.0).init()) == "Celu {alpha: 2}"
    assert str(EluConfig().init()) == "Elu {alpha: 1}"
    assert str(HardShrinkConfig().init()) == "HardShrink {lambda: 0.5}"
    assert str(SoftShrinkConfig(0.25).init()) == "SoftShrink {lambda: 0.25}"
    assert str(ShrinkConfig(0.5, 0.25).init()) == "Shrink {lambda: 0.5, bias: 0.25}"
    assert str(ThresholdedReluConfig().init()) == "ThresholdedRelu {alpha: 1}"
    assert str(ThresholdConfig(0.5, -1.0).init()) == "Threshold {threshold: 0.5, value: -1}"
    assert str(HardtanhConfig().init()) == "Hardtanh {min_val: -1, max_val: 1}"
    assert str(RReluConfig(0.1, 0.3).init()) == "RRelu {lower: 0.1, upper: 0.3}"
    assert str(GaussianNoiseConfig(0.5).init()) == "GaussianNoise {std: 0.5}"
    assert str(GLU(-1)) == "GLU {\n  dim: -1\n}"   # Burn's default (multi-line) display
    for module, name in [(HardSwish(), "HardSwish"), (Relu6(), "Relu6"), (Mish(), "Mish"),
                         (Selu(), "Selu"), (Identity(), "Identity"), (LogSigmoid(), "LogSigmoid")]:
        assert str(module) == name
    # Burn's builder and JSON key; the Python field is lambda_
    assert HardShrinkConfig().with_lambda(0.2) == HardShrinkConfig(0.2) \
        == HardShrinkConfig().with_lambda_(0.2)
    assert json.loads(ShrinkConfig(0.5, 0.25).to_json()) == {"lambda": 0.5, "bias": 0.25}
    assert SoftShrinkConfig.from_json('{"lambda": 0.3}') == SoftShrinkConfig(0.3)
    with pytest.raises(ConfigError, match="lambdaa"):
        HardShrinkConfig.from_json('{"lambdaa": 0.3}')
    configs = [EluConfig(0.5), CeluConfig(2.0), HardShrinkConfig(0.2), SoftShrinkConfig(0.1),
               ShrinkConfig(0.3, 0.1), ThresholdedReluConfig(2.0), ThresholdConfig(1.0, 2.0),
               HardtanhConfig(-2.0, 2.0), RReluConfig(0.1, 0.2), GaussianNoiseConfig(0.3),
               SwiGluConfig(4, 5, True, Initializer.Constant(value=0.5), LinearLayout.Col)]
    for config in configs:
        assert type(config).from_json(config.to_json()) == config


def test_config_errors(backend: Any) -> None:
    with pytest.raises(ValueError, match=r"CeluConfig.init: alpha must be nonzero"):
        CeluConfig(0.0).init()
    with pytest.raises(ValueError, match=r"SoftShrinkConfig.init: lambda must be >= 0, got -0.1"):
        SoftShrinkConfig(-0.1).init()
    with pytest.raises(ValueError, match=r"HardtanhConfig.init: min_val must be <= max_val, got "
                                         r"min_val=1.0, max_val=-1.0"):
        HardtanhConfig(1.0, -1.0).init()
    with pytest.raises(ValueError, match=r"RReluConfig.init: lower \(0.5\) must be <= upper "
                                         r"\(0.2\)"):
        RReluConfig().with_lower(0.5).with_upper(0.2).init()
    with pytest.raises(ValueError, match=r"RReluConfig.init: lower and upper must be finite"):
        RReluConfig(0.1, float("inf")).init()
    for std in (-0.5, -0.0, float("nan")):
        with pytest.raises(ValueError, match=r"GaussianNoiseConfig.init: the standard deviation "
                                             r"\(std\) is required to be non-negative"):
            GaussianNoiseConfig(std).init()
    with pytest.raises(ValueError, match=r"SwiGluConfig.init: sizes must be >= 0, got "
                                         r"d_input=-1, d_output=2"):
        SwiGluConfig(-1, 2).init(backend.device)


# -- RRelu ------------------------------------------------------------------------------------

def test_rrelu_eval_is_the_midpoint_leaky_relu(plain_backend: Any) -> None:
    """Off Autodiff (``model.valid()``) RRelu is torch's RReLU in eval mode."""
    x = inputs([0.0])
    y, _ = forward_and_grad(plain_backend.f64, RReluConfig(0.1, 0.3).init(), x)
    ty = torch.nn.RReLU(0.1, 0.3).eval()(torch.tensor(x))
    np.testing.assert_allclose(y, ty.numpy(), **TOL["float64"])
    same = LeakyReluConfig(0.2).init()(plain_backend.f64.tensor(x)).to_numpy()
    np.testing.assert_allclose(y, same, **TOL["float64"])


def test_rrelu_training_draws_a_slope_per_element(ad_backend: Any) -> None:
    """On Autodiff each negative element is scaled by its own U[lower, upper) slope, whose mean
    is the midpoint; positives (and 0) pass through; the gradient is that slope (1 for x >= 0),
    the same draw as the forward's."""
    case = ad_backend.f64
    case.B.seed(0)
    lower, upper = 0.1, 0.3
    x = np.concatenate([-np.linspace(0.5, 4.0, 20000), np.linspace(0.0, 3.0, 100)])
    xt = case.tensor(x).require_grad()
    y = RReluConfig(lower, upper).init()(xt)
    grad = xt.grad(y.sum().backward()).to_numpy()
    out = y.to_numpy()
    negative = x < 0
    slopes = out[negative] / x[negative]
    assert slopes.min() >= lower and slopes.max() < upper
    assert abs(slopes.mean() - (lower + upper) / 2) < 0.005
    assert abs(slopes.std() - (upper - lower) / np.sqrt(12)) < 0.005   # uniform's std
    np.testing.assert_array_equal(out[~negative], x[~negative])
    np.testing.assert_allclose(grad[negative], slopes, rtol=1e-12)
    np.testing.assert_array_equal(grad[~negative], 1.0)
    # a second call draws again; with lower == upper it is torch's (deterministic) RReLU
    assert not np.array_equal(RReluConfig(lower, upper).init()(xt).to_numpy(), out)
    fixed = RReluConfig(0.25, 0.25).init()
    tx = torch.tensor(x)
    np.testing.assert_allclose(fixed(case.tensor(x)).to_numpy(),
                               torch.nn.RReLU(0.25, 0.25).train()(tx).numpy(), **TOL["float64"])


def test_rrelu_is_reproducible_with_a_seed(ad_backend: Any) -> None:
    x = -np.ones([50])
    draws = []
    for _ in range(2):
        ad_backend.B.seed(3)
        draws.append(RReluConfig().init()(ad_backend.tensor(x)).to_numpy())
    np.testing.assert_array_equal(draws[0], draws[1])


# -- SwiGlu -----------------------------------------------------------------------------------

def _swiglu_with_torch_weights(case: Any, bias: bool, layout: LinearLayout) -> tuple[Any, Any]:
    """Our SwiGlu holding the weights of two torch.nn.Linear layers (``weight.T``)."""
    torch.manual_seed(0)
    inner, outer = torch.nn.Linear(4, 3, bias=bias), torch.nn.Linear(4, 3, bias=bias)
    inner, outer = inner.double(), outer.double()
    values = {"linear_inner.weight": inner.weight.detach().numpy().T,
              "linear_outer.weight": outer.weight.detach().numpy().T}
    if bias:
        values["linear_inner.bias"] = inner.bias.detach().numpy()
        values["linear_outer.bias"] = outer.bias.detach().numpy()
    swiglu = SwiGluConfig(4, 3, bias=bias, layout=layout).init(case.device)
    swiglu = swiglu.map(lambda path, p: p.with_value(case.tensor(values[path])))

    def reference(x: Any) -> Any:
        return torch.nn.functional.silu(inner(x)) * outer(x)
    return swiglu, (reference, inner, outer)


@pytest.mark.parametrize("bias", [False, True])
@pytest.mark.parametrize("layout", [LinearLayout.Row, LinearLayout.Col])
def test_swiglu_matches_torch(backend: Any, bias: bool, layout: LinearLayout) -> None:
    """Output, input gradient and every weight's gradient against silu(inner(x)) * outer(x)."""
    case = backend.f64
    swiglu, (reference, inner, outer) = _swiglu_with_torch_weights(case, bias, layout)
    assert swiglu.num_params() == 2 * (4 * 3 + (3 if bias else 0))
    x = np.random.default_rng(4).standard_normal([2, 5, 4])
    y, g = forward_and_grad(case, swiglu, x)
    ty, tg = torch_forward_and_grad(reference, x, "float64")
    np.testing.assert_allclose(y, ty, **TOL["float64"])
    if g is None:
        return
    np.testing.assert_allclose(g, tg, **TOL["float64"])
    r = np.random.default_rng(1).standard_normal([2, 5, 3])
    grads = (swiglu(case.tensor(x)) * case.tensor(r)).sum().backward()
    for ours, theirs in [(swiglu.linear_inner, inner), (swiglu.linear_outer, outer)]:
        np.testing.assert_allclose(ours.weight.val().grad(grads).to_numpy(),
                                   theirs.weight.grad.numpy().T, **TOL["float64"])
        if bias:
            np.testing.assert_allclose(ours.bias.val().grad(grads).to_numpy(),
                                       theirs.bias.grad.numpy(), **TOL["float64"])


def test_swiglu_finite_differences(ad_backend: Any) -> None:
    rng = np.random.default_rng(5)
    w1, w2, b1, b2 = (rng.standard_normal(s) for s in ([3, 2], [3, 2], [2], [2]))

    def fn(x: Any, w1: Any, w2: Any, b1: Any, b2: Any) -> Any:
        swiglu = SwiGluConfig(3, 2, bias=True).init(ad_backend.device)
        weights = {"linear_inner.weight": w1, "linear_outer.weight": w2,
                   "linear_inner.bias": b1, "linear_outer.bias": b2}
        return swiglu.map(lambda path, p: Param(weights[path]))(x)

    gradcheck(ad_backend.f64, fn, rng.standard_normal([4, 3]), w1, w2, b1, b2)


def test_swiglu_burn_values_display_and_errors(backend: Any) -> None:
    """Burn's test values (constant 0.5 weights), its record names and display."""
    swiglu = SwiGluConfig(3, 3).with_bias(True) \
        .with_initializer(Initializer.Constant(value=0.5)).init(backend.device)
    out = swiglu(backend.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    np.testing.assert_allclose(out.to_numpy(), [[11.8909] * 3, [63.9785] * 3], rtol=1e-4)
    assert set(swiglu.into_record()) == {"linear_inner", "linear_outer"}
    assert str(swiglu) == "SwiGlu {d_input: 3, d_output: 3, bias: true, params: 24}"
    with pytest.raises(ShapeError, match=r"SwiGlu.forward: expected an input of shape "
                                         r"\[\.\.\., 3\], got \[2, 4\]"):
        swiglu(backend.tensor(np.zeros([2, 4])))
    with pytest.raises(RankError, match=r"SwiGlu.forward: expected an input of rank >= 1"):
        swiglu(backend.tensor(np.float64(1.0)))


# -- GaussianNoise and Identity ---------------------------------------------------------------

def test_gaussian_noise_only_while_training(backend: Any) -> None:
    """On Autodiff: x + N(0, std^2) noise, fresh each call, with an identity gradient; off it
    (or with std 0): the input itself."""
    x = backend.f64.tensor(np.full([200, 200], 2.0))
    noise = GaussianNoiseConfig(0.5).init()
    assert GaussianNoiseConfig(0.0).init()(x) is x
    if not backend.autodiff:
        assert noise(x) is x
        return
    backend.B.seed(0)
    xt = x.require_grad()
    y = noise(xt)
    drawn = y.to_numpy() - 2.0
    assert abs(drawn.mean()) < 0.01 and abs(drawn.std() - 0.5) < 0.01
    assert not np.array_equal(noise(xt).to_numpy(), y.to_numpy())
    np.testing.assert_array_equal(xt.grad(y.sum().backward()).to_numpy(), 1.0)


def test_gaussian_noise_turns_off_with_valid(ad_backend: Any) -> None:
    """As Dropout: a model moved off Autodiff (``valid()``) computes on plain tensors."""
    x = Tensor[ad_backend.inner].from_data(np.ones([3, 3]), ad_backend.device.on(ad_backend.inner))
    np.testing.assert_array_equal(GaussianNoiseConfig(1.0).init()(x).to_numpy(), 1.0)


def test_identity(backend: Any) -> None:
    x = backend.tensor(np.arange(6.0).reshape(2, 3))
    identity = Identity()
    assert identity(x) is x and identity.forward(x) is x
    assert identity.num_params() == 0 and identity.into_record() == {}


# -- ActivationConfig's new variants ----------------------------------------------------------

VARIANTS = [
    (ActivationConfig.Identity(), lambda x: x),
    (ActivationConfig.GeluApproximate(), F.gelu_tanh),
    (ActivationConfig.HardSwish(), HardSwish()),
    (ActivationConfig.Celu(alpha=2.0), Celu(2.0)),
    (ActivationConfig.ThresholdedRelu(alpha=0.5), ThresholdedRelu(0.5)),
    (ActivationConfig.HardShrink(lambda_=0.3), HardShrink(0.3)),
    (ActivationConfig.SoftShrink().with_lambda(0.3), SoftShrink(0.3)),
    (ActivationConfig.Shrink(lambda_=0.3, bias=0.1), Shrink(0.3, 0.1)),
    (ActivationConfig.Elu(alpha=0.5), Elu(0.5)),
]


@pytest.mark.parametrize("config,module", VARIANTS, ids=[type(v[0]).__name__ for v in VARIANTS])
def test_activation_config_variants(backend: Any, config: Any, module: Any) -> None:
    """Each new variant computes what its module does, and round-trips through Burn's JSON."""
    x = backend.f64.tensor(inputs([0.0, 0.3, -0.3, 0.5]))
    activation = config.init(backend.device)
    np.testing.assert_array_equal(activation(x).to_numpy(), module(x).to_numpy())
    assert ActivationConfig.from_json(config.to_json()) == config


def test_activation_config_json_uses_burn_names() -> None:
    assert json.loads(ActivationConfig.Identity().to_json()) == "Identity"
    assert json.loads(ActivationConfig.Shrink(lambda_=0.3, bias=0.1).to_json()) == \
        {"Shrink": {"lambda": 0.3, "bias": 0.1}}
    assert ActivationConfig.from_json('{"HardShrink": {"lambda": 0.25}}') == \
        ActivationConfig.HardShrink(lambda_=0.25)
    swiglu = ActivationConfig.SwiGlu(d_input=4, d_output=2)
    assert json.loads(swiglu.to_json())["SwiGlu"]["d_input"] == 4
    assert ActivationConfig.from_json(swiglu.to_json()) == swiglu


def test_activation_config_from_layer_configs() -> None:
    """Burn's ``From<XConfig> for ActivationConfig``: the variant with the same settings."""
    from pyburn.nn import HardSigmoidConfig, PReluConfig, SoftplusConfig
    pairs = [
        (PReluConfig(3, 0.5), ActivationConfig.PRelu(num_parameters=3, alpha=0.5)),
        (LeakyReluConfig(0.2), ActivationConfig.LeakyRelu(negative_slope=0.2)),
        (HardSigmoidConfig(0.1, 0.4), ActivationConfig.HardSigmoid(alpha=0.1, beta=0.4)),
        (SoftplusConfig(2.0), ActivationConfig.Softplus(beta=2.0)),
        (EluConfig(0.5), ActivationConfig.Elu(alpha=0.5)),
        (CeluConfig(2.0), ActivationConfig.Celu(alpha=2.0)),
        (ThresholdedReluConfig(0.5), ActivationConfig.ThresholdedRelu(alpha=0.5)),
        (HardShrinkConfig(0.2), ActivationConfig.HardShrink(lambda_=0.2)),
        (SoftShrinkConfig(0.2), ActivationConfig.SoftShrink(lambda_=0.2)),
        (ShrinkConfig(0.2, 0.1), ActivationConfig.Shrink(lambda_=0.2, bias=0.1)),
        (SwiGluConfig(3, 4, True), ActivationConfig.SwiGlu(d_input=3, d_output=4, bias=True)),
    ]
    for layer_config, variant in pairs:
        assert ActivationConfig.from_(layer_config) == variant
    assert ActivationConfig.from_(ActivationConfig.Relu()) == ActivationConfig.Relu()
    with pytest.raises(TypeError, match=r"ActivationConfig.from_: expected an ActivationConfig "
                                        r"or one of PReluConfig, .*got HardtanhConfig"):
        ActivationConfig.from_(HardtanhConfig())


def test_activation_config_swiglu(backend: Any) -> None:
    """The SwiGlu variant holds the two linear layers of a `SwiGlu`; init_with loads them."""
    config = ActivationConfig.SwiGlu(d_input=3, d_output=2, bias=True)
    activation = config.init(backend.device)
    assert activation.num_params() == 2 * (3 * 2 + 2)
    x = backend.tensor(np.random.default_rng(6).standard_normal([4, 3]))
    assert isinstance(activation.swiglu, SwiGlu)
    np.testing.assert_array_equal(activation(x).to_numpy(), activation.swiglu(x).to_numpy())
    loaded = config.init_with(activation.into_record(), backend.device)
    np.testing.assert_array_equal(loaded(x).to_numpy(), activation(x).to_numpy())
    if backend.autodiff:
        grads = activation(x).sum().backward()
        assert activation.swiglu.linear_inner.weight.val().grad(grads) is not None


def test_modules_as_fields_of_a_model(backend: Any) -> None:
    """The new modules sit in a model like any layer; only SwiGlu adds parameters."""
    from pyburn.module import Module

    class Block(Module):
        swiglu: SwiGlu
        noise: GaussianNoise
        rrelu: RRelu
        shrink: SoftShrink
        clamp: Hardtanh
        skip: Identity
        threshold: Threshold

        def forward(self, x: Any) -> Any:
            h = self.rrelu(self.noise(self.swiglu(x)))
            return self.threshold(self.clamp(self.shrink(h))) + self.skip(x)

    block = Block(SwiGluConfig(3, 3).init(backend.device), GaussianNoiseConfig(0.1).init(),
                  RReluConfig().init(), SoftShrinkConfig().init(), HardtanhConfig().init(),
                  Identity(), ThresholdConfig(-0.5, 0.0).init())
    assert block.num_params() == 18
    record = block.into_record()
    assert all(record[k] == {} for k in ("noise", "rrelu", "shrink", "clamp", "skip",
                                         "threshold"))
    out = block(backend.tensor(np.ones([2, 3])))
    assert out.dims() == [2, 3]
    assert isinstance(block.clamp, Hardtanh) and isinstance(block.rrelu, RRelu)
    assert isinstance(block.shrink, SoftShrink) and isinstance(block.threshold, Threshold)
    assert isinstance(ShrinkConfig().init(), Shrink) and isinstance(CeluConfig().init(), Celu)
    assert isinstance(ThresholdedReluConfig().init(), ThresholdedRelu)
    assert isinstance(EluConfig().init(), Elu) and isinstance(HardShrinkConfig().init(),
                                                              HardShrink)
    assert isinstance(RReluConfig().init(), RRelu)
    assert isinstance(GaussianNoiseConfig(0.5).init(), GaussianNoise)
