"""`DistributedError`: what a rank raises when the process group fails under it (a peer died,
hung past the timeout, or the ranks disagree on what they exchange)."""

from __future__ import annotations

__all__ = ["DistributedError"]


class DistributedError(RuntimeError):
    """A collective could not complete: the message names the operation, this rank, the world
    size and the timeout, so a log from any surviving rank says what went wrong."""
