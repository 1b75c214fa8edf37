"""Demo: the fused op on every available backend, checked against the reference.

For each backend (plain and under Autodiff) it prints which path ran (native kernel or reference
composite), the largest difference from the tensor-op reference, for Autodiff the largest
gradient difference, and the time of both versions. Example::

    python -m examples.custom_backend --backend numpy,torch --size 256
"""

from __future__ import annotations

import argparse
import time
from typing import Any, Callable

import numpy as np

from pyburn import Tensor
from pyburn.backend import Autodiff, by_name
from pyburn_numpy import ArrayBackend

from . import fused_matmul_add_relu, implementation, matmul_add_relu_reference

NAMES = ("numpy", "torch", "cupy", "user")


class UserBackend(ArrayBackend):
    """A backend of your own (here on NumPy's array module) that has no fused kernel: it runs
    the reference composite, and trains through the composite backward."""

    @classmethod
    def name(cls) -> str:
        return "user"


def backend_by_name(name: str) -> Any:
    return UserBackend if name == "user" else by_name(name)


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[Any, float]:
    out = fn()
    start = time.perf_counter()
    for _ in range(repeat):
        out = fn()
    out.to_numpy()  # waits for GPU work
    return out, (time.perf_counter() - start) / repeat * 1e3


def run(B: Any, size: int, batch: int, repeat: int) -> dict[str, float]:
    """Fused vs reference on backend `B`: the differences and the timings (ms)."""
    rng = np.random.default_rng(0)
    arrays = (rng.standard_normal((batch, size, size)), rng.standard_normal((batch, size, size)),
              rng.standard_normal((size,)))
    device = B.default_device()
    tracked = B.is_autodiff()

    def tensors() -> list[Any]:
        ts = [Tensor[B].from_data(a.astype(np.float32), device=device) for a in arrays]
        return [t.require_grad() for t in ts] if tracked else ts

    lhs, rhs, bias = tensors()
    fused, fused_ms = _timed(lambda: fused_matmul_add_relu(lhs, rhs, bias), repeat)
    lhs2, rhs2, bias2 = tensors()
    ref, ref_ms = _timed(lambda: matmul_add_relu_reference(lhs2, rhs2, bias2), repeat)
    row = {"forward": float(np.abs(fused.to_numpy() - ref.to_numpy()).max()),
           "fused_ms": fused_ms, "reference_ms": ref_ms}
    if tracked:
        g1, g2 = fused.sum().backward(), ref.sum().backward()
        row["gradient"] = max(float(np.abs(a.grad(g1).to_numpy() - b.grad(g2).to_numpy()).max())
                              for a, b in ((lhs, lhs2), (rhs, rhs2), (bias, bias2)))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m examples.custom_backend",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default=",".join(NAMES),
                        help="comma-separated backends among numpy, torch, cupy and user (a "
                             "backend without a native kernel); default: all available")
    parser.add_argument("--size", type=int, default=128, help="M = K = N (default 128)")
    parser.add_argument("--batch", type=int, default=4, help="batch size (default 4)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (default 5)")
    args = parser.parse_args(argv)
    failures = 0
    names = [n.strip().lower() for n in args.backend.split(",") if n.strip()]
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        parser.error(f"unknown backend(s) {', '.join(unknown)}; expected {', '.join(NAMES)}")
    for name in names:
        plain = backend_by_name(name)
        reason = plain.unavailable_reason()
        if reason is not None:
            print(f"{name:<18} skipped: {reason}")
            continue
        for B in (plain, Autodiff.of(plain)):
            row = run(B, args.size, args.batch, args.repeat)
            ok = row["forward"] < 1e-3 and row.get("gradient", 0.0) < 1e-2
            failures += not ok
            grad = f"  max |grad diff| {row['gradient']:.2e}" if "gradient" in row else ""
            print(f"{B.name():<18} {implementation(B):<10} max |out diff| {row['forward']:.2e}"
                  f"{grad}  fused {row['fused_ms']:.2f} ms  reference {row['reference_ms']:.2f} ms"
                  f"  {'ok' if ok else 'MISMATCH'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
