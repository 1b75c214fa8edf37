"""Normalization layers on every backend row, against torch.nn on copied weights: BatchNorm
(training statistics under Autodiff, running statistics after ``valid()``, records, torch state
dicts), GroupNorm, InstanceNorm, RmsNorm — forward and every gradient in float64 and float32,
finite differences in float64, and errors that name the layer and the shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from pyburn import Tensor  # noqa: E402
from pyburn.module import Module, Param, RunningState  # noqa: E402
from pyburn.nn import (BatchNorm, BatchNormConfig, GroupNormConfig,  # noqa: E402
                       InstanceNormConfig,
                       LayerNorm, LayerNormConfig, LinearConfig, RmsNormConfig,
                       load_torch_state_dict, to_torch_state_dict)
from pyburn.nn.norm.group_norm import group_norm  # noqa: E402
from pyburn.optim import GradientsParams, SgdConfig  # noqa: E402
from pyburn.record import RecordError  # noqa: E402
from pyburn.tensor import RankError, ShapeError  # noqa: E402

from gradcheck import gradcheck  # noqa: E402
from test_module_records import BYTES_RECORDERS, FILE_RECORDERS, PRECISIONS  # noqa: E402

TOL = {"float64": dict(rtol=1e-10, atol=1e-10), "float32": dict(rtol=2e-4, atol=2e-5)}
DTYPES = ["float64", "float32"]


def rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def torch_dtype(dtype: str) -> Any:
    return torch.float64 if dtype == "float64" else torch.float32


def randomize(tm: Any, seed: int) -> None:
    """Non-trivial affine weights (and running statistics) in the torch layer, to copy over."""
    g = rng(seed)
    with torch.no_grad():
        for name, p in list(tm.named_parameters()) + [(n, b) for n, b in tm.named_buffers()
                                                      if n.startswith("running")]:
            values = g.uniform(0.5, 1.5, tuple(p.shape)) if name in ("weight", "running_var") \
                else g.standard_normal(tuple(p.shape))
            p.copy_(torch.from_numpy(values))


def compare(case: Any, dtype: str, module: Any, tm: Any, x: np.ndarray, train: bool) -> None:
    """Forward, and under Autodiff the gradients of input and every parameter, against torch."""
    tol = TOL[dtype]
    tm = tm.to(torch_dtype(dtype)).train(train)
    tx = torch.tensor(x, dtype=torch_dtype(dtype), requires_grad=True)
    ty = tm(tx)
    xt = case.tensor(x)
    if case.autodiff:
        xt = xt.require_grad()
    y = module(xt)
    assert y.dims() == list(ty.shape)
    np.testing.assert_allclose(y.to_numpy(), ty.detach().numpy(), **tol)
    if not case.autodiff:
        return
    r = rng(7).standard_normal(tuple(ty.shape))
    (ty * torch.tensor(r, dtype=torch_dtype(dtype))).sum().backward()
    grads = (y * case.tensor(r)).sum().backward()
    np.testing.assert_allclose(xt.grad(grads).to_numpy(), tx.grad.numpy(), **tol)
    torch_params = dict(tm.named_parameters())
    names = {"gamma": "weight", "beta": "bias"}
    for path, p in module.named_params():
        if isinstance(p, RunningState):
            assert p.val().grad(grads) is None
            continue
        g = p.val().grad(grads)
        assert g is not None, path
        np.testing.assert_allclose(g.to_numpy(), torch_params[names[path]].grad.numpy(),
                                   err_msg=path, **tol)


# --- BatchNorm ------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [[4, 3], [3, 3, 5], [2, 3, 4, 3], [1, 3, 2, 2, 3]],
                         ids=["rank2", "rank3", "rank4", "rank5-batch1"])
def test_batch_norm_matches_torch(backend: Any, dtype: str, shape: list[int]) -> None:
    """Autodiff rows train (batch statistics, torch's train()); plain rows infer with the
    running statistics (torch's eval())."""
    case = backend.with_float(dtype)
    tm = {2: torch.nn.BatchNorm1d, 3: torch.nn.BatchNorm1d, 4: torch.nn.BatchNorm2d,
          5: torch.nn.BatchNorm3d}[len(shape)](3)
    randomize(tm, 1)
    bn = load_torch_state_dict(BatchNormConfig(3).init(case.device), tm.state_dict())
    compare(case, dtype, bn, tm, rng(2).standard_normal(shape) * 2 + 1, train=case.autodiff)


@pytest.mark.parametrize("dtype", DTYPES)
def test_batch_norm_running_stats_follow_torch(ad_backend: Any, dtype: str) -> None:
    """Several training steps (with an optimizer in between) leave the running statistics
    torch's (unbiased variance, momentum), and ``valid()`` then normalizes with them."""
    case = ad_backend.with_float(dtype)
    tol = TOL[dtype]
    tm = torch.nn.BatchNorm2d(3, eps=1e-3, momentum=0.3).to(torch_dtype(dtype))
    randomize(tm, 3)
    bn = load_torch_state_dict(BatchNormConfig(3).with_momentum(0.3).with_epsilon(1e-3)
                               .init(case.device), tm.state_dict())
    optim = SgdConfig().init()
    topt = torch.optim.SGD(tm.parameters(), lr=0.1)
    for step in range(3):
        x = rng(10 + step).standard_normal([2, 3, 3, 2]) * (step + 1) + step
        ty = tm(torch.tensor(x, dtype=torch_dtype(dtype)))
        topt.zero_grad()
        ty.square().sum().backward()
        topt.step()
        y = bn(case.tensor(x))
        np.testing.assert_allclose(y.to_numpy(), ty.detach().numpy(), **tol)
        bn = optim.step(0.1, bn, GradientsParams.from_grads(y.square().sum().backward(), bn))
    np.testing.assert_allclose(bn.running_mean.val().to_numpy(), tm.running_mean.numpy(), **tol)
    np.testing.assert_allclose(bn.running_var.val().to_numpy(), tm.running_var.numpy(), **tol)
    np.testing.assert_allclose(bn.gamma.val().to_numpy(), tm.weight.detach().numpy(), **tol)
    valid = bn.valid()
    assert isinstance(valid.running_mean, RunningState)
    assert not type(valid.running_mean.val()).backend.is_autodiff()
    x = rng(20).standard_normal([2, 3, 3, 2])
    tm.eval()
    np.testing.assert_allclose(valid(Tensor[case.inner].from_data(x, case.device.on(case.inner)))
                               .to_numpy(),
                               tm(torch.tensor(x, dtype=torch_dtype(dtype))).detach().numpy(),
                               **tol)
    # inference never touches the running statistics
    before = valid.running_mean.val().to_numpy().copy()
    valid(Tensor[case.inner].from_data(x * 5, case.device.on(case.inner)))
    np.testing.assert_array_equal(valid.running_mean.val().to_numpy(), before)


def test_running_state_is_not_trainable(ad_backend: Any) -> None:
    """Optimizers skip it (it never requires a gradient, no_grad keeps it), num_params counts
    it as Burn's, and every module copy keeps it a RunningState."""
    bn = BatchNormConfig(4).init(ad_backend.device)
    assert str(bn) == "BatchNorm {num_features: 4, momentum: 0.1, epsilon: 0.00001, params: 16}"
    assert not bn.running_var.require_grad and not bn.running_var.val().is_require_grad()
    for copy_ in (bn.no_grad(), bn.to_device(ad_backend.device), bn.valid(),
                  bn.fork(ad_backend.device), bn.load_record(bn.into_record())):
        assert isinstance(copy_.running_mean, RunningState)
        assert isinstance(copy_.running_var, RunningState)
        assert copy_.running_mean.id == bn.running_mean.id
    import copy
    assert isinstance(copy.deepcopy(bn).running_var, RunningState)
    with pytest.raises(ShapeError, match=r"RunningState.update: expected .*\[4\].*\[3\]"):
        bn.running_mean.update(ad_backend.tensor([1.0, 2.0, 3.0]))


@pytest.mark.parametrize("precision", PRECISIONS, ids=lambda p: p.__name__)
def test_batch_norm_record_round_trip(backend: Any, tmp_path: Path, precision: Any) -> None:
    """Every recorder saves and loads the running statistics with the parameters."""
    ad = backend.ad
    bn = BatchNormConfig(3).init(ad.device)
    bn(ad.tensor(rng(4).standard_normal([4, 3, 2]) * 3 + 2))  # running stats move off 0 / 1
    source = bn if backend.autodiff else bn.valid()
    want = {p: v.val().to_numpy() for p, v in source.named_params()}
    tol = dict(rtol=1e-3, atol=1e-3) if precision.__name__.startswith("Half") else \
        dict(rtol=0, atol=0)
    for recorder_cls in FILE_RECORDERS + BYTES_RECORDERS:
        recorder = recorder_cls(precision)
        if recorder_cls in BYTES_RECORDERS:
            record = recorder.load(recorder.record(source.into_record()))
        else:
            path = tmp_path / recorder_cls.__name__
            source.save_file(str(path), recorder)
            record = recorder.load(str(path))
        loaded = BatchNormConfig(3).init(backend.device).load_record(record)
        assert isinstance(loaded.running_var, RunningState), recorder_cls.__name__
        assert loaded.running_var.id == source.running_var.id
        for p, v in loaded.named_params():
            np.testing.assert_allclose(v.val().to_numpy(), want[p], err_msg=p, **tol)


def test_batch_norm_torch_state_dict_round_trip(backend: Any) -> None:
    """running_mean / running_var map both ways; num_batches_tracked is read and ignored, and
    the export loads into torch with strict=True."""
    tm = torch.nn.BatchNorm1d(3).double()
    randomize(tm, 5)
    tm.num_batches_tracked.fill_(7)
    bn = load_torch_state_dict(BatchNormConfig(3).init(backend.f64.device), tm.state_dict())
    assert isinstance(bn.running_mean, RunningState)
    out = to_torch_state_dict(bn)
    assert set(out) == {"weight", "bias", "running_mean", "running_var"}
    for k, v in out.items():
        np.testing.assert_array_equal(v, tm.state_dict()[k].numpy(), err_msg=k)
    back = torch.nn.BatchNorm1d(3).double()
    back.load_state_dict({k: torch.from_numpy(v) for k, v in out.items()}, strict=True)
    with pytest.raises(RecordError, match="missing running_var"):
        load_torch_state_dict(BatchNormConfig(3).init(backend.device),
                              {k: v for k, v in tm.state_dict().items() if k != "running_var"})
    with pytest.raises(ShapeError, match=r"'running_mean': expected \[4\].*got \[3\]"):
        load_torch_state_dict(BatchNormConfig(4).init(backend.device),
                              {**torch.nn.BatchNorm1d(4).state_dict(),
                               "running_mean": torch.zeros(3)})


def test_batch_norm_in_a_user_model(ad_backend: Any) -> None:
    """As a field of a user module: found by records, and the model's forward updates it."""

    class Net(Module):
        linear: Any
        norm: BatchNorm

        def forward(self, x: Any) -> Any:
            return self.norm(self.linear(x).unsqueeze_dim(2)).relu()

    d = ad_backend.device
    net = Net(LinearConfig(4, 3).init(d), BatchNormConfig(3).init(d))
    assert set(net.into_record()["norm"]) == {"gamma", "beta", "running_mean", "running_var"}
    net(ad_backend.tensor(rng(6).standard_normal([5, 4])))
    assert np.abs(net.norm.running_mean.val().to_numpy()).sum() > 0


def test_batch_norm_errors(backend: Any) -> None:
    bn = BatchNormConfig(3).init(backend.device)
    with pytest.raises(RankError, match=r"BatchNorm.forward: expected an input of rank >= 2 .*"
                                        r"\[batch, 3, \.\.\.\].*got shape \[3\]"):
        bn(backend.tensor([1.0, 2.0, 3.0]))
    with pytest.raises(ShapeError, match=r"BatchNorm.forward: expected 3 channels .*\[2, 4, 5\]"):
        bn(backend.tensor(np.zeros([2, 4, 5])))
    if backend.autodiff:
        with pytest.raises(ShapeError, match=r"more than 1 value per channel.*\[1, 3\]"):
            bn(backend.tensor(np.zeros([1, 3])))
    for kwargs, match in [({"momentum": 1.5}, "momentum must be in"),
                          ({"epsilon": -1.0}, "epsilon must be >= 0 and finite")]:
        with pytest.raises(ValueError, match=f"BatchNormConfig.init: {match}"):
            BatchNormConfig(3, **kwargs).init(backend.device)
    with pytest.raises(ValueError, match="num_features must be positive, got 0"):
        BatchNormConfig(0).init(backend.device)


# --- GroupNorm, InstanceNorm, RmsNorm -------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("groups,shape,affine", [(2, [3, 4, 5], True), (1, [2, 4], True),
                                                 (4, [1, 4, 3, 2], False), (2, [2, 6, 3], True)])
def test_group_norm_matches_torch(backend: Any, dtype: str, groups: int, shape: list[int],
                                  affine: bool) -> None:
    case = backend.with_float(dtype)
    tm = torch.nn.GroupNorm(groups, shape[1], eps=1e-4, affine=affine)
    randomize(tm, 8)
    gn = GroupNormConfig(groups, shape[1], epsilon=1e-4, affine=affine).init(case.device)
    gn = load_torch_state_dict(gn, tm.state_dict())
    assert gn.num_params() == (2 * shape[1] if affine else 0)
    compare(case, dtype, gn, tm, rng(9).standard_normal(shape) * 3 - 1, train=True)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [[2, 3, 5], [1, 3, 4, 3]])
def test_instance_norm_matches_torch(backend: Any, dtype: str, shape: list[int]) -> None:
    case = backend.with_float(dtype)
    tm = (torch.nn.InstanceNorm1d if len(shape) == 3 else torch.nn.InstanceNorm2d)(3, affine=True)
    randomize(tm, 11)
    inorm = load_torch_state_dict(InstanceNormConfig(3).init(case.device), tm.state_dict())
    compare(case, dtype, inorm, tm, rng(12).standard_normal(shape) + 2, train=True)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [[5], [2, 5], [2, 3, 5]])
def test_rms_norm_matches_torch(backend: Any, dtype: str, shape: list[int]) -> None:
    case = backend.with_float(dtype)
    tm = torch.nn.RMSNorm(5, eps=1e-5)
    randomize(tm, 13)
    rms = load_torch_state_dict(RmsNormConfig(5).init(case.device), tm.state_dict())
    compare(case, dtype, rms, tm, rng(14).standard_normal(shape) * 2, train=True)


def test_norm_finite_differences(ad_backend: Any) -> None:
    """Gradients of the composites (input and affine parameters) against central differences,
    float64: BatchNorm's training path, GroupNorm, RmsNorm."""
    case = ad_backend.f64
    g = rng(15)
    x, gamma, beta = g.standard_normal([3, 4, 2]), g.uniform(0.5, 1.5, [4]), g.standard_normal([4])

    def bn(x: Any, gamma: Any, beta: Any) -> Any:
        zeros = Tensor[case.B].zeros([4], device=case.device)
        return BatchNorm(Param(gamma), Param(beta), RunningState(zeros), RunningState(zeros + 1.0),
                         0.1, 1e-5)(x)

    def gn(x: Any, gamma: Any, beta: Any) -> Any:
        return group_norm("GroupNorm", x, 2, 4, Param(gamma), Param(beta), 1e-5, 2)

    def rms(x: Any, gamma: Any) -> Any:
        from pyburn.nn import RmsNorm
        return RmsNorm(Param(gamma), 1e-5)(x.swap_dims(1, 2))

    gradcheck(case, bn, x, gamma, beta)
    gradcheck(case, gn, x, gamma, beta)
    gradcheck(case, rms, x, gamma)


def test_norm_configs_and_display(backend: Any) -> None:
    """Burn's defaults and displays."""
    d = backend.device
    assert BatchNormConfig(3) == BatchNormConfig(3, epsilon=1e-5, momentum=0.1)
    assert str(GroupNormConfig(3, 6).init(d)) == \
        "GroupNorm {num_groups: 3, num_channels: 6, epsilon: 0.00001, affine: true, params: 12}"
    assert str(InstanceNormConfig(6, affine=False).init(d)) == \
        "InstanceNorm {num_channels: 6, epsilon: 0.00001, affine: false}"
    assert str(RmsNormConfig(4).init(d)) == "RmsNorm {d_model: 4, epsilon: 0.00001, params: 4}"
    assert InstanceNormConfig(6, affine=False).init(d).into_record() == {}
    with pytest.raises(ValueError, match=r"GroupNormConfig.init: num_channels \(6\) must be "
                                         r"divisible by num_groups \(4\)"):
        GroupNormConfig(4, 6).init(d)
    with pytest.raises(ValueError, match="RmsNormConfig.init: epsilon must be > 0 and finite, got 0"):
        RmsNormConfig(4, epsilon=0.0).init(d)


def test_norm_errors(backend: Any) -> None:
    d = backend.device
    with pytest.raises(ShapeError, match=r"GroupNorm.forward: expected 6 channels .*\[2, 4, 3\]"):
        GroupNormConfig(3, 6).init(d)(backend.tensor(np.zeros([2, 4, 3])))
    with pytest.raises(RankError, match=r"GroupNorm.forward: expected an input of rank >= 2 .*"
                                        r"got shape \[6\]"):
        GroupNormConfig(3, 6).init(d)(backend.tensor(np.zeros([6])))
    with pytest.raises(RankError, match=r"InstanceNorm.forward: expected an input of rank >= 3 "
                                        r".*\[batch, 3, length, \.\.\.\].*got shape \[2, 3\]"):
        InstanceNormConfig(3).init(d)(backend.tensor(np.zeros([2, 3])))
    with pytest.raises(ShapeError,
                       match=r"InstanceNorm.forward: expected 3 channels .*\[2, 5, 4\]"):
        InstanceNormConfig(3).init(d)(backend.tensor(np.zeros([2, 5, 4])))
    with pytest.raises(ShapeError, match=r"RmsNorm.forward: expected an input of shape "
                                         r"\[\.\.\., 4\], got \[2, 3\]"):
        RmsNormConfig(4).init(d)(backend.tensor(np.zeros([2, 3])))
    with pytest.raises(RecordError, match=r"nn.GroupNorm .*unexpected bias, weight"):
        load_torch_state_dict(GroupNormConfig(2, 4, affine=False).init(d),
                              torch.nn.GroupNorm(2, 4).state_dict())


def test_norm_torch_state_dicts_round_trip(backend: Any) -> None:
    """weight/bias <-> gamma/beta for every norm layer, LayerNorm included."""
    d = backend.f64.device
    pairs = [(torch.nn.GroupNorm(2, 4), GroupNormConfig(2, 4)),
             (torch.nn.InstanceNorm2d(4, affine=True), InstanceNormConfig(4)),
             (torch.nn.RMSNorm(4), RmsNormConfig(4)),
             (torch.nn.LayerNorm(4), LayerNormConfig(4))]
    for tm, cfg in pairs:
        tm = tm.double()
        randomize(tm, 16)
        module = load_torch_state_dict(cfg.init(d), tm.state_dict())
        out = to_torch_state_dict(module)
        assert set(out) == set(tm.state_dict()), type(tm).__name__
        for k, v in out.items():
            np.testing.assert_array_equal(v, tm.state_dict()[k].numpy())
    assert isinstance(LayerNormConfig(4).init(d), LayerNorm)


@pytest.mark.parametrize("epsilon", [float("nan"), float("inf"), -1e-3])
def test_every_norm_refuses_a_bad_epsilon(backend: Any, epsilon: float) -> None:
    """A NaN epsilon would make every output NaN and an infinite one every output 0: refused at
    init by every normalization layer, LayerNorm included, naming the config."""
    from pyburn.nn import LayerNormConfig
    from pyburn.nn.norm import BatchNormConfig, GroupNormConfig, InstanceNormConfig, RmsNormConfig
    for config in (LayerNormConfig(4, epsilon=epsilon), BatchNormConfig(4, epsilon=epsilon),
                   GroupNormConfig(2, 4, epsilon=epsilon), InstanceNormConfig(4, epsilon=epsilon),
                   RmsNormConfig(4, epsilon=epsilon)):
        with pytest.raises(ValueError, match=rf"{type(config).__name__}.init: epsilon must be"):
            config.init(backend.device)
