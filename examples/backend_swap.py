"""One model, every backend: only the backend alias changes.

A small sequence regressor (Linear -> Lstm -> Linear on the last step) runs on NumPy, Torch and
CuPy, each plain and under Autodiff. Every row loads the same weights (one record, made once) and
the same inputs, and prints a checksum of the forward output; Autodiff rows also print a checksum
of the gradients of every parameter. The rows agree within float32 rounding; the program exits
with status 1 if they do not. Backends that cannot run here are listed with the reason.

    python -m examples.backend_swap                      # every available backend
    python -m examples.backend_swap --backend numpy,torch
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

import numpy as np

from pyburn import Tensor
from pyburn.backend import Autodiff, NumPy, by_name
from pyburn.config import Config
from pyburn.module import Module
from pyburn.nn import Linear, LinearConfig, Lstm, LstmConfig

NAMES = ("numpy", "torch", "cupy")
RTOL, ATOL = 1e-4, 1e-5


class Net(Module):
    """``Linear -> Lstm -> Linear`` on the last time step: [batch, seq, d_input] -> [batch, 1]."""

    embed: Linear
    lstm: Lstm
    head: Linear

    def forward(self, x: Tensor[Any]) -> Tensor[Any]:
        h = self.embed.forward(x).tanh()
        out, _ = self.lstm.forward(h)
        seq = out.dims()[1]
        return self.head.forward(out[:, seq - 1])


class NetConfig(Config):
    d_input: int = 3
    d_hidden: int = 16

    def init(self, device: Any) -> Net:
        return Net(LinearConfig(self.d_input, self.d_hidden).init(device),
                   LstmConfig(self.d_hidden, self.d_hidden, bias=True).init(device),
                   LinearConfig(self.d_hidden, 1).init(device))


@dataclass
class Result:
    backend: str
    output: np.ndarray
    grads: dict[str, np.ndarray] | None

    @property
    def checksum(self) -> float:
        return float(self.output.astype(np.float64).sum())

    @property
    def grad_checksum(self) -> float | None:
        if self.grads is None:
            return None
        return float(sum(np.abs(g.astype(np.float64)).sum() for g in self.grads.values()))


def shared_weights(config: NetConfig, seed: int = 0) -> dict[str, Any]:
    """The model's record, drawn once on NumPy: records are backend-neutral, so every backend
    loads the very same numbers."""
    NumPy.seed(seed)
    return config.init(NumPy.default_device()).into_record()


def shared_inputs(config: NetConfig, batch: int = 4, seq: int = 6, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((batch, seq, config.d_input)).astype(np.float32)


def run(B: Any, config: NetConfig, weights: dict[str, Any], inputs: np.ndarray) -> Result:
    """Everything below is generic over `B`: no line knows which backend it runs on."""
    device = B.default_device()
    model = config.init(device).load_record(weights)
    x = Tensor[B].from_data(inputs, device=device)
    y = model.forward(x)
    grads = None
    if B.is_autodiff():
        found = (y * y).mean().backward()
        grads = {name: p.val().grad(found).to_numpy() for name, p in model.named_params()}
    return Result(B.name(), y.to_numpy(), grads)


def available(names: list[str]) -> tuple[list[Any], list[str]]:
    """The plain backend classes that can run here, and a line for each that cannot."""
    backends, skipped = [], []
    for name in names:
        plain = by_name(name)
        reason = plain.unavailable_reason()
        if reason is None:
            backends.append(plain)
        else:
            skipped.append(f"{name}: skipped ({reason})")
    return backends, skipped


def compare(results: list[Result]) -> list[str]:
    """The rows that differ from the first one (outputs, and gradients where both have them)."""
    if not results:
        return []
    first, bad = results[0], []
    grads_ref = next((r.grads for r in results if r.grads is not None), None)
    for r in results[1:]:
        if not np.allclose(r.output, first.output, rtol=RTOL, atol=ATOL):
            bad.append(f"{r.backend}: forward output differs from {first.backend}")
        if r.grads is not None and grads_ref is not None:
            for name, g in r.grads.items():
                if not np.allclose(g, grads_ref[name], rtol=RTOL, atol=ATOL):
                    bad.append(f"{r.backend}: gradient of {name} differs")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m examples.backend_swap", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default=",".join(NAMES),
                        help="comma-separated backends among numpy, torch, cupy (default: every "
                             "available one); each runs plain and under Autodiff")
    parser.add_argument("--seed", type=int, default=0, help="seed of the weights and inputs")
    args = parser.parse_args(argv)
    names = [n.strip().lower() for n in args.backend.split(",") if n.strip()]
    unknown = [n for n in names if n not in NAMES]
    if unknown or not names:
        parser.error(f"unknown backend(s) {', '.join(unknown) or '(none)'}; expected a "
                     f"comma-separated list of {', '.join(NAMES)}")

    config = NetConfig()
    weights, inputs = shared_weights(config, args.seed), shared_inputs(config, seed=args.seed)
    backends, skipped = available(names)
    results = []
    print(f"{'backend':<18} {'forward checksum':>18} {'gradient checksum':>18}")
    for plain in backends:
        for autodiff in (False, True):
            B = Autodiff.of(plain) if autodiff else plain  # the alias: the only line that differs
            result = run(B, config, weights, inputs)
            grad = "" if result.grad_checksum is None else f"{result.grad_checksum:18.6f}"
            print(f"{result.backend:<18} {result.checksum:18.6f} {grad:>18}".rstrip())
            results.append(result)
    for line in skipped:
        print(line)
    mismatches = compare(results)
    for line in mismatches:
        print("MISMATCH", line)
    if not results:
        print("no backend could run")
    elif not mismatches:
        print(f"all {len(results)} rows agree (rtol {RTOL:g}, atol {ATOL:g})")
    return 1 if mismatches or not results else 0


if __name__ == "__main__":
    raise SystemExit(main())
