"""The application logger (Burn's ``FileApplicationLoggerInstaller``): Python `logging` records of
the ``pyburn`` loggers go to ``<artifact_dir>/experiment.log`` while the Learner runs."""

from __future__ import annotations

import logging
from pathlib import Path

__all__ = ["FileApplicationLoggerInstaller"]

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class FileApplicationLoggerInstaller:
    """Installs a file handler on the ``pyburn`` logger; `uninstall` removes it again, so a second
    Learner in the same process does not write into the first one's file."""

    def __init__(self, path: str | Path, level: int = logging.INFO) -> None:
        self.path = Path(path)
        self.level = level
        self._handler: logging.Handler | None = None
        self._previous_level = logging.NOTSET

    def install(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(self.path, encoding="utf-8")
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.setLevel(self.level)
        logger = logging.getLogger("pyburn")
        self._previous_level = logger.level
        if logger.level == logging.NOTSET or logger.level > self.level:
            logger.setLevel(self.level)
        logger.addHandler(handler)
        self._handler = handler

    def uninstall(self) -> None:
        if self._handler is not None:
            logger = logging.getLogger("pyburn")
            logger.removeHandler(self._handler)
            logger.setLevel(self._previous_level)
            self._handler.close()
            self._handler = None
