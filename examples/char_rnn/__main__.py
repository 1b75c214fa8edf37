"""Command line: ``python -m examples.char_rnn [train|sample] [options]``.

``train`` (the default) trains the chosen model on the text, prints loss and perplexity per
epoch next to the unigram baseline, writes the best model to ``--artifact-dir``, then prints
samples at several temperatures. ``sample`` reloads that model and prints samples again.
"""

from __future__ import annotations

import argparse
import time

from pyburn.backend import Autodiff

from .._cli import add_backend_arguments, resolve_backend
from .corpus import load_corpus
from .model import MODEL_KINDS, CharRnnConfig
from .sampling import TEMPERATURES, load_model, samples
from .training import TrainingConfig, train

DEFAULT_ARTIFACT_DIR = "artifacts/char_rnn"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    defaults = TrainingConfig(CharRnnConfig(1))
    parser = argparse.ArgumentParser(
        prog="python -m examples.char_rnn",
        description="The RNN chapter's character-level language models (RNN, LSTM, GRU, "
                    "bidirectional, deep, attention): train with truncated BPTT, clipping, "
                    "dropout, a plateau scheduler and early stopping, then sample text.")
    parser.add_argument("command", nargs="?", default="train", choices=["train", "sample"],
                        help="train (then sample), or sample from the saved model")
    parser.add_argument("--model", choices=MODEL_KINDS, default="lstm",
                        help="which of the chapter's models (default lstm)")
    parser.add_argument("--text", default=None,
                        help="a UTF-8 text file to learn (e.g. Tiny Shakespeare's input.txt); "
                             "default: CPython's pydoc topics")
    add_backend_arguments(parser)
    parser.add_argument("--epochs", type=int, default=defaults.epochs,
                        help=f"at most this many epochs (default {defaults.epochs}; early "
                             "stopping may end sooner)")
    parser.add_argument("--chunks-per-epoch", type=int, default=defaults.chunks_per_epoch,
                        help=f"training chunks per epoch (default {defaults.chunks_per_epoch})")
    parser.add_argument("--hidden", type=int, default=CharRnnConfig(1).d_hidden,
                        help="hidden units per layer and direction")
    parser.add_argument("--seq-len", type=int, default=defaults.seq_len,
                        help="truncated BPTT length: characters per chunk")
    parser.add_argument("--batch-size", type=int, default=defaults.batch_size,
                        help="parallel streams of text")
    parser.add_argument("--lr", type=float, default=defaults.lr, help="initial learning rate")
    parser.add_argument("--seed", type=int, default=defaults.seed,
                        help="seed of initialization, dropout and sampling")
    parser.add_argument("--artifact-dir", default=DEFAULT_ARTIFACT_DIR,
                        help=f"where the model, config, vocabulary and history go (default "
                             f"{DEFAULT_ARTIFACT_DIR})")
    parser.add_argument("--prompt", default="The ", help="the start of every sample")
    parser.add_argument("--sample-length", type=int, default=300,
                        help="characters per sample")
    args = parser.parse_args(argv)
    for name in ("epochs", "chunks_per_epoch", "hidden", "seq_len", "batch_size"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be >= 1")
    return args


def print_samples(texts: dict[float, str]) -> None:
    for temperature, text in texts.items():
        print(f"\n--- temperature {temperature} ---\n{text}")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    B, device = resolve_backend(args.backend, args.device)
    if args.command == "sample":
        model, vocab = load_model(args.artifact_dir, B, device)
    else:
        config = TrainingConfig(CharRnnConfig(1, kind=args.model, d_hidden=args.hidden),
                                epochs=args.epochs, chunks_per_epoch=args.chunks_per_epoch,
                                batch_size=args.batch_size, seq_len=args.seq_len, lr=args.lr,
                                seed=args.seed)
        AD = Autodiff.of(B)
        start = time.perf_counter()
        result = train(AD, load_corpus(args.text), config, args.artifact_dir, device.on(AD))
        history = result.history
        print(f"\nbest validation perplexity {history.best_valid_perplexity:.2f} (unigram "
              f"baseline {history.unigram_perplexity:.2f}) after "
              f"{time.perf_counter() - start:.0f}s; model in {args.artifact_dir}")
        model, vocab = result.model, result.vocab
    print_samples(samples(model, vocab, args.prompt, args.sample_length, args.seed,
                          TEMPERATURES))


if __name__ == "__main__":
    main()
