"""`LoadArgs`: which file, how its keys are renamed, and what to print (Burn's ``LoadArgs``)."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from pyburn.tensor.data import TensorData

from ..errors import RecordError


@dataclasses.dataclass(frozen=True)
class LoadArgs:
    """Arguments of `PyTorchFileRecorder.load`, built like Burn's::

        LoadArgs("model.pt").with_key_remap(r"conv\\.(.*)", "$1").with_debug_print()

    Each ``with_*`` returns a new `LoadArgs`.
    """

    file: Path
    key_remap: tuple[tuple[str, str], ...] = ()
    top_level_key: str | None = None
    debug: bool = False

    def __init__(self, file: str | os.PathLike[str], key_remap: tuple[tuple[str, str], ...] = (),
                 top_level_key: str | None = None, debug: bool = False) -> None:
        object.__setattr__(self, "file", Path(file))
        object.__setattr__(self, "key_remap", tuple(key_remap))
        object.__setattr__(self, "top_level_key", top_level_key)
        object.__setattr__(self, "debug", debug)

    def with_key_remap(self, pattern: str, replacement: str) -> "LoadArgs":
        """Rename keys: the first match of the regex `pattern` in each key is replaced by
        `replacement` (``$1``/``${name}`` as in Rust's regex, or Python's ``\\1``/``\\g<name>``).
        Remaps apply in the order they were added, each to the result of the previous."""
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"LoadArgs.with_key_remap: invalid regex {pattern!r}: {exc}") from exc
        return dataclasses.replace(self, key_remap=self.key_remap + ((pattern, replacement),))

    def with_top_level_key(self, key: str) -> "LoadArgs":
        """Read the state dict stored under `key` of the file's top-level dict (a training
        checkpoint ``{"model_state_dict": ..., "epoch": 3}``)."""
        return dataclasses.replace(self, top_level_key=key)

    def with_debug_print(self) -> "LoadArgs":
        """Print every key (before and after remapping) with its shape and dtype while
        loading, to see what the file holds and how the remaps act."""
        return dataclasses.replace(self, debug=True)


def python_replacement(replacement: str) -> str:
    """Rust regex's ``$1``/``${1}``/``$name``/``${name}`` as Python's ``\\g<...>``."""
    return re.sub(r"\$(?:\{(\w+)\}|(\d+|[A-Za-z_]\w*))",
                  lambda m: rf"\g<{m.group(1) or m.group(2)}>", replacement)


def remap_keys(tensors: dict[str, TensorData],
               key_remap: tuple[tuple[str, str], ...]) -> tuple[dict[str, TensorData],
                                                                dict[str, str]]:
    """``(tensors under their new names, new name -> original name)``; two keys renamed to
    the same name are an error."""
    rules = [(re.compile(p), python_replacement(r)) for p, r in key_remap]
    out: dict[str, TensorData] = {}
    origin: dict[str, str] = {}
    for name, value in tensors.items():
        new = name
        for pattern, replacement in rules:
            new = pattern.sub(replacement, new, count=1)
        if new in out:
            raise RecordError(f"LoadArgs.with_key_remap: {origin[new]!r} and {name!r} are both "
                              f"renamed to {new!r}")
        out[new], origin[new] = value, name
    return out, origin


def debug_print(tensors: dict[str, TensorData], origin: dict[str, str]) -> None:
    """Burn's ``with_debug_print`` listing."""
    lines = ["Debug information of keys and tensor shapes:", "---"]
    for name in sorted(tensors):
        lines += [f"Original Key: {origin[name]}", f"Remapped Key: {name}",
                  f"Shape: {list(tensors[name].shape)}", f"Dtype: {tensors[name].dtype.value}",
                  "---"]
    print("\n".join(lines))
