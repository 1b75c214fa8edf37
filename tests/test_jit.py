"""pyburn.jit: a jitted training step equals the eager step (bit for bit on NumPy rows, within
float tolerance on Torch rows) over many steps of real training, and every way a trace can go
stale is a guard (a retrace), a refused host read, or an input — never a frozen value."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jit_helpers import materialize, mse_step, numpy_of, run_side_by_side  # noqa: E402
from pyburn import Distribution, Int, Tensor  # noqa: E402
from pyburn.config import Config  # noqa: E402
from pyburn.jit import HostReadError, JitError, jit  # noqa: E402
from pyburn.module import Module, Param  # noqa: E402
from pyburn.nn import (BatchNormConfig, Conv2dConfig, DropoutConfig, LayerNormConfig,  # noqa: E402
                       LinearConfig, LstmConfig, PaddingConfig2d, Relu)
from pyburn.nn.attention import MhaInput, MultiHeadAttentionConfig  # noqa: E402
from pyburn.optim import (AdamConfig, AdamWConfig, GradientClippingConfig,  # noqa: E402
                          GradientsAccumulator, GradientsParams, MomentumConfig, SgdConfig,
                          WeightDecayConfig)
from pyburn.optim.lr_scheduler import CosineAnnealingLrSchedulerConfig  # noqa: E402

STEPS = 6


def _batches(case: Any, shape_x: tuple[int, ...], shape_y: tuple[int, ...], n: int = STEPS,
             seed: int = 0) -> list[tuple[Any, Any]]:
    rng = np.random.default_rng(seed)
    T = Tensor[case.B]
    return [(T.from_data(rng.normal(size=shape_x).astype(np.float32), case.device),
             T.from_data(rng.normal(size=shape_y).astype(np.float32), case.device))
            for _ in range(n)]


def _lrs(n: int = STEPS) -> list[float]:
    """A cosine schedule: the learning rate changes every step."""
    sched = CosineAnnealingLrSchedulerConfig(1e-2, n).init()
    return [sched.step() for _ in range(n)]


# --- models ---------------------------------------------------------------------------------------
class Mlp(Module):
    """A custom user module: Linear, LayerNorm, Dropout and a hand-written gelu-ish branch."""

    l1: Any
    norm: Any
    drop: Any
    l2: Any
    scale: Param[Any]

    def forward(self, x: Any) -> Any:
        h = self.norm(self.l1(x))
        h = self.drop(h * h.sigmoid() * self.scale.val())
        return self.l2(h)


def make_mlp(case: Any, d_in: int = 6, d_out: int = 3) -> Mlp:
    T = Tensor[case.B]
    d = case.device
    return materialize(Mlp(LinearConfig(d_in, 16).init(d), LayerNormConfig(16).init(d),
                           DropoutConfig(0.2).init(), LinearConfig(16, d_out).init(d),
                           Param(T.from_data(np.full([16], 1.5, np.float32), d))))


class LayerZoo(Module):
    """Conv2d, BatchNorm (train mode: running statistics updated in place), Lstm (the fused
    custom op), MultiHeadAttention and Linear in one model."""

    conv: Any
    bn: Any
    lstm: Any
    mha: Any
    head: Any
    act: Any

    def forward(self, x: Any) -> Any:                       # x [batch, 1, 4, 6]
        h = self.act(self.bn(self.conv(x)))                 # [batch, 4, 4, 6]
        batch = h.dims()[0]
        seq = h.reshape([batch, 4, 24])                     # [batch, seq=4, 24]
        out, _ = self.lstm(seq)                             # [batch, 4, 8]
        ctx = self.mha(MhaInput.self_attn(out)).context     # [batch, 4, 8]
        return self.head(ctx.mean_dim(1).reshape([batch, 8]))


def make_zoo(case: Any) -> LayerZoo:
    d = case.device
    return materialize(LayerZoo(
        Conv2dConfig([1, 4], [3, 3]).with_padding(PaddingConfig2d.Same).init(d),
        BatchNormConfig(4).init(d), LstmConfig(24, 8, True).with_batch_first(True).init(d),
        MultiHeadAttentionConfig(8, 2).with_dropout(0.1).init(d), LinearConfig(8, 2).init(d),
        Relu()))


OPTIMIZERS = {
    "sgd": lambda: SgdConfig().init(),
    "sgd-momentum-decay": lambda: SgdConfig().with_momentum(MomentumConfig(0.9, 0.1, True))
    .with_weight_decay(WeightDecayConfig(1e-3)).init(),
    "adam": lambda: AdamConfig().init(),
    "adam-amsgrad-clip-value": lambda: AdamConfig(amsgrad=True).with_grad_clipping(
        GradientClippingConfig.Value(0.05)).init(),
    "adamw-clip-norm": lambda: AdamWConfig().with_grad_clipping(GradientClippingConfig.Norm(0.5)).init(),
}


# --- equality over real training -------------------------------------------------------------------
@pytest.mark.parametrize("optim", list(OPTIMIZERS))
def test_every_optimizer_jitted_equals_eager(ad_backend: Any, optim: str) -> None:
    """The optimizer matrix under jit: a custom module with dropout, an LR schedule, clipping."""
    js = run_side_by_side(ad_backend, lambda: (make_mlp(ad_backend), OPTIMIZERS[optim]()),
                          _batches(ad_backend, (5, 6), (5, 3)), _lrs())
    stats = js.stats()
    # First step (no state yet), then steady state; AMSGrad's first state holds one tensor
    # twice (max_moment_2 is moment_2), an aliasing the guards see: one more trace.
    assert stats.traces <= (3 if "amsgrad" in optim else 2) and stats.captured == [], stats


def test_modern_lstm_cells_jitted_equals_eager(ad_backend: Any) -> None:
    from examples.modern_lstm.model import LstmNetworkConfig
    case = ad_backend

    def make() -> tuple[Module, Any]:
        model = LstmNetworkConfig(hidden_size=4, num_layers=1, dropout=0.1).init(case.device)
        return materialize(model), AdamConfig().with_grad_clipping(
            GradientClippingConfig.Norm(1.0)).init()

    run_side_by_side(case, make, _batches(case, (3, 3, 1), (3, 1), n=3), _lrs(3))


def test_modern_lstm_nn_variant_jitted_equals_eager(ad_backend: Any) -> None:
    from examples.modern_lstm.model import LstmNetworkConfig
    from examples.modern_lstm.model_nn import NnLstmNetworkConfig
    case = ad_backend

    def make() -> tuple[Module, Any]:
        config = NnLstmNetworkConfig.from_network(
            LstmNetworkConfig(hidden_size=4, num_layers=1, dropout=0.1))
        return materialize(config.init(case.device)), AdamConfig().init()

    run_side_by_side(case, make, _batches(case, (3, 3, 1), (3, 1), n=3), _lrs(3))


def test_nn_layer_zoo_jitted_equals_eager(ad_backend: Any) -> None:
    """Conv2d, BatchNorm in train mode (its running statistics too), Lstm, MHA with dropout."""
    case = ad_backend
    made: list[Module] = []

    def make() -> tuple[Module, Any]:
        made.append(make_zoo(case))
        return made[-1], AdamConfig().init()

    run_side_by_side(case, make, _batches(case, (3, 1, 4, 6), (3, 2), n=4), _lrs(4))
    # The running statistics were updated in place by both, identically.
    exact = "numpy" in case.id
    a, b = numpy_of(made[0].bn.running_mean.val()), numpy_of(made[1].bn.running_mean.val())
    assert np.array_equal(a, b) if exact else np.allclose(a, b, atol=1e-6)
    assert not np.array_equal(a, np.zeros_like(a))


def test_guide_model_jitted_equals_eager(ad_backend: Any) -> None:
    from examples.guide.model import ModelConfig
    case = ad_backend
    rng = np.random.default_rng(0)

    def make() -> tuple[Module, Any]:
        return materialize(ModelConfig(10, 16).init(case.device)), AdamConfig().init()

    def step(model: Any, optim: Any, images: Any, targets: Any, lr: float) -> Any:
        item = model.forward_classification(images, targets)
        grads = GradientsParams.from_grads(item.loss.backward(), model)
        return optim.step(lr, model, grads), item.loss

    batches = [(Tensor[case.B].from_data(rng.normal(size=(2, 12, 12)).astype(np.float32), case.device),
                Tensor[case.B, Int].from_data(rng.integers(0, 10, size=(2,)), case.device))
               for _ in range(3)]
    run_side_by_side(case, make, batches, _lrs(3), step=step)


def test_gradient_accumulation_jitted_equals_eager(ad_backend: Any) -> None:
    """Two jitted functions: one accumulates gradients, one steps; the accumulator is state."""
    case = ad_backend

    def accumulate(model: Any, acc: Any, x: Any, y: Any) -> Any:
        loss = ((model(x) - y) ** 2).mean()
        acc.accumulate(model, GradientsParams.from_grads(loss.backward(), model))
        return loss

    def apply(model: Any, optim: Any, acc: Any, lr: float) -> Any:
        return optim.step(lr, model, acc.grads())

    j_acc, j_apply = jit(accumulate), jit(apply)
    batches = _batches(case, (4, 6), (4, 3), n=6)
    runs = []
    for acc_fn, apply_fn in ((accumulate, apply), (j_acc, j_apply)):
        case.B.seed(3)
        model, optim, acc = make_mlp(case), AdamConfig().init(), GradientsAccumulator()
        for i in range(0, 6, 2):
            case.B.seed(10 + i)
            acc_fn(model, acc, *batches[i])
            acc_fn(model, acc, *batches[i + 1])
            model = apply_fn(model, optim, acc, 1e-2)
        runs.append(numpy_of(model.l2.weight.val()))
    assert np.allclose(runs[0], runs[1], atol=1e-6) and (
        "numpy" not in case.id or np.array_equal(runs[0], runs[1]))
    assert j_acc.stats().replays >= 4 and j_apply.stats().replays >= 1


def test_random_ops_draw_fresh_values_on_replay(ad_backend: Any) -> None:
    """Dropout masks and random tensors inside the step come from the generator, every call."""
    case = ad_backend

    @jit
    def noisy(x: Any) -> Any:
        return DropoutConfig(0.5).init()(x) + Tensor[case.B].random(
            [4], Distribution.Default, device=case.device)

    x = Tensor[case.B].ones([4], case.device)
    case.B.seed(1)
    eager = [numpy_of(noisy.eager(x)) for _ in range(4)]
    case.B.seed(1)
    jitted = [numpy_of(noisy(x)) for _ in range(4)]
    assert noisy.stats().replays == 3
    for a, b in zip(eager, jitted):
        assert np.array_equal(a, b) if "numpy" in case.id else np.allclose(a, b)
    assert not np.array_equal(jitted[1], jitted[2])


# --- guards, misses, stats --------------------------------------------------------------------------
def test_shape_change_retraces_with_a_reason(ad_backend: Any, caplog: Any) -> None:
    case = ad_backend
    js = jit(mse_step, debug=True)
    model, optim = make_mlp(case), SgdConfig().init()
    (x4, y4), (x5, y5) = _batches(case, (4, 6), (4, 3), 1)[0], _batches(case, (5, 6), (5, 3), 1)[0]
    with caplog.at_level(logging.WARNING, logger="pyburn.jit"):
        model, _ = js(model, optim, x4, y4, 0.1)     # trace: no optimizer state yet
        model, _ = js(model, optim, x4, y4, 0.1)     # trace: the state exists now (a miss)
        assert "optimizer state" in js.stats().miss_reasons[-1]
        model, _ = js(model, optim, x5, y5, 0.1)     # another batch size: a miss
        model, _ = js(model, optim, x4, y4, 0.1)     # both plans cached: a replay
    stats = js.stats()
    assert (stats.traces, stats.replays, stats.misses, stats.plans) == (3, 1, 2, 3), stats
    reason = stats.miss_reasons[-1]
    assert "args[2]" in reason and "shape [4, 6]" in reason and "shape [5, 6]" in reason
    assert "guard miss" in caplog.text and "traced" in caplog.text


def test_cache_is_bounded_lru_and_miss_policies(ad_backend: Any) -> None:
    case = ad_backend

    def double(x: Any) -> Any:
        return x * 2.0

    js = jit(double, cache_size=2)
    xs = [Tensor[case.B].ones([n], case.device) for n in (1, 2, 3, 1)]
    for x in xs:
        js(x)
    stats = js.stats()
    assert stats.plans == 2 and stats.evictions == 2 and stats.traces == 4   # [1] was evicted
    eager = jit(double, on_miss="eager")
    eager(xs[0])
    assert numpy_of(eager(xs[1])).tolist() == [2.0, 2.0]
    assert eager.stats().eager_calls == 1 and eager.stats().plans == 1
    strict = jit(double, on_miss="error")
    strict(xs[0])
    with pytest.raises(JitError, match=r"args\[0\]: traced with .*shape \[1\].*called with .*shape \[2\]"):
        strict(xs[1])


def test_module_structure_and_mode_are_guarded(ad_backend: Any) -> None:
    """Another module (other parameter ids) or valid() mode (the inner backend) is a miss."""
    case = ad_backend

    @jit
    def forward(model: Any, x: Any) -> Any:
        return model(x)

    x = _batches(case, (2, 6), (2, 3), 1)[0][0]
    m1, m2 = make_mlp(case), make_mlp(case)
    forward(m1, x)
    forward(m2, x)
    assert forward.stats().traces == 2
    valid = m1.valid()
    out = forward(valid, x.inner())
    assert forward.stats().traces == 3
    assert np.allclose(numpy_of(out), numpy_of(m1.valid()(x.inner())))


def test_scalar_inputs_are_not_baked(ad_backend: Any) -> None:
    """A changing float argument is an input; a branch on it is a guard (a miss, never stale)."""
    case = ad_backend

    @jit
    def scaled(x: Any, factor: float, clip: float) -> Any:
        y = x * factor
        if clip > 1.0:           # Python branching on a scalar argument: guarded
            y = y.clamp(-clip, clip)
        return y

    x = Tensor[case.B].from_data(np.arange(4, dtype=np.float32), case.device)
    for factor in (1.0, 2.0, 3.0):
        assert numpy_of(scaled(x, factor, 0.5)).tolist() == [0.0, factor, 2 * factor, 3 * factor]
    assert scaled.stats().traces == 1 and scaled.stats().replays == 2
    assert numpy_of(scaled(x, 3.0, 2.5)).tolist() == [0.0, 2.5, 2.5, 2.5]   # branch flips
    stats = scaled.stats()
    assert stats.traces == 2 and "comparison" in stats.miss_reasons[-1]
    assert numpy_of(scaled(x, 3.0, 4.0)).tolist() == [0.0, 3.0, 4.0, 4.0]   # clamp bound: an input
    assert scaled.stats().traces == 2


def test_adam_step_count_and_lr_are_plan_inputs(ad_backend: Any) -> None:
    """Many Adam steps with a changing LR replay one plan: bias correction is recomputed."""
    case = ad_backend
    js = run_side_by_side(case, lambda: (make_mlp(case), AdamConfig().init()),
                          _batches(case, (3, 6), (3, 3), n=10), [1e-2 / (1 + i) for i in range(10)])
    assert js.stats().traces == 2 and js.stats().replays == 8
    assert "s[" in js.plans()[-1].source   # scalars read from the inputs in the replay code


# --- what breaks a trace -------------------------------------------------------------------------------
@pytest.mark.parametrize("read", ["into_scalar", "bool", "to_data", "branch"])
def test_host_reads_are_refused_naming_the_op(ad_backend: Any, read: str) -> None:
    case = ad_backend

    def step(model: Any, optim: Any, x: Any, y: Any, lr: float) -> Any:
        loss = ((model(x) - y) ** 2).mean()
        if read == "into_scalar":
            print(loss.into_scalar())
        elif read == "bool":
            bool(loss.greater_elem(0.0))
        elif read == "to_data":
            loss.to_data()
        elif loss > 1e9:
            lr = 0.0
        grads = GradientsParams.from_grads(loss.backward(), model)
        return optim.step(lr, model, grads)

    optim = AdamConfig().init()
    with pytest.raises(HostReadError, match="reads a tensor's value on the host") as info:
        jit(step)(make_mlp(case), optim, *_batches(case, (2, 6), (2, 3), 1)[0], 0.1)
    expected = {"into_scalar": "into_scalar", "bool": "__bool__", "to_data": "to_data",
                "branch": "__bool__"}[read]
    assert expected in str(info.value)
    assert optim.num_states() == 0          # the failed trace left the optimizer as it was
    assert type(make_mlp(case).l1.weight.val()).backend is case.B   # backends restored


def test_refuses_graph_carrying_inputs(ad_backend: Any) -> None:
    case = ad_backend
    w = Tensor[case.B].ones([2], case.device).require_grad()
    with pytest.raises(JitError, match="carries an autodiff graph"):
        jit(lambda x: x * 2.0)(w * 3.0)


def test_custom_user_backend_under_jit() -> None:
    """A user's own backend (and its own fused op) under Autodiff: recorded like any other."""
    from examples.custom_backend import fused_matmul_add_relu_op as fused_matmul_add_relu
    from pyburn.backend import Autodiff
    from test_custom_backend import FusedNumPy, UserBackend

    for user in (UserBackend, FusedNumPy):
        B = Autodiff[user]
        device = B.default_device()
        rng = np.random.default_rng(0)
        w0 = rng.normal(size=(3, 4)).astype(np.float32)

        def step(w: Any, x: Any, lr: float) -> Any:
            y = fused_matmul_add_relu.apply(x, w, w[0:1, :]).sum()
            g = w.grad(y.backward())
            return Tensor[B].from_inner(w.inner() - g * lr).require_grad(), y

        js = jit(step)
        for runner in (step, js):
            w = Tensor[B].from_data(w0, device).require_grad()
            for i in range(4):
                x = Tensor[B].from_data(rng.normal(size=(2, 3)).astype(np.float32), device)
                w, _ = runner(w, x, 0.1 / (1 + i))
            if runner is step:
                expected = numpy_of(w)
            rng = np.random.default_rng(0)
            rng.normal(size=(3, 4))
        assert np.array_equal(expected, numpy_of(w)), user
        assert js.stats().replays == 3 and js.stats().captured == []


def test_plain_backend_inference_step(backend: Any) -> None:
    """A step without Autodiff (inference) is captured the same way."""
    model = materialize(LinearConfig(6, 3).init(backend.device))

    @jit
    def infer(m: Any, x: Any) -> Any:
        return m(x).tanh()

    for x, _ in _batches(backend, (2, 6), (2, 3), 3):
        np.testing.assert_array_equal(numpy_of(infer(model, x)), numpy_of(model(x).tanh()))
    assert infer.stats().replays == 2


def test_plan_is_printable_and_flat(ad_backend: Any) -> None:
    js = jit(mse_step)
    model, optim = make_mlp(ad_backend), SgdConfig().init()
    js(model, optim, *_batches(ad_backend, (2, 6), (2, 3), 1)[0], 0.1)
    text = repr(js.plans()[0])
    assert text.startswith("Plan(") and "float_matmul(" in text and len(js.plans()[0]) > 20


def test_lazy_parameters_initialize_eagerly_in_forward_order(ad_backend: Any) -> None:
    """A model whose parameters are still lazy: the first call runs eagerly, so the random
    initialization draws happen in the same order as in an eager run."""
    case = ad_backend
    batches = _batches(case, (4, 6), (4, 3), 4)
    finals = []
    for jitted in (False, True):
        case.B.seed(5)
        model, optim = Mlp(LinearConfig(6, 16).init(case.device), LayerNormConfig(16).init(case.device),
                           DropoutConfig(0.2).init(), LinearConfig(16, 3).init(case.device),
                           Param(Tensor[case.B].ones([16], case.device))), SgdConfig().init()
        step = jit(mse_step) if jitted else mse_step
        for x, y in batches:
            model, _ = step(model, optim, x, y, 0.1)
        finals.append(numpy_of(model.l1.weight.val()))
        if jitted:
            stats = step.stats()   # type: ignore[attr-defined]
            assert stats.eager_calls == 1 and "lazy parameter" in stats.miss_reasons[0]
            assert stats.replays >= 1
    assert np.allclose(finals[0], finals[1], atol=1e-6)
    assert "numpy" not in case.id or np.array_equal(finals[0], finals[1])


def test_value_checks_run_again_on_replay(ad_backend: Any) -> None:
    """pyburn's index-range check inside a step (cross-entropy's gather) is replayed as a check:
    an out-of-range target on a later call still raises."""
    from pyburn.nn.loss import CrossEntropyLossConfig
    from pyburn.tensor.errors import IndexRangeError
    case = ad_backend

    @jit
    def loss_of(logits: Any, targets: Any) -> Any:
        return CrossEntropyLossConfig().init(case.device).forward(logits, targets)

    logits = Tensor[case.B].ones([2, 3], case.device)
    ok = Tensor[case.B, Int].from_data(np.array([0, 2]), case.device)
    bad = Tensor[case.B, Int].from_data(np.array([0, 3]), case.device)
    loss_of(logits, ok)
    loss_of(logits, ok)
    assert loss_of.stats().replays == 1
    with pytest.raises(IndexRangeError):
        loss_of(logits, bad)
    assert loss_of.stats().replays == 1 and loss_of.stats().traces == 1

    @jit
    def encode(targets: Any) -> Any:
        return targets.one_hot(3)

    assert numpy_of(encode(ok)).tolist() == [[1, 0, 0], [0, 0, 1]]
    assert numpy_of(encode(ok)).tolist() == [[1, 0, 0], [0, 0, 1]]
    with pytest.raises(IndexError, match="one_hot"):
        encode(bad)
    assert encode.stats().traces == 1


def test_long_plans_compile_in_chunks(ad_backend: Any, monkeypatch: Any) -> None:
    """A plan longer than one compiled function holds (CHUNK entries) is split into chunks
    that pass the live values along: same results, and intermediates still freed."""
    import pyburn.jit.plan as plan_module
    monkeypatch.setattr(plan_module, "CHUNK", 7)
    js = run_side_by_side(ad_backend, lambda: (make_mlp(ad_backend), AdamConfig().init()),
                          _batches(ad_backend, (3, 6), (3, 3), n=4), _lrs(4))
    source = js.plans()[-1].source
    assert source.count("def chunk") > 5 and "del v" in source
