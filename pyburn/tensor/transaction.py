"""`Transaction`: read several tensors back in one go (Burn's ``Transaction``).

A GPU backend pays one synchronization per read; registering the tensors first and executing
once reads them all after a single sync, in registration order.
"""

from __future__ import annotations

from typing import Any

from .data import TensorData


class Transaction:
    """``Transaction.default().register(a).register(b).execute() -> [a_data, b_data]``."""

    def __init__(self) -> None:
        self._tensors: list[Any] = []

    @staticmethod
    def default() -> "Transaction":
        return Transaction()

    def register(self, tensor: Any) -> "Transaction":
        """Add `tensor` to the reads (returns the transaction, for chaining)."""
        self._tensors.append(tensor)
        return self

    def execute(self) -> list[TensorData]:
        """The registered tensors' data, in order, after one sync per backend and device."""
        synced = set()
        for t in self._tensors:
            key = (type(t).backend, t.device)
            if key not in synced:
                type(t).backend.sync(t.device)
                synced.add(key)
        return [t.to_data() for t in self._tensors]
