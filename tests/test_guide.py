"""The Burn Book guide end to end (``examples/guide``) and the MNIST idx reader it can use.

The model is the Book's (parameter count, output shape); a short training run on a slice of the
default data improves the accuracy, through the Learner and through the custom loop, on the
Autodiff rows; `infer` reads the saved artifacts. The idx reader is checked on files the tests
write, including hostile ones (lying magic, dimensions and counts) which must fail clearly and
without allocating what the header claims.
"""

from __future__ import annotations

import functools
import gzip
import json
import subprocess
import sys
import tracemalloc
import urllib.error
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from examples.guide import (MnistBatcher, ModelConfig, TrainingConfig, default_config, infer,
                            train, upsample_bilinear)
from examples.guide.__main__ import main as guide_main
from examples.guide.data import digits_dataset
from pyburn.data import InMemDataset
from pyburn.data.vision import (MnistDataset, MnistDownloadError, MnistFormatError, MnistItem,
                                read_idx_images, read_idx_labels)
from pyburn.data.vision import mnist as mnist_module
from pyburn.optim import AdamConfig

ROOT = Path(__file__).resolve().parents[1]


# The model (display, parameter count, logits, gradients, Module methods): test_guide_model.py.


def test_batcher_normalizes_as_the_book(backend: Any) -> None:
    items = [MnistItem(np.full((28, 28), 255, np.uint8), 7),
             MnistItem(np.zeros((28, 28), np.uint8), 3)]
    batch = MnistBatcher(backend.B).batch(items, backend.device)
    assert batch.images.dims() == [2, 28, 28]
    assert batch.targets.to_data().to_numpy().tolist() == [7, 3]
    values = batch.images.to_data().to_numpy()
    np.testing.assert_allclose(values[0], (1 - 0.1307) / 0.3081, rtol=1e-6)
    np.testing.assert_allclose(values[1], -0.1307 / 0.3081, rtol=1e-6)


# --- training and inference ----------------------------------------------------------------------

def small_config(epochs: int) -> TrainingConfig:
    return (TrainingConfig(ModelConfig(10, 64).with_dropout(0.1), AdamConfig())
            .with_num_epochs(epochs)
            .with_batch_size(32).with_num_workers(0).with_learning_rate(5e-3))


@functools.cache
def small_digits() -> tuple[InMemDataset[MnistItem], InMemDataset[MnistItem]]:
    train_items = digits_dataset("train")
    test_items = digits_dataset("test")
    return (InMemDataset(train_items[i] for i in range(128)),
            InMemDataset(test_items[i] for i in range(64)))


def accuracy(model: Any, device: Any, dataset: InMemDataset[MnistItem]) -> float:
    batch = MnistBatcher(device.backend).batch(list(dataset), device)
    predicted = model.forward(batch.images).argmax(1).reshape([-1]).to_data().to_numpy()
    return float((predicted == batch.targets.to_data().to_numpy()).mean())


@pytest.mark.parametrize("loop", ["learner", "custom"])
def test_short_training_improves_accuracy(ad_backend: Any, tmp_path: Path, loop: str) -> None:
    data_train, data_test = small_digits()
    inner_device = ad_backend.device.on(ad_backend.inner)
    ad_backend.B.seed(0)
    before = accuracy(small_config(1).model.init(inner_device), inner_device, data_test)
    result = train(tmp_path, small_config(2), ad_backend.device, data_train, data_test,
                   loop=loop, log=lambda line: None)
    after = accuracy(result.model.valid(), inner_device, data_test)
    assert after > max(before + 0.3, 0.5), (before, after)
    assert len(result.valid_accuracy) == 2 and result.valid_accuracy[-1] == pytest.approx(
        100 * after, abs=1e-6)
    assert type(result.model.params()[0].val()).backend is ad_backend.B
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert {"config.json", "model.mpk"} <= written
    if loop == "learner":  # the Book's artifact tree
        assert {"experiment.log", "checkpoint/model-2.mpk", "checkpoint/optim-2.mpk",
                "checkpoint/scheduler-2.mpk", "train/epoch-1/Accuracy.log",
                "train/epoch-2/Loss.log", "valid/epoch-2/Accuracy.log",
                "valid/epoch-1/Loss.log"} <= written


def test_infer_works_on_saved_artifacts(ad_backend: Any, tmp_path: Path) -> None:
    data_train, data_test = small_digits()
    result = train(tmp_path, small_config(1), ad_backend.device, data_train, data_test,
                   loop="custom", log=lambda line: None)
    assert json.loads((tmp_path / "config.json").read_text())["model"]["hidden_size"] == 64
    assert (tmp_path / "model.mpk").is_file()
    device = ad_backend.device.on(ad_backend.inner)
    lines: list[str] = []
    items = list(data_test)[:5]
    predicted = [infer(tmp_path, device, item, log=lines.append) for item in items]
    trained = result.model.valid()
    batch = MnistBatcher(ad_backend.inner).batch(items, device)
    # CompactRecorder stores half precision, so compare predictions, not logits
    expected = trained.forward(batch.images).argmax(1).reshape([-1]).to_data().to_numpy()
    assert predicted == expected.tolist()
    assert lines == [f"Predicted {p} Expected {item.label}" for p, item in zip(predicted, items)]


def test_command_line_infer_reads_the_artifacts(ad_backend: Any, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    data_train, data_test = small_digits()
    train(tmp_path, small_config(1), ad_backend.device, data_train, data_test, loop="custom",
          log=lambda line: None)
    name = "torch" if "torch" in ad_backend.id else "numpy"
    guide_main(["infer", "--backend", name, "--artifact-dir", str(tmp_path), "--count", "3"])
    lines = capsys.readouterr().out.splitlines()
    expected = [item.label for item in list(digits_dataset("test"))[:3]]
    assert [line.rsplit(" ", 1)[1] for line in lines] == [str(label) for label in expected]
    assert all(line.startswith("Predicted ") for line in lines)


def test_infer_without_artifacts_says_run_train(backend: Any, tmp_path: Path) -> None:
    item = MnistItem(np.zeros((28, 28), np.uint8), 0)
    with pytest.raises(FileNotFoundError, match=r"config.json is missing; run train first"):
        infer(tmp_path, backend.device, item)


def test_default_config_is_the_books_with_a_digits_learning_rate() -> None:
    book = default_config("mnist")
    assert (book.num_epochs, book.batch_size, book.num_workers, book.seed) == (10, 64, 4, 42)
    assert book.learning_rate == 1e-4 and book.model == ModelConfig(10, 512)
    assert default_config("digits").learning_rate == 1e-3


def test_command_line_help() -> None:
    done = subprocess.run([sys.executable, "-m", "examples.guide", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for option in ("--backend", "--device", "--epochs", "--data", "--loop"):
        assert option in done.stdout


# --- the default data ----------------------------------------------------------------------------

def test_digits_are_28x28_and_split_once() -> None:
    train_items, test_items = digits_dataset("train"), digits_dataset("test")
    assert (train_items.len(), test_items.len()) == (1438, 359)
    item = train_items[0]
    assert item.image.shape == (28, 28) and item.image.dtype == np.uint8
    assert item.image.max() > 200  # 0..16 grey levels scaled to MNIST's 0..255
    train_keys = {item.image.tobytes() for item in train_items}
    assert not any(item.image.tobytes() in train_keys for item in test_items)
    assert sorted({item.label for item in test_items}) == list(range(10))


def test_upsample_equals_torch_bilinear() -> None:
    torch = pytest.importorskip("torch")
    images = np.random.default_rng(0).uniform(0, 16, (3, 8, 8))
    expected = torch.nn.functional.interpolate(torch.from_numpy(images)[:, None], size=(28, 28),
                                               mode="bilinear", align_corners=False)[:, 0]
    np.testing.assert_allclose(upsample_bilinear(images, 28), expected.numpy(), atol=1e-12)


# --- the MNIST idx reader ------------------------------------------------------------------------

def idx_bytes(magic: int, dims: list[int], payload: bytes) -> bytes:
    return b"".join(v.to_bytes(4, "big") for v in [magic, *dims]) + payload


def write(path: Path, data: bytes, compress: bool) -> Path:
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def sample(count: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    return (rng.integers(0, 256, (count, 28, 28), dtype=np.uint8),
            rng.integers(0, 10, count, dtype=np.uint8))


@pytest.mark.parametrize("compress", [False, True], ids=["raw", "gzip"])
def test_idx_files_round_trip(tmp_path: Path, compress: bool) -> None:
    images, labels = sample(5)
    image_file = write(tmp_path / "images", idx_bytes(0x803, [5, 28, 28], images.tobytes()),
                       compress)
    label_file = write(tmp_path / "labels", idx_bytes(0x801, [5], labels.tobytes()), compress)
    np.testing.assert_array_equal(read_idx_images(image_file), images)
    np.testing.assert_array_equal(read_idx_labels(label_file), labels)
    dataset = MnistDataset.from_files(image_file, label_file)
    assert dataset.len() == 5 and dataset.get(5) is None
    item = dataset[2]
    np.testing.assert_array_equal(item.image, images[2])
    assert item.label == int(labels[2])


def test_split_reads_the_cache_dir_without_network(tmp_path: Path) -> None:
    images, labels = sample(3)
    write(tmp_path / "t10k-images-idx3-ubyte.gz",
          idx_bytes(0x803, [3, 28, 28], images.tobytes()), True)
    write(tmp_path / "t10k-labels-idx1-ubyte", idx_bytes(0x801, [3], labels.tobytes()), False)
    dataset = MnistDataset.test(tmp_path, download=False)
    assert [dataset[i].label for i in range(3)] == labels.tolist()
    with pytest.raises(FileNotFoundError, match=r"train-images-idx3-ubyte.gz is missing and "
                                                r"download=False.*from_files"):
        MnistDataset.train(tmp_path, download=False)


def test_offline_download_points_to_local_files(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(*args: Any, **kwargs: Any) -> Any:
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(mnist_module.urllib.request, "urlopen", offline)
    with pytest.raises(MnistDownloadError, match=r"could not download https://storage"
                                                 r".googleapis.com/cvdf-datasets/mnist/"
                                                 r"train-images-idx3-ubyte.gz.*from_files"):
        MnistDataset.train(tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []  # no partial file left behind


def test_download_writes_the_cache_then_reads_it(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    images, labels = sample(4)
    served = {"t10k-images-idx3-ubyte.gz": gzip.compress(idx_bytes(0x803, [4, 28, 28],
                                                                   images.tobytes())),
              "t10k-labels-idx1-ubyte.gz": gzip.compress(idx_bytes(0x801, [4], labels.tobytes()))}
    requested: list[str] = []

    class Response:
        def __init__(self, data: bytes) -> None:
            self.data = data

        def read(self, size: int) -> bytes:
            chunk, self.data = self.data[:size], self.data[size:]
            return chunk

        def __enter__(self) -> "Response":
            return self

        def __exit__(self, *exc: Any) -> None:
            return None

    def fake_urlopen(url: str, timeout: float) -> Response:
        requested.append(url)
        return Response(served[url.rsplit("/", 1)[1]])

    monkeypatch.setattr(mnist_module.urllib.request, "urlopen", fake_urlopen)
    first = MnistDataset.test(tmp_path)
    second = MnistDataset.test(tmp_path)  # from the cache
    assert len(requested) == 2
    np.testing.assert_array_equal(second.images, images)
    np.testing.assert_array_equal(first.labels, labels)


HOSTILE = {
    "wrong magic": (idx_bytes(0x801, [1, 28, 28], bytes(784)), r"expected idx magic number "
                    r"0x00000803, got 0x00000801"),
    "short header": (b"\x00\x00\x08\x03\x00\x00", r"expected an idx header of 16 bytes"),
    "other size": (idx_bytes(0x803, [1, 32, 32], bytes(1024)), r"expected 28 x 28 images, the "
                   r"header says 32 x 32"),
    "lying count": (idx_bytes(0x803, [9_999_999, 28, 28], bytes(784)), r"the header announces "
                    r"7839999216 bytes of data, the file holds only 784"),
    "absurd count": (idx_bytes(0x803, [0xFFFFFFFF, 28, 28], bytes(784)), r"expected at most "
                     r"10000000 images"),
    "trailing data": (idx_bytes(0x803, [1, 28, 28], bytes(785)), r"data continues after the "
                      r"784 bytes"),
}


@pytest.mark.parametrize("compress", [False, True], ids=["raw", "gzip"])
@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_image_files_fail_clearly_in_bounded_memory(tmp_path: Path, case: str,
                                                            compress: bool) -> None:
    data, message = HOSTILE[case]
    path = write(tmp_path / "images", data, compress)
    tracemalloc.start()
    try:
        with pytest.raises(MnistFormatError, match=rf"MNIST images file .*images: {message}"):
            read_idx_images(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, f"{case}: {peak} bytes allocated"


def test_hostile_label_files(tmp_path: Path) -> None:
    bad_label = write(tmp_path / "a", idx_bytes(0x801, [3], bytes([1, 12, 3])), False)
    with pytest.raises(MnistFormatError, match=r"expected digits 0..9, label 1 is 12"):
        read_idx_labels(bad_label)
    lying = write(tmp_path / "b", idx_bytes(0x801, [5_000_000], bytes(3)), True)
    with pytest.raises(MnistFormatError, match=r"announces 5000000 bytes of data, the file "
                                               r"holds only 3"):
        read_idx_labels(lying)
    images = write(tmp_path / "c", idx_bytes(0x803, [2, 28, 28], bytes(2 * 784)), False)
    with pytest.raises(MnistFormatError, match=r"expected idx magic number 0x00000801"):
        read_idx_labels(images)
    labels = write(tmp_path / "d", idx_bytes(0x801, [3], bytes(3)), False)
    with pytest.raises(MnistFormatError, match=r"expected one label per image \(2\), got "
                                               r"labels of shape \[3\]"):
        MnistDataset.from_files(images, labels)
