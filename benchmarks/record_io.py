"""Safetensors load/save speed: pyburn's `save_safetensors`/`load_safetensors` (and the
`SafetensorsFileRecorder` round trip) against the ``safetensors`` library's own
``safetensors.numpy.save_file``/``load_file`` on the same arrays, timed in the same run.

A ratio of 1.0 means pyburn adds nothing over the library; the minimum of `--repeats` runs is
reported because other processes on a shared machine only ever add time.

    python benchmarks/record_io.py --threads 1 --mb 64 --repeats 7
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import limit_blas_threads  # noqa: E402


def best_ms(step: Callable[[], Any], repeats: int) -> float:
    """The fastest of `repeats` timed calls, in ms (after one untimed warm-up call)."""
    step()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1e3)
    return min(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--mb", type=float, default=64.0, help="total float32 payload in MiB")
    p.add_argument("--tensors", type=int, default=32, help="how many tensors share it")
    p.add_argument("--repeats", type=int, default=5)
    args = p.parse_args()
    limit_blas_threads(args.threads)

    import numpy as np
    import safetensors.numpy as st

    from pyburn.record import SafetensorsFileRecorder, load_safetensors, save_safetensors
    from pyburn.tensor import TensorData

    per = max(1, int(args.mb * 2 ** 20 / 4 / args.tensors))
    rng = np.random.default_rng(0)
    arrays = {f"layers.{i}.weight": rng.standard_normal(per, dtype=np.float32)
              for i in range(args.tensors)}
    tensors = {k: TensorData(v) for k, v in arrays.items()}
    tree: dict[str, Any] = {"layers": [{"weight": {"id": f"p{i}", "param": tensors[f"layers.{i}.weight"]}}
                       for i in range(args.tensors)]}
    recorder = SafetensorsFileRecorder()
    with tempfile.TemporaryDirectory() as tmp:
        lib_path, ours_path = Path(tmp) / "lib.safetensors", Path(tmp) / "ours.safetensors"
        rows = [
            ("save", lambda: st.save_file(arrays, str(lib_path)),
             lambda: save_safetensors(ours_path, tensors)),
            ("load", lambda: st.load_file(str(lib_path)),
             lambda: load_safetensors(ours_path)),
            ("record (recorder)", lambda: st.save_file(arrays, str(lib_path)),
             lambda: recorder.record(tree, Path(tmp) / "model")),
            ("load (recorder)", lambda: st.load_file(str(lib_path)),
             lambda: recorder.load(Path(tmp) / "model")),
        ]
        print(f"{args.tensors} float32 tensors, {args.mb:g} MiB, threads={args.threads}, "
              f"min of {args.repeats}")
        print("| op | safetensors.numpy ms | pyburn ms | ratio |")
        print("|---|---:|---:|---:|")
        for name, reference, ours in rows:
            ref_ms, our_ms = best_ms(reference, args.repeats), best_ms(ours, args.repeats)
            print(f"| {name} | {ref_ms:.1f} | {our_ms:.1f} | {our_ms / ref_ms:.2f} |")


if __name__ == "__main__":
    main()
