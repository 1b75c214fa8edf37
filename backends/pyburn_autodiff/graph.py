"""The tape: nodes that hold their parents and a vector-Jacobian product, and the reverse walk.

A float primitive of ``Autodiff[B]`` is an `ADPrimitive`: the inner backend's primitive plus a
`Node` when it is tracked (``None`` for constants, so untracked work costs one small object).
Nodes get increasing ids at creation, and a node is always created after its parents, so sorting
the reachable nodes by decreasing id is a reverse topological order: no recursion, no second pass.
After ``backward`` the walked interior nodes drop their closures and parents: the graph (and the
activations it kept alive) is released, which keeps memory flat over a training loop.
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, Iterator, Sequence

from pyburn.tensor.errors import GradientError

_ids = itertools.count()

VJP = Callable[[Any], Sequence[Any]]


def _consumed(grad: Any) -> Sequence[Any]:
    raise GradientError("backward: this graph was already used by a previous backward() and has "
                        "been released; recompute the forward pass, or detach() tensors that "
                        "are carried from one step to the next")


class Node:
    """A tracked value. Leaves (``require_grad`` tensors) have no `vjp`; they collect gradients.

    A `unary` node has one parent and its vjp returns that parent's gradient itself rather than
    a 1-tuple: most ops have one input, and this saves them a wrapper call and a tuple."""

    __slots__ = ("id", "parents", "vjp", "n_outputs", "unary", "__weakref__")

    def __init__(self, parents: tuple["Node | None", ...] = (), vjp: VJP | None = None,
                 n_outputs: int = 1, unary: bool = False) -> None:
        self.id = next(_ids)
        self.parents = parents
        self.vjp = vjp
        self.n_outputs = n_outputs
        self.unary = unary

    @property
    def is_leaf(self) -> bool:
        return self.vjp is None

    def __repr__(self) -> str:
        kind = "leaf" if self.vjp is None else f"op({len(self.parents)} parents)"
        return f"Node#{self.id}<{kind}>"


class ADPrimitive:
    """Float primitive of an Autodiff backend: the inner primitive and its node (or None)."""

    __slots__ = ("inner", "node")

    def __init__(self, inner: Any, node: Node | None = None) -> None:
        self.inner = inner
        self.node = node

    def __repr__(self) -> str:
        return f"ADPrimitive({self.node!r})"


class OutputPart:
    """The gradient of one output of a multi-output node (custom ops with several outputs)."""

    __slots__ = ("index", "grad")

    def __init__(self, index: int, grad: Any) -> None:
        self.index = index
        self.grad = grad


class Gradients:
    """Gradients of the leaves, keyed by node id, as inner-backend primitives.

    Nothing is stored on tensors: ``tensor.grad(grads)`` looks its own gradient up here."""

    __slots__ = ("_grads",)

    def __init__(self) -> None:
        self._grads: dict[int, Any] = {}

    def get(self, node: Node | None) -> Any:
        return None if node is None else self._grads.get(node.id)

    def remove(self, node: Node | None) -> Any:
        return None if node is None else self._grads.pop(node.id, None)

    def set(self, node: Node, grad: Any) -> None:
        self._grads[node.id] = grad

    def __len__(self) -> int:
        return len(self._grads)

    def __contains__(self, node: object) -> bool:
        return isinstance(node, Node) and node.id in self._grads

    def ids(self) -> Iterator[int]:
        return iter(self._grads)

    def __repr__(self) -> str:
        return f"Gradients({len(self._grads)} tensors)"


def reachable(root: Node) -> list[Node]:
    """Nodes reachable from `root`, in reverse topological order (decreasing id)."""
    seen = {root.id: root}
    stack = [root]
    pop, push = stack.pop, stack.append
    while stack:
        for parent in pop().parents:
            if parent is not None and parent.id not in seen:
                seen[parent.id] = parent
                push(parent)
    return [seen[i] for i in sorted(seen, reverse=True)]  # ints sort in C: no key calls


def run_backward(root: Node, seed: Any, add: Callable[[Any, Any], Any]) -> Gradients:
    """Propagate `seed` from `root` to every leaf; `add` accumulates fan-out (inner float_add)."""
    pending: dict[int, Any] = {root.id: seed}
    grads = Gradients()
    for node in reachable(root):
        grad = pending.pop(node.id, None)
        if node.vjp is None:
            if grad is not None:
                grads.set(node, grad)
            continue
        vjp, parents = node.vjp, node.parents
        node.vjp, node.parents = _consumed, ()   # release the graph as we go
        if grad is None:
            continue
        if node.unary:
            parent_grad = vjp(grad)  # first: a released node's vjp raises why
            parent = parents[0]
            if parent is not None and parent_grad is not None:
                previous = pending.get(parent.id)
                pending[parent.id] = parent_grad if previous is None else add(previous, parent_grad)
            continue
        for parent, parent_grad in zip(parents, vjp(grad)):
            if parent is None or parent_grad is None:
                continue
            if type(parent_grad) is OutputPart:
                _accumulate_part(pending, parent, parent_grad, add)
                continue
            previous = pending.get(parent.id)  # fan-out: sum the gradients a node receives
            pending[parent.id] = parent_grad if previous is None else add(previous, parent_grad)
    return grads


def _accumulate_part(pending: dict[int, Any], node: Node, part: OutputPart,
                     add: Callable[[Any, Any], Any]) -> None:
    """One output's gradient of a multi-output node: kept per output until the node runs."""
    parts = pending.get(node.id)
    if parts is None:
        parts = pending[node.id] = [None] * node.n_outputs
    i = part.index
    parts[i] = part.grad if parts[i] is None else add(parts[i], part.grad)
