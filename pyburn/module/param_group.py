"""Groups of parameters (Burn's ``module::ParamGroup``), chosen by id or by module path.

A group answers one question, ``group.matches(id, path)``: does this parameter belong to me?
Optimizers (``OptimizerAdaptor.with_group``) and learning rate schedulers
(``ModuleLrSchedulerConfig.with_group``) use it to give some parameters another rule, rate or
schedule, as PyTorch's ``param_groups`` do. Paths are the dotted field paths of
``Module.named_params`` (``"encoder.layers.0.weight"``); a group by path never matches a parameter
whose path is unknown (``None``), a group by id matches wherever the id is known.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .param import ParamId

if TYPE_CHECKING:
    from .module import Module

_Matcher = tuple[Any, ...]
"""A matcher, as Burn's ``ParamGroupMatcher``: ``("all",)``, ``("ids", frozenset)``,
``("exact" | "include" | "regex", items)`` on the path, ``("any", matchers)`` (Burn's ``Combined``)."""


def _matches(matcher: _Matcher, id: ParamId | str, path: str | None) -> bool:
    kind = matcher[0]
    if kind == "all":
        return True
    if kind == "ids":
        return id in matcher[1]
    if kind == "any":
        return any(_matches(m, id, path) for m in matcher[1])
    if path is None:
        return False
    if kind == "exact":
        return path in matcher[1]
    if kind == "include":
        return all(part in path for part in matcher[1])
    return all(p.search(path) is not None for p in matcher[1])


def _fuse(a: _Matcher, b: _Matcher) -> _Matcher:
    """Either matcher (Burn's ``ParamGroupMatcher::fuse``): `all` absorbs, `any` flattens."""
    if a[0] == "all" or b[0] == "all":
        return ("all",)
    parts_a = a[1] if a[0] == "any" else (a,)
    parts_b = b[1] if b[0] == "any" else (b,)
    return ("any", tuple(parts_a) + tuple(parts_b))


def _strings(op: str, values: Iterable[object], what: str) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError(f"ParamGroup.{op}: expected a list of {what}s, got the string {values!r} "
                        f"(use the singular constructor for one)")
    out: list[str] = []
    for v in values:
        if not isinstance(v, str):
            raise TypeError(f"ParamGroup.{op}: every {what} must be a str, got {v!r}")
        out.append(v)
    return tuple(out)


def _compile(op: str, patterns: Sequence[str]) -> tuple["re.Pattern[str]", ...]:
    compiled = []
    for pattern in _strings(op, patterns, "pattern"):
        try:
            compiled.append(re.compile(pattern))
        except re.error as e:
            raise ValueError(f"ParamGroup.{op}: invalid regex pattern {pattern!r}: {e}") from None
    return tuple(compiled)


class ParamGroup:
    """A set of parameters: ``ParamGroup.all()``, ``from_ids([...])``, ``ids_from_module(m)``,
    ``from_path(p)`` (exact), ``from_predicate("backbone")`` (path contains it),
    ``from_regex(r"\\.bias$")``; combine with ``fuse`` (either) and ``exclude`` (but not)."""

    __slots__ = ("_matcher", "_excludes")

    def __init__(self, matcher: _Matcher, excludes: _Matcher | None = None) -> None:
        self._matcher = matcher
        self._excludes = excludes

    # --- constructors (Burn's names) ---------------------------------------------------------
    @classmethod
    def all(cls) -> "ParamGroup":
        """Every parameter."""
        return cls(("all",))

    @classmethod
    def from_ids(cls, ids: Iterable[ParamId | str]) -> "ParamGroup":
        """Exactly these parameter ids."""
        if isinstance(ids, str):
            raise TypeError("ParamGroup.from_ids: expected a list of parameter ids, got one id "
                            f"{ids!r}")
        return cls(("ids", frozenset(ParamId(i) for i in _strings("from_ids", ids, "id"))))

    @classmethod
    def ids_from_module(cls, module: "Module") -> "ParamGroup":
        """The ids of every parameter of `module` now (later parameters of another module with
        the same paths do not match: use a path group for that)."""
        return cls(("ids", frozenset(p.id for _, p in module.named_params())))

    @classmethod
    def from_path(cls, path: str) -> "ParamGroup":
        """The parameter at exactly this path (``"model.backbone.linear.weight"``)."""
        return cls.from_paths([path])

    @classmethod
    def from_paths(cls, paths: Sequence[str]) -> "ParamGroup":
        """Parameters at exactly one of these paths."""
        return cls(("exact", _strings("from_paths", paths, "path")))

    @classmethod
    def from_predicate(cls, part: str) -> "ParamGroup":
        """Parameters whose path contains `part` (``"backbone"``)."""
        return cls.from_predicates([part])

    @classmethod
    def from_predicates(cls, parts: Sequence[str]) -> "ParamGroup":
        """Parameters whose path contains every one of `parts` (AND)."""
        return cls(("include", _strings("from_predicates", parts, "predicate")))

    @classmethod
    def from_any_predicates(cls, parts: Sequence[str]) -> "ParamGroup":
        """Parameters whose path contains any of `parts` (OR); an empty list matches every
        path, as Burn's."""
        parts = _strings("from_any_predicates", parts, "predicate")
        if not parts:
            return cls(("include", ()))
        return cls(("any", tuple(("include", (p,)) for p in parts)))

    @classmethod
    def from_regex(cls, pattern: str) -> "ParamGroup":
        """Parameters whose path matches `pattern` (``re.search``; anchor with ``^``/``$``).
        An invalid pattern raises `ValueError` (Burn's ``InvalidPatternError``)."""
        return cls.from_regexes([pattern])

    @classmethod
    def from_regexes(cls, patterns: Sequence[str]) -> "ParamGroup":
        """Parameters whose path matches every pattern (AND)."""
        return cls(("regex", _compile("from_regexes", patterns)))

    @classmethod
    def from_any_regexes(cls, patterns: Sequence[str]) -> "ParamGroup":
        """Parameters whose path matches any pattern (OR)."""
        compiled = _compile("from_any_regexes", patterns)
        if not compiled:
            return cls(("include", ()))
        return cls(("any", tuple(("regex", (p,)) for p in compiled)))

    # --- combinators ---------------------------------------------------------------------------
    def fuse(self, other: "ParamGroup") -> "ParamGroup":
        """Parameters in either group. As Burn's, the result has no exclusions."""
        return ParamGroup(_fuse(self._matcher, _check_group("fuse", other)._matcher))

    def exclude(self, group: "ParamGroup") -> "ParamGroup":
        """This group without the parameters `group` matches (its own exclusions are ignored,
        as Burn's)."""
        other = _check_group("exclude", group)._matcher
        excludes = other if self._excludes is None else _fuse(self._excludes, other)
        return ParamGroup(self._matcher, excludes)

    def matches(self, id: ParamId | str, path: str | None = None) -> bool:
        """Whether the parameter with this id, at this module path (``None``: unknown), is in
        the group."""
        if not _matches(self._matcher, id, path):
            return False
        return self._excludes is None or not _matches(self._excludes, id, path)

    # --- config / JSON (a ParamGroup can be a Config field) ----------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"matcher": _encode(self._matcher),
                "excludes": None if self._excludes is None else _encode(self._excludes)}

    @classmethod
    def from_json(cls, value: Any) -> "ParamGroup":
        if not isinstance(value, dict) or set(value) != {"matcher", "excludes"}:
            raise ValueError(f"ParamGroup: expected {{'matcher': ..., 'excludes': ...}}, got "
                             f"{value!r}")
        excludes = value["excludes"]
        return cls(_decode(value["matcher"]), None if excludes is None else _decode(excludes))

    @classmethod
    def _config_convert(cls, value: Any, at: Any, from_json: bool) -> Any:
        from pyburn.config._codec import Invalid
        if isinstance(value, ParamGroup):
            return value
        if from_json:
            try:
                return cls.from_json(value)
            except (ValueError, TypeError) as e:
                raise Invalid(at, str(e)) from None
        raise Invalid(at, f"expected a ParamGroup, got {type(value).__name__}")

    @classmethod
    def _config_encode(cls, value: Any, at: Any) -> Any:
        return _check_group("to_json", value).to_json()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParamGroup):
            return NotImplemented
        return self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(repr(self))

    def __repr__(self) -> str:
        text = f"ParamGroup({_describe(self._matcher)}"
        if self._excludes is not None:
            text += f", excludes={_describe(self._excludes)}"
        return text + ")"


def _check_group(op: str, value: object) -> ParamGroup:
    if not isinstance(value, ParamGroup):
        raise TypeError(f"ParamGroup.{op}: expected a ParamGroup, got {type(value).__name__}")
    return value


# Burn's serde spelling: "All", {"Explicit": [...]}, {"Path": {"Include": [...]}}, {"Combined": [...]}.
_PATH_KINDS = {"exact": "Exact", "include": "Include", "regex": "Regex"}


def _encode(m: _Matcher) -> Any:
    kind = m[0]
    if kind == "all":
        return "All"
    if kind == "ids":
        return {"Explicit": sorted(str(i) for i in m[1])}
    if kind == "any":
        return {"Combined": [_encode(sub) for sub in m[1]]}
    items = [p.pattern for p in m[1]] if kind == "regex" else list(m[1])
    return {"Path": {_PATH_KINDS[kind]: items}}


def _decode(value: Any) -> _Matcher:
    if value == "All":
        return ("all",)
    if isinstance(value, dict) and len(value) == 1:
        ((tag, body),) = value.items()
        if tag == "Explicit" and isinstance(body, list):
            return ("ids", frozenset(ParamId(i) for i in _strings("from_json", body, "id")))
        if tag == "Combined" and isinstance(body, list):
            return ("any", tuple(_decode(sub) for sub in body))
        if tag == "Path" and isinstance(body, dict) and len(body) == 1:
            ((path_kind, items),) = body.items()
            if path_kind == "Regex" and isinstance(items, list):
                return ("regex", _compile("from_json", items))
            for kind, name in _PATH_KINDS.items():
                if path_kind == name and isinstance(items, list):
                    return (kind, _strings("from_json", items, "path"))
    raise ValueError(f"ParamGroup: unknown matcher {value!r} (expected 'All', {{'Explicit': "
                     f"[ids]}}, {{'Path': {{'Exact'|'Include'|'Regex': [...]}}}} or "
                     f"{{'Combined': [...]}})")


def _describe(m: _Matcher) -> str:
    kind = m[0]
    if kind == "all":
        return "all"
    if kind == "ids":
        return f"ids={sorted(str(i) for i in m[1])}"
    if kind == "any":
        return "any(" + ", ".join(_describe(s) for s in m[1]) + ")"
    items = [p.pattern for p in m[1]] if kind == "regex" else list(m[1])
    return f"{kind}={items}"
