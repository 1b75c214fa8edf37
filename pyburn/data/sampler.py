"""`DistributedSampler`: each rank's share of an epoch, for data-parallel training.

The epoch's order is the loader's (the same permutation on every rank, from the shuffle seed
and the epoch), and rank ``r`` of ``W`` takes positions ``r, r + W, r + 2W, ...`` of it
(torch's ``DistributedSampler``). Batch ``i`` of all ranks together is then exactly batch ``i``
of one process with a ``W`` times larger batch: averaged gradients equal that process's.

What happens when the item count is not a multiple of ``W`` is the `ShardPolicy`:

* ``pad`` (default, torch's): the order is extended with its first items until it divides,
  so every rank has the same number of items and batches (a few items count twice per epoch);
* ``drop_last``: the last ``len % W`` items of the order are left out of this epoch;
* ``uneven``: no padding, ranks differ by at most one item. Only for loops without a collective
  per batch (validation): a training rank with one batch fewer would leave the others waiting.
"""

from __future__ import annotations

from enum import Enum

from ._checks import check_int

__all__ = ["DistributedSampler", "ShardPolicy"]


class ShardPolicy(Enum):
    Pad = "pad"
    DropLast = "drop_last"
    Uneven = "uneven"


class DistributedSampler:
    """Rank `rank` of `world_size` (defaults: this process's, from `pyburn.distributed`, read
    when the sampler is made)."""

    def __init__(self, rank: int | None = None, world_size: int | None = None,
                 policy: ShardPolicy | str = ShardPolicy.Pad) -> None:
        if rank is None or world_size is None:
            from pyburn import distributed
            rank = distributed.rank() if rank is None else rank
            world_size = distributed.world_size() if world_size is None else world_size
        self.world_size = check_int("DistributedSampler", "world_size", world_size, 1)
        self.rank = check_int("DistributedSampler", "rank", rank, 0)
        if self.rank >= self.world_size:
            raise ValueError(f"DistributedSampler: rank must be in [0, {self.world_size}), got "
                             f"{self.rank}")
        try:
            self.policy = ShardPolicy(policy)
        except ValueError:
            raise ValueError(f"DistributedSampler: policy must be one of "
                             f"{[p.value for p in ShardPolicy]}, got {policy!r}") from None

    def num_items(self, total: int) -> int:
        """This rank's items per epoch out of `total`."""
        w, r = self.world_size, self.rank
        if self.policy is ShardPolicy.Pad:
            return -(-total // w)
        if self.policy is ShardPolicy.DropLast:
            return total // w
        return total // w + (1 if r < total % w else 0)

    def shard(self, order: list[int]) -> list[int]:
        """This rank's part of the epoch `order` (every rank must pass the same order)."""
        total, w = len(order), self.world_size
        if self.policy is ShardPolicy.Pad and total % w and total:
            need = -(-total // w) * w - total
            order = order + (order * (need // total + 1))[:need]
        elif self.policy is ShardPolicy.DropLast:
            order = order[:total - total % w]
        return order[self.rank::w]

    def __repr__(self) -> str:
        return (f"DistributedSampler(rank={self.rank}, world_size={self.world_size}, "
                f"policy={self.policy.value!r})")
