"""ReduceLrOnPlateau (pyburn.optim.lr_scheduler.plateau): the same validation losses give the
same learning rates as torch.optim.lr_scheduler.ReduceLROnPlateau, in every mode; the state
survives a record round trip mid-run; bad settings are refused by name."""

from __future__ import annotations

from typing import Any

import pytest

from pyburn.optim.lr_scheduler import LrScheduler, ReduceLrOnPlateauConfig
from pyburn.record import NamedMpkBytesRecorder, RecordError

LOSSES = [1.0, 0.9, 0.9, 0.91, 0.9, 0.85, 0.85, 0.86, 0.87, 0.88, 0.7, 0.7, 0.7, 0.7, 0.71,
          0.72, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69]

SETTINGS = [
    dict(),
    dict(patience=1, factor=0.5),
    dict(patience=0, factor=0.3, cooldown=2),
    dict(patience=1, factor=0.5, min_lr=0.02),
    dict(patience=2, threshold=0.05, threshold_mode="abs"),
    dict(patience=1, mode="max", factor=0.5),
    dict(patience=1, mode="max", threshold=0.01, threshold_mode="abs", cooldown=1),
]


def torch_rates(values: list[float], lr: float, **kw: Any) -> list[float]:
    torch = pytest.importorskip("torch")
    param = torch.nn.Parameter(torch.zeros(1))
    optim = torch.optim.SGD([param], lr=lr)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(optim, **kw)
    rates = []
    for v in values:
        sched.step(v)
        rates.append(optim.param_groups[0]["lr"])
    return rates


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: ",".join(f"{k}={v}" for k, v in
                                                                       s.items()) or "defaults")
def test_equals_torch(settings: dict[str, Any]) -> None:
    values = LOSSES if settings.get("mode") != "max" else [-v for v in LOSSES]
    expected = torch_rates(values, 0.1, **settings)
    sched = ReduceLrOnPlateauConfig(0.1, **settings).init()
    assert isinstance(sched, LrScheduler)
    got = []
    for v in values:
        sched.observe(v)
        got.append(sched.step())
    assert got == pytest.approx(expected, rel=1e-12)


def test_record_round_trip_mid_run() -> None:
    config = ReduceLrOnPlateauConfig(0.1, patience=1, factor=0.5, cooldown=1)
    whole = config.init()
    for v in LOSSES:
        whole.observe(v)
    first = config.init()
    for v in LOSSES[:7]:
        first.observe(v)
    recorder = NamedMpkBytesRecorder()
    resumed = config.init().load_record(recorder.from_bytes(recorder.to_bytes(first.to_record())))
    for v in LOSSES[7:]:
        resumed.observe(v)
    assert resumed.to_record() == whole.to_record()
    with pytest.raises(RecordError, match="ReduceLrOnPlateau.load_record: expected a record with field 'best'"):
        config.init().load_record({"lr": 0.1})


def test_bad_settings_and_nan() -> None:
    with pytest.raises(ValueError, match="ReduceLrOnPlateauConfig: factor must be in"):
        ReduceLrOnPlateauConfig(0.1, factor=1.0).init()
    with pytest.raises(ValueError, match="mode must be 'min' or 'max', got 'lowest'"):
        ReduceLrOnPlateauConfig(0.1, mode="lowest").init()
    with pytest.raises(ValueError, match="threshold_mode must be 'rel' or 'abs'"):
        ReduceLrOnPlateauConfig(0.1, threshold_mode="x").init()
    with pytest.raises(ValueError, match="patience must be >= 0"):
        ReduceLrOnPlateauConfig(0.1, patience=-1).init()
    with pytest.raises(ValueError, match="the initial learning rate must be finite"):
        ReduceLrOnPlateauConfig(float("nan")).init()
    with pytest.raises(ValueError, match="the metric is NaN"):
        ReduceLrOnPlateauConfig(0.1).init().observe(float("nan"))
