"""Command line: ``python -m examples.modern_lstm [train|infer|plot|all] [options]``.

With no command it runs all three: train on NumPy (Burn's settings: 30 epochs), print the
inference table, write the plot. ``--backend torch`` (or ``cupy``) swaps the backend, nothing
else changes: training runs on ``Autodiff[B]``, inference and plotting on ``B``. Training writes a
checkpoint every epoch; ``--resume`` continues an interrupted run from the last one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pyburn.backend import Autodiff

from .._cli import add_backend_arguments, resolve_backend
from .inference import infer
from .plot import plot
from .training import CONFIG_FILE, TrainingConfig, default_config, train

DEFAULT_ARTIFACT_DIR = "artifacts/modern_lstm"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m examples.modern_lstm",
        description="Burn's modern-lstm example in pyburn: a layer-normalized, bidirectional, "
                    "stacked LSTM learns to continue noisy Fibonacci-like sequences.")
    parser.add_argument("command", nargs="?", default="all",
                        choices=["train", "infer", "plot", "all"],
                        help="what to run (default: all = train, then infer, then plot)")
    add_backend_arguments(parser)
    parser.add_argument("--artifact-dir", default=DEFAULT_ARTIFACT_DIR,
                        help=f"where config.json, model.mpk, history.json and the plot go "
                             f"(default {DEFAULT_ARTIFACT_DIR})")
    parser.add_argument("--model", choices=["cells", "nn"], default="cells",
                        help="cells: LstmNetwork of LstmCells (Burn's example); nn: the same "
                             "task with pyburn's nn.Lstm/nn.BiLstm (train only: infer and plot "
                             "read the variant from config.json)")
    parser.add_argument("--epochs", type=int, default=None,
                        help="number of epochs (default: the config's, 30)")
    parser.add_argument("--num-workers", type=int, default=None,
                        help="data loader worker threads (default: the config's)")
    parser.add_argument("--resume", action="store_true",
                        help="continue after the last checkpoint in --artifact-dir (written "
                             "every epoch), with the configuration saved there; --epochs may "
                             "extend it")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bar (it is only drawn on a terminal anyway)")
    args = parser.parse_args(argv)
    if args.epochs is not None and args.epochs < 1:
        parser.error("--epochs must be >= 1")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    B, device = resolve_backend(args.backend, args.device)
    if args.command in ("train", "all"):
        config = default_config().with_model_variant(args.model)
        saved = Path(args.artifact_dir) / CONFIG_FILE
        if args.resume and saved.exists():
            config = TrainingConfig.load(saved)
        if args.epochs is not None:
            config = config.with_num_epochs(args.epochs)
        if args.num_workers is not None:
            config = config.with_num_workers(args.num_workers)
        AD = Autodiff.of(B)  # Autodiff[B]: the one line that makes training differentiable
        train(AD, args.artifact_dir, config, device.on(AD), progress=not args.no_progress,
              resume=args.resume)
    if args.command in ("infer", "all"):
        print(f"\nPredicted vs expected, first 10 validation sequences ({B!r}):")
        infer(args.artifact_dir, B, device)
    if args.command in ("plot", "all"):
        plot(args.artifact_dir, B, device)


if __name__ == "__main__":
    main()
