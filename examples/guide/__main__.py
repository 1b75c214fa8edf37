"""Command line: ``python -m examples.guide [train|infer|all] [options]``.

With no command it trains (10 epochs on NumPy, the Learner's dashboard on a terminal, one line
per epoch elsewhere) and then predicts the first test digits with the saved model.
``--backend torch`` (or ``cupy``) swaps the backend: training runs on ``Autodiff[B]``, inference
on ``B``.

Data parallel: ``torchrun --standalone --nproc_per_node 2 -m examples.guide train`` runs one
process per device (each takes its shard of every epoch; rank 0 writes the artifacts).
"""

from __future__ import annotations

import argparse
import os

from typing import Any

from .._cli import add_backend_arguments, resolve_backend
from pyburn import distributed
from pyburn.data import PartialDataset

from .data import dataset
from .inference import infer
from .training import default_config, train

DEFAULT_ARTIFACT_DIR = "artifacts/guide"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m examples.guide",
        description="The Burn Book's guide in pyburn: a convolutional network learns to read "
                    "hand-written digits.")
    parser.add_argument("command", nargs="?", default="all", choices=["train", "infer", "all"],
                        help="what to run (default: all = train, then infer)")
    add_backend_arguments(parser)
    parser.add_argument("--artifact-dir", default=DEFAULT_ARTIFACT_DIR,
                        help=f"where config.json, model.mpk, checkpoints and metric logs go "
                             f"(default {DEFAULT_ARTIFACT_DIR})")
    parser.add_argument("--data", choices=["digits", "mnist"], default="digits",
                        help="digits: scikit-learn's 8x8 digits upsampled to 28x28, offline "
                             "(default); mnist: the real MNIST, downloaded once")
    parser.add_argument("--mnist-dir", default=None,
                        help="where the MNIST idx files are or are downloaded to "
                             "(default ~/.cache/pyburn/mnist)")
    parser.add_argument("--loop", choices=["learner", "custom"], default="learner",
                        help="learner: Burn's Learner (default); custom: the same steps in a "
                             "hand-written loop")
    parser.add_argument("--epochs", type=int, default=None,
                        help="number of epochs (default: the config's, 10)")
    parser.add_argument("--num-workers", type=int, default=None,
                        help="data loader worker threads (default: the config's, 4)")
    parser.add_argument("--limit", type=int, default=None,
                        help="train and validate on the first N items of each split only "
                             "(smoke tests)")
    parser.add_argument("--count", type=int, default=10,
                        help="infer: how many test digits to predict (default 10)")
    args = parser.parse_args(argv)
    if args.epochs is not None and args.epochs < 1:
        parser.error("--epochs must be >= 1")
    if args.count < 1:
        parser.error("--count must be >= 1")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be >= 1")
    return args


def _limited(data: Any, limit: int | None) -> Any:
    return data if limit is None else PartialDataset(data, 0, min(limit, data.len()))


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if int(os.environ.get("WORLD_SIZE", "1")) > 1 and not distributed.is_initialized():
        distributed.init()            # started by torchrun: join the other processes
    device_name = args.device
    if device_name is None and args.backend != "numpy" and distributed.world_size() > 1:
        import torch
        if torch.cuda.is_available():  # one GPU per process
            device_name = f"cuda:{distributed.local_rank() % torch.cuda.device_count()}"
    _, device = resolve_backend(args.backend, device_name)
    if args.command in ("train", "all"):
        config = default_config(args.data)
        if args.epochs is not None:
            config = config.with_num_epochs(args.epochs)
        if args.num_workers is not None:
            config = config.with_num_workers(args.num_workers)
        result = train(args.artifact_dir, config, device,
                       _limited(dataset(args.data, "train", args.mnist_dir), args.limit),
                       _limited(dataset(args.data, "test", args.mnist_dir), args.limit),
                       loop=args.loop)
        if result.valid_accuracy and distributed.is_main():
            print(f"validation accuracy {result.valid_accuracy[-1]:.2f}% after "
                  f"{len(result.valid_accuracy)} epochs, {result.seconds_per_epoch():.1f} s/epoch")
    if args.command in ("infer", "all") and distributed.is_main():
        test = dataset(args.data, "test", args.mnist_dir)
        for index in range(min(args.count, test.len())):
            item = test.get(index)
            assert item is not None
            infer(args.artifact_dir, device, item)


if __name__ == "__main__":
    main()
