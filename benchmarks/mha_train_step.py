"""MultiHeadAttention training-step benchmark: pyburn's `MultiHeadAttention` against
``torch.nn.MultiheadAttention`` (issue 11).

One training step = self-attention forward on ``[batch, seq, d_model]`` and the backward of
``loss = sum(context)``, computing the gradients of the input and of every parameter (no
optimizer update). Dropout is 0 everywhere (pyburn, as Burn, drops scores, torch drops weights:
with dropout the two would not compute the same function). Measured in one process, the rows
interleaved round-robin so that load on the machine hits them alike; each cell is the median
over the repeats.

Rows:

* ``torch.nn.MultiheadAttention`` -- the baseline, called as Burn's layer is used: returning
  the per-head weights (``need_weights=True, average_attn_weights=False``), so it materializes
  the ``[batch, heads, seq, seq]`` weights as pyburn does;
* ``torch (need_weights=False)`` -- torch's fused ``scaled_dot_product_attention`` path, which
  never returns the weights (shown for reference; Burn's ``MhaOutput`` always has them);
* ``Autodiff[Torch]`` / ``Autodiff[NumPy]`` -- pyburn's layer (float32).

Usage::

    python3 benchmarks/mha_train_step.py            # batch 32, seq 128, d_model 256, 8 heads
    python3 benchmarks/mha_train_step.py --quick    # a tiny shape, few repeats (smoke test)
"""

from __future__ import annotations

import argparse
from typing import Any

from _timing import Step, add_run_args, limit_blas_threads, time_round_robin


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="a tiny shape and few repeats")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--seq", type=int, default=128)
    p.add_argument("--d-model", type=int, default=256)
    p.add_argument("--heads", type=int, default=8)
    add_run_args(p, "timed runs per row")
    p.add_argument("--no-numpy", action="store_true", help="skip the Autodiff[NumPy] row")
    return p.parse_args(argv)


ARGS = parse_args() if __name__ == "__main__" else parse_args([])
limit_blas_threads(ARGS.threads)

import numpy as np  # noqa: E402  (after the thread settings)
import torch  # noqa: E402

from pyburn import Tensor  # noqa: E402
from pyburn.backend import Autodiff, NumPy, Torch  # noqa: E402
from pyburn.nn import load_torch_state_dict  # noqa: E402
from pyburn.nn.attention import MhaInput, MultiHeadAttentionConfig  # noqa: E402


def torch_step(m: Any, x_np: np.ndarray, need_weights: bool) -> Step:
    x = torch.tensor(x_np, requires_grad=True)

    def step() -> Any:
        out, _ = m(x, x, x, need_weights=need_weights, average_attn_weights=False)
        out.sum().backward()
        m.zero_grad(set_to_none=True)
        x.grad = None
    return step


def pyburn_step(B: Any, m_torch: Any, x_np: np.ndarray, d_model: int, heads: int) -> Step:
    AD = Autodiff[B]
    device = AD.default_device()
    m = MultiHeadAttentionConfig(d_model, heads, dropout=0.0).init(device)
    m = load_torch_state_dict(m, m_torch.state_dict())
    x = Tensor[AD].from_data(x_np, device).require_grad()

    def step() -> Any:
        out = m.forward(MhaInput.self_attn(x))
        grads = out.context.sum().backward()
        return m.query.weight.val().grad(grads)
    return step


def main() -> None:
    args = ARGS
    torch.set_num_threads(args.threads)
    if args.quick:
        batch, seq, d_model, heads, repeats, warmup = 2, 8, 16, 2, 2, 1
    else:
        batch, seq, d_model, heads = args.batch, args.seq, args.d_model, args.heads
        repeats, warmup = 15, 3
    repeats = args.repeats or repeats
    torch.manual_seed(0)
    m_torch = torch.nn.MultiheadAttention(d_model, heads, dropout=0.0, batch_first=True)
    x_np = np.random.default_rng(0).standard_normal((batch, seq, d_model)).astype(np.float32)
    steps = {"torch.nn.MultiheadAttention": torch_step(m_torch, x_np, True),
             "torch (need_weights=False)": torch_step(m_torch, x_np, False),
             "Autodiff[Torch]": pyburn_step(Torch, m_torch, x_np, d_model, heads)}
    if not args.no_numpy:
        steps["Autodiff[NumPy]"] = pyburn_step(NumPy, m_torch, x_np, d_model, heads)
    medians = time_round_robin(steps, repeats, warmup=warmup)
    base = medians["torch.nn.MultiheadAttention"]
    print(f"MultiHeadAttention train step: batch {batch}, seq {seq}, d_model {d_model}, "
          f"{heads} heads, float32, {args.threads} threads, median of {repeats}")
    print(f"{'row':32s} {'ms':>9s} {'vs torch':>9s}")
    for name, ms in medians.items():
        print(f"{name:32s} {ms:9.2f} {ms / base:8.2f}x")


if __name__ == "__main__":
    main()
