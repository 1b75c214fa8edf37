"""Argument checks shared by the datasets and the loader.

Kept in one place so every error reads the same way: who complains, which parameter, the
expected range, and the value that was given.
"""

from __future__ import annotations

import operator
from typing import SupportsIndex

__all__ = ["check_int", "check_seed"]


def check_int(owner: str, name: str, value: object, low: int, high: int | None = None,
              expected: str | None = None) -> int:
    """Return `value` as an int, or raise if it is not an integer in `[low, high]`.

    `expected` replaces the default range text when the bounds have names worth showing
    (e.g. "0 <= start <= end (= 10)").
    """
    if isinstance(value, bool):
        raise TypeError(f"{owner}: {name} must be an int, got bool {value!r}")
    if not isinstance(value, SupportsIndex):  # accepts numpy integers, rejects floats
        raise TypeError(f"{owner}: {name} must be an int, got {type(value).__name__} {value!r}")
    number = operator.index(value)
    if number < low or (high is not None and number > high):
        if expected is None:
            expected = f"{low} <= {name}" + (f" <= {high}" if high is not None else "")
        raise ValueError(f"{owner}: {name} must satisfy {expected}, got {number}")
    return number


def check_seed(owner: str, seed: object) -> int | None:
    """A seed is `None` (fresh OS entropy) or a non-negative int, as numpy's SeedSequence needs."""
    if seed is None:
        return None
    return check_int(owner, "seed", seed, 0, expected="seed >= 0 (or None)")
