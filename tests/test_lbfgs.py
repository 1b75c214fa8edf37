"""L-BFGS against ``torch.optim.LBFGS`` (float64, with and without the strong-Wolfe line search)
on Rosenbrock, a linear least squares and a tiny MLP, step by step on every Autodiff row; Burn's
own lbfgs.rs tests (float32, Burn's numbers); stopping rules, history, records, errors."""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.config import ConfigError
from pyburn.module import Module, Param
from pyburn.nn import Linear
from pyburn.nn.loss import MseLoss, Reduction
from pyburn.optim import GradientsParams, LBFGSConfig, LineSearchFn, cubic_interpolate
from pyburn.optim.lbfgs import strong_wolfe
from pyburn.record import NamedMpkFileRecorder, DoublePrecisionSettings, RecordError
from pyburn.tensor import GradientError, ShapeError


class Vars(Module):
    """Parameters for a loss written once for torch and pyburn tensors."""

    ps: list[Param[Any]]


LossFn = Callable[[list[Any], list[Any]], Any]


def rosenbrock(p: list[Any], _: list[Any]) -> Any:
    x = p[0]
    return (100.0 * (x[1:] - x[:-1] * x[:-1]) ** 2 + (1.0 - x[:-1]) ** 2).sum()


def least_squares(p: list[Any], c: list[Any]) -> Any:
    return ((c[0] @ p[0] + p[1] - c[1]) ** 2).sum()


def mlp(p: list[Any], c: list[Any]) -> Any:
    return ((((c[0] @ p[0] + p[1]).tanh() @ p[2] + p[3]) - c[1]) ** 2).mean()


def problem(name: str) -> tuple[LossFn, list[np.ndarray], list[np.ndarray]]:
    rng = np.random.default_rng(7)
    if name == "rosenbrock":
        return rosenbrock, [np.array([-1.2, 1.0, -0.5, 0.8])], []
    x = rng.normal(size=(12, 3))
    if name == "least_squares":
        y = x @ np.array([[1.0, -2.0], [0.5, 0.0], [3.0, 1.0]]) + 0.1 * rng.normal(size=(12, 2))
        return least_squares, [rng.normal(size=(3, 2)), np.zeros(2)], [x, y]
    y = np.sin(x.sum(1, keepdims=True))
    return mlp, [rng.normal(size=(3, 5)) * 0.5, np.zeros(5), rng.normal(size=(5, 1)) * 0.5,
                 np.zeros(1)], [x, y]


def torch_steps(fn: LossFn, p0: list[np.ndarray], c: list[np.ndarray], lr: float, steps: int,
                **kwargs: Any) -> tuple[list[list[np.ndarray]], list[float], Any]:
    """torch.optim.LBFGS in float64: the parameters and the loss after each step."""
    torch = pytest.importorskip("torch")
    ps = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in p0]
    cs = [torch.tensor(v, dtype=torch.float64) for v in c]
    opt = torch.optim.LBFGS(ps, lr=lr, **kwargs)

    def closure() -> Any:
        opt.zero_grad()
        loss = fn(ps, cs)
        loss.backward()
        return loss

    params, losses = [], []
    for _ in range(steps):
        opt.step(closure)
        params.append([p.detach().numpy().copy() for p in ps])
        with torch.no_grad():
            losses.append(float(fn(ps, cs)))
    return params, losses, opt.state[ps[0]]


def pyburn_setup(case: Any, fn: LossFn, p0: list[np.ndarray],
                 c: list[np.ndarray]) -> tuple[Vars, Callable[[Vars], Any]]:
    model = Vars([Param(Tensor[case.B].from_data(v, case.device)) for v in p0])
    cs = [Tensor[case.B].from_data(v, case.device) for v in c]

    def closure(m: Vars) -> tuple[Any, GradientsParams]:
        loss = fn([p.val() for p in m.ps], cs)
        return loss, GradientsParams.from_grads(loss.backward(), m)

    return model, closure


def values(model: Vars) -> list[np.ndarray]:
    return [p.val().to_numpy() for p in model.ps]


@pytest.mark.parametrize("name,lr,max_iter,steps", [
    ("rosenbrock", 1.0, 4, 4), ("rosenbrock", 0.1, 5, 4), ("least_squares", 0.5, 3, 3),
    ("mlp", 1.0, 5, 4)])
@pytest.mark.parametrize("line_search", [None, LineSearchFn.StrongWolfe])
def test_iterates_equal_torch(ad_backend: Any, name: str, lr: float, max_iter: int, steps: int,
                              line_search: LineSearchFn | None) -> None:
    """Several steps of a few iterations each (14 to 20 iterations in all): once a problem is
    solved, where L-BFGS stops in the flat bottom depends on rounding, so the comparison covers
    the descent."""
    fn, p0, c = problem(name)
    expected, expected_losses, torch_state = torch_steps(
        fn, p0, c, lr, steps, max_iter=max_iter,
        line_search_fn=None if line_search is None else "strong_wolfe")
    model, closure = pyburn_setup(ad_backend.f64, fn, p0, c)
    optim = LBFGSConfig().with_max_iter(max_iter).with_line_search_fn(line_search).init()
    for want, want_loss in zip(expected, expected_losses):
        model, loss = optim.step(lr, model, closure)
        for got, ref in zip(values(model), want):
            np.testing.assert_allclose(got, ref, rtol=1e-10, atol=1e-10)
        assert loss == pytest.approx(want_loss, rel=1e-9, abs=1e-12)
    assert optim.state.g_iter == torch_state["n_iter"]
    assert len(optim.state.history_s) == len(torch_state["old_dirs"])


def test_rosenbrock_converges_with_line_search(ad_backend: Any) -> None:
    fn, p0, c = problem("rosenbrock")
    model, closure = pyburn_setup(ad_backend.f64, fn, p0, c)
    optim = (LBFGSConfig().with_max_iter(200).with_max_eval(400)
             .with_line_search_fn(LineSearchFn.StrongWolfe).init())
    for _ in range(3):
        model, loss = optim.step(1.0, model, closure)
    np.testing.assert_allclose(values(model)[0], np.ones(4), atol=1e-6)
    assert loss < 1e-10


@pytest.mark.parametrize("line_search", [None, LineSearchFn.StrongWolfe])
def test_least_squares_reaches_the_solution(ad_backend: Any,
                                            line_search: LineSearchFn | None) -> None:
    fn, p0, c = problem("least_squares")
    model, closure = pyburn_setup(ad_backend.f64, fn, p0, c)
    optim = LBFGSConfig().with_line_search_fn(line_search).init()
    for _ in range(3):
        model, loss = optim.step(1.0, model, closure)
    x1 = np.hstack([c[0], np.ones((len(c[0]), 1))])
    solution = np.linalg.lstsq(x1, c[1], rcond=None)[0]
    np.testing.assert_allclose(values(model)[0], solution[:3], atol=1e-6)
    np.testing.assert_allclose(values(model)[1], solution[3], atol=1e-6)
    assert loss == pytest.approx(float(((x1 @ solution - c[1]) ** 2).sum()), rel=1e-10)


@pytest.mark.parametrize("line_search", [None, LineSearchFn.StrongWolfe])
def test_history_size_and_tolerances_equal_torch(ad_backend: Any,
                                                  line_search: LineSearchFn | None) -> None:
    """A short history is a sliding window; a loose tolerance_change stops early, as in torch."""
    fn, p0, c = problem("mlp")
    ls = None if line_search is None else "strong_wolfe"
    for kwargs in ({"history_size": 3}, {"tolerance_change": 1e-3}, {"tolerance_grad": 1e-2}):
        expected, _, torch_state = torch_steps(fn, p0, c, 1.0, 2, line_search_fn=ls, **kwargs)
        model, closure = pyburn_setup(ad_backend.f64, fn, p0, c)
        config = LBFGSConfig().with_line_search_fn(line_search)
        for key, value in kwargs.items():
            config = getattr(config, f"with_{key}")(value)
        optim = config.init()
        for want in expected:
            model, _ = optim.step(1.0, model, closure)
            for got, ref in zip(values(model), want):
                np.testing.assert_allclose(got, ref, rtol=1e-10, atol=1e-10)
        assert optim.state.g_iter == torch_state["n_iter"], kwargs
        assert len(optim.state.history_s) == len(torch_state["old_dirs"])
        assert len(optim.state.history_s) <= kwargs.get("history_size", 100)
    assert optim.state.g_iter < 40   # tolerance_grad=1e-2 stopped before max_iter twice


def test_tolerance_grad_returns_at_once(ad_backend: Any) -> None:
    """At a point whose gradient is below tolerance_grad: one evaluation, nothing changes."""
    model, closure = pyburn_setup(ad_backend.f64, rosenbrock, [np.ones(4)], [])
    calls = []
    optim = LBFGSConfig().init()
    out, loss = optim.step(1.0, model, lambda m: calls.append(1) or closure(m))
    assert out is model and loss == 0.0 and calls == [1] and optim.state.g_iter == 0


def test_evaluation_budget(ad_backend: Any) -> None:
    """max_eval bounds the closure calls of a step, line search included."""
    fn, p0, c = problem("rosenbrock")
    model, closure = pyburn_setup(ad_backend.f64, fn, p0, c)
    for max_eval in (1, 3, 7):
        calls = []
        optim = (LBFGSConfig().with_max_eval(max_eval)
                 .with_line_search_fn(LineSearchFn.StrongWolfe).init())
        optim.step(1.0, model, lambda m: calls.append(1) or closure(m))
        assert len(calls) <= max_eval + 1   # the first evaluation is not a line-search one


def test_frozen_and_missing_gradients(ad_backend: Any) -> None:
    """A frozen parameter keeps its value; an unused one counts as a zero gradient (torch)."""
    case = ad_backend.f64
    fn, p0, c = problem("least_squares")
    frozen = Param(Tensor[case.B].from_data([5.0, 6.0], case.device), require_grad=False)
    unused = Param(Tensor[case.B].from_data([1.0, 2.0], case.device))
    model, closure = pyburn_setup(case, fn, p0, c)
    model = Vars([*model.ps, frozen, unused])
    expected, _, _ = torch_steps(fn, p0, c, 0.5, 1, max_iter=3)
    model, _ = LBFGSConfig().with_max_iter(3).init().step(0.5, model, closure)
    for got, ref in zip(values(model), expected[0]):
        np.testing.assert_allclose(got, ref, rtol=1e-10, atol=1e-10)
    np.testing.assert_array_equal(values(model)[2], [5.0, 6.0])
    np.testing.assert_array_equal(values(model)[3], [1.0, 2.0])
    assert [p.id for p in model.ps[2:]] == [frozen.id, unused.id]


@pytest.mark.parametrize("line_search", [None, LineSearchFn.StrongWolfe])
def test_record_round_trip_resumes_exactly(ad_backend: Any, line_search: LineSearchFn | None,
                                           tmp_path: Any) -> None:
    fn, p0, c = problem("mlp")
    model, closure = pyburn_setup(ad_backend.f64, fn, p0, c)
    config = LBFGSConfig().with_max_iter(3).with_history_size(4).with_line_search_fn(line_search)
    optim = config.init()
    model, _ = optim.step(1.0, model, closure)
    from_bytes = config.init().from_bytes(optim.into_bytes(), model)
    path = optim.save_file(str(tmp_path / "lbfgs"), NamedMpkFileRecorder(DoublePrecisionSettings))
    from_file = config.init().load_file(path, NamedMpkFileRecorder(DoublePrecisionSettings))
    assert len(from_bytes.state.history_s) == len(optim.state.history_s) > 0
    results = []
    for o in (optim, from_bytes, from_file):
        m = model
        for _ in range(2):
            m, loss = o.step(1.0, m, closure)
        results.append((values(m), loss, o.state.g_iter))
    for got in results[1:]:
        assert got[1] == results[0][1] and got[2] == results[0][2]
        for a, b in zip(got[0], results[0][0]):
            np.testing.assert_array_equal(a, b)


def test_config_json_round_trip() -> None:
    config = (LBFGSConfig().with_history_size(5).with_max_eval(9)
              .with_line_search_fn(LineSearchFn.StrongWolfe))
    back = LBFGSConfig.from_json(config.to_json())
    assert back == config and back.line_search_fn is LineSearchFn.StrongWolfe
    assert '"line_search_fn": "StrongWolfe"' in config.to_json()
    assert LBFGSConfig().init().config.max_eval == 25        # max_iter * 5 // 4
    assert LBFGSConfig().max_eval is None


def test_errors(ad_backend: Any) -> None:
    for field, bad in (("max_iter", 0), ("history_size", 0), ("max_eval", 0),
                       ("tolerance_grad", -1.0), ("tolerance_change", math.nan)):
        with pytest.raises(ValueError, match=f"LBFGSConfig: {field} must be >= "):
            getattr(LBFGSConfig(), f"with_{field}")(bad).init()
    with pytest.raises(ConfigError, match="line_search_fn"):
        LBFGSConfig(line_search_fn="strong_wolfe")  # type: ignore[arg-type]

    case = ad_backend.f64
    fn, p0, c = problem("least_squares")
    model, closure = pyburn_setup(case, fn, p0, c)
    optim = LBFGSConfig().init()
    with pytest.raises(ValueError, match="LBFGS.step: the learning rate must be finite"):
        optim.step(-1.0, model, closure)
    with pytest.raises(TypeError, match=r"closure must return \(loss, GradientsParams\)"):
        optim.step(1.0, model, lambda m: closure(m)[0])
    with pytest.raises(TypeError, match="got dict as the gradients"):
        optim.step(1.0, model, lambda m: (closure(m)[0], {}))
    with pytest.raises(TypeError, match="loss must be a number or a one-element tensor"):
        optim.step(1.0, model, lambda m: ("1.0", closure(m)[1]))
    plain = Vars([Param(Tensor[case.inner].from_data([1.0], case.device.on(case.inner)))])
    with pytest.raises(GradientError, match="LBFGS.step: parameter 'ps.0'.*no autodiff"):
        optim.step(1.0, plain, closure)
    with pytest.raises(ValueError, match="no trainable float parameters"):
        optim.step(1.0, Vars([]), closure)

    def wrong_shape(m: Vars) -> tuple[Any, GradientsParams]:
        loss, grads = closure(m)
        grads.register(m.ps[1].id, Tensor[case.inner].from_data([1.0, 2.0, 3.0], case.device))
        return loss, grads

    with pytest.raises(ShapeError, match=r"gradient of parameter 'ps.1'.*\[3\].*\[2\]"):
        optim.step(1.0, model, wrong_shape)

    # A state for another model: refused at load (with the module) or at the next step.
    model, _ = optim.step(1.0, model, closure)
    other, other_closure = pyburn_setup(case, mlp, problem("mlp")[1], problem("mlp")[2])
    with pytest.raises(RecordError, match="vectors of 8 values, the module has 26"):
        LBFGSConfig().init().from_bytes(optim.into_bytes(), other)
    resumed = LBFGSConfig().init().from_bytes(optim.into_bytes())
    with pytest.raises(RecordError, match="state holds vectors of 8 values"):
        resumed.step(1.0, other, other_closure)
    with pytest.raises(ShapeError, match="state holds vectors of 8 values"):
        optim.step(1.0, other, other_closure)
    record = optim.to_record()
    del record["g_iter"]
    with pytest.raises(RecordError, match="missing field"):
        LBFGSConfig().init().load_record(record)
    with pytest.raises(RecordError, match="history_s: expected a list"):
        LBFGSConfig().init().load_record({**optim.to_record(), "history_s": 3})


# --- Burn's own lbfgs.rs tests (float32, Burn's expected numbers) -----------------------------------
def test_cubic_interpolate_equals_torch() -> None:
    torch = pytest.importorskip("torch")
    from torch.optim.lbfgs import _cubic_interpolate
    rng = np.random.default_rng(3)
    for _ in range(200):
        x1, f1, g1, x2, f2, g2 = (float(v) for v in rng.normal(size=6) * 3)
        for bounds in (None, (min(x1, x2) - 1.0, max(x1, x2) + 2.0)):
            want = _cubic_interpolate(x1, f1, torch.tensor(g1, dtype=torch.float64), x2, f2,
                                      torch.tensor(g2, dtype=torch.float64), bounds)
            assert cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds) == pytest.approx(
                float(want), rel=1e-14, abs=1e-14)


def test_strong_wolfe_direct_comparison(backend: Any) -> None:
    """Burn's test: an ascent direction, so the line search gives up at t = 0 after 11 calls."""
    inner = backend.inner
    device = backend.device.on(inner)
    x = Tensor[inner].from_data([2.1321912957], device)
    d = Tensor[inner].from_data([0.91312321], device)

    def func(xb: Any, t: float, dv: Any) -> tuple[float, Any]:
        cur = xb.add(dv.mul_scalar(t))
        x2 = cur.mul(cur)
        f = (x2.mul(x2) - x2.mul_scalar(2.0) + cur).sum().into_scalar()
        return float(f), x2.mul(cur).mul_scalar(4.0) - cur.mul_scalar(4.0) + cur.ones_like()

    f0, g0 = func(x, 0.0, d)
    gtd0 = float(g0.dot(d).into_scalar())
    assert abs(f0 - 13.7080059052) < 1e-6 and abs(gtd0 - 28.5305728912) < 1e-6
    f, g, t, evals = strong_wolfe(func, x, 1.213132, d, f0, g0, gtd0, 1e-4, 0.9, 1e-9, 10)
    assert abs(f - 13.708005905151367) < 1e-6
    assert abs(float(g.into_scalar()) - 31.2450428009) < 1e-6
    assert t == 0.0 and evals == 11


def burn_linear(case: Any) -> tuple[Linear, Callable[[Linear], Any]]:
    x = Tensor[case.B].from_data([[1.0], [2.0], [3.0]], case.device)
    y = Tensor[case.B].from_data([[3.0], [5.0], [7.0]], case.device)
    module = Linear(Param.from_data([[0.5]], case.device), Param.from_data([0.1], case.device))

    def closure(m: Linear) -> tuple[float, GradientsParams]:
        loss = MseLoss().forward(m.forward(x), y, Reduction.Sum)
        return float(loss.into_scalar()), GradientsParams.from_grads(loss.backward(), m)

    return module, closure


@pytest.mark.parametrize("line_search,loss,weight,bias", [
    (LineSearchFn.StrongWolfe, 0.0234732367, 2.0570652485, 0.8106800914),
    (None, 48.2181930542, 0.5302446192, 0.1142520783)])
def test_lbfgs_burn_comparison(ad_backend: Any, line_search: LineSearchFn | None, loss: float,
                               weight: float, bias: float) -> None:
    module, closure = burn_linear(ad_backend.with_float("float32"))
    assert abs(closure(module)[0] - 50.1300048828) < 1e-5
    optim = LBFGSConfig().with_line_search_fn(line_search).init()
    module, final = optim.step(0.001, module, closure)
    assert abs(final - loss) < 1e-5
    assert abs(module.weight.val().into_scalar() - weight) < 1e-5
    assert module.bias is not None and abs(module.bias.val().into_scalar() - bias) < 1e-5


def test_lbfgs_burnpack_round_trip(ad_backend: Any) -> None:
    module, closure = burn_linear(ad_backend.with_float("float32"))
    config = LBFGSConfig().with_line_search_fn(LineSearchFn.StrongWolfe)
    optim = config.init()
    module, _ = optim.step(0.001, module, closure)
    reloaded = config.init().from_bytes(optim.into_bytes())
    _, original = optim.step(0.001, module, closure)
    _, again = reloaded.step(0.001, module, closure)
    assert abs(original - again) < 1e-6
