"""The RNN chapter's character-level language models in pyburn.

    python -m examples.char_rnn                          # LSTM on CPython's pydoc text
    python -m examples.char_rnn --model gru --text input.txt --backend torch
    python -m examples.char_rnn sample --prompt "def "

One concept per file: `corpus` (the text), `model` (the six models behind one interface),
`training` (truncated BPTT, clipping, plateau scheduler, early stopping), `sampling`, and
`__main__` (the command line). See ``docs/rnn-in-practice.md``.
"""

from .corpus import default_corpus, load_corpus
from .model import MODEL_KINDS, CharRnn, CharRnnConfig
from .sampling import load_model, samples
from .training import History, TrainingConfig, TrainingResult, evaluate, train, unigram_perplexity

__all__ = ["default_corpus", "load_corpus", "MODEL_KINDS", "CharRnn", "CharRnnConfig",
           "load_model", "samples", "History", "TrainingConfig", "TrainingResult", "evaluate",
           "train", "unigram_perplexity"]
