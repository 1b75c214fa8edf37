"""Tests for parameter groups: `ParamGroup`, per-group learning rates (`ModuleLearningRate`,
`ModuleLrScheduler`) and per-group optimizers (`OptimizerAdaptor.with_group`), against
torch.optim's param_groups (float64, step by step), records and errors."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.module import Module, Param, ParamGroup, ParamId
from pyburn.optim import (AdamConfig, GradientClipping, GradientsParams, MomentumConfig,
                          OptimizerRecord, SgdConfig, WeightDecayConfig)
from pyburn.optim.lr_scheduler import (ExponentialLrSchedulerConfig, LinearLrSchedulerConfig,
                                       ModuleLearningRate, ModuleLrScheduler,
                                       ModuleLrSchedulerConfig, StepLrSchedulerConfig)
from pyburn.record import BinFileRecorder, DoublePrecisionSettings, RecordError

D_IN, D_OUT, BATCH = 4, 3, 5
LRS = [0.1, 0.05, 0.2, 0.01, 0.1, 0.07]
BIAS_LRS = [0.3, 0.02, 0.1, 0.05, 0.2, 0.01]


class Head(Module):
    weight: Param[Any]
    bias: Param[Any]


class Net(Module):
    backbone: Head
    head: Head

    def forward(self, x: Any) -> Any:
        h = (x @ self.backbone.weight.val() + self.backbone.bias.val()).tanh()
        return h @ self.head.weight.val() + self.head.bias.val()


def make_net(case: Any, seed: int = 0) -> Net:
    rng = np.random.default_rng(seed)
    T = Tensor[case.B]

    def head(d_in: int, d_out: int) -> Head:
        return Head(Param(T.from_data(rng.normal(size=(d_in, d_out)), case.device)),
                    Param(T.from_data(rng.normal(size=(d_out,)), case.device)))

    return Net(head(D_IN, D_OUT), head(D_OUT, 2))


def grads_of(model: Net, step: int, case: Any) -> GradientsParams:
    rng = np.random.default_rng(100 + step)
    T = Tensor[case.B]
    x = T.from_data(rng.normal(size=(BATCH, D_IN)), case.device)
    y = T.from_data(rng.normal(size=(BATCH, 2)), case.device)
    loss = (model.forward(x) - y).square().mean()
    return GradientsParams.from_grads(loss.backward(), model)


def values(model: Module) -> dict[str, np.ndarray]:
    return {name: p.val().to_data().to_numpy() for name, p in model.named_params()}


# --- ParamGroup ---------------------------------------------------------------------------------
def test_param_group_matchers() -> None:
    a, b = ParamId(), ParamId()
    assert a != b and len(a) == 16
    assert ParamGroup.all().matches(a) and ParamGroup.all().matches(a, "x.y")
    ids = ParamGroup.from_ids([a])
    assert ids.matches(a) and not ids.matches(b) and ids.matches(a, "anything")
    exact = ParamGroup.from_path("model.backbone.weight")
    assert exact.matches(a, "model.backbone.weight")
    assert not exact.matches(a, "model.backbone.bias") and not exact.matches(a, None)
    pred = ParamGroup.from_predicate("backbone")
    assert pred.matches(a, "model.backbone.weight") and not pred.matches(a, "model.head.weight")
    both = ParamGroup.from_predicates(["backbone", "bias"])
    assert both.matches(a, "backbone.bias") and not both.matches(a, "backbone.weight")
    either = ParamGroup.from_any_predicates(["backbone", "encoder"])
    assert either.matches(a, "m.encoder.w") and not either.matches(a, "m.decoder.w")
    regex = ParamGroup.from_regex(r"^model\.layer\.[0-9]+\.weight$")
    assert regex.matches(a, "model.layer.3.weight") and not regex.matches(a, "model.layer.weight")
    any_re = ParamGroup.from_any_regexes([r"^model\.layer\.[0-9]+\.weight$", r"^model\.bias$"])
    assert any_re.matches(a, "model.bias") and not any_re.matches(a, "model.other.weight")
    fused = ids.fuse(ParamGroup.from_path("model.layer.weight"))
    assert fused.matches(a, "x") and fused.matches(b, "model.layer.weight")
    assert not fused.matches(b, "model.layer.bias")
    excl = pred.exclude(ParamGroup.from_path("model.backbone.bias"))
    assert excl.matches(a, "model.backbone.weight") and not excl.matches(a, "model.backbone.bias")
    assert not ParamGroup.from_ids([a, b]).exclude(ParamGroup.from_ids([b])).matches(b)


def test_param_group_from_module(backend: Any) -> None:
    net = make_net(backend)
    group = ParamGroup.ids_from_module(net.backbone)
    assert group.matches(net.backbone.weight.id) and group.matches(net.backbone.bias.id)
    assert not group.matches(net.head.weight.id)


def test_param_group_errors() -> None:
    with pytest.raises(ValueError, match=r"from_regexes: invalid regex pattern '\[invalid\('"):
        ParamGroup.from_regex("[invalid(")
    with pytest.raises(ValueError, match="from_any_regexes: invalid regex"):
        ParamGroup.from_any_regexes(["[invalid("])
    with pytest.raises(TypeError, match="from_ids: expected a list of parameter ids"):
        ParamGroup.from_ids("abc")
    with pytest.raises(TypeError, match="from_predicates: every predicate must be a str"):
        ParamGroup.from_predicates([3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="fuse: expected a ParamGroup, got str"):
        ParamGroup.all().fuse("x")  # type: ignore[arg-type]


# --- per-group learning rates -------------------------------------------------------------------
def test_module_learning_rate_last_group_wins() -> None:
    a = ParamId()
    policy = (ModuleLearningRate.from_(0.1)
              .with_group(ParamGroup.from_predicate("head"), 0.2)
              .with_group(ParamGroup.from_ids([a]), 0.3))
    assert policy.base() == 0.1 and float(policy) == 0.1
    assert policy.lr_from_param(ParamId(), "backbone.weight") == 0.1
    assert policy.lr_from_param(ParamId(), "head.weight") == 0.2
    assert policy.lr_from_param(a, "head.weight") == 0.3
    assert ModuleLearningRate.from_(policy) is policy
    with pytest.raises(ValueError, match=r"ModuleLearningRate.from_: .* finite and >= 0, got -1"):
        ModuleLearningRate.from_(-1.0)
    with pytest.raises(ValueError, match="finite and >= 0, got nan"):
        policy.with_group(ParamGroup.all(), math.nan)
    with pytest.raises(TypeError, match="expected a ParamGroup, got str"):
        ModuleLearningRate([("all", 0.1)])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="no group matches"):
        ModuleLearningRate([(ParamGroup.from_path("x"), 0.1)]).lr_from_param(a, "y")


def test_module_lr_scheduler_steps_each_group() -> None:
    a = ParamId()
    config = (ModuleLrSchedulerConfig(ExponentialLrSchedulerConfig(0.5, 0.9))
              .with_group(ParamGroup.from_predicate("head"), LinearLrSchedulerConfig(0.9, 0.5, 4))
              .with_group(ParamGroup.from_ids([a]), 0.25))
    scheduler = config.init()
    base = ExponentialLrSchedulerConfig(0.5, 0.9).init()
    head = LinearLrSchedulerConfig(0.9, 0.5, 4).init()
    for _ in range(6):
        policy = scheduler.step()
        assert policy.lr_from_param(ParamId(), "backbone.weight") == pytest.approx(base.step())
        assert policy.lr_from_param(ParamId(), "head.weight") == pytest.approx(head.step())
        assert policy.lr_from_param(a, "head.weight") == 0.25
    # config JSON round trip keeps the groups (ids, paths) and schedulers
    again = ModuleLrSchedulerConfig.from_dict(config.to_dict())
    assert again == config
    assert again.to_dict()["scheduler_groups"][0]["group"] == {
        "matcher": {"Path": {"Include": ["head"]}}, "excludes": None}


def test_module_lr_scheduler_record_round_trip() -> None:
    def make() -> ModuleLrScheduler:
        return (ModuleLrScheduler(LinearLrSchedulerConfig(1.0, 0.1, 9).init())
                .with_group(ParamGroup.from_predicate("head"),
                            StepLrSchedulerConfig(0.5, 2).with_gamma(0.5).init()))

    original, truth = make(), make()
    for _ in range(5):
        original.step()
        truth.step()
    restored = make().load_record(original.to_record())
    for _ in range(4):
        got, want = restored.step(), truth.step()
        for path in ["backbone.w", "head.w"]:
            assert got.lr_from_param(ParamId(), path) == want.lr_from_param(ParamId(), path)
    with pytest.raises(RecordError, match=r"one record per group, keys \['0', '1'\], got \['0'\]"):
        make().load_record({"0": {}})


def test_module_lr_scheduler_errors() -> None:
    with pytest.raises(ValueError, match="ModuleLrSchedulerConfig: group 0: LinearLrScheduler"):
        ModuleLrSchedulerConfig(0.1).with_group(ParamGroup.all(),
                                                LinearLrSchedulerConfig(2.0, 0.1, 3)).init()
    with pytest.raises(TypeError, match="with_group: expected a ParamGroup, got str"):
        ModuleLrSchedulerConfig(0.1).with_group("head", 0.2)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a learning rate scheduler or a number"):
        ModuleLrScheduler("fast")  # type: ignore[arg-type]


# --- per-group optimizers against torch.optim param_groups --------------------------------------
def _torch_groups_cases() -> dict[str, tuple[Any, Any, Any]]:
    """(default config, bias-group config, torch constructor(groups, optim))."""
    return {
        "sgd": (SgdConfig(weight_decay=WeightDecayConfig(0.05),
                          momentum=MomentumConfig(0.9, 0.0, False)),
                SgdConfig(momentum=MomentumConfig(0.9, 0.0, False)),
                lambda groups, o: o.SGD(groups, lr=1.0, momentum=0.9)),
        "adam": (AdamConfig(epsilon=1e-8, weight_decay=WeightDecayConfig(0.05)),
                 AdamConfig(epsilon=1e-8, beta_1=0.8),
                 lambda groups, o: o.Adam(groups, lr=1.0, eps=1e-8)),
    }


TORCH_GROUPS = _torch_groups_cases()


@pytest.mark.parametrize("name", list(TORCH_GROUPS))
def test_groups_match_torch_param_groups(ad_backend: Any, name: str) -> None:
    """Two groups (weights: weight decay 0.05; biases: their own rule and rate), six steps with
    rates that change every step: equal to torch.optim with the same two param_groups."""
    torch = pytest.importorskip("torch", reason="torch is not installed: no torch.optim to "
                                                "compare with")
    case = ad_backend.f64
    default, bias_config, make_torch = TORCH_GROUPS[name]
    model = make_net(case)
    biases = ParamGroup.from_predicate("bias")
    optim = default.init().with_group(biases, bias_config.build())
    params = {n: torch.tensor(v, dtype=torch.float64, requires_grad=True)
              for n, v in values(model).items()}
    weights = [p for n, p in params.items() if not n.endswith("bias")]
    bias_params = [p for n, p in params.items() if n.endswith("bias")]
    extra = {"betas": (0.8, 0.999)} if name == "adam" else {}
    topt = make_torch([{"params": weights, "weight_decay": 0.05},
                       {"params": bias_params, "weight_decay": 0.0, **extra}], torch.optim)
    for step, (lr, bias_lr) in enumerate(zip(LRS, BIAS_LRS)):
        grads = grads_of(model, step, case)
        for n, p in params.items():
            param = dict(model.named_params())[n]
            p.grad = torch.tensor(grads.get(param.id).to_data().to_numpy(), dtype=torch.float64)
        topt.param_groups[0]["lr"], topt.param_groups[1]["lr"] = lr, bias_lr
        topt.step()
        model = optim.step(ModuleLearningRate.from_(lr).with_group(biases, bias_lr), model, grads)
        for n, got in values(model).items():
            np.testing.assert_allclose(got, params[n].detach().numpy(), rtol=1e-12, atol=1e-13,
                                       err_msg=f"{name}: {n} after step {step + 1}")


def test_float_lr_and_scheduler_drive_groups(ad_backend: Any) -> None:
    """A float still steps every parameter; a `ModuleLrScheduler`'s output steps per group."""
    case = ad_backend.f64
    model = make_net(case)
    grads = grads_of(model, 0, case)
    stepped = SgdConfig().init().step(0.1, model, grads)
    for n, v in values(stepped).items():
        g = grads.get(dict(model.named_params())[n].id).to_data().to_numpy()
        np.testing.assert_allclose(v, values(model)[n] - 0.1 * g, rtol=1e-14)
    scheduler = ModuleLrSchedulerConfig(0.1).with_group(ParamGroup.from_predicate("head"),
                                                       0.0).init()
    stepped = SgdConfig().init().step(scheduler.step(), model, grads)
    np.testing.assert_array_equal(values(stepped)["head.weight"], values(model)["head.weight"])
    assert not np.allclose(values(stepped)["backbone.weight"], values(model)["backbone.weight"])


# --- with_group: state, clipping, records ---------------------------------------------------------
def test_with_group_clears_matching_state_only(ad_backend: Any) -> None:
    model = make_net(ad_backend)
    optim = AdamConfig().init()
    for step in range(2):
        model = optim.step(0.01, model, grads_of(model, step, ad_backend))
    assert optim.num_states() == 4
    optim = optim.with_group(ParamGroup.from_predicate("backbone"), SgdConfig().init())
    assert optim.num_states() == 2
    model = optim.step(0.01, model, grads_of(model, 2, ad_backend))
    record = optim.to_record()
    assert isinstance(record, OptimizerRecord)
    assert len([k for k in record.scalars if "time" in k]) == 2      # only the head's Adam state
    assert record.scalars[f"{model.head.weight.id}.momentum.time"] == 3
    assert record.paths == {str(model.head.weight.id): "head.weight",
                            str(model.head.bias.id): "head.bias",
                            str(model.backbone.weight.id): "backbone.weight",
                            str(model.backbone.bias.id): "backbone.bias"}
    assert record[str(model.backbone.weight.id)] == {"momentum": None}


def test_group_grad_clipping_applies_only_to_matching(ad_backend: Any) -> None:
    case = ad_backend.f64
    model = make_net(case)
    optim = SgdConfig().init().with_group(ParamGroup.from_predicate("head"), SgdConfig().build(),
                                          GradientClipping.Value(1e-3))
    assert optim.has_gradient_clipping() and optim.grad_clipping is None
    grads = grads_of(model, 0, case)
    stepped = optim.step(1.0, model, grads)
    before, after = values(model), values(stepped)
    for n in before:
        g = grads.get(dict(model.named_params())[n].id).to_data().to_numpy()
        want = np.clip(g, -1e-3, 1e-3) if n.startswith("head") else g
        np.testing.assert_allclose(before[n] - after[n], want, rtol=1e-12, atol=1e-15)
    # the clipping of an init()-ed optimizer is used when none is given
    clipped = SgdConfig().init().with_grad_clipping(GradientClipping.Value(0.5))
    assert SgdConfig().init().with_group(ParamGroup.all(), clipped).groups[1].grad_clipping \
        is clipped.grad_clipping


@pytest.mark.parametrize("through_file", [False, True])
def test_group_record_round_trip_routes_each_state(ad_backend: Any, tmp_path: Path,
                                                   through_file: bool) -> None:
    """Burn's group_optimizer_routes_correctly_after_record_round_trip: SGD by default, Adam for
    the backbone; a reloaded optimizer steps exactly as the original (also through a file)."""
    case = ad_backend.f64

    def make_optim() -> Any:
        return SgdConfig(momentum=MomentumConfig(0.9)).init().with_group(
            ParamGroup.from_predicate("backbone"), AdamConfig().build())

    model, optim = make_net(case), make_optim()
    for step in range(3):
        model = optim.step(0.01, model, grads_of(model, step, case))
    if through_file:
        recorder = BinFileRecorder(DoublePrecisionSettings)
        optim.save_file(str(tmp_path / "optim"), recorder)
        reloaded = make_optim().load_file(str(tmp_path / "optim"), recorder)
    else:
        reloaded = make_optim().load_record(optim.to_record())
    a = optim.step(0.01, model, grads_of(model, 3, case))
    b = reloaded.step(0.01, model, grads_of(model, 3, case))
    for n, v in values(a).items():
        np.testing.assert_array_equal(values(b)[n], v, err_msg=n)


def test_record_without_paths_routes_by_module(ad_backend: Any) -> None:
    case = ad_backend.f64

    def make_optim() -> Any:
        return SgdConfig().init().with_group(ParamGroup.from_predicate("backbone"),
                                             AdamConfig().init())

    model, optim = make_net(case), make_optim()
    model = optim.step(0.01, model, grads_of(model, 0, case))
    record = optim.to_record()
    record.paths.clear()
    # without paths and without a module, an Adam state goes to the default (SGD) rule
    with pytest.raises(RecordError, match="missing field"):
        make_optim().load_record(record)
    reloaded = make_optim().load_record(record, model)     # the module supplies the paths
    a = optim.step(0.01, model, grads_of(model, 1, case))
    b = reloaded.step(0.01, model, grads_of(model, 1, case))
    for n, v in values(a).items():
        np.testing.assert_array_equal(values(b)[n], v, err_msg=n)
    # a plain optimizer's record is unchanged: keyed by id only, paths empty
    plain = AdamConfig().init()
    plain.step(0.01, model, grads_of(model, 0, case))
    assert set(plain.to_record()) == {str(p.id) for p in model.params()}
    assert plain.to_record().paths == {}


def test_with_group_errors(ad_backend: Any) -> None:
    model = make_net(ad_backend)
    used = AdamConfig().init()
    used.step(0.01, model, grads_of(model, 0, ad_backend))
    with pytest.raises(TypeError, match="Sgd.with_group: expected a ParamGroup, got str"):
        SgdConfig().init().with_group("head", AdamConfig().build())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Sgd.with_group: expected an optimizer .* got int"):
        SgdConfig().init().with_group(ParamGroup.all(), 3)
    with pytest.raises(ValueError, match="must be a fresh one without groups"):
        SgdConfig().init().with_group(ParamGroup.all(), used)
    with pytest.raises(TypeError, match="Sgd.step: the learning rate must be a number, got str"):
        SgdConfig().init().step("0.1", model, grads_of(model, 0, ad_backend))  # type: ignore[arg-type]
    with pytest.raises(RecordError, match="'__paths__' must map parameter ids"):
        SgdConfig().init().load_record({"__paths__": [1]})


# --- the Learner with a per-group schedule ------------------------------------------------------
def test_learner_takes_a_module_lr_scheduler(ad_backend: Any, tmp_path: Path) -> None:
    """A `ModuleLrScheduler` drives the Learner like any scheduler: the output layer is frozen
    by a zero rate, the hidden layer trains, and the learning rate metric logs the base rate."""
    from test_learner import classifier, loaders

    from pyburn.train import LearnerBuilder
    from pyburn.train.metric import LearningRateMetric
    from pyburn.train.renderer import NoneRenderer

    train, valid = loaders(ad_backend)
    model = classifier(ad_backend)
    sched = (ModuleLrSchedulerConfig(ExponentialLrSchedulerConfig(0.1, 0.5))
             .with_group(ParamGroup.from_predicate("output"), 0.0).init())
    learner = (LearnerBuilder(tmp_path).metric_train_numeric(LearningRateMetric())
               .renderer(NoneRenderer()).with_application_logger(None).num_epochs(1)
               .build(model, SgdConfig().init(), sched))
    trained = learner.fit(train, valid)
    np.testing.assert_array_equal(values(trained)["output.weight"], values(model)["output.weight"])
    assert not np.array_equal(values(trained)["hidden.weight"], values(model)["hidden.weight"])
    lrs = [float(line.split(",")[0])
           for line in (tmp_path / "train/epoch-1/Learning_Rate.log").read_text().splitlines()
           if not line.endswith(",final")]
    assert lrs == pytest.approx([0.1, 0.05, 0.025, 0.0125])


def test_grouped_optimizer_jitted_equals_eager(ad_backend: Any) -> None:
    """pyburn.jit replays a grouped optimizer's step exactly (each group's rule and clipping)."""
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from jit_helpers import run_side_by_side
    from test_jit import _batches, _lrs, make_mlp

    def make() -> tuple[Module, Any]:
        optim = (AdamConfig().init()
                 .with_group(ParamGroup.from_predicate("l2"), SgdConfig().build(),
                             GradientClipping.Value(0.05)))
        return make_mlp(ad_backend), optim

    js = run_side_by_side(ad_backend, make, _batches(ad_backend, (5, 6), (5, 3)), _lrs())
    assert js.stats().captured == []
