"""No silent wrong result from an optimizer: state whose shape no longer matches its parameter
(in memory or from a record) and a learning rate that is NaN, infinite or negative (given to
``step`` or produced by a scheduler) are errors that say which optimizer, which parameter and
what was wrong, and a refused step leaves the optimizer as it was. Every optimizer test runs on
each Autodiff row of the backend matrix."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.module import Module, Param
from pyburn.optim import (AdamConfig, AdamWConfig, GradientsParams, MomentumConfig,
                          OptimizerAdaptor, SgdConfig)
from pyburn.optim.lr_scheduler import (ConstantLr, ExponentialLrSchedulerConfig,
                                       LinearLrSchedulerConfig, NoamLrSchedulerConfig,
                                       StepLrSchedulerConfig, as_lr_scheduler)
from pyburn.record import BinFileRecorder, FullPrecisionSettings, RecordError
from pyburn.tensor import ShapeError, TensorData


class One(Module):
    w: Param[Any]

    def forward(self) -> Any:
        return (self.w.val() * self.w.val()).sum()


def one(case: Any, shape: list[int], like: Param[Any] | None = None) -> One:
    """A module whose parameter has `shape`; with `like`, the same `ParamId` as `like`."""
    values = np.linspace(-1.0, 1.0, math.prod(shape)).reshape(shape)
    tensor = Tensor[case.B].from_data(values, case.device)
    return One(Param(tensor) if like is None else like.with_value(tensor))


def step(optim: OptimizerAdaptor[Any], model: One, lr: Any = 0.1) -> One:
    grads = GradientsParams.from_grads(model.forward().backward(), model)
    return optim.step(lr, model, grads)


CONFIGS = {
    "Adam": AdamConfig(),
    "AdamW": AdamWConfig(),
    "Sgd": SgdConfig(momentum=MomentumConfig()),
}


# --- 13: state shape against the parameter ---------------------------------------------------------
@pytest.mark.parametrize("name", list(CONFIGS))
def test_state_of_a_param_that_changed_shape_is_not_broadcast(ad_backend: Any, name: str) -> None:
    """Adam's `[8]` moments used to broadcast silently onto a `[2, 8]` parameter with the same id."""
    optim = CONFIGS[name].init()
    model = step(optim, one(ad_backend, [8]))
    grown = one(ad_backend, [2, 8], like=model.w)
    with pytest.raises(ShapeError) as err:
        step(optim, grown)
    message = str(err.value)
    assert message.startswith(f"{name} optimizer: the state of parameter 'w' (id {model.w.id}) "
                              f"has shape [8], the parameter has shape [2, 8]")
    assert "kept its ParamId" in message


@pytest.mark.parametrize("name", list(CONFIGS))
def test_state_that_cannot_broadcast_names_optimizer_and_parameter(ad_backend: Any,
                                                                   name: str) -> None:
    optim = CONFIGS[name].init()
    model = step(optim, one(ad_backend, [8]))
    with pytest.raises(ShapeError, match=rf"^{name} optimizer: .*'w' \(id {model.w.id}\) has "
                                         r"shape \[8\], the parameter has shape \[3\]"):
        step(optim, one(ad_backend, [3], like=model.w))


def test_refused_step_leaves_the_state_as_it_was(ad_backend: Any) -> None:
    """The state is not consumed by a step that raises: fixing the model and stepping again
    resumes exactly where a step without the mistake would be."""
    optim, straight = AdamConfig().init(), AdamConfig().init()
    model = step(optim, one(ad_backend, [8]))
    reference = step(straight, one(ad_backend, [8], like=model.w))
    before = optim.to_record()
    with pytest.raises(ShapeError):
        step(optim, one(ad_backend, [2, 8], like=model.w))
    with pytest.raises(ValueError):
        step(optim, model, lr=math.nan)
    after = optim.to_record()
    assert after.keys() == before.keys()
    for key in before:
        state, again = before[key]["momentum"], after[key]["momentum"]
        assert state["time"] == again["time"] == 1
        np.testing.assert_array_equal(again["moment_1"].to_numpy(), state["moment_1"].to_numpy())
    np.testing.assert_array_equal(step(optim, model).w.val().to_numpy(),
                                  step(straight, reference).w.val().to_numpy())


def test_state_of_every_kind_is_checked(ad_backend: Any) -> None:
    """AMSGrad's running max is a state tensor too; each one is checked, not only the first."""
    optim = AdamConfig(amsgrad=True).init()
    model = step(optim, one(ad_backend, [4]))
    record = optim.to_record()
    record[str(model.w.id)]["momentum"]["max_moment_2"] = TensorData(np.zeros((5,)))
    optim.load_record(record)
    with pytest.raises(RecordError, match=r"shape \[5\], the parameter has shape \[4\]"):
        step(optim, model)


@pytest.mark.parametrize("name", list(CONFIGS))
def test_record_for_another_model_is_refused_at_load(ad_backend: Any, tmp_path: Path,
                                                     name: str) -> None:
    optim = CONFIGS[name].init()
    small = step(optim, one(ad_backend, [3]))
    record = optim.to_record()
    big = one(ad_backend, [2, 3], like=small.w)
    expected = (rf"^{name} optimizer: the state loaded from a record of parameter 'w' "
                rf"\(id {small.w.id}\) has shape \[3\], the parameter has shape \[2, 3\]")
    with pytest.raises(RecordError, match=expected):
        CONFIGS[name].init().load_record(record, big)
    path = str(tmp_path / "optim")
    optim.save_file(path, BinFileRecorder(FullPrecisionSettings))
    with pytest.raises(RecordError, match=expected):
        CONFIGS[name].init().load_file(path, BinFileRecorder(FullPrecisionSettings), big)
    # Without the module the same check happens at the first step, with the same message.
    lazy = CONFIGS[name].init().load_record(record)
    with pytest.raises(RecordError, match=expected):
        step(lazy, big)


def test_matching_record_loads_with_module_and_resumes(ad_backend: Any) -> None:
    optim = AdamConfig().init()
    model = step(optim, one(ad_backend, [2, 3]))
    other = One(Param(Tensor[ad_backend.B].ones([7], ad_backend.device)))  # ids not in the record
    resumed = AdamConfig().init().load_record(optim.to_record(), model)
    AdamConfig().init().load_record(optim.to_record(), other)  # states of other ids are kept
    np.testing.assert_array_equal(step(resumed, model).w.val().to_numpy(),
                                  step(optim, model).w.val().to_numpy())


# --- 14: the learning rate ---------------------------------------------------------------------------
@pytest.mark.parametrize("lr", [math.nan, math.inf, -math.inf, -0.1, np.float32("nan")])
@pytest.mark.parametrize("name", list(CONFIGS))
def test_non_finite_or_negative_lr_is_refused(ad_backend: Any, name: str, lr: float) -> None:
    """`step(lr=nan)` used to turn every parameter into NaN."""
    optim = CONFIGS[name].init()
    model = one(ad_backend, [4])
    with pytest.raises(ValueError, match=rf"^{name}\.step: the learning rate must be finite and "
                                         rf">= 0, got {float(lr)!r}$"):
        step(optim, model, lr=lr)
    assert optim.num_states() == 0


def test_lr_must_be_a_number(ad_backend: Any) -> None:
    optim = SgdConfig().init()
    model = one(ad_backend, [4])
    for bad in ("0.1", None, True):
        with pytest.raises(TypeError, match=r"^Sgd\.step: the learning rate must be a number, "):
            step(optim, model, lr=bad)


def test_zero_and_numpy_rates_are_fine(ad_backend: Any) -> None:
    model = one(ad_backend, [4])
    same = step(SgdConfig().init(), model, lr=0)
    np.testing.assert_array_equal(same.w.val().to_numpy(), model.w.val().to_numpy())
    moved = step(SgdConfig().init(), model, lr=np.float64(0.5))
    np.testing.assert_allclose(moved.w.val().to_numpy(), model.w.val().to_numpy() * 0.0,
                               atol=1e-7)  # w - 0.5 * 2w


# --- 14: schedulers that would produce such a rate ------------------------------------------------
@pytest.mark.parametrize("make, message", [
    (lambda: NoamLrSchedulerConfig(math.nan).init(),
     r"NoamLrSchedulerConfig: the initial learning rate must be finite and >= 0, got nan"),
    (lambda: NoamLrSchedulerConfig(-1.0).init(),
     r"NoamLrSchedulerConfig: the initial learning rate must be finite and >= 0, got -1.0"),
    (lambda: StepLrSchedulerConfig(-1.0, 1).init(),
     r"StepLrSchedulerConfig: the initial learning rate must be finite and >= 0, got -1.0"),
    (lambda: StepLrSchedulerConfig(math.inf, 1).init(),
     r"StepLrSchedulerConfig: the initial learning rate must be finite and >= 0, got inf"),
    (lambda: StepLrSchedulerConfig(0.1, 1, gamma=-0.5).init(),
     r"StepLrSchedulerConfig: gamma must be finite and >= 0, got -0.5"),
    (lambda: StepLrSchedulerConfig(0.1, 1, gamma=math.nan).init(),
     r"StepLrSchedulerConfig: gamma must be finite and >= 0, got nan"),
    (lambda: ExponentialLrSchedulerConfig(math.nan, 0.5).init(),
     r"ExponentialLrSchedulerConfig: initial learning rate must be greater than 0"),
    (lambda: ConstantLr(math.nan),
     r"ConstantLr: the learning rate must be a finite number >= 0, got nan"),
    (lambda: as_lr_scheduler(-0.001),
     r"ConstantLr: the learning rate must be a finite number >= 0, got -0.001"),
])
def test_scheduler_configs_refuse_rates_optimizers_would_refuse(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}"):
        make()


def test_growing_schedule_that_overflows_is_refused_at_that_step() -> None:
    scheduler = StepLrSchedulerConfig(1.0, 1, gamma=1e200).init()
    assert [scheduler.step(), scheduler.step()] == [1.0, 1e200]
    with pytest.raises(ValueError, match=r"^StepLrScheduler\.step: the learning rate must be "
                                         r"finite and >= 0, but this schedule produced inf "
                                         r"\(StepLrScheduler\(.*iter_idx=2\)\)"):
        scheduler.step()


def test_scheduler_state_from_a_record_cannot_produce_a_bad_rate() -> None:
    exponential = ExponentialLrSchedulerConfig(0.1, 0.5).init().load_record(
        {"previous_lr": math.nan})
    with pytest.raises(ValueError, match=r"^ExponentialLrScheduler\.step: .* produced nan"):
        exponential.step()
    linear = LinearLrSchedulerConfig(1.0, 0.01, 6).init().load_record({"remaining_iters": -10})
    with pytest.raises(ValueError, match=r"^LinearLrScheduler\.step: .* produced -1\.6"):
        linear.step()


def test_constant_rate_accepts_any_real_number() -> None:
    assert ConstantLr(np.float32(0.5)).step() == 0.5
    assert as_lr_scheduler(0).step() == 0.0
