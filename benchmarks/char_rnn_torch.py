"""The char_rnn example's LSTM language model against the same network written in PyTorch, on
the same data: seconds per epoch and the ratio.

Both sides: embedding 32 -> LSTM 128 -> dropout 0.1 -> linear to the vocabulary (pydoc topics,
103 characters), batches of 32 streams x 64 characters read with truncated BPTT (state carried
and detached), cross-entropy, Adam (lr 3e-3) with each parameter's gradient clipped to norm 1.0
(Burn's per-parameter clipping). An "epoch" is one pass over the training text (205 chunks);
the script times `--chunks` training chunks, interleaving the implementations `--repeats` times,
takes each one's minimum (the machine may be busy) and scales to an epoch.

    python benchmarks/char_rnn_torch.py --threads 1
    python benchmarks/char_rnn_torch.py --threads 1 --chunks 10 --repeats 5
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _timing import limit_blas_threads, print_header  # noqa: E402

EMBED, HIDDEN, BATCH, SEQ, LR, CLIP, DROPOUT = 32, 128, 32, 64, 3e-3, 1.0, 0.1


def data() -> tuple[Any, int]:
    from examples.char_rnn.corpus import default_corpus
    from pyburn.data import CharVocab, TbpttStreams
    from pyburn.data.text import split_ids
    text = default_corpus()
    vocab = CharVocab.from_text(text)
    train, _ = split_ids(vocab.encode(text), 0.1)
    return TbpttStreams(train, BATCH, SEQ), len(vocab)


def torch_runner(streams: Any, vocab: int) -> Callable[[int], None]:
    import torch
    from torch import nn

    torch.manual_seed(0)

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embedding = nn.Embedding(vocab, EMBED)
            self.lstm = nn.LSTM(EMBED, HIDDEN, batch_first=True)
            self.dropout = nn.Dropout(DROPOUT)
            self.output = nn.Linear(HIDDEN, vocab)

        def forward(self, ids: Any, state: Any) -> tuple[Any, Any]:
            out, state = self.lstm(self.embedding(ids), state)
            return self.output(self.dropout(out)), state

    net = Net()
    optim = torch.optim.Adam(net.parameters(), lr=LR)
    loss_fn = nn.CrossEntropyLoss()
    carried: list[Any] = [None]

    def run(chunk: int) -> None:
        inputs, targets = streams.chunk_ids(chunk % len(streams))
        logits, state = net(torch.tensor(inputs), carried[0])
        loss = loss_fn(logits.reshape(-1, vocab), torch.tensor(targets).reshape(-1))
        optim.zero_grad()
        loss.backward()
        for p in net.parameters():
            torch.nn.utils.clip_grad_norm_([p], CLIP)
        optim.step()
        carried[0] = tuple(s.detach() for s in state)
        loss.item()

    return run


def pyburn_runner(backend_name: str, streams: Any, vocab: int) -> Callable[[int], None]:
    from examples.char_rnn.model import CharRnnConfig
    from pyburn import Int, Tensor
    from pyburn.backend import Autodiff, by_name
    from pyburn.nn.loss import CrossEntropyLossConfig
    from pyburn.optim import AdamConfig, GradientClippingConfig, GradientsParams
    from pyburn.train import StateCarrier

    B = Autodiff.of(by_name(backend_name))
    device = B.default_device()
    B.seed(0)
    model = [CharRnnConfig(vocab, "lstm", EMBED, HIDDEN, dropout=DROPOUT).init(device)]
    optim = AdamConfig(grad_clipping=GradientClippingConfig.Norm(CLIP)).init()
    loss_fn = CrossEntropyLossConfig().init(device)
    carry = StateCarrier()

    def run(chunk: int) -> None:
        inputs, targets = streams.chunk_ids(chunk % len(streams))
        ids = Tensor.of(B, Int).from_data(inputs, device)
        tgt = Tensor.of(B, Int).from_data(targets, device)
        logits, state = model[0].forward(ids, carry.state)
        loss = loss_fn.forward(logits.reshape([-1, vocab]), tgt.reshape([-1]))
        grads = GradientsParams.from_grads(loss.backward(), model[0])
        model[0] = optim.step(LR, model[0], grads)
        carry.update(state)
        loss.into_scalar()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--chunks", type=int, default=10, help="chunks timed per repeat")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--backends", default="numpy,torch",
                        help="pyburn backends to time (comma-separated)")
    args = parser.parse_args()
    limit_blas_threads(args.threads)
    import torch
    torch.set_num_threads(args.threads)
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(args.threads)
    except ImportError:
        pass
    streams, vocab = data()
    runners = {"PyTorch (reference)": torch_runner(streams, vocab)}
    for name in args.backends.split(","):
        runners[f"pyburn Autodiff[{name}]"] = pyburn_runner(name, streams, vocab)
    for run in runners.values():       # warm-up
        run(0)
        run(1)
    best = {name: float("inf") for name in runners}
    position = 2
    for _ in range(args.repeats):
        for name, run in runners.items():
            start = time.perf_counter()
            for k in range(args.chunks):
                run(position + k)
            best[name] = min(best[name], (time.perf_counter() - start) / args.chunks)
        position += args.chunks
    reference = best["PyTorch (reference)"]
    print(f"char_rnn LSTM LM: embed {EMBED}, hidden {HIDDEN}, batch {BATCH} x {SEQ}, vocab "
          f"{vocab}; {len(streams)} chunks per epoch; threads {args.threads}; min of "
          f"{args.repeats} x {args.chunks} chunks")
    print_header("implementation", "ms / chunk", "s / epoch", "ratio to PyTorch")
    for name, seconds in best.items():
        print(f"| {name} | {seconds * 1e3:.1f} | {seconds * len(streams):.1f} | "
              f"{seconds / reference:.2f} |")


if __name__ == "__main__":
    main()
