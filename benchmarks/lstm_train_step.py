"""LSTM training-step benchmark: pyburn's `Lstm`/`BiLstm` against ``torch.nn.LSTM`` and a
hand-written fused NumPy LSTM (issue 6).

One training step = the forward over the whole sequence, the backward through time, with
``loss = sum of outputs`` (no optimizer update; the gradients of every parameter are computed).
Measured in one process, implementations interleaved round-robin so that load on the machine
hits them alike (NumPy rows among themselves, torch rows among themselves: see
`time_by_engine`); each cell is the median over the repeats.

Rows (``train``, then ``bilstm`` and ``inference``, which is the forward alone on the plain
backends / under ``torch.no_grad``):

* ``torch.nn.LSTM``      -- the baseline (``bidirectional=True`` for BiLstm);
* ``numpy-fused``        -- the hand-written fused NumPy LSTM below, with manual BPTT: one input
  GEMM for all steps, one GEMM per step, in-place gate math (the best NumPy can do). It is
  self-contained: it does not use pyburn's kernel;
* ``Autodiff[NumPy]`` / ``Autodiff[Torch]`` -- pyburn's `Lstm` on its fused ``lstm_sequence`` op;
* ``... generic``        -- the same modules with ``Lstm.fused = False``, which forces the per-step
  path (`Lstm._forward_generic`, the one any activation can use); it computes the same values.
  The generic ratio column is the faster of the two generic rows over ``torch.nn.LSTM``.

Peak memory of one step, above what was allocated before it: NumPy paths by ``tracemalloc``
(NumPy reports its buffers to it); torch paths by the torch profiler's memory events
(``profile_memory=True``: every CPU-allocator allocation and free, self sizes summed in time
order). oneDNN's internal scratch buffers bypass both; on CUDA the peak is
``torch.cuda.max_memory_allocated``. Memory runs are separate from the timed runs.

Threads: ``--threads N`` (default: all cores) sets torch's intra-op threads and, through the
environment before NumPy is imported, the BLAS threads NumPy uses, so every row gets the same.

Usage::

    python3 benchmarks/lstm_train_step.py             # the full table
    python3 benchmarks/lstm_train_step.py --quick     # a short run (fewer repeats, two shapes)
    python3 benchmarks/lstm_train_step.py --device cuda   # Autodiff[Torch] vs cuDNN (and CuPy)
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from _timing import (Step, add_run_args, limit_blas_threads, peak_torch, peak_tracemalloc,
                     print_header)
from _timing import time_round_robin as _time_round_robin

SHAPES: list[tuple[int, ...]] = [(32, 32, 16, 128), (64, 50, 32, 256), (8, 16, 4, 32), (16, 100, 1, 64)]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="few repeats, two shapes")
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    add_run_args(p, "timed runs per cell")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    p.add_argument("--jit", action="store_true",
                   help="also time the training step under pyburn.jit (a table of its own)")
    return p.parse_args(argv)


ARGS = parse_args() if __name__ == "__main__" else parse_args([])
limit_blas_threads(ARGS.threads)

import numpy as np  # noqa: E402  (after the thread settings)
import torch  # noqa: E402

from pyburn import Tensor  # noqa: E402
from pyburn.backend import Autodiff, NumPy, Torch  # noqa: E402
from pyburn.nn import BiLstmConfig, Lstm, LstmConfig  # noqa: E402


# --- the hand-written fused NumPy LSTM (self-contained reference) ----------------------------


def _sigmoid(z: np.ndarray) -> np.ndarray:
    np.multiply(z, 0.5, out=z)
    np.tanh(z, out=z)
    z *= 0.5
    z += 0.5
    return z


class NumpyFusedLstm:
    """Seq-first LSTM, gate blocks i, f, g, o; forward keeps activations, backward is BPTT."""

    def __init__(self, d_in: int, hidden: int, rng: np.random.Generator) -> None:
        s = 1.0 / np.sqrt(hidden)
        self.w_ih = rng.uniform(-s, s, (d_in, 4 * hidden)).astype(np.float32)
        self.w_hh = rng.uniform(-s, s, (hidden, 4 * hidden)).astype(np.float32)
        self.b = rng.uniform(-s, s, 4 * hidden).astype(np.float32)
        self.H = hidden

    def forward(self, x: np.ndarray, reverse: bool = False) -> tuple[np.ndarray, Any]:
        T, B, d_in = x.shape
        H = self.H
        if reverse:
            x = x[::-1]
        gates = (x.reshape(T * B, d_in) @ self.w_ih).reshape(T, B, 4 * H)
        gates += self.b
        cells = np.empty((T + 1, B, H), np.float32)
        cells[0] = 0.0
        tanh_c = np.empty((T, B, H), np.float32)
        ys = np.empty((T + 1, B, H), np.float32)
        ys[0] = 0.0
        for t in range(T):
            z = gates[t]
            z += ys[t] @ self.w_hh
            _sigmoid(z[:, :2 * H])
            np.tanh(z[:, 2 * H:3 * H], out=z[:, 2 * H:3 * H])
            _sigmoid(z[:, 3 * H:])
            c = cells[t + 1]
            np.multiply(z[:, H:2 * H], cells[t], out=c)
            c += z[:, :H] * z[:, 2 * H:3 * H]
            np.tanh(c, out=tanh_c[t])
            np.multiply(z[:, 3 * H:], tanh_c[t], out=ys[t + 1])
        y = ys[1:][::-1] if reverse else ys[1:]
        return y, (x, gates, cells, tanh_c, ys)

    def backward(self, dy: np.ndarray, saved: Any, reverse: bool = False) -> list[np.ndarray]:
        x, gates, cells, tanh_c, ys = saved
        T, B, d_in = x.shape
        H = self.H
        if reverse:
            dy = dy[::-1]
        dh = np.zeros((B, H), np.float32)
        dc = np.zeros((B, H), np.float32)
        dz_all = np.empty_like(gates)
        w_hh_t = self.w_hh.T
        for t in range(T - 1, -1, -1):
            z = gates[t]
            i, f, g, o = z[:, :H], z[:, H:2 * H], z[:, 2 * H:3 * H], z[:, 3 * H:]
            dz = dz_all[t]
            dh += dy[t]
            tc = tanh_c[t]
            np.multiply(dh, tc, out=dz[:, 3 * H:])
            dz[:, 3 * H:] *= o * (1.0 - o)
            dc += dh * o * (1.0 - tc * tc)
            np.multiply(dc, g, out=dz[:, :H])
            dz[:, :H] *= i * (1.0 - i)
            np.multiply(dc, cells[t], out=dz[:, H:2 * H])
            dz[:, H:2 * H] *= f * (1.0 - f)
            np.multiply(dc, i, out=dz[:, 2 * H:3 * H])
            dz[:, 2 * H:3 * H] *= 1.0 - g * g
            dc *= f
            dh = dz @ w_hh_t
        flat = dz_all.reshape(T * B, 4 * H)
        return [x.reshape(T * B, d_in).T @ flat, ys[:-1].reshape(T * B, H).T @ flat,
                flat.sum(axis=0)]


# --- the steps to measure ------------------------------------------------------------------


def torch_steps(shape: tuple[int, ...], bidirectional: bool, device: str) -> tuple[Step, Step]:
    batch, seq, d_in, hidden = shape
    m = torch.nn.LSTM(d_in, hidden, batch_first=True, bidirectional=bidirectional).to(device)
    x = torch.randn(batch, seq, d_in, device=device)

    def train() -> Any:
        y, _ = m(x)
        y.sum().backward()
        m.zero_grad(set_to_none=True)

    def infer() -> Any:
        with torch.no_grad():
            return m(x)[0]
    return train, infer


def numpy_fused_steps(shape: tuple[int, ...], bidirectional: bool) -> tuple[Step, Step]:
    batch, seq, d_in, hidden = shape
    rng = np.random.default_rng(0)
    dirs = [NumpyFusedLstm(d_in, hidden, rng) for _ in range(2 if bidirectional else 1)]
    x = np.ascontiguousarray(rng.standard_normal((batch, seq, d_in), np.float32)
                             .transpose(1, 0, 2))   # batch-first data, seq-first view
    dy = np.ones((seq, batch, hidden), np.float32)   # d(sum of outputs)

    def train() -> Any:
        outs = [d.forward(x, reverse=k == 1) for k, d in enumerate(dirs)]
        return [d.backward(dy, saved, reverse=k == 1)
                for k, (d, (_, saved)) in enumerate(zip(dirs, outs))]

    def infer() -> Any:
        return [d.forward(x, reverse=k == 1)[0] for k, d in enumerate(dirs)]
    return train, infer


def pyburn_steps(B: Any, shape: tuple[int, ...], bidirectional: bool,
                 device: str) -> tuple[Step, Step]:
    batch, seq, d_in, hidden = shape
    AD = Autodiff[B]
    B.seed(0)
    cfg: Any = (BiLstmConfig(d_in, hidden, True) if bidirectional
                else LstmConfig(d_in, hidden, True))
    model = cfg.init(AD.device(device))
    plain = model.valid()
    x_np = np.random.default_rng(0).standard_normal((batch, seq, d_in), np.float32)
    x = Tensor[AD].from_data(x_np, AD.device(device))
    x_plain = Tensor[B].from_data(x_np, B.device(device))

    def train() -> Any:
        y, _ = model.forward(x)
        grads = y.sum().backward()
        B.sync()
        return grads

    def infer() -> Any:
        y, _ = plain.forward(x_plain)
        B.sync()
        return y
    return train, infer


def pyburn_jit_step(B: Any, shape: tuple[int, ...], bidirectional: bool, device: str) -> Step:
    """`pyburn_steps`' training step (forward, backward of the summed output, every parameter's
    gradient) under `pyburn.jit`: traced on the first call, replayed after."""
    from pyburn.jit import jit
    from pyburn.optim import GradientsParams
    batch, seq, d_in, hidden = shape
    AD = Autodiff.of(B)
    B.seed(0)
    cfg: Any = (BiLstmConfig(d_in, hidden, True) if bidirectional
                else LstmConfig(d_in, hidden, True))
    model = cfg.init(AD.device(device))
    x_np = np.random.default_rng(0).standard_normal((batch, seq, d_in), np.float32)
    x = Tensor.of(AD).from_data(x_np, AD.device(device))

    @jit
    def grads_of(model: Any, x: Any) -> Any:
        y, _ = model.forward(x)
        return GradientsParams.from_grads(y.sum().backward(), model)

    def train() -> Any:
        grads = grads_of(model, x)
        B.sync()
        return grads
    return train


class Generic:
    """Wraps a step so that it runs with ``Lstm.fused = False`` (the per-step path)."""

    def __init__(self, step: Step) -> None:
        self.step = step

    def __call__(self) -> Any:
        Lstm.fused = False
        try:
            return self.step()
        finally:
            Lstm.fused = True


def _jit_row(shape: tuple[int, ...], ms: dict[str, float]) -> str:
    """One row of the jit table (NumPy columns are "-" on CUDA)."""
    s = ",".join(map(str, shape))
    def cell(key: str, scale: float = 1.0, ratio: bool = False) -> str:
        if key not in ms:
            return "-"
        return f"{ms[key] / scale:.2f}x" if ratio else f"{ms[key]:.2f}"
    return (f"| ({s}) | {cell('torch')} | {cell('ad-numpy')} | {cell('ad-numpy-jit')} | "
            f"{cell('ad-torch')} | {cell('ad-torch-jit')} | "
            f"{cell('ad-numpy-jit', ms.get('ad-numpy', 1.0), True)} | "
            f"{cell('ad-torch-jit', ms['ad-torch'], True)} | "
            f"{cell('ad-numpy-jit', ms['torch'], True)} | {cell('ad-torch-jit', ms['torch'], True)} |")


# --- measuring -------------------------------------------------------------------------------


def time_round_robin(steps: dict[str, Step], repeats: int, device: str) -> dict[str, float]:
    """Median ms per step of each, round-robin (`_timing.time_round_robin`); fast steps get
    more repeats, and on CUDA each timed call is synchronized."""
    sync = torch.cuda.synchronize if device == "cuda" else None
    return _time_round_robin(steps, repeats, sync=sync, adaptive=True)


# --- the table -------------------------------------------------------------------------------


NUMPY_ROWS = {"np-fused", "ad-numpy", "numpy-generic", "numpy", "ad-numpy-jit"}


def time_by_engine(steps: dict[str, Step], repeats: int, device: str) -> dict[str, float]:
    """`time_round_robin` once for the NumPy rows and once for the torch rows.

    The two engines' thread pools spin for a while after a call (OpenBLAS, OpenMP); a step timed
    right after the other engine's step shares the cores with those spinning threads, so rows
    are interleaved only with rows of their own engine. Each ratio the table prints compares
    rows of one engine (AD[Torch] vs torch.nn.LSTM, AD[NumPy] vs numpy-fused)."""
    numpy_rows = {k: v for k, v in steps.items() if k in NUMPY_ROWS}
    torch_rows = {k: v for k, v in steps.items() if k not in NUMPY_ROWS}
    out = time_round_robin(torch_rows, repeats, device)
    if numpy_rows:
        out.update(time_round_robin(numpy_rows, repeats, device))
    return out


def run_block(title: str, bidirectional: bool, shapes: list[tuple[int, ...]], repeats: int,
              device: str, memory: bool) -> None:
    print(f"\n## {title} (ms per step, median of at least {repeats}; "
          f"threads={ARGS.threads}, device={device})\n")
    if device == "cpu":
        print_header("shape (B,T,I,H)", "torch.nn.LSTM", "numpy-fused", "Autodiff[NumPy]",
                     "Autodiff[Torch]", "NumPy generic", "Torch generic", "AD[Torch]/torch",
                     "AD[NumPy]/np-fused", "generic/torch (best)")
    else:
        print_header("shape (B,T,I,H)", "torch.nn.LSTM (cuDNN)", "Autodiff[Torch]",
                     "Torch generic", "AD[Torch]/torch", "generic/torch")
    infer_rows = []
    mem_rows = []
    jit_rows: list[str] = []
    for shape in shapes:
        t_train, t_infer = torch_steps(shape, bidirectional, device)
        steps: dict[str, Step] = {"torch": t_train}
        infer: dict[str, Step] = {"torch": t_infer}
        if device == "cpu":
            n_train, n_infer = numpy_fused_steps(shape, bidirectional)
            a_train, a_infer = pyburn_steps(NumPy, shape, bidirectional, device)
            steps.update({"np-fused": n_train, "ad-numpy": a_train})
            infer.update({"np-fused": n_infer, "numpy": a_infer})
        tb_train, tb_infer = pyburn_steps(Torch, shape, bidirectional, device)
        steps["ad-torch"] = tb_train
        infer["torch-pyburn"] = tb_infer
        if device == "cpu":
            steps["numpy-generic"] = Generic(a_train)
        steps["torch-generic"] = Generic(tb_train)
        if ARGS.jit:
            if device == "cpu":
                steps["ad-numpy-jit"] = pyburn_jit_step(NumPy, shape, bidirectional, device)
            steps["ad-torch-jit"] = pyburn_jit_step(Torch, shape, bidirectional, device)
        ms = time_by_engine(steps, repeats, device)
        if ARGS.jit:
            jit_rows.append(_jit_row(shape, ms))
        im = time_by_engine(infer, repeats, device)
        s = ",".join(map(str, shape))
        if device == "cpu":
            best_generic = min(ms["numpy-generic"], ms["torch-generic"])
            print(f"| ({s}) | {ms['torch']:.2f} | {ms['np-fused']:.2f} | {ms['ad-numpy']:.2f} | "
                  f"{ms['ad-torch']:.2f} | {ms['numpy-generic']:.2f} | "
                  f"{ms['torch-generic']:.2f} | {ms['ad-torch'] / ms['torch']:.2f}x | "
                  f"{ms['ad-numpy'] / ms['np-fused']:.2f}x | "
                  f"{best_generic / ms['torch']:.2f}x |")
            infer_rows.append(
                f"| ({s}) | {im['torch']:.2f} | {im['np-fused']:.2f} | {im['numpy']:.2f} | "
                f"{im['torch-pyburn']:.2f} | {im['torch-pyburn'] / im['torch']:.2f}x | "
                f"{im['numpy'] / im['np-fused']:.2f}x |")
        else:
            print(f"| ({s}) | {ms['torch']:.2f} | {ms['ad-torch']:.2f} | "
                  f"{ms['torch-generic']:.2f} | {ms['ad-torch'] / ms['torch']:.2f}x | "
                  f"{ms['torch-generic'] / ms['torch']:.2f}x |")
            infer_rows.append(f"| ({s}) | {im['torch']:.2f} | {im['torch-pyburn']:.2f} | "
                              f"{im['torch-pyburn'] / im['torch']:.2f}x |")
        if memory:
            m_torch = peak_torch(t_train, device)
            m_adt = peak_torch(tb_train, device)
            if device == "cpu":
                m_np = peak_tracemalloc(n_train)
                m_adn = peak_tracemalloc(a_train)
                mem_rows.append(f"| ({s}) | {m_torch:.2f} | {m_adt:.2f} | {m_np:.2f} | "
                                f"{m_adn:.2f} | {m_adt / m_torch:.2f}x | {m_adn / m_torch:.2f}x |")
            else:
                mem_rows.append(f"| ({s}) | {m_torch:.2f} | {m_adt:.2f} | "
                                f"{m_adt / m_torch:.2f}x |")
        sys.stdout.flush()
    if jit_rows:
        print(f"\n## {title}: training step under pyburn.jit (ms, same run as above)\n")
        print_header("shape", "torch.nn.LSTM", "Autodiff[NumPy]", "AD[NumPy] jit",
                     "Autodiff[Torch]", "AD[Torch] jit", "jit/eager NumPy", "jit/eager Torch",
                     "AD[NumPy] jit/torch", "AD[Torch] jit/torch")
        print("\n".join(jit_rows))
    print(f"\n## {title}: inference-only forward (ms, median of at least {repeats})\n")
    if device == "cpu":
        print_header("shape", "torch.nn.LSTM", "numpy-fused", "NumPy", "Torch", "Torch/torch",
                     "NumPy/np-fused")
    else:
        print_header("shape", "torch.nn.LSTM (cuDNN)", "Torch", "Torch/torch")
    print("\n".join(infer_rows))
    if memory:
        print(f"\n## {title}: peak memory of one training step (MB above the step's start)\n")
        if device == "cpu":
            print_header("shape", "torch.nn.LSTM", "Autodiff[Torch]", "numpy-fused",
                         "Autodiff[NumPy]", "AD[Torch]/torch", "AD[NumPy]/torch")
        else:
            print_header("shape", "torch.nn.LSTM", "Autodiff[Torch]", "AD[Torch]/torch")
        print("\n".join(mem_rows))


def main() -> None:
    torch.set_num_threads(ARGS.threads)
    device = ARGS.device
    if device == "cuda" and not torch.cuda.is_available():
        sys.exit("--device cuda: no CUDA GPU is available to torch here")
    shapes = SHAPES[:1] + SHAPES[2:3] if ARGS.quick else SHAPES
    repeats = ARGS.repeats or (3 if ARGS.quick else 11)
    print(f"# LSTM training step: torch {torch.__version__}, numpy {np.__version__}, "
          f"{os.cpu_count()} cores")
    run_block("Lstm", False, shapes, repeats, device, not ARGS.no_memory)
    run_block("BiLstm", True, shapes, repeats, device, not ARGS.no_memory)
    if device == "cuda":
        cupy_block(shapes, repeats)


def cupy_block(shapes: list[tuple[int, ...]], repeats: int) -> None:
    """Autodiff[CuPy] (the shared xp kernel on the GPU) vs cuDNN, when CuPy can run."""
    from pyburn.backend import CuPy
    reason = CuPy.unavailable_reason()
    if reason is not None:
        print(f"\nCuPy: skipped ({reason})")
        return
    print(f"\n## Lstm on CuPy (ms per step, median of {repeats})\n")
    print_header("shape", "torch.nn.LSTM (cuDNN)", "Autodiff[CuPy]", "AD[CuPy]/torch")
    for shape in shapes:
        t_train, _ = torch_steps(shape, False, "cuda")
        c_train, _ = pyburn_steps(CuPy, shape, False, "cuda")
        ms = time_round_robin({"torch": t_train, "cupy": c_train}, repeats, "cuda")
        print(f"| ({','.join(map(str, shape))}) | {ms['torch']:.2f} | {ms['cupy']:.2f} | "
              f"{ms['cupy'] / ms['torch']:.2f}x |")


if __name__ == "__main__":
    main()
