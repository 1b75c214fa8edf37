"""Every module of ``pyburn.nn`` survives a save and a load through every file recorder in every
precision, on every backend row: the same module type, the same parameter ids and values within
the precision's rounding (Burn Book "Records"). The configs are the ones
tests/test_init_with.py keeps complete (a new config without an example fails there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from test_init_with import EXAMPLES, _leaves, _takes_device
from test_record import FILE_RECORDERS, RELATIVE_ERROR, SETTINGS


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_module_round_trips_through_every_recorder_and_precision(
        backend: Any, name: str, tmp_path: Path) -> None:
    config = EXAMPLES[name]
    module = config.init(backend.device) if _takes_device(config) else config.init()
    original = dict(_leaves(module.into_record()))
    for recorder_cls in FILE_RECORDERS:
        for settings in SETTINGS:
            recorder = recorder_cls(settings)
            where = f"{name} {recorder_cls.__name__} {settings.__name__}"
            path = module.save_file(str(tmp_path / f"{recorder_cls.__name__}-{settings.__name__}"),
                                    recorder)
            fresh = config.init(backend.device) if _takes_device(config) else config.init()
            loaded = fresh.load_file(str(path), recorder)
            assert type(loaded) is type(module), where
            leaves = dict(_leaves(loaded.into_record()))
            assert leaves.keys() == original.keys(), where
            rel = RELATIVE_ERROR[settings.float_dtype]
            for key, leaf in original.items():
                assert leaves[key]["id"] == leaf["id"], f"{where}: {key}"
                want = leaf["param"].to_numpy().astype(np.float64)
                got = leaves[key]["param"].to_numpy().astype(np.float64)
                np.testing.assert_allclose(got, want, rtol=max(rel, 1e-7), atol=1e-30,
                                           err_msg=f"{where}: {key}")
