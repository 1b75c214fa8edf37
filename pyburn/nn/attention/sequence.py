"""`SequenceAttention`: attention of one query over a recurrent layer's outputs (the RNN
chapter's "LSTM with attention"; Bahdanau et al. 2015, Luong et al. 2015).

For outputs ``h_s [batch, seq, d_hidden]`` and a query ``q [batch, d_query]`` (by default the
last step's output), the scores ``e_s`` are::

    additive (Bahdanau):  e_s = v . tanh(W_k h_s + W_q q + b)      (W_k, W_q, b, v learned)
    dot (Luong):          e_s = h_s . q                             (no parameters)
    general (Luong):      e_s = h_s . (W q)                         (W learned)

then ``weights = softmax(e)`` over the sequence and ``context = sum_s weights_s h_s``. A mask
(True = padding, as Burn's ``generate_padding_mask`` and ``MhaInput.mask_pad``) sets masked
scores to ``-inf`` before the softmax, so masked steps get exactly zero weight and no gradient.
Unlike `MultiHeadAttention` (many queries, several heads, scaled dot products), this is the
one-query, one-head form an RNN classifier or language model pools its outputs with.
"""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Bool, Device, RankError, ShapeError, Tensor
from pyburn.tensor.activation import softmax

from .._types import B
from ..initializer import Initializer, resolve_device
from ..linear import Linear, LinearConfig

__all__ = ["SequenceAttentionConfig", "SequenceAttention"]

KINDS = ("additive", "dot", "general")


class SequenceAttentionConfig(Config):
    """`d_hidden`: the features of each output step; `d_query`: the query's (default
    `d_hidden`); `kind`: ``"additive"``, ``"dot"`` or ``"general"``; `d_attention`: the width of
    the additive score's hidden layer (default `d_hidden`)."""

    d_hidden: int
    d_query: Optional[int] = None
    kind: str = "additive"
    d_attention: Optional[int] = None
    initializer: Initializer = Initializer.XavierNormal(gain=1.0)

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "SequenceAttention":
        op = "SequenceAttentionConfig.init"
        if self.kind not in KINDS:
            raise ValueError(f"{op}: kind must be one of {list(KINDS)}, got {self.kind!r}")
        d_query = self.d_hidden if self.d_query is None else self.d_query
        d_attention = self.d_hidden if self.d_attention is None else self.d_attention
        if min(self.d_hidden, d_query, d_attention) <= 0:
            raise ValueError(f"{op}: sizes must be positive, got d_hidden={self.d_hidden}, "
                             f"d_query={d_query}, d_attention={d_attention}")
        if self.kind == "dot" and d_query != self.d_hidden:
            raise ValueError(f"{op}: kind='dot' scores h_s . q, so d_query must equal d_hidden "
                             f"({self.d_hidden}), got {d_query}; use kind='general' to learn "
                             "a map between them")
        backend, dev = resolve_device(device, backend, op)

        def linear(d_in: int, d_out: int, bias: bool) -> Linear:
            return LinearConfig(d_in, d_out, bias, self.initializer).init(dev, backend)

        key = query = score = None
        if self.kind == "additive":
            key = linear(self.d_hidden, d_attention, False)
            query = linear(d_query, d_attention, True)
            score = linear(d_attention, 1, False)
        elif self.kind == "general":
            query = linear(d_query, self.d_hidden, False)
        return SequenceAttention(key_proj=key, query_proj=query, score=score, kind=self.kind,
                                 d_hidden=self.d_hidden, d_query=d_query)


class SequenceAttention(Module):
    """Attention pooling over a sequence of outputs; build it with `SequenceAttentionConfig`.
    Layers a kind does not use are None (``dot`` has no parameters)."""

    key_proj: Linear | None
    query_proj: Linear | None
    score: Linear | None
    kind: str
    d_hidden: int
    d_query: int

    def forward(self, outputs: "Tensor[B]", query: "Tensor[B] | None" = None,
                mask: "Tensor[B, Bool] | None" = None) -> "tuple[Tensor[B], Tensor[B]]":
        """``outputs [batch, seq, d_hidden]``, ``query [batch, d_query]`` (None: the last
        step's output, ``outputs[:, -1]``; pass the query explicitly when the batch is padded),
        ``mask [batch, seq]`` (True = ignore) -> ``(context [batch, d_hidden], weights [batch,
        seq])``; each row of `weights` sums to 1."""
        op = "SequenceAttention.forward"
        batch, seq = self._check(op, outputs, query, mask)
        if query is None:
            query = outputs[:, seq - 1]
        scores = self._scores(outputs, query)                        # [batch, seq]
        if mask is not None:
            scores = scores.mask_fill(mask, float("-inf"))
        weights = softmax(scores, 1)
        context = weights.unsqueeze_dim(1).matmul(outputs).squeeze_dim(1)
        return context, weights

    __call__ = forward

    def _scores(self, outputs: Any, query: Any) -> Any:
        if self.kind == "additive":
            assert self.key_proj is not None and self.query_proj is not None \
                and self.score is not None
            hidden = (self.key_proj.forward(outputs)
                      + self.query_proj.forward(query).unsqueeze_dim(1)).tanh()
            return self.score.forward(hidden).squeeze_dim(2)
        if self.kind == "general":
            assert self.query_proj is not None
            query = self.query_proj.forward(query)
        return outputs.matmul(query.unsqueeze_dim(2)).squeeze_dim(2)

    def _check(self, op: str, outputs: Any, query: Any, mask: Any) -> tuple[int, int]:
        if not isinstance(outputs, Tensor):
            raise TypeError(f"{op}: outputs must be a tensor [batch, seq, {self.d_hidden}], got "
                            f"{type(outputs).__name__}")
        dims = outputs.dims()
        if len(dims) != 3 or dims[2] != self.d_hidden:
            error = RankError if len(dims) != 3 else ShapeError
            raise error(f"{op}: expected outputs of shape [batch, seq, {self.d_hidden}], got "
                        f"{dims}")
        batch, seq = dims[0], dims[1]
        if seq == 0:
            raise ShapeError(f"{op}: outputs has no time steps (shape {dims}): there is nothing "
                             "to attend to")
        if query is None and self.d_query != self.d_hidden:
            raise ValueError(f"{op}: query=None uses the last output step ({self.d_hidden} "
                             f"features) but this attention expects d_query={self.d_query}; "
                             "pass the query")
        if query is not None:
            if not isinstance(query, Tensor) or query.dims() != [batch, self.d_query]:
                got = query.dims() if isinstance(query, Tensor) else type(query).__name__
                raise ShapeError(f"{op}: expected query of shape [{batch}, {self.d_query}] "
                                 f"[batch, d_query], got {got}")
        if mask is not None:
            if not isinstance(mask, Tensor) or mask.kind is not Bool:
                raise TypeError(f"{op}: mask must be a Bool tensor [batch, seq] (True = "
                                f"ignore), got {getattr(mask, 'kind', type(mask)).__name__}")
            if mask.dims() != [batch, seq]:
                raise ShapeError(f"{op}: expected mask of shape [{batch}, {seq}] [batch, seq], "
                                 f"got {mask.dims()}")
            full = mask.all_dim(1)
            if bool(full.any().into_scalar()):
                rows = [i for i, v in enumerate(full.to_data().as_numpy().reshape(-1)) if v]
                raise ValueError(f"{op}: mask hides every step of batch row(s) {rows}: "
                                 "attention weights would be undefined (0/0); keep at least "
                                 "one step per row")
        return batch, seq

    def display_fields(self) -> dict[str, Any]:
        return {"kind": self.kind, "d_hidden": self.d_hidden, "d_query": self.d_query}
