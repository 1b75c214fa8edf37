"""Burn's ported tests: mark the known failures listed in _xfail.py as strict xfails, so a test
that starts passing fails the run until the generator's XFAIL list is refreshed."""

from __future__ import annotations

import pytest

from ._xfail import XFAIL, XFAIL_ROWS


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        key = f"{module}::{item.originalname}"
        reason = XFAIL.get(key)
        rows = XFAIL_ROWS.get(key)
        callspec = getattr(item, "callspec", None)
        if rows is not None and callspec is not None and callspec.id in rows[0]:
            reason = rows[1]
        if reason is not None:
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))
