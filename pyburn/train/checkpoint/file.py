"""Writes and reads ``<dir>/model-N``, ``optim-N`` and ``scheduler-N`` through any file recorder
(Burn's ``FileCheckpointer``). Each file is written atomically by the recorder, and the model
file last: a model-N on disk means its optimizer and scheduler files are complete too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["FileCheckpointer"]

_PARTS = ("optim", "scheduler", "model")   # the order of writing; the model marks completion


class FileCheckpointer:
    """Checkpoints of epoch N under `directory` with `recorder` (e.g. `CompactRecorder`)."""

    def __init__(self, recorder: Any, directory: str | Path) -> None:
        if not hasattr(recorder, "file_path"):
            raise TypeError(f"FileCheckpointer: expected a file recorder (CompactRecorder, "
                            f"NamedMpkFileRecorder...), got {type(recorder).__name__}")
        self.recorder = recorder
        self.directory = Path(directory)

    def path(self, part: str, epoch: int) -> Path:
        """The file of `part` ("model", "optim" or "scheduler") for `epoch`, extension included."""
        return self.recorder.file_path(self.directory / f"{part}-{epoch}")

    def save(self, epoch: int, model: Any, optim: Any, scheduler: Any) -> None:
        records = {"optim": optim.to_record(), "scheduler": scheduler.to_record(),
                   "model": model.into_record()}
        for part in _PARTS:
            self.recorder.record(records[part], self.directory / f"{part}-{epoch}")

    def exists(self, epoch: int) -> bool:
        return all(self.path(part, epoch).is_file() for part in _PARTS)

    def restore(self, epoch: int, model: Any, optim: Any, scheduler: Any) -> tuple[Any, Any, Any]:
        """`model`, `optim` and `scheduler` with the state saved at `epoch`."""
        if not self.exists(epoch):
            missing = [str(self.path(p, epoch)) for p in _PARTS if not self.path(p, epoch).is_file()]
            raise FileNotFoundError(f"Learner checkpoint({epoch}): no complete checkpoint of "
                                    f"epoch {epoch} in {str(self.directory)!r}; missing "
                                    f"{', '.join(missing)}")
        model = model.load_record(self.recorder.load(self.directory / f"model-{epoch}"))
        optim = optim.load_record(self.recorder.load(self.directory / f"optim-{epoch}"), model)
        scheduler = scheduler.load_record(self.recorder.load(self.directory / f"scheduler-{epoch}"))
        return model, optim, scheduler

    def delete(self, epoch: int) -> None:
        for part in ("model", "optim", "scheduler"):
            self.path(part, epoch).unlink(missing_ok=True)
