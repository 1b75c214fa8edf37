"""Command line: ``python -m examples.sine_forecast [options]``: train, print the test MSE next
to the naive forecast's, write ``predictions.png`` to ``--out``."""

from __future__ import annotations

import argparse
from pathlib import Path

from pyburn.backend import Autodiff

from .._cli import add_backend_arguments, resolve_backend
from .model import SineRnnConfig
from .plot import plot_predictions
from .training import ForecastConfig, train

DEFAULT_OUT = "artifacts/sine_forecast"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    defaults = ForecastConfig(SineRnnConfig())
    parser = argparse.ArgumentParser(
        prog="python -m examples.sine_forecast",
        description="A simple RNN predicts the next value of a noisy sine wave from the last "
                    "10 (the RNN chapter's forecasting program).")
    add_backend_arguments(parser)
    parser.add_argument("--epochs", type=int, default=defaults.epochs,
                        help=f"training epochs (default {defaults.epochs})")
    parser.add_argument("--size", type=int, default=defaults.size,
                        help=f"length of the series (default {defaults.size})")
    parser.add_argument("--train-size", type=int, default=defaults.train_size,
                        help=f"values used for training, the rest test (default "
                             f"{defaults.train_size})")
    parser.add_argument("--hidden", type=int, default=SineRnnConfig().d_hidden,
                        help="hidden units of the RNN")
    parser.add_argument("--out", default=DEFAULT_OUT,
                        help=f"where predictions.png goes (default {DEFAULT_OUT})")
    parser.add_argument("--no-plot", action="store_true", help="skip the plot")
    args = parser.parse_args(argv)
    if args.epochs < 1 or args.hidden < 1:
        parser.error("--epochs and --hidden must be >= 1")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    B, device = resolve_backend(args.backend, args.device)
    AD = Autodiff.of(B)
    config = ForecastConfig(SineRnnConfig(args.hidden), size=args.size,
                            train_size=args.train_size, epochs=args.epochs)
    result = train(AD, config, device.on(AD))
    print(f"test MSE {result.test_mse:.4f} (naive 'next = last' forecast: "
          f"{result.naive_mse:.4f}; noise alone: {0.4 ** 2 / 12:.4f})")
    if not args.no_plot:
        path = plot_predictions(Path(args.out) / "predictions.png", result.truth,
                                result.predicted, f"Noisy sine, window 10: test MSE "
                                                  f"{result.test_mse:.4f}")
        print(f"plot: {path}")


if __name__ == "__main__":
    main()
