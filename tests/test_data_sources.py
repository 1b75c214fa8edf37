"""Dataset storage and sources: SqliteDataset and its writer, HuggingfaceDatasetLoader from local
files, ImageFolderDataset; hostile and damaged files give clear errors and execute nothing."""

from __future__ import annotations

import io
import os
import pickle
import sqlite3
import subprocess
import sys
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgpack
import numpy as np
import pytest

from pyburn import Tensor
from pyburn.data import (DataLoaderBuilder, HuggingfaceDatasetLoader, ImporterError,
                         MapperDataset, PartialDataset, ShuffledDataset, SqliteDataset,
                         SqliteDatasetError, SqliteDatasetStorage, SqliteDatasetWriter)
from pyburn.data._item_codec import ItemCodecError, encode_item
from pyburn.data.vision import (ImageDatasetItem, ImageFolderDataset, ImageLoaderError, Label,
                                MultiLabel)

PIL = pytest.importorskip("PIL.Image")


@dataclass
class Inner:
    name: str
    weight: float = 1.0


@dataclass
class Item:
    pixels: np.ndarray
    label: int
    inner: Inner


def _items(n: int) -> list[Item]:
    return [Item(np.arange(6, dtype=np.float32).reshape(2, 3) * i, i % 3, Inner(f"n{i}", i / 2))
            for i in range(n)]


def _write(path: Path, n: int = 7, **kwargs: Any) -> None:
    with SqliteDatasetWriter(path, **kwargs) as writer:
        for item in _items(n):
            writer.write("train", item)
        writer.write("test", _items(1)[0])


# -- SqliteDataset and SqliteDatasetWriter -----------------------------------------------------

def test_writer_and_dataset_round_trip_typed_items(tmp_path: Path) -> None:
    path = tmp_path / "set.db"
    _write(path)
    train = SqliteDataset.from_db_file(path, "train", Item)
    assert train.len() == 7 and len(train) == 7 and train.get(7) is None and train.get(-1) is None
    for expected, got in zip(_items(7), train):
        assert got.label == expected.label and got.inner == expected.inner
        assert got.pixels.dtype == np.float32 and np.array_equal(got.pixels, expected.pixels)
    assert train[-1].label == 6 % 3
    untyped = SqliteDataset.from_db_file(path, "test")
    assert untyped[0]["inner"] == {"name": "n0", "weight": 0.0}
    assert [i.label for i in train.get_many([3, 0, 3])] == [0, 0, 0]
    with pytest.raises(IndexError, match="get_many"):
        train.get_many([7])


def test_storage_by_name_and_base_dir(tmp_path: Path) -> None:
    storage = SqliteDatasetStorage.from_name("my/data set").with_base_dir(tmp_path)
    assert storage.db_file() == tmp_path / "my_data_set.db" and not storage.exists()
    with storage.writer() as writer:
        writer.write("train", {"x": 1})
    assert storage.exists() and list(storage.reader("train")) == [{"x": 1}]
    assert SqliteDatasetStorage.from_file(tmp_path / "my_data_set.db").reader("train").len() == 1


def test_writes_are_atomic_and_an_error_keeps_committed_rows_for_resume(tmp_path: Path) -> None:
    path = tmp_path / "set.db"
    with pytest.raises(RuntimeError, match="stop"):
        with SqliteDatasetWriter(path, commit_every=2) as writer:
            for i in range(5):
                writer.write("train", {"i": i})
            assert not path.exists()          # readers never see a half-written dataset
            raise RuntimeError("stop")
    assert not path.exists() and (tmp_path / "set.db.tmp").exists()
    with SqliteDatasetWriter(path, resume=True) as writer:
        assert writer.len("train") == 5       # close() committed everything written
        for i in range(writer.len("train"), 8):
            writer.write("train", {"i": i})
    assert [x["i"] for x in SqliteDataset(path, "train")] == list(range(8))
    assert sorted(os.listdir(tmp_path)) == ["set.db"]


def test_a_killed_writer_resumes_from_its_last_commit(tmp_path: Path) -> None:
    path = tmp_path / "set.db"
    script = textwrap.dedent(f"""
        import os
        from pyburn.data import SqliteDatasetWriter
        writer = SqliteDatasetWriter({str(path)!r}, commit_every=4)
        for i in range(10):
            writer.write("train", {{"i": i}})
        os._exit(0)   # killed: no close, no commit of the last 2 rows
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert not path.exists()
    writer: SqliteDatasetWriter[dict[str, int]] = SqliteDatasetWriter(path, resume=True)
    assert writer.len("train") == 8
    writer.set_completed()
    assert SqliteDataset(path, "train").len() == 8


def test_without_resume_a_stale_temporary_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "set.db"
    (tmp_path / "set.db.tmp").write_bytes(b"left over by a crash")
    _write(path, 2)
    assert SqliteDataset(path, "train").len() == 2


def test_overwrite_policy_and_completed_writer(tmp_path: Path) -> None:
    path = tmp_path / "set.db"
    _write(path, 2)
    with pytest.raises(FileExistsError, match="overwrite=True"):
        SqliteDatasetWriter(path)
    writer: SqliteDatasetWriter[dict[str, int]] = SqliteDatasetWriter(path, overwrite=True)
    writer.write("train", {"x": 1})
    assert SqliteDataset(path, "train").len() == 2   # the old file until completion
    writer.set_completed()
    assert SqliteDataset(path, "train").len() == 1
    with pytest.raises(SqliteDatasetError, match="completed"):
        writer.write("train", {"x": 2})


def test_a_second_writer_on_the_same_file_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("fcntl")
    path = tmp_path / "set.db"
    first: SqliteDatasetWriter[int] = SqliteDatasetWriter(path)
    first.write("train", 1)
    for resume in (False, True):
        with pytest.raises(SqliteDatasetError, match="another writer"):
            SqliteDatasetWriter(path, resume=resume)
    first.set_completed()
    assert SqliteDataset(path, "train")[0] == 1


@pytest.mark.parametrize("split", ["train; DROP TABLE x", "1abc", "", "__meta", "a-b", 3])
def test_split_names_must_be_identifiers(tmp_path: Path, split: Any) -> None:
    writer: SqliteDatasetWriter[int] = SqliteDatasetWriter(tmp_path / "set.db")
    with pytest.raises(ValueError, match="split must be an identifier"):
        writer.write(split, 1)
    writer.set_completed()


def test_unstorable_items_are_refused_before_writing(tmp_path: Path) -> None:
    writer: SqliteDatasetWriter[Any] = SqliteDatasetWriter(tmp_path / "set.db")
    with pytest.raises(ItemCodecError, match="object"):
        writer.write("train", {"a": np.array([object()], dtype=object)})
    with pytest.raises(ItemCodecError, match="set"):
        writer.write("train", {1, 2})
    assert writer.len("train") == 0
    writer.close()


def test_loader_threads_and_pickling_read_the_same_items(tmp_path: Path) -> None:
    path = tmp_path / "set.db"
    _write(path, 23)
    data = SqliteDataset(path, "train", Item)

    def run(workers: int) -> list[list[int]]:
        loader = DataLoaderBuilder(lambda items, device: [i.label for i in items]) \
            .batch_size(4).shuffle(3).num_workers(workers).build(data)
        return list(loader)

    assert run(2) == run(0)
    clone = pickle.loads(pickle.dumps(data))   # spawn-safe: the connection is not pickled
    assert [i.label for i in clone] == [i.label for i in data]
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(data[5].label)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [data[5].label] * 4


# -- hostile and damaged databases -------------------------------------------------------------

def _table(path: Path, create: str, rows: list[tuple[Any, ...]]) -> None:
    conn = sqlite3.connect(path)
    conn.execute(create)
    conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(rows[0]))})", rows)
    conn.commit()
    conn.close()


def test_files_that_are_not_sqlite_say_what_they_are(tmp_path: Path) -> None:
    for content in (b"PK\x03\x04 a zip, e.g. a torch .pt file", b"", b"\x80\x04\x95 pickle"):
        path = tmp_path / "x.db"
        path.write_bytes(content)
        with pytest.raises(SqliteDatasetError, match="is not an SQLite database"):
            SqliteDataset(path, "train")
    with pytest.raises(FileNotFoundError, match="no database file"):
        SqliteDataset(tmp_path / "missing.db", "train")


def test_a_damaged_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "set.db"
    _write(path, 50)
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))
    with pytest.raises(SqliteDatasetError, match="damaged|cannot read"):
        SqliteDataset(path, "train")


def test_malformed_tables_are_refused(tmp_path: Path) -> None:
    _write(tmp_path / "ok.db", 2)
    with pytest.raises(SqliteDatasetError, match=r"no such split; the file has \['test', 'train'"):
        SqliteDataset(tmp_path / "ok.db", "valid")
    _table(tmp_path / "a.db", "CREATE TABLE t (x INTEGER)", [(1,)])
    with pytest.raises(SqliteDatasetError, match="no row_id column"):
        SqliteDataset(tmp_path / "a.db", "t")
    _table(tmp_path / "b.db", "CREATE TABLE t (row_id INTEGER, x INTEGER)", [(1, 1), (3, 3)])
    with pytest.raises(SqliteDatasetError, match=r"row_id must run 1..2 without gaps, found 1..3"):
        SqliteDataset(tmp_path / "b.db", "t")
    _table(tmp_path / "c.db", "CREATE TABLE t (row_id INTEGER, name TEXT)", [(1, "a")])
    with pytest.raises(SqliteDatasetError, match=r"Item fields \['pixels', 'label', 'inner'\]"):
        SqliteDataset(tmp_path / "c.db", "t", Item)


@pytest.mark.parametrize("blob, match", [
    (b"\xc1\xc1", "not a MessagePack item"),
    (msgpack.packb(msgpack.ExtType(7, b"x")), "unknown MessagePack extension"),
    (msgpack.packb(msgpack.ExtType(1, msgpack.packb(["|O", [1]]) + b"\0" * 8)),
     "not allowed"),
    (msgpack.packb(msgpack.ExtType(1, msgpack.packb(["<f4", [1000000]]) + b"\0" * 8)),
     "needs 4000000 bytes"),
    (msgpack.packb({"pixels": 1}), r"fields \['label', 'inner'\] are missing"),
    (msgpack.packb([1, 2]), "needs a map of fields"),
    ("text", "not a blob"),
])
def test_rows_that_do_not_decode_name_the_item(tmp_path: Path, blob: Any, match: str) -> None:
    path = tmp_path / "x.db"
    _table(path, "CREATE TABLE t (row_id INTEGER, item BLOB)", [(1, blob)])
    data = SqliteDataset(path, "t", Item)
    with pytest.raises(SqliteDatasetError, match=f"item 0: .*{match}"):
        data.get(0)


def test_decoding_never_runs_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> Any:
            return (os.system, (f"touch {marker}",))

    path = tmp_path / "x.db"
    _table(path, "CREATE TABLE t (row_id INTEGER, item BLOB)", [(1, pickle.dumps(Evil()))])
    with pytest.raises(SqliteDatasetError):
        SqliteDataset(path, "t").get(0)
    assert not marker.exists()
    assert encode_item({"a": 1}) == msgpack.packb({"a": 1})


# -- HuggingfaceDatasetLoader from local files -------------------------------------------------

@pytest.fixture
def hf_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pytest.importorskip("datasets")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    return tmp_path


@dataclass
class TextItem:
    text: str
    label: int


def test_local_csv_json_and_parquet_become_typed_sqlite_datasets(
        hf_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    csv = hf_env / "a.csv"
    csv.write_text("text,label\nhello,0\nworld,1\nburn,2\n")
    jsonl = hf_env / "a.jsonl"
    jsonl.write_text('{"text": "x", "label": 5}\n{"text": "y", "label": 6}\n')
    base = hf_env / "cache"
    loader = (HuggingfaceDatasetLoader("csv").with_data_files({"train": str(csv)})
              .with_base_dir(base).with_huggingface_cache_dir(str(hf_env / "hf")))
    train = loader.dataset("train", TextItem)
    assert list(train) == [TextItem("hello", 0), TextItem("world", 1), TextItem("burn", 2)]
    json_set = (HuggingfaceDatasetLoader("json").with_data_files(str(jsonl)).with_base_dir(base)
                .with_huggingface_cache_dir(str(hf_env / "hf")).dataset("train", TextItem))
    assert json_set[1] == TextItem("y", 6)
    import datasets
    datasets.Dataset.from_dict({"text": ["p", "q"], "label": [7, 8]}).to_parquet(
        str(hf_env / "a.parquet"))
    parquet = (HuggingfaceDatasetLoader("parquet").with_data_files(str(hf_env / "a.parquet"))
               .with_base_dir(base).with_huggingface_cache_dir(str(hf_env / "hf")))
    assert list(parquet.dataset("train", TextItem)) == [TextItem("p", 7), TextItem("q", 8)]
    # Three different inputs, three caches; a second call reads the cache without loading.
    assert len(list(base.glob("*.db"))) == 3
    monkeypatch.setattr(HuggingfaceDatasetLoader, "_load", None)   # any load would fail now
    assert loader.dataset("train", TextItem).len() == 3


def test_saved_dataset_dict_with_images_lists_and_class_labels(hf_env: Path) -> None:
    import datasets

    def png(value: int) -> bytes:
        buffer = io.BytesIO()
        PIL.fromarray(np.full((4, 5, 3), value, np.uint8)).save(buffer, "PNG")
        return buffer.getvalue()

    features = datasets.Features({
        "image": datasets.Image(), "tokens": datasets.Sequence(datasets.Value("int64")),
        "label": datasets.ClassLabel(names=["cat", "dog"]), "score": datasets.Value("float32")})
    data = datasets.Dataset.from_dict(
        {"image": [{"bytes": png(i), "path": None} for i in range(3)],
         "tokens": [[1, 2], [3], []], "label": [0, 1, 0], "score": [0.5, 1.5, 2.5]},
        features=features)
    datasets.DatasetDict({"train": data, "validation": data.select([2])}).save_to_disk(
        str(hf_env / "saved"))
    loader = HuggingfaceDatasetLoader(str(hf_env / "saved")).with_base_dir(hf_env / "cache")
    train = loader.dataset("train")
    assert train.columns == ["image_bytes", "image_path", "tokens", "label", "score"]
    row = train[1]
    assert row["tokens"] == [3] and row["label"] == 1 and row["score"] == 1.5
    pixels = np.asarray(PIL.open(io.BytesIO(row["image_bytes"])))   # Burn keeps file bytes
    assert pixels.shape == (4, 5, 3) and pixels[0, 0, 0] == 1
    assert loader.dataset("validation")[0]["tokens"] == []
    arrow = sorted((hf_env / "saved" / "train").glob("*.arrow"))   # the arrow builder
    from_arrow = (HuggingfaceDatasetLoader("arrow").with_data_files([str(p) for p in arrow])
                  .with_base_dir(hf_env / "cache").with_huggingface_cache_dir(str(hf_env / "hf")))
    assert from_arrow.dataset("train")[2]["tokens"] == [] and from_arrow.dataset("train").len() == 3


def test_loader_errors_are_clear(hf_env: Path) -> None:
    with pytest.raises(ImporterError, match="could not load the dataset"):
        (HuggingfaceDatasetLoader("csv").with_data_files(str(hf_env / "missing.csv"))
         .with_base_dir(hf_env).with_huggingface_cache_dir(str(hf_env / "hf")).db_file())
    csv = hf_env / "r.csv"
    csv.write_text("row_id,x\n1,2\n")
    with pytest.raises(ImporterError, match="row_id"):
        (HuggingfaceDatasetLoader("csv").with_data_files(str(csv)).with_base_dir(hf_env)
         .with_huggingface_cache_dir(str(hf_env / "hf")).db_file())
    assert not list(hf_env.glob("*.db*"))   # nothing half-written left behind


# -- ImageFolderDataset ------------------------------------------------------------------------

def _image_folder(root: Path) -> None:
    (root / "dog").mkdir(parents=True)
    (root / "cat").mkdir()
    PIL.fromarray(np.full((3, 4, 3), 10, np.uint8)).save(root / "dog" / "a.png")
    PIL.fromarray(np.full((3, 4), 20, np.uint8)).save(root / "dog" / "b.PNG")
    PIL.fromarray(np.full((3, 4, 4), 30, np.uint8), "RGBA").save(root / "cat" / "c.png")
    PIL.fromarray(np.full((3, 4, 3), 128, np.uint8)).save(root / "cat" / "d.jpg", quality=95)
    palette = np.zeros((3, 4, 3), np.uint8)
    palette[..., 0] = 204   # a coloured palette image (web palette value): read as RGB
    PIL.fromarray(palette).convert("P").save(root / "cat" / "e.bmp")
    (root / "cat" / "notes.txt").write_text("not an image")


def test_image_folder_classification(tmp_path: Path) -> None:
    _image_folder(tmp_path)
    data = ImageFolderDataset.new_classification(tmp_path)
    assert data.classes == ["cat", "dog"] and data.len() == 5
    items = list(data)
    assert [i.annotation for i in items] == [Label(0)] * 3 + [Label(1)] * 2
    assert [i.image.shape for i in items] == [(3, 4, 4), (3, 4, 3), (3, 4, 3), (3, 4, 3),
                                              (3, 4, 1)]
    assert items[2].image[0, 0].tolist() == [204, 0, 0]
    assert items[0].image.dtype == np.uint8 and items[4].image[0, 0, 0] == 20
    assert abs(int(items[1].image[0, 0, 0]) - 128) <= 2 and items[1].image_width == 4
    only_png = ImageFolderDataset.new_classification_with(tmp_path, ["png"])
    assert [Path(i.image_path).name for i in only_png] == ["c.png", "a.png", "b.PNG"]


def test_image_folder_with_items_and_multilabel(tmp_path: Path) -> None:
    _image_folder(tmp_path)
    data = ImageFolderDataset.new_classification_with_items(
        [(tmp_path / "dog" / "a.png", "bird"), (tmp_path / "cat" / "c.png", "cat")],
        ["cat", "bird"])
    assert [i.annotation for i in data] == [Label(1), Label(0)]
    multi = ImageFolderDataset.new_multilabel_classification_with_items(
        [(tmp_path / "dog" / "a.png", ["bird", "cat", "bird"])], ["cat", "bird"])
    assert multi[0].annotation == MultiLabel((0, 1))
    with pytest.raises(ImageLoaderError, match="unknown class 'fish'"):
        ImageFolderDataset.new_classification_with_items([(tmp_path / "x.png", "fish")], ["cat"])


def test_image_folder_bad_input(tmp_path: Path) -> None:
    _image_folder(tmp_path)
    with pytest.raises(ImageLoaderError, match="invalid file extension 'txt'"):
        ImageFolderDataset.new_classification_with(tmp_path, ["png", "txt"])
    with pytest.raises(ImageLoaderError, match="is not a directory"):
        ImageFolderDataset.new_classification(tmp_path / "nope")
    (tmp_path / "dog" / "z.png").write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    good = (tmp_path / "dog" / "a.png").read_bytes()
    (tmp_path / "dog" / "y.png").write_bytes(good[: len(good) // 2])
    data = ImageFolderDataset.new_classification_with(tmp_path, ["png"])
    for name in ("y.png", "z.png"):
        index = [Path(p).name for p, _ in data._items].index(name)
        with pytest.raises(ImageLoaderError, match=name):
            data.get(index)
    bomb = ImageFolderDataset.new_classification_with(tmp_path, ["png"])
    bomb.max_pixels = 11
    with pytest.raises(ImageLoaderError, match="exceeds max_pixels=11"):
        bomb.get(0)


def test_image_folder_composes_with_the_books_transforms(backend: Any, tmp_path: Path) -> None:
    _image_folder(tmp_path)
    data = ImageFolderDataset.new_classification_with(tmp_path, ["png", "jpg"])

    def to_rgb(item: ImageDatasetItem) -> tuple[np.ndarray, int]:
        image = item.image[:, :, :3] if item.image.shape[2] >= 3 else \
            np.repeat(item.image, 3, axis=2)
        assert isinstance(item.annotation, Label)
        return image.astype(np.float32) / 255.0, item.annotation.value

    train = PartialDataset(ShuffledDataset(MapperDataset(data, to_rgb), seed=1), 0, 3)

    def batch(items: list[tuple[np.ndarray, int]], device: Any) -> tuple[Any, Any]:
        images = Tensor[backend.B].from_data(np.stack([i for i, _ in items]), device=device)
        labels = Tensor[backend.B].from_data(np.array([t for _, t in items]), device=device)
        return images.permute([0, 3, 1, 2]), labels

    batches = list(DataLoaderBuilder(batch).batch_size(2).set_device(backend.device).build(train))
    assert [b[0].dims() for b in batches] == [[2, 3, 3, 4], [1, 3, 3, 4]]
    labels = sorted(int(v) for b in batches for v in b[1].to_data().to_numpy().ravel())
    assert len(labels) == 3 and set(labels) <= {0, 1}
