"""The chapter's six character-level language models, behind one interface:
``forward(ids Int [batch, seq], state) -> (logits [batch, seq, vocab], state)``.

A state of None starts a text; the state returned continues it, so training carries it from
chunk to chunk (truncated BPTT) and sampling from character to character, for every kind:

- ``rnn``, ``lstm``, ``gru``: embedding -> one recurrent layer -> dropout -> linear. The state
  is the layer's (an `RnnState`, a hidden tensor for the GRU, or an `LstmState`).
- ``deep-lstm``: a `StackedLstm` (dropout between layers), state ``[layers, batch, hidden]``.
- ``attention``: an LSTM whose output at step t also attends (`SequenceAttention`, Luong's
  ``general`` score) over its own last `window` outputs, the current one included; the context
  and the output together predict the next character. The state carries the LSTM state and the
  previous ``window - 1`` outputs, so attention reaches across chunk boundaries too.
- ``bilstm``: a bidirectional LSTM cannot be a language model over the running text (its
  backward direction at step t has read character t + 1, the one to predict: the loss falls to
  zero and sampling produces noise). Here it reads, for each step, the window of the last
  `window` characters in both directions and predicts the next one from the forward
  direction's last output and the backward direction's first. The state is the previous
  ``window - 1`` ids; before the text starts, windows are padded with an extra "start" id.
"""

from __future__ import annotations

from typing import Any

from pyburn import Bool, Int, Tensor
from pyburn.config import Config
from pyburn.module import Module
from pyburn.nn import (BiLstmConfig, Dropout, DropoutConfig, Embedding, EmbeddingConfig,
                       GruConfig, Linear, LinearConfig, LstmConfig, RnnConfig,
                       SequenceAttention, SequenceAttentionConfig, StackedLstmConfig)

__all__ = ["MODEL_KINDS", "CharRnnConfig", "CharRnn"]

MODEL_KINDS = ("rnn", "lstm", "gru", "bilstm", "deep-lstm", "attention")


class CharRnnConfig(Config):
    """`vocab_size` characters; `kind` one of `MODEL_KINDS`; `window` is the attention span
    (``attention``) or the context read in both directions (``bilstm``)."""

    vocab_size: int
    kind: str = "lstm"
    d_embed: int = 32
    d_hidden: int = 128
    num_layers: int = 2
    dropout: float = 0.1
    window: int = 16

    def init(self, device: Any = None, backend: Any = None) -> "CharRnn":
        if self.kind not in MODEL_KINDS:
            raise ValueError(f"CharRnnConfig: kind must be one of {list(MODEL_KINDS)}, got "
                             f"{self.kind!r}")
        if self.vocab_size < 1 or self.window < 1:
            raise ValueError(f"CharRnnConfig: vocab_size and window must be >= 1, got "
                             f"{self.vocab_size}, {self.window}")
        d_e, d_h = self.d_embed, self.d_hidden
        n_embedding = self.vocab_size + (1 if self.kind == "bilstm" else 0)   # + "start"
        embedding = EmbeddingConfig(n_embedding, d_e).init(device, backend)
        attention = None
        d_out = d_h
        if self.kind == "rnn":
            rnn: Any = RnnConfig(d_e, d_h, True).init(device, backend)
        elif self.kind == "gru":
            rnn = GruConfig(d_e, d_h, True).init(device, backend)
        elif self.kind == "deep-lstm":
            rnn = StackedLstmConfig(d_e, d_h, self.num_layers,
                                    dropout=self.dropout).init(device, backend)
        elif self.kind == "bilstm":
            rnn = BiLstmConfig(d_e, d_h, True).init(device, backend)
            d_out = 2 * d_h
        else:
            rnn = LstmConfig(d_e, d_h, True).init(device, backend)
            if self.kind == "attention":
                attention = SequenceAttentionConfig(d_h, kind="general").init(device, backend)
                d_out = 2 * d_h
        return CharRnn(embedding=embedding, rnn=rnn, attention=attention,
                       dropout=DropoutConfig(self.dropout).init(),
                       output=LinearConfig(d_out, self.vocab_size, True).init(device, backend),
                       kind=self.kind, vocab_size=self.vocab_size, window=self.window)


class CharRnn(Module):
    embedding: Embedding
    rnn: Any                       # Rnn, Lstm, Gru, BiLstm or StackedLstm
    attention: SequenceAttention | None
    dropout: Dropout
    output: Linear
    kind: str
    vocab_size: int
    window: int

    def forward(self, ids: "Tensor[Any, Int]", state: Any = None) -> tuple[Any, Any]:
        if self.kind == "bilstm":
            return self._forward_windows(ids, state)
        x = self.embedding.forward(ids)
        if self.kind == "gru":
            out, final = self.rnn.forward_with_state(x, state)
            new_state: Any = final
        elif self.kind == "attention":
            lstm_state = None if state is None else state[0]
            out, final = self.rnn.forward(x, lstm_state)
            context, memory = self._attend(out, None if state is None else state[1:])
            out = Tensor.cat([out, context], 2)
            new_state = (final,) + memory
        else:
            out, new_state = self.rnn.forward(x, state)
        return self.output.forward(self.dropout.forward(out)), new_state

    __call__ = forward

    def _attend(self, out: Any, memory: Any) -> tuple[Any, tuple[Any, int]]:
        """Each step's context over the last `window` outputs (itself included): the outputs
        of this chunk after the carried ones, windows stacked as a batch of queries."""
        batch, seq, d = out.dims()
        w = self.window
        if memory is None:
            past = Tensor.of(type(out).backend).zeros([batch, w - 1, d], out.device) if w > 1 else None
            known = 0
        else:
            past, known = memory
        full = out if past is None else Tensor.cat([past, out], 1)   # [batch, w-1+seq, d]
        keys = Tensor.stack([full[:, j:j + seq] for j in range(w)], 2)  # [batch, seq, w, d]
        keys = keys.reshape([batch * seq, w, d])
        query = out.reshape([batch * seq, d])
        mask = None
        missing = w - 1 - known            # carried slots that precede the text
        if missing > 0:
            rows = [[j < missing - i for j in range(w)] for i in range(seq)]
            mask = Tensor.of(type(out).backend, Bool).from_data(rows * batch, out.device)
        context, _ = self.attention.forward(keys, query, mask)  # type: ignore[union-attr]
        new_past = full[:, full.dims()[1] - (w - 1):] if w > 1 else None
        return context.reshape([batch, seq, d]), (new_past, min(w - 1, known + seq))

    def _forward_windows(self, ids: Any, state: Any) -> tuple[Any, Any]:
        batch, seq = ids.dims()
        w = self.window
        if state is None:   # the "start" id (vocab_size) before the text
            state = Tensor.of(type(ids).backend, Int).full(
                [batch, w - 1], self.vocab_size, ids.device) if w > 1 else None
        full = ids if state is None else Tensor.cat([state, ids], 1)
        windows = Tensor.stack([full[:, j:j + seq] for j in range(w)], 2)   # [batch, seq, w]
        x = self.embedding.forward(windows.reshape([batch * seq, w]))
        out, _ = self.rnn.forward(x)
        d = out.dims()[2] // 2
        features = Tensor.cat([out[:, w - 1, :d], out[:, 0, d:]], 1)    # [batch*seq, 2d]
        logits = self.output.forward(self.dropout.forward(features))
        new_state = full[:, full.dims()[1] - (w - 1):] if w > 1 else None
        return logits.reshape([batch, seq, self.vocab_size]), new_state
