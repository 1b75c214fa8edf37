"""The sine_forecast example: a short run on every Autodiff CPU row beats the naive "next value
equals the last one" forecast on the test windows, and the command line writes its PNG."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from examples.sine_forecast import ForecastConfig, SineRnnConfig, noisy_sine, train, windows
from examples.sine_forecast.__main__ import main as sine_main


@pytest.fixture(autouse=True)
def one_torch_thread() -> Iterator[None]:
    """Training tiny models: torch's intra-op threads only wait for each other on such small
    ops, and on a busy machine (CI runners, parallel jobs) they make a run many times slower
    (measured here: 100 s instead of 3 s). One thread for these tests, restored after."""
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def test_windows_and_noise() -> None:
    series = noisy_sine(50, seed=1)
    assert series == noisy_sine(50, seed=1) and series != noisy_sine(50, seed=2)
    inputs, targets = windows(series)
    assert len(inputs) == 40 and inputs[3] == series[3:13] and targets[3] == series[13]
    with pytest.raises(ValueError, match="has no window of 10"):
        windows(series[:10])


def test_short_training_beats_the_naive_forecast(ad_backend: Any) -> None:
    config = ForecastConfig(SineRnnConfig(16, dropout=0.0), size=400, train_size=300,
                            epochs=8, batch_size=16)
    result = train(ad_backend.B, config, ad_backend.device, log=lambda line: None)
    assert len(result.train_mse) == 8 and result.train_mse[-1] < result.train_mse[0]
    assert len(result.predicted) == len(result.truth) == 90
    assert result.test_mse < result.naive_mse


def test_command_line_writes_the_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    sine_main(["--epochs", "2", "--size", "120", "--train-size", "80", "--hidden", "8",
               "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert "test MSE" in out and "naive" in out
    png = (tmp_path / "predictions.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 1000
    with pytest.raises(ValueError, match="train_size must leave a window on both sides"):
        sine_main(["--epochs", "1", "--size", "100", "--train-size", "95", "--no-plot"])
