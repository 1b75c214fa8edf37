"""The text to learn: a file the user names (Tiny Shakespeare, say), or by default the English
documentation that ships inside CPython (``pydoc_data.topics``: about 465,000 characters of
the language reference), present on every machine without a network."""

from __future__ import annotations

from pathlib import Path

__all__ = ["default_corpus", "load_corpus"]


def default_corpus() -> str:
    """The pydoc topics, in a fixed (sorted) order so that every machine trains on the same
    text."""
    from pydoc_data.topics import topics
    return "\n\n".join(topics[key].strip() for key in sorted(topics))


def load_corpus(path: str | Path | None = None) -> str:
    """The text of `path` (UTF-8), or the default corpus."""
    if path is None:
        return default_corpus()
    file = Path(path)
    if not file.is_file():
        raise FileNotFoundError(f"--text: no such file {str(file)!r}")
    text = file.read_text(encoding="utf-8")
    if len(text) < 1000:
        raise ValueError(f"--text: {str(file)!r} has {len(text)} characters; a language model "
                         "needs at least a few thousand")
    return text
