"""A first look at pyburn: one alias picks the backend, autodiff is a decorator backend.

Fits y = 3x - 1 with a tiny linear model and plain gradient descent, printing the loss.
Run ``python -m examples.quickstart --backend torch`` to run the same code on Torch.
"""

from __future__ import annotations

import argparse

from pyburn import Backend, Distribution, Tensor
from pyburn.backend import Autodiff, by_name


def train(B: type[Backend], steps: int, lr: float) -> float:
    T = Tensor.of(B)  # Tensor[B] for a backend chosen at run time (see docs/backends.md)
    device = B.default_device()
    B.seed(0)
    x = T.random([64, 1], Distribution.Uniform(-1.0, 1.0), device=device)
    y = x * 3.0 - 1.0
    w = T.zeros([1, 1], device=device).require_grad()
    b = T.zeros([1], device=device).require_grad()
    loss_value = float("nan")
    for step in range(steps):
        loss = ((x @ w + b - y) ** 2).mean()
        grads = loss.backward()
        # Gradients live on the inner backend; step there and mark the results as leaves again.
        w = T.from_inner(w.inner() - w.grad(grads) * lr).require_grad()
        b = T.from_inner(b.inner() - b.grad(grads) * lr).require_grad()
        loss_value = loss.into_scalar()
        if step % max(1, steps // 5) == 0 or step == steps - 1:
            print(f"step {step:4d}  loss {loss_value:.6f}")
    print(f"w = {w.into_scalar():.4f} (expected 3), b = {b.into_scalar():.4f} (expected -1)")
    return loss_value


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backend", choices=["numpy", "torch", "cupy"], default="numpy")
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--lr", type=float, default=0.5)
    args = parser.parse_args(argv)
    B = Autodiff.of(by_name(args.backend))  # Autodiff[...] of the backend named on the command line
    train(B, args.steps, args.lr)


if __name__ == "__main__":
    main()
