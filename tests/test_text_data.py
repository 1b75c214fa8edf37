"""Character text data (pyburn.data.text): the vocabulary and its unknown-character policies
and JSON round trip, the windowed dataset and its split, and the stream layout of truncated
BPTT, whose chunks must continue each row's own text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pyburn import Int
from pyburn.data import CharVocab, DataLoaderBuilder, TbpttStreams, TextBatcher, TextDataset
from pyburn.data.text import split_ids

TEXT = "hello world, hello pyburn! " * 20


def test_vocab_is_sorted_and_round_trips() -> None:
    vocab = CharVocab.from_text(TEXT)
    assert vocab.chars == sorted(set(TEXT))
    assert len(vocab) == vocab.size == len(set(TEXT))
    ids = vocab.encode(TEXT)
    assert vocab.decode(ids) == TEXT
    assert CharVocab.from_text(TEXT[::-1]) == vocab          # same characters, same ids


def test_vocab_unknown_policies() -> None:
    with pytest.raises(ValueError, match=r"character 'Z' is not in the vocabulary"):
        CharVocab.from_text("abc").encode("aZ")
    assert CharVocab.from_text("abc", policy="skip").encode("aZc") == [0, 2]
    vocab = CharVocab.from_text("abc", unknown="?", policy="replace")
    assert vocab.decode(vocab.encode("aZc")) == "a?c"
    with pytest.raises(ValueError, match="needs a one-character `unknown`"):
        CharVocab.from_text("abc", policy="replace")
    with pytest.raises(ValueError, match="policy must be one of"):
        CharVocab.from_text("abc", policy="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"id 7 is out of range \[0, 3\)"):
        CharVocab.from_text("abc").decode([7])


def test_vocab_json_file(tmp_path: Path) -> None:
    vocab = CharVocab.from_text(TEXT + "é—\n", unknown="~", policy="replace")
    vocab.save(tmp_path / "vocab.json")
    assert CharVocab.load(tmp_path / "vocab.json") == vocab
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(ValueError, match="unreadable document"):
        CharVocab.load(tmp_path / "bad.json")
    (tmp_path / "bad2.json").write_text('{"chars": 3}')
    with pytest.raises(ValueError, match="'chars' must be a string"):
        CharVocab.load(tmp_path / "bad2.json")


def test_dataset_items_are_shifted_windows(tmp_path: Path) -> None:
    vocab = CharVocab.from_text(TEXT)
    ids = vocab.encode(TEXT)
    ds = TextDataset(ids, seq_len=8, stride=3)
    assert ds.len() == (len(ids) - 9) // 3 + 1
    for index in (0, 1, ds.len() - 1):
        item = ds.get(index)
        assert item is not None
        assert item.inputs == ids[3 * index:3 * index + 8]
        assert item.targets == ids[3 * index + 1:3 * index + 9]
    assert ds.get(ds.len()) is None
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    from_file = TextDataset.from_text(tmp_path / "t.txt", vocab, 8)
    assert from_file.ids == ids and from_file.stride == 8
    with pytest.raises(ValueError, match="needs seq_len \\+ 1 = 9 ids, the text has 5"):
        TextDataset(ids[:5], 8)


def test_split_by_position_never_overlaps() -> None:
    vocab = CharVocab.from_text(TEXT)
    ids = vocab.encode(TEXT)
    train, valid = split_ids(ids, 0.25)
    assert train + valid == ids and len(valid) == round(len(ids) * 0.25)
    t = TextDataset.from_text(TEXT, vocab, 8, split="train", valid_fraction=0.25)
    v = TextDataset.from_text(TEXT, vocab, 8, split="valid", valid_fraction=0.25)
    assert t.ids == train and v.ids == valid
    with pytest.raises(ValueError, match="valid_fraction must be in"):
        split_ids(ids, 1.0)


def test_batcher_through_the_loader(backend: Any) -> None:
    vocab = CharVocab.from_text(TEXT)
    ds = TextDataset(vocab.encode(TEXT), seq_len=6)
    loader = DataLoaderBuilder(TextBatcher(backend.B)).batch_size(4).set_device(
        backend.device).build(ds)
    batch = next(iter(loader))
    assert batch.inputs.kind is Int and batch.inputs.dims() == [4, 6]
    assert batch.inputs.tolist()[0] == ds[0].inputs and batch.targets.tolist()[1] == ds[1].targets


def test_tbptt_streams_continue_each_row(backend: Any) -> None:
    ids = list(range(103))
    streams = TbpttStreams(ids, batch_size=4, seq_len=7)
    assert streams.stream_len == 25 and len(streams) == 4     # 24 inputs per row: 7+7+7+3
    rows_in: list[list[int]] = [[] for _ in range(4)]
    rows_out: list[list[int]] = [[] for _ in range(4)]
    for batch in streams.batches(backend.B, backend.device):
        assert batch.inputs.kind is Int
        for b, (i, t) in enumerate(zip(batch.inputs.tolist(), batch.targets.tolist())):
            rows_in[b] += i
            rows_out[b] += t
    for b in range(4):  # row b reads its own slice of the text, in order, targets one ahead
        assert rows_in[b] == ids[25 * b:25 * b + 24]
        assert rows_out[b] == ids[25 * b + 1:25 * b + 25]
    with pytest.raises(IndexError, match="chunk 4 out of range"):
        streams.chunk_ids(4)
    with pytest.raises(ValueError, match="cannot make 8 streams"):
        TbpttStreams(ids[:10], batch_size=8, seq_len=4)
