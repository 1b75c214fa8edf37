"""Port Burn's own unit tests into pyburn's test matrix.

Reads the Rust test files of Burn's ``crates/burn-backend-tests/tests`` (from a bare git snapshot
or a checkout) and writes one Python module per Burn file under ``tests/burn/``. The generated
modules are committed, so CI never needs the snapshot; rerun this script after a Burn upgrade.

The translation is mechanical (Rust test idioms -> pyburn calls, see `translate_expr`): a test it
cannot translate is listed in ``tests/burn/PORT_REPORT.md`` with the reason, never hand-edited.
Tests that can never apply in Python are listed in `NOT_APPLICABLE` (and docs/differences-from-
burn.md); ported tests that fail for a known reason are marked ``xfail(strict=True)`` from
``tests/burn/_xfail.py`` (written by ``--record`` from a test run), so the count stays visible
and CI green.

    python scripts/port_burn_tests.py --burn /work/.mirror/tracel-ai+burn/repo
    python scripts/port_burn_tests.py --burn ... --record results.xml   # refresh XFAIL
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "burn"
TESTS = "crates/burn-backend-tests/tests"

# Burn test folders ported, and the prefix of their generated modules. Quantization, fusion,
# cubecl and f16 suites test backend-internal kernels pyburn does not have (see the differences
# page).
GROUPS = {
    "tensor/float/ops": ("float", "backend"),
    "tensor/float/activation": ("act", "backend"),
    "tensor/float/stats": ("stats", "backend"),
    "tensor/float/linalg": ("linalg", "backend"),
    "tensor/float/grid": ("grid", "backend"),
    "tensor/int/ops": ("int", "backend"),
    "tensor/bool/ops": ("bool", "backend"),
    "autodiff": ("ad", "ad_backend"),
}

# The unit tests inside Burn's nn and optim crates (their ``#[cfg(test)] mod tests``): the Burn
# path's prefix -> (module prefix, output folder under tests/burn/). Their tests run on every row;
# a test that calls backward() runs on the Autodiff rows.
CRATE_GROUPS = {
    "crates/burn-nn/src": ("nn", "nn"),
    "crates/burn-optim/src": ("optim", "optim"),
}

# Burn files that exercise Rust-only machinery.
SKIP_FILES = {
    "autodiff/all_reduce.rs", "autodiff/mod.rs", "autodiff/memory_management.rs",
    "autodiff/multithread.rs", "autodiff/checkpoint.rs",
}
SKIP_REASONS = {
    "autodiff/memory_management.rs": "inspects the Rust autodiff graph's node memory",
    "autodiff/multithread.rs": "moves Rust tensors between threads (Send/Sync)",
    "autodiff/checkpoint.rs": "Burn's gradient checkpointing strategies (no pyburn counterpart)",
    "autodiff/all_reduce.rs": "distributed all-reduce (the distributed issue)",
}

# Tests whose matrices have hundreds of rows (Burn's GPU block-dispatch cases): the composite
# LU runs one elimination step per row, so they run on the plain rows only (an Autodiff row
# would record a graph of thousands of ops to check the same forward values).
HEAVY = re.compile(r"block_dispatch|300x300|500x500|lu_medium")

# ---- the known state of the port ------------------------------------------------------------
# Tests that cannot apply in Python: "module::test" -> reason (docs/differences-from-burn.md).
_GENERIC = "checks a const-generic rank parameter (det::<D, D1, D2>): no Python counterpart"
_QUANT = "quantized tensors (Burn's quantization schemes): pyburn has none"
NOT_APPLICABLE: dict[str, str] = {
    "test_linalg_det::test_det_panic_invalid_d1_generic": _GENERIC,
    "test_linalg_det::test_det_panic_invalid_d2_generic": _GENERIC,
    "test_linalg_lu::test_lu_panic_invalid_d1": _GENERIC,
    "test_linalg_diag::test_diag_wrong_output_rank_should_panic": _GENERIC,
    "test_linalg_trace::test_trace_wrong_output_rank_should_panic": _GENERIC,
    "test_ad_quantization::test_should_diff_composition_over_dequantized_base": _QUANT,
    "test_ad_quantization::test_should_diff_matmul_with_quantized_rhs": _QUANT,
    "test_ad_quantization::test_should_quantize_dequantize_on_autodiff_device": _QUANT,
    "test_ad_bridge::test_one_hot_preserves_autodiff_device": "Burn's autodiff is a device "
    "setting (device.is_autodiff()); in pyburn it is the backend type Autodiff[B]",
    "test_optim_state::test_missing_required_tensor_yields_none": "exercises a struct made by "
    "Burn's #[derive(RecordState)] (burnpack flattening); pyburn's optimizer states are records "
    "whose from_record refuses a missing tensor with a RecordError (tests/test_optim_trust.py)",
}

# Known failures by kind: the reason's prefix says which (see `classify`).
_CAST = ("Burn's FloatDType/IntDType casts change the kind; pyburn spells that .float()/.int()/"
         ".bool(), and an Int tensor has its backend's one int dtype")
DELIBERATE = {   # documented in docs/differences-from-burn.md
    "test_float_squeeze::test_squeeze_all_singleton_not_supported": "rank-0 results are allowed",
    "test_float_squeeze::test_squeeze_dim_singleton_not_supported": "rank-0 results are allowed",
    "test_float_squeeze::test_squeeze_dims_all_singleton_not_supported":
        "rank-0 results are allowed",
    "test_float_narrow::test_narrow_invalid_zero_length": "narrow with length 0 is empty, as torch",
    "test_ad_conv_transpose1d::test_conv_transpose1d_padding_out_stride1_backward_shape":
        "padding_out must be smaller than the stride or the dilation, as torch's output_padding",
    "test_ad_gather_scatter_nd::test_scatter_nd_max_grad_tie": "scatter Max: ties' gradient",
    "test_ad_gather_scatter_nd::test_scatter_nd_min_grad_tie": "scatter Min: ties' gradient",
    "test_ad_ceil::test_should_diff_ceil": "a zero-gradient op ends the graph",
    "test_ad_floor::test_should_diff_floor": "a zero-gradient op ends the graph",
    "test_ad_round::test_should_diff_round": "a zero-gradient op ends the graph",
    "test_ad_sign::test_should_diff_sign": "a zero-gradient op ends the graph",
    "test_int_abs::test_should_support_abs_ops_int_signed_min": "Int is int64: i32::MIN does "
    "not wrap",
    "test_float_aggregation::test_should_mean_empty_is_nan": "the mean of nothing is refused",
    "test_int_cast::test_cast_int_precision": _CAST,
    "test_int_cast::test_cast_int_same_dtype_is_noop": _CAST,
    "test_int_cast::test_cast_int_to_float_with_dtype": _CAST,
    "test_int_cast::test_cast_int_within_kind": _CAST,
    "test_bool_cast::test_cast_bool_to_float_with_dtype": _CAST,
    "test_bool_cast::test_cast_bool_to_int_with_dtype": _CAST,
    "test_float_cast::test_cast_float_to_int_with_dtype": _CAST,
    "test_optim_lr_scheduler_step::test_number_of_calls_over_limit": "a scheduler's step "
    "counter is a Python int: Burn's i32 counter panics past i32::MAX, pyburn keeps counting",
}
_ARTIFACT = re.compile(r"lacks `(bool|float|list|generator|list_iterator|Shape|slice|Vec|"
                       r"burn_tensor|DEFAULT_RTOL|td_full|Slice|default|build_logical_mask|"
                       r"Tensor\.into_iter|Tensor\.try_into_vec_as|dict\.into_bytes|"
                       r"Param\.(?:dims|grad|as_ref|shape)|test_utils|\w+\.is_ok|\w+\.is_err|"
                       r"NoneType\.)|'int' object is not callable|"
                       r"'slice' object is not iterable|object of type 'int' has no len|"
                       r"assert_within_range\(\) missing")


# Failures the port causes in ways the reason text does not show.
SCOPING = ("a Rust block `{ let tensor = ... }` shadows a name only inside the block; the "
           "port's `if True:` block leaks it to the rest of the test")
_TWO_DEVICES = ("Burn's test feeds a plain-device input to the valid() module and an "
                "autodiff-device one to the training module; the port runs a test on one "
                "backend row, so the valid() module (inner backend) gets Autodiff inputs")
_OPTION_TRAIT = ("Burn's OptionalInitialLstmState is a trait on Option<LstmState>; Python spells "
                 "it `state or LstmState.initial(shape, device)`")
_RANK_PARAM = ("the expected shape comes from a const-generic output rank (`unsqueeze_dim::<3>`) "
               "the port cannot carry")
_F32_LITERAL = ("Burn compares the f32 values with an f32 literal; the port "
                "compares Python floats, and 0.3 clamped in f32 is 0.30000001 > 0.3")
PORT_ARTIFACTS = {
    "test_float_negative_dims::test_concatenation_and_repeat_support_negative_dims": SCOPING,
    "test_float_negative_dims::test_shape_operations_support_negative_dims": SCOPING,
    "test_nn_norm_batch::test_batch_norm_forward_inference": _TWO_DEVICES,
    "test_optim_module_module_optimizer::test_group_grad_clipping_applies_only_to_matching_params":
        "Rust iterator adaptors over a record's keys (`keys().filter(..).count()`) the port "
        "does not translate; tests/test_param_groups.py covers per-group clipping",
    "test_optim_module_module_optimizer::test_with_group_clears_state_for_matching_params":
        "Rust iterator adaptors over a record's keys (`keys().filter(..).count()`) the port "
        "does not translate; tests/test_param_groups.py covers with_group clearing state",
    "test_nn_rnn_basic::test_rnn_clipping": _F32_LITERAL,
    "test_nn_rnn_gru::test_bigru_clipping": _F32_LITERAL,
    "test_nn_rnn_lstm_lstm_state::test_unwrap_or_initial_some": _OPTION_TRAIT,
    "test_nn_rnn_lstm_lstm_state::test_unwrap_or_initial_none": _OPTION_TRAIT,
    "test_nn_rnn_lstm_lstm_state::test_stack_negative_dim": _RANK_PARAM,
    "test_nn_rnn_lstm_lstm_state::test_unsqueeze_negative_dim": _RANK_PARAM,
    "test_nn_norm_batch::test_batch_norm_forward_train_inference": _TWO_DEVICES,
}


# Tests whose Burn fixture is narrower than the matrix: "module::test" -> fixture.
FIXTURE = {   # Burn runs it on a backend without autodiff, where Dropout is the identity
    "test_nn_dropout::test_without_ad_backend_should_not_change_input": "plain_backend",
    "test_nn_noise::test_without_ad_backend_should_not_change_input": "plain_backend",
    "test_nn_activation_rrelu::test_eval_matches_leaky_relu_midpoint": "plain_backend",
}
# Known failures on some rows only: "module::test" -> (row ids, reason); strict xfail there.
ROW_XFAIL: dict[str, tuple[tuple[str, ...], str]] = {}


def classify(key: str, reason: str) -> str:
    """A failing test's reason, prefixed with its kind."""
    reason = re.sub(r"^(porting artifact|deliberate difference|not yet in pyburn): ", "", reason)
    if key in PORT_ARTIFACTS:
        return f"porting artifact: {PORT_ARTIFACTS[key]}"
    if key in DELIBERATE:
        return f"deliberate difference: {DELIBERATE[key]}"
    if _ARTIFACT.search(reason):
        return f"porting artifact: {reason}"
    return f"not yet in pyburn: {reason}"

def load_xfail() -> dict[str, str]:
    """The known failures, "module::test" -> reason: the ``XFAIL`` dict of the generated
    ``tests/burn/_xfail.py`` (its single source; ``--record`` rewrites it), read as a literal."""
    path = OUT / "_xfail.py"
    if not path.exists():
        return {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "XFAIL":
            assert node.value is not None
            value: dict[str, str] = ast.literal_eval(node.value)
            return value
    return {}


XFAIL = load_xfail()


class Untranslatable(Exception):
    """A Rust construct the mechanical port does not translate (a porting artifact)."""


# ---- reading Burn ---------------------------------------------------------------------------

def burn_files(burn: Path) -> dict[str, str]:
    """``{relative path under tests/: source}`` for the groups ported."""
    if (burn / "HEAD").exists() and not (burn / ".git").exists():       # a bare snapshot
        names = subprocess.run(["git", "-C", str(burn), "ls-tree", "-r", "HEAD", "--name-only",
                                TESTS], capture_output=True, text=True, check=True).stdout.split()
        out = {}
        for name in names:
            rel = name[len(TESTS) + 1:]
            if rel.endswith(".rs") and any(rel.startswith(g + "/") for g in GROUPS):
                out[rel] = subprocess.run(["git", "-C", str(burn), "show", f"HEAD:{name}"],
                                          capture_output=True, text=True, check=True).stdout
        for root in CRATE_GROUPS:
            names = subprocess.run(["git", "-C", str(burn), "ls-tree", "-r", "HEAD",
                                    "--name-only", root], capture_output=True, text=True,
                                   check=True).stdout.split()
            for name in names:
                if not name.endswith(".rs"):
                    continue
                src = subprocess.run(["git", "-C", str(burn), "show", f"HEAD:{name}"],
                                     capture_output=True, text=True, check=True).stdout
                if "#[test]" in src and "#[cfg(test)]" in src:
                    out[name] = test_module_of(src)
        return out
    base = burn / TESTS
    return {str(p.relative_to(base)): p.read_text() for p in base.rglob("*.rs")
            if any(str(p.relative_to(base)).startswith(g + "/") for g in GROUPS)}


def test_module_of(src: str) -> str:
    """A crate file's ``#[cfg(test)]`` part: its tests and their helpers, not the crate's own
    functions (which the port would otherwise take for test helpers)."""
    return src[src.index("#[cfg(test)]"):]


def crate_group(rel: str) -> str | None:
    return next((g for g in CRATE_GROUPS if rel.startswith(g + "/")), None)


def burn_commit(burn: Path) -> str:
    return subprocess.run(["git", "-C", str(burn), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()


@dataclass
class RustTest:
    name: str
    body: str
    should_panic: bool = False
    ignored: str | None = None
    attrs: list[str] = field(default_factory=list)


def strip_comments(src: str) -> str:
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        elif src.startswith("//", i):
            while i < n and src[i] != "\n":
                i += 1
        elif src.startswith("/*", i):
            i = src.index("*/", i) + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def matching(src: str, i: int) -> int:
    """Index of the bracket closing the one at `i` (strings skipped)."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = [pairs[src[i]]]
    j = i + 1
    while j < len(src):
        c = src[j]
        if c == '"':
            j += 1
            while src[j] != '"':
                j += 2 if src[j] == "\\" else 1
        elif c in pairs:
            stack.append(pairs[c])
        elif c in ")]}":
            if c != stack.pop():
                raise Untranslatable(f"unbalanced {c!r}")
            if not stack:
                return j
        j += 1
    raise Untranslatable("unbalanced brackets")


@dataclass
class RustHelper:
    """A non-test ``fn`` of a test module: its parameter list and body."""
    params: str
    body: str
    ret: str = ""     # the return type, ``-> T`` without the arrow


def parse_tests(src: str) -> tuple[list[RustTest], dict[str, RustHelper]]:
    """The ``#[test]`` functions of a file, and its other (helper) functions by name."""
    src = strip_comments(src)
    tests, helpers = [], {}
    methods = [span for s in test_structs(src).values() for span in s.spans]
    for m in re.finditer(r"((?:#\[[^\]]*(?:\[[^\]]*\][^\]]*)*\]\s*)*)\bfn\s+(\w+)\s*(<[^>]*>)?\s*"
                         r"\(", src):
        if any(a <= m.start() < b for a, b in methods):
            continue        # a method of a test-local struct (see `test_structs`)
        attrs = re.findall(r"#\[([^\]]*(?:\[[^\]]*\][^\]]*)*)\]", m.group(1))
        name = m.group(2)
        start = src.index("{", m.end())
        end = matching(src, start)
        if not any(a.strip() == "test" for a in attrs):
            close = matching(src, m.end() - 1)
            ret = src[close + 1:start].strip().removeprefix("->").strip()
            helpers[name] = RustHelper(src[m.end():close], src[start + 1:end], ret)
            continue
        t = RustTest(name, src[start + 1:end], attrs=attrs)
        t.should_panic = any(a.startswith("should_panic") for a in attrs)
        for a in attrs:
            if a.startswith("ignore"):
                t.ignored = (re.findall(r'"([^"]*)"', a) or ["#[ignore] in Burn"])[0]
        tests.append(t)
    return tests, helpers


# Derives that make a plain data struct (a test-local struct with any other derive, Burn's
# ``#[derive(Module)]`` or ``#[derive(RecordState)]``, is not ported as a plain class).
PLAIN_DERIVES = {"Clone", "Copy", "Debug", "Default", "PartialEq", "Eq", "Hash", "new"}


@dataclass
class RustStruct:
    """A test file's own ``struct Name { field: Type, .. }`` and its inherent ``impl`` fns."""
    name: str
    fields: list[str]
    int_fields: list[str] = field(default_factory=list)   # fields of an integer type
    methods: dict[str, RustHelper] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)   # its impl blocks in the source


def test_structs(src: str) -> dict[str, RustStruct]:
    """The plain structs a test file defines (not ``#[derive(Module)]`` ones), by name, with the
    fns of their ``impl Name { .. }`` blocks; `src` has its comments stripped."""
    structs: dict[str, RustStruct] = {}
    for m in re.finditer(r"((?:#\[[^\]]*\]\s*)*)(?:pub(?:\([^)]*\))?\s+)?struct\s+(\w+)"
                         r"(?:<[^>]*>)?\s*\{", src):
        derives = {d.strip() for ds in re.findall(r"derive\(([^)]*)\)", m.group(1))
                   for d in ds.split(",") if d.strip()}
        if derives - PLAIN_DERIVES:
            continue
        body = src[m.end():matching(src, m.end() - 1)]
        typed = [(f.split(":")[0].strip().removeprefix("pub ").strip(), f.split(":", 1)[1])
                 for f in split_top(body, ",") if ":" in f]
        ints = [n for n, ty in typed if re.match(r"\s*\[?\s*(?:usize|isize|[ui]\d+)\b", ty)]
        structs[m.group(2)] = RustStruct(m.group(2), [n for n, _ in typed], ints)
    for m in re.finditer(r"\bimpl(?:<[^>]*>)?\s+(\w+)(?:<[^>]*>)?\s*\{", src):
        if m.group(1) not in structs:
            continue
        s = structs[m.group(1)]
        end = matching(src, m.end() - 1)
        s.spans.append((m.start(), end))
        block = src[m.end():end]
        for f in re.finditer(r"\bfn\s+(\w+)\s*(?:<[^>]*>)?\s*\(", block):
            close = matching(block, f.end() - 1)
            start = block.index("{", close)
            ret = block[close + 1:start].strip().removeprefix("->").strip()
            s.methods[f.group(1)] = RustHelper(block[f.end():close],
                                               block[start + 1:matching(block, start)], ret)
    return structs


# ---- translating ----------------------------------------------------------------------------

INDENT = "    "
_SUFFIX = r"(?:f16|bf16|f32|f64|i8|i16|i32|i64|u8|u16|u32|u64|usize|isize)"


def split_top(text: str, sep: str) -> list[str]:
    """`text` split at `sep` outside brackets and strings."""
    parts, depth, cur, i = [], 0, [], 0
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def statements(body: str) -> list[tuple[str, str | None]]:
    """(head, block) pairs: a plain statement has block None; ``for``/``if``/``else`` heads keep
    their ``{...}`` body text."""
    out: list[tuple[str, str | None]] = []
    i, cur, n = 0, [], len(body)
    while i < n:
        c = body[i]
        if c == '"':
            j = i + 1
            while body[j] != '"':
                j += 2 if body[j] == "\\" else 1
            cur.append(body[i:j + 1])
            i = j + 1
            continue
        if c in "([":
            j = matching(body, i)
            cur.append(body[i:j + 1])
            i = j + 1
            continue
        if c == "{":
            head = "".join(cur).strip()
            j = matching(body, i)
            if re.match(r"^(for|if|else|while|loop)\b", head) or head == "":
                out.append((head, body[i + 1:j]))
                cur = []
                i = j + 1
                continue
            cur.append(body[i:j + 1])           # a struct literal or block expression
            i = j + 1
            continue
        if c == ";":
            out.append(("".join(cur).strip(), None))
            cur = []
        else:
            cur.append(c)
        i += 1
    if "".join(cur).strip():
        out.append(("".join(cur).strip(), None))
    return [s for s in out if s[0] or s[1] is not None]


def remove_turbofish(s: str) -> str:
    """``::<...>`` generic arguments dropped, remembering a tensor kind if there is one."""
    while True:
        i = s.find("::<")
        if i < 0:
            return s
        depth, j = 0, i + 2
        while j < len(s):
            if s[j] == "<":
                depth += 1
            elif s[j] == ">":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        s = s[:i] + s[j + 1:]


def convert_repeat_arrays(s: str) -> str:
    """``[x; n]`` -> ``[x] * n``, innermost first."""
    i = 0
    while True:
        i = s.find("[", i)
        if i < 0:
            return s
        j = matching(s, i)
        inner = s[i + 1:j]
        parts = split_top(inner, ";")
        if len(parts) == 2:
            val = convert_repeat_arrays(parts[0])
            s = s[:i] + f"[{val}] * ({parts[1].strip()})" + s[j + 1:]
        i += 1


def convert_slice_macro(s: str) -> str:
    """``s![a..b;st, i, ..]`` -> ``[bslice(a, b, st), i, slice(None)]``."""
    while True:
        i = s.find("s![")
        if i < 0:
            return s
        j = matching(s, i + 2)
        items = []
        for item in split_top(s[i + 3:j], ","):
            item = item.strip()
            if not item:
                continue
            rng, _, step = item.partition(";")
            items.append(range_expr(rng.strip(), step.strip() or None))
        text = items[0] if len(items) == 1 else "[" + ", ".join(items) + "]"
        s = s[:i] + text + s[j + 1:]


def range_expr(text: str, step: str | None = None) -> str:
    m = re.fullmatch(r"(.*?)\.\.(=?)(.*)", text)
    if not m:
        if step:
            raise Untranslatable("a step on a single index")
        return text
    a, incl, b = (m.group(1).strip() or "None"), m.group(2), (m.group(3).strip() or "None")
    return f"bslice({a}, {b}, {step or 1}, {bool(incl)})"


_OPERAND = r"(?:-?[\w.]*\w(?:\([^()]*\))?(?:\[\w+\])?|\([^()]*\))"   # ``n``, ``f(x)``, ``a[1]``
_RANGE = re.compile(r"(?<![\w.\])])(-?\s*[\w.]*\w(?:\(\))?|\([^()]*\))?\s*\.\.(=?)\s*"
                    rf"({_OPERAND}(?:\s*[-+*/]\s*{_OPERAND})*)?")


def convert_ranges(s: str) -> str:
    def repl(m: re.Match[str]) -> str:
        a, incl, b = m.group(1), m.group(2), m.group(3)
        return f"bslice({a or 'None'}, {b or 'None'}, 1, {bool(incl)})"
    return _RANGE.sub(repl, s)


def convert_macros(s: str) -> str:
    """assert!/assert_eq!/vec!/println! at statement level and inside expressions."""
    s = re.sub(r"\b(?:alloc::)?vec!\[", "[", s)
    s = re.sub(r'\b(?:alloc::)?format!\(\s*"\{(\w+)\}"\s*\)', r"str(\1)", s)
    for name, fn in (("assert_eq", "assert_eq_"), ("assert_ne", "assert_ne_"),
                     ("assert", "assert_"), ("matches", None)):
        while True:
            m = re.search(rf"\b{name}!\(", s)
            if not m:
                break
            j = matching(s, m.end() - 1)
            if fn is None:      # matches!(value, A | B): alternatives of plain paths only
                args = split_top(s[m.end():j], ",")
                alts = [a.strip() for a in args[1].split("|")] if len(args) == 2 else []
                if not alts or not all(re.fullmatch(r"[\w:]+", a) for a in alts):
                    raise Untranslatable(f"{name}! macro")
                s = s[:m.start()] + f"({args[0].strip()} in [{', '.join(alts)}])" + s[j + 1:]
                continue
            args = split_top(s[m.end():j], ",")
            keep = 2 if name != "assert" else 1
            s = s[:m.start()] + f"{fn}(" + ",".join(args[:keep]) + ")" + s[j + 1:]
    if re.search(r"\bprintln!|\bdbg!|\beprintln!|\bprint!", s):
        return ""
    m = re.search(r"\b(\w+)!\s*[\[(]", s)
    if m:
        raise Untranslatable(f"{m.group(1)}! macro")
    return s


KINDS = {"Int": "TestTensorInt", "Bool": "TestTensorBool", "Float": "TestTensor"}


def tensor_type(s: str) -> str:
    """``Tensor::<2, Int>::x`` / ``TestTensorInt::<2>::x`` -> ``TestTensorInt.x``."""
    def repl(m: re.Match[str]) -> str:
        args = m.group(2) or ""
        kind = next((KINDS[k] for k in KINDS if re.search(rf"\b{k}\b", args)), "TestTensor")
        name = m.group(1)
        return (kind if name == "Tensor" else name) + "::"
    return re.sub(r"\b(Tensor|TestTensor|TestTensorInt|TestTensorBool)(?:::<([^<>]*(?:<[^<>]*>"
                  r"[^<>]*)*)>)?::", repl, s)


# Rust names whose pyburn spelling differs, applied to ``.name(`` method calls.
METHOD_RENAMES = {
    "into_data": "into_data", "to_vec": "to_vec", "as_slice": "to_vec", "iter": "to_vec",
}


def receiver_start(s: str, i: int) -> int:
    """Start of the receiver expression ending just before index `i` (a ``.``)."""
    j = i
    while j > 0:
        c = s[j - 1]
        if c in ")]":
            depth, k = 0, j - 1
            while k >= 0:
                if s[k] in ")]":
                    depth += 1
                elif s[k] in "([":
                    depth -= 1
                    if depth == 0:
                        break
                k -= 1
            j = k
        elif c.isalnum() or c in "_.":
            j -= 1
        else:
            break
    return j


# Rust std methods with a Python spelling: ``x.len()`` -> ``len(x)``...
POSTFIX = {"len": "len({r})", "abs": "abs({r})", "ln": "rmath('ln', {r})", "is_empty": "ris_empty({r})", "as_ref": "{r}", "into": "{r}", "clone": "{r}", "next": "next({r}, None)",
           "is_none": "({r} is None)", "is_some": "({r} is not None)", "iter": "iter({r})",
           "into_iter": "iter({r})", "collect": "list({r})", "last": "rlast({r})",
           "count": "len(list({r}))", "dtype": "{r}.dtype", "to_owned": "{r}",
           "to_string": "str({r})", "product": "math.prod({r})", "abs_diff": None, "is_nan": "rnan({r})",
           "is_infinite": "rinf({r})", "is_finite": "rfinite({r})", "to_float_elem": "float({r})",
           "to_int_elem": "int({r})", "is_sign_negative": "rsignneg({r})", "rsum_iter": "sum({r})"}
POSTFIX_ARGS = {"any": "rany({r}, {a})", "all": "rall({r}, {a})", "powf": "rpowf({r}, {a})", "omap": "omap({r}, {a})", "map": "rmap({r}, {a})", "nth": "rnth({r}, {a})", "zip": "zip({r}, {a})",
                "enumerate": "enumerate({r})", "rev": "reversed(list({r}))",
                "step_by": "rstep({r}, {a})", "astype_elem": "np.dtype({a}).type({r})",
                "take": None}


FLOAT_METHODS = ("sqrt", "exp", "ln", "sin", "cos", "tan", "tanh", "floor", "ceil")


def rewrite_postfix(s: str) -> str:
    s = s.replace(".as_ref().map(", ".omap(")   # Option::map (a slice has no ``map``)
    for name in FLOAT_METHODS:   # on a parenthesized value (a float or a tensor): rmath picks
        start = 0
        while (m := re.compile(rf"\)\.{name}\(\)").search(s, start)):
            r0 = receiver_start(s, m.start() + 1)
            recv = s[r0:m.start() + 1]
            if recv.startswith("("):
                s = s[:r0] + f"rmath('{name}', {recv[1:-1].strip()})" + s[m.end():]
                start = r0
            else:
                start = m.end()
    for name, tmpl in POSTFIX.items():
        while tmpl is not None:
            m = re.search(rf"\.{name}\(\)", s)
            if not m:
                break
            r0 = receiver_start(s, m.start())
            if r0 == m.start():
                break
            s = s[:r0] + tmpl.format(r=s[r0:m.start()]) + s[m.end():]
    for name, tmpl in POSTFIX_ARGS.items():
        while tmpl is not None:
            m = re.search(rf"\.{name}\(", s)
            if not m:
                break
            r0 = receiver_start(s, m.start())
            recv = s[r0:m.start()]
            if not recv or re.fullmatch(r"\w*tensor\w*|output|x|\w+_\d", recv):
                break   # a tensor method of the same name
            j = matching(s, m.end() - 1)
            s = s[:r0] + tmpl.format(r=recv, a=s[m.end():j]) + s[j + 1:]
    return s


# Functions a Burn file imports bare (``use burn_tensor::linalg::qr``): name -> namespace.
QUALIFY: dict[str, str] = {}


def imported_functions(src: str) -> dict[str, str]:
    out = {}
    for use in re.findall(r"\buse\s+(?:burn_tensor|burn::tensor)::([^;]*);", src):
        use = " ".join(use.split())
        for ns, names in re.findall(r"\b(module|linalg|loss|activation)::\{([^}]*)\}", use):
            for n in names.split(","):
                if n.strip():
                    out[n.strip()] = ns
        for ns, n in re.findall(r"\b(module|linalg|loss|activation)::(\w+)", use):
            out[n] = ns
    return out


ELEM_TYPES = {"FloatElem": "float32", "IntElem": "int32", "f32": "float32", "f64": "float64",
              "i32": "int32", "i64": "int64", "f16": "float16", "bf16": "bfloat16", "u8": "uint8",
              "i8": "int8", "i16": "int16", "bool": "bool"}


def translate_expr(s: str) -> str:
    s = re.sub(r"\\\n\s*", "", s)   # Rust's string continuation: backslash-newline-indent is nothing
    s = re.sub(r'("(?:[^"\\]|\\[\s\S])*")|\s+', lambda m: m.group(1) or " ", s).strip()
    if re.search(r"\bmatch\b|\bimpl\b|\bunsafe\b|\bstruct\b|\benum\b|=>", code_of(s)):
        raise Untranslatable("match/impl/struct syntax")
    if re.search(r"<\w+ as \w+>", s):
        raise Untranslatable("trait-qualified type (compile-time element type)")
    s = re.sub(r"\b(?:f32::|f64::)?consts::(\w+)", r"math_const('\1')", s)
    s = re.sub(r"\b(?:core|std)::", "", s)
    s = re.sub(r"\bFloatElem::dtype\(\)", "TestTensor.zeros([1], device).dtype", s)  # the row's
    s = tensor_type(s)
    s = convert_slice_macro(s)
    s = convert_macros(s)
    if not s:
        return ""
    s = re.sub(r"\.(elem|convert|cast_elem)::<\s*(\w+)\s*>\(\)",
               lambda m: (f".astype_elem('{ELEM_TYPES[m.group(2)]}')"
                          if m.group(2) in ELEM_TYPES and m.group(2) not in ("bf16", "f16")
                          else "") if m.group(1) == "elem" else
               f".convert('{ELEM_TYPES.get(m.group(2), m.group(2))}')", s)
    s = re.sub(r"\.to_vec::<\s*\w+\s*>\(\)", ".to_vec()", s)
    s = re.sub(r"\.as_slice::<\s*\w+\s*>\(\)", ".to_vec()", s)
    # TensorData::iter::<E>: the flat values as E, compared in E (NumPy scalars, as Rust does)
    s = re.sub(r"\.iter::<\s*(\w+)\s*>\(\)\s*\.take\(([^()]*)\)",     # the first n values
               lambda m: f".as_numpy().astype('{ELEM_TYPES.get(m.group(1), m.group(1))}').reshape(-1)[:{m.group(2)}]", s)
    s = re.sub(r"\.iter::<\s*(\w+)\s*>\(\)\s*\.next\(\)",     # the first value
               lambda m: f".as_numpy().astype('{ELEM_TYPES.get(m.group(1), m.group(1))}').reshape(-1)[0]", s)
    s = re.sub(r"\.iter::<\s*(\w+)\s*>\(\)",
               lambda m: f".as_numpy().astype('{ELEM_TYPES.get(m.group(1), m.group(1))}').reshape(-1)", s)
    s = re.sub(r"\.(?:try_)?into_vec(?:_as)?(?:::<\s*\w+\s*>)?\(\)", ".to_data().to_vec()", s)
    s = re.sub(r"\.(into|to)_data\(\)\s*\.to_data\(\)", r".\1_data()", s)
    s = re.sub(r"\bVec::(?:<[^<>]*>::)?(?:new|with_capacity)\([^()]*\)", "[]", s)
    s = re.sub(r"\.push\(", ".append(", s)                 # Vec::push
    s = re.sub(r"\b(\w*shape\w*)\.dims(?:::<[^>]*>)?\(\)", r"\1.dims", s)  # Shape.dims: a list
    s = re.sub(r"\.remove\(0\)", ".pop(0)", s)                # Vec::remove(0)
    s = remove_turbofish(s)
    s = re.sub(r"(\.to_vec\(\))(?:\.unwrap\(\))?\.to_vec\(\)", r"\1", s)  # as_slice().to_vec()
    s = re.sub(r"\.(?:iter|into_iter)\(\)\.sum\(\)", ".rsum_iter()", s)   # Iterator::sum
    for name, ns in QUALIFY.items():
        s = re.sub(rf"(?<![\w.:]){name}\(", f"{ns}.{name}(", s)
    s = re.sub(r"\.(unwrap|unwrap_or_default|try_into)\(\)", "", s)
    s = re.sub(r'\.expect\(\s*"(?:[^"\\]|\\.)*"\s*,?\s*\)', "", s)
    s = re.sub(r"\b(\w+)::from_elem\(", "(", s)
    s = re.sub(r"\b(f16|bf16|f32|f64|i8|i16|i32|i64|u8|u16|u32|u64|usize|isize|FloatElem|"
               r"IntElem)::(\w+)\b", r"lim('\1', '\2')", s)
    if "assert_approx_eq" in s and re.search(r"Default::default\(\)\s*,?\s*\)\s*$", s):
        i = s.rindex("Default::default()")
        s = s[:i] + "Tolerance::default()" + s[i + len("Default::default()"):]
    s = re.sub(r"\bDefault::default\(\)", "device", s)
    s = re.sub(r"\(\s*&?device\s*,\s*(DType::\w+|FloatDType::\w+|IntDType::\w+)\s*\)",
               r"device, dtype=\1", s)
    s = re.sub(r"\bAutodiffDevice::new\(\)", "device", s)
    s = re.sub(r"\bDevice::default\(\)", "device", s)
    s = re.sub(r"\bTensorData::(zeros|ones|full|random)\b", r"td_\1", s)
    s = re.sub(r"\.shape\(\)\.dims\(\)", ".dims()", s)
    s = re.sub(r"\bTensorData::from\(", "TensorData(", s)
    s = re.sub(r"\bTensorData::new\(", "TensorData(", s)
    s = re.sub(r"\bShape::(new|from)\(", "Shape(", s)
    s = re.sub(r"\b(\w+)::from\(", r"\1.from_(", s)
    s = re.sub(r"\b(\d(?:[\d_]*\d)?(?:\.\d*)?(?:e-?\d+)?)_?" + _SUFFIX + r"\b", r"\1", s)
    s = re.sub(r"\s+as\s+" + _SUFFIX + r"\b", "", s)
    # Rust float methods on a parenthesized value that may be a float or a tensor: rmath picks
    s = re.sub(r"(?<![\w.])\(([^()]*[^()\s\d.][^()]*)\)\.(sqrt|exp|ln|sin|cos|tan|tanh|floor|ceil)\(\)",
               lambda m: f"rmath('{m.group(2)}', {m.group(1).strip()})", s)
    # Rust float methods on a literal: ``2.0f64.sqrt()`` / ``(2.0f64).sqrt()`` -> ``math.sqrt(2.0)``
    s = re.sub(r"(?<![\w.])(?:\(([-\d.\s/*+]+)\)|(\d+\.\d+))\.(sqrt|exp|ln|sin|cos|tan|tanh)\(\)",
               lambda m: f"math.{'log' if m.group(3) == 'ln' else m.group(3)}"
                         f"({(m.group(1) or m.group(2)).strip()})", s)
    s = convert_repeat_arrays(s)
    s = convert_ranges(s)
    s = re.sub(r"\b(\d+)\.(?![\d.])(?!\w)", r"\1.0", s)
    s = re.sub(r"&mut\s+", "", s)
    s = s.replace("&&", " and ").replace("||", " or ")
    s = re.sub(r"(?<![\w)\]])&", "", s)
    s = re.sub(r"(^|[(,=\[]\s*)\*(?=\w)", r"\1", s)
    s = re.sub(r"!(?!=)", "not ", s)
    s = re.sub(r"\|([\w, ]*)\|", lambda m: f"lambda {m.group(1)}:", s)
    s = re.sub(r'"(?:[^"\\]|\\[\s\S])*"|\btrue\b|\bfalse\b',   # not inside string literals
               lambda m: {"true": "True", "false": "False"}.get(m.group(0), m.group(0)), s)
    s = re.sub(r'("(?:[^"\\]|\\[\s\S])*")|\bSome\(', lambda m: m.group(1) or "(", s)
    s = re.sub(r"\b(\w+)::(\w+)", r"\1.\2", s)
    s = re.sub(r"\s+\.(?=[a-z_])", ".", s)   # a method chain split over lines
    s = rewrite_postfix(s)
    if "::" in s or "'" in re.sub(r"'\w+'", "", s):
        raise Untranslatable("path or lifetime syntax")
    s = re.sub(r"\s+\.(?=[a-z_])", ".", s)
    if NN_MODE:
        s = re.sub(r"\b([A-Z]\w*)\.new\(", r"\1(", s)
        s = re.sub(r"\bdevice\.autodiff\(\)", "device", s)   # the ad_backend row's device
        s = re.sub(r"\b(\w*device)\.seed\(", r"seed_device(\1, ", s)
        s = re.sub(r"\b(Initializer|ActivationConfig|NormalizationConfig)\.([A-Z]\w*)\b(?!\s*\()",
                   r"\1.\2()", s)  # a unit variant
        s = re.sub(r"\b([A-Z]\w*)\.forward\(", r"\1().forward(", s)  # a unit struct module
        s = re.sub(r"\.build\(\)", ".init()", s)   # Burn's crate-internal build(): init() here
    s = re.sub(r"([(\[])\s+", r"\1", s)
    s = re.sub(r",\s*([)\]])", r"\1", s)
    if re.search(r"\bfrom\(", s):
        s = re.sub(r"\.from\(", ".from_(", s)
    s = re.sub(r"\.from\b", ".from_", s)
    return s


def translate_let(stmt: str) -> str:
    stmt = re.sub(r"^let\s+\[([\w\s,]*?),?\s*\]", r"let (\1,)", stmt)  # let [a, b] = vec
    m = re.match(r"let\s+(?:mut\s+)?(\(?[\w\s,]*\)?|_)\s*(?::\s*([^=]+?))?\s*=\s*(.*)$", stmt,
                 re.S)
    if not m:
        if re.match(r"let\s+\w+\s*(:[^=]*)?$", stmt):
            raise Untranslatable("deferred initialization")
        raise Untranslatable("pattern binding")
    target, annot, rhs = m.group(1), m.group(2) or "", m.group(3)
    kind = next((KINDS[k] for k in ("Int", "Bool") if re.search(rf"\b{k}\b", annot)), None)
    if kind and re.match(r"\s*(Tensor|TestTensor)::(?!<)", rhs):
        rhs = re.sub(r"^\s*(Tensor|TestTensor)::", kind + "::", rhs)
    target = target.strip().replace("mut ", "")
    into = re.fullmatch(r"\s*(" + "|".join(INTO_ENUMS) + r")\s*", annot)
    if into and re.search(r"\.into\(\)\s*$", rhs):   # ``let c: Enum = config.into();``
        rhs = into.group(1) + "::from(" + re.sub(r"[.]into[(][)]\s*$", "", rhs) + ")"
    value = translate_expr(rhs)
    rank = re.fullmatch(r"\s*(?:Test)?Tensor(?:Int|Bool)?\s*<\s*(\d+)[^>]*>\s*", annot)
    if rank and not target.startswith("("):
        # Burn's output rank is a type parameter: the port checks it after the call.
        value = f"expect_rank({value}, {rank.group(1)}, {value!r})"
    return f"{target.strip('()') if target.startswith('(') else target} = {value}"


def translate_block(body: str, depth: int) -> list[str]:
    lines: list[str] = []
    pad = INDENT * depth
    for head, block in statements(body):
        if block is not None:
            if head.startswith("for "):
                m = re.match(r"for\s+(\(?[\w\s,]+\)?)\s+in\s+(.*)$", head, re.S)
                if not m:
                    raise Untranslatable("for pattern")
                it = m.group(2).strip()
                r = re.fullmatch(r"(.+?)\.\.(=?)(.+)", it)
                if r:
                    end = translate_expr(r.group(3)) + (" + 1" if r.group(2) else "")
                    it = f"range({translate_expr(r.group(1))}, {end})"
                else:
                    it = translate_expr(it)
                    it = re.sub(r"\.(iter|into_iter)\(\)$", "", it)
                lines.append(f"{pad}for {m.group(1).strip('()')} in {it}:")
            elif head.startswith("if "):
                if head.startswith("if let"):
                    raise Untranslatable("if let")
                lines.append(f"{pad}if {translate_expr(head[3:])}:")
            elif head.startswith("else if "):
                lines.append(f"{pad}elif {translate_expr(head[8:])}:")
            elif head == "else":
                lines.append(f"{pad}else:")
            elif head == "":
                lines.append(f"{pad}if True:")
            else:
                raise Untranslatable(f"{head.split()[0]} loop")
            inner = translate_block(block, depth + 1)
            lines.extend(inner or [pad + INDENT + "pass"])
            continue
        if "{" in code_of(head):    # ``if c { a } else { b }`` as a value: Python's ternary
            head = _IF_EXPR.sub(r"(\2 if \1 else \3)", head)
        if "{" in code_of(head) and NN_MODE:
            head = convert_struct_literals(head)
        elif "{" in code_of(head) and LOCAL_STRUCTS:    # the file's own structs only
            head = convert_struct_literals(head, LOCAL_STRUCTS)
        if "{" in code_of(head):
            raise Untranslatable("block expression or struct literal")
        if re.fullmatch(r"return(\s+.*)?", head, re.S):    # an early return (a skipped case)
            rest = head[len("return"):].strip()
            lines.append(pad + ("return " + translate_expr(rest) if rest else "return"))
            continue
        if re.match(r"(use|const|static|type|return)\b", head):
            if head.startswith("use"):
                continue
            if head.startswith(("const", "static")):
                m = re.match(r"(?:const|static)\s+(\w+)\s*:[^=]*=\s*(.*)$", head, re.S)
                if m:
                    lines.append(f"{pad}{m.group(1)} = {translate_expr(m.group(2))}")
                    continue
            raise Untranslatable(f"{head.split()[0]} item")
        if re.fullmatch(r"[\w:.&()<>]*\bsync\([&\w]*\)(\.unwrap\(\)|\?)?", head.replace(" ", "")):
            continue        # Burn's device sync: pyburn ops are synchronous at read time
        line = translate_let(head) if head.startswith("let ") else translate_expr(head)
        if line:
            lines.append(pad + line)
    return lines


_IF_EXPR = re.compile(r"(?<![\w\"])if\s+([^{}\"]+?)\s*\{\s*([^{};\"]+?)\s*\}\s*else\s*\{\s*([^{};\"]+?)\s*\}")


def code_of(s: str) -> str:
    """`s` with the contents of its string literals blanked (their braces are not code)."""
    return re.sub(r'"(?:[^"\\]|\\[\s\S])*"', '""', s)


_STRUCT = re.compile(r"\b([A-Z]\w*(?:::[A-Z]\w*)*)\s*\{(\s*\w+\s*(?::[^{}]*)?(?:,[^{}]*)?)\}")


def convert_struct_literals(s: str, names: list[str] | None = None) -> str:
    """``Initializer::Constant { value: 2.0 }`` / ``{ value }`` -> ``Initializer::Constant(
    value=2.0)``: Burn's enum-config variants are keyword-constructed classes in pyburn."""
    def repl(m: re.Match[str]) -> str:
        if names is not None and m.group(1) not in names:
            return m.group(0)
        fields = []
        for f in split_top(m.group(2), ","):
            f = f.strip()
            if not f:
                continue
            if f.startswith(".."):
                raise Untranslatable("struct update syntax")
            k, _, v = f.partition(":")
            fields.append(f"{k.strip()}={(v or k).strip()}")
        return f"{m.group(1)}({', '.join(fields)})"
    prev = None
    parts = re.split(r'("(?:[^"\\]|\\[\s\S])*")', s)   # string literals stay as written
    for i in range(0, len(parts), 2):
        prev = None
        while prev != parts[i]:
            prev, parts[i] = parts[i], _STRUCT.sub(repl, parts[i])
    return "".join(parts)


# ---- writing --------------------------------------------------------------------------------

HEADER = '''"""Burn's `{rel}`, ported by scripts/port_burn_tests.py (Burn {commit}).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
'''

CRATE_HEADER = HEADER.replace("from .burn_compat import *", "from ..burn_compat import *").replace(
    "(Burn's test vocabulary, see burn_compat.py)\n",
    "(Burn's test vocabulary, see burn_compat.py)\n"
    "from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)\n")
NN_MODE = False     # translating a crate's (nn/optim) tests: Burn's `X::new(..)` is `X(..)`


def module_name(rel: str) -> str:
    crate = crate_group(rel)
    if crate is not None:
        parts = [p for p in Path(rel[len(crate) + 1:]).with_suffix("").parts
                 if p not in ("modules", "optim", "mod")]
        return f"test_{CRATE_GROUPS[crate][0]}_{'_'.join(parts)}"
    group = next(g for g in GROUPS if rel.startswith(g + "/"))
    prefix = GROUPS[group][0]
    return f"test_{prefix}_{Path(rel).stem}"


def used_ops(lines: list[str]) -> list[str]:
    skip = {"from_", "from_data", "require_grad", "into_data", "to_data", "clone", "backward",
            "grad", "assert_eq", "assert_approx_eq", "zeros", "ones", "full", "arange", "float",
            "int", "bool", "convert", "to_vec", "shape", "dims", "default"}
    ops = []
    for line in lines:
        for name in re.findall(r"\.(\w+)\(", line):
            if name not in skip and name not in ops:
                ops.append(name)
        for name in re.findall(r"activation\.(\w+)\(", line):
            if name not in ops:
                ops.append(name)
    return ops


def port_file(rel: str, src: str, commit: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The Python module for one Burn file, and its per-test status rows."""
    global NN_MODE
    crate = crate_group(rel)
    NN_MODE = crate is not None
    group = crate or next(g for g in GROUPS if rel.startswith(g + "/"))
    tests, helpers = parse_tests(src)
    QUALIFY.clear()
    QUALIFY.update(imported_functions(src))
    out = [(CRATE_HEADER if crate else HEADER).format(rel=rel, commit=commit[:12])]
    for cfg, name, value in re.findall(r"^\s*(?:#\[cfg\((.*)\)\]\s*)?(?:pub\s+)?const\s+(\w+)\s*:"
                                       r"[^=]*=\s*([^;]*);", strip_comments(src), re.M):
        if cfg and not cfg.startswith("not("):
            continue        # a GPU-backend variant: the CPU rows use the default
        try:
            out.append(f"{name} = {translate_expr(value)}\n")
        except Untranslatable:
            pass
    out.extend(test_module_structs(src))
    structs = test_structs(strip_comments(src))
    LOCAL_STRUCTS[:] = list(structs)
    STRUCT_ERRORS.clear()
    if structs:
        out[0] = out[0].replace("from __future__ import annotations\n",
                                "from __future__ import annotations\n\n"
                                "from dataclasses import dataclass\n")
    done: dict[str, list[str] | Untranslatable] = {}   # helper fns, translated once
    used: list[str] = []                                   # those a ported test or method calls
    for struct in structs.values():
        before = len(used)
        try:
            out.extend(translate_struct(struct, helpers, done, used))
        except Untranslatable as exc:   # its tests fail on the missing name: report why
            del used[before:]
            LOCAL_STRUCTS.remove(struct.name)
            STRUCT_ERRORS[struct.name] = f"the file's struct {struct.name}: {exc}"
    status = []
    mod = module_name(rel)
    first_test = len(out)
    for t in tests:
        key = f"{mod}::test_{t.name.removeprefix('test_')}"
        if key in NOT_APPLICABLE:
            status.append((t.name, "n/a", NOT_APPLICABLE[key]))
            continue
        try:
            if t.ignored is not None:
                raise Untranslatable(f"#[ignore] in Burn: {t.ignored}")
            for struct_name, why in STRUCT_ERRORS.items():
                if re.search(rf"\b{struct_name}\b", t.body):
                    raise Untranslatable(why)
            called = translate_helpers(t.body, helpers, done)
            depth = 2 if t.should_panic else 1
            body = fix_vec_methods(wrap_results(translate_block(t.body, depth)),
                                   vec_names(t.body))
        except (Untranslatable, ValueError, IndexError) as exc:
            status.append((t.name, "artifact", str(exc)))
            continue
        if key in FIXTURE:
            fixture = FIXTURE[key]
        elif crate:
            rust = t.body + "".join(helpers[n].body for n in called)
            fixture = ("ad_backend" if re.search(r"\bbackward\(|Autodiff|\.autodiff\(\)", rust)
                       else "backend")
        else:
            fixture = GROUPS[group][1]
        lines = []
        if HEAVY.search(t.name):
            fixture = "plain_backend"
            lines.append("@slow")
        lines += [f"def test_{t.name.removeprefix('test_')}({fixture}):",
                 f"    TestTensor, TestTensorInt, TestTensorBool, device = env({fixture})"]
        if t.should_panic:
            lines.append(f"    with raises_clear({used_ops(body)!r}):")
        lines.extend(body or [INDENT * depth + "pass"])
        src_py = "\n".join(lines)
        try:
            compile(src_py, key, "exec")
        except SyntaxError as exc:
            status.append((t.name, "artifact", f"translation is not valid Python ({exc.msg})"))
            continue
        out.append("\n\n" + src_py + "\n")
        status.append((t.name, "ported", ""))
        used.extend(n for n in called if n not in used)
    out[first_test:first_test] = ["\n\n" + "\n".join(cast(list[str], done[n])) + "\n"
                                  for n in used]
    text = "".join(out)
    for name in used:   # the helpers are private to the module: ``layer`` -> ``_fn_layer``
        text = re.sub(rf"(?<![\w.]){name}\(", f"_fn_{name}(", text)
    return text, status


def translate_helpers(body: str, helpers: dict[str, RustHelper],
                      done: dict[str, list[str] | Untranslatable]) -> list[str]:
    """The file's helper fns that `body` calls (and those they call), each translated once into
    `done` as a module-level ``def`` (see `module_helper`); Untranslatable names the first
    helper that cannot be."""
    order: list[str] = []

    def visit(text: str) -> None:
        for name in re.findall(r"(?<![\w.:])(\w+)\s*(?:::<[^>]*>)?\s*\(", text):
            if name in helpers and name not in order:
                order.append(name)
                visit(helpers[name].body)
    visit(body)
    for name in order:
        if name not in done:
            try:
                done[name] = module_helper(name, helpers[name])
            except Untranslatable as exc:
                done[name] = Untranslatable(f"the file's helper fn {name}: {exc}")
        result = done[name]
        if isinstance(result, Untranslatable):
            raise result
    return order


def module_helper(name: str, fn: RustHelper) -> list[str]:
    """A helper fn as a module-level ``def`` that takes the running test's ``TestTensor``/
    ``device`` from `current_env` (set by the test's `env`), as the methods of a file's structs
    do. `port_file` renames it ``_fn_name``: a test may bind a local of the helper's name
    (``let layer = layer(&device)``, or ``_layer``), and pytest must not collect a ``test_*``
    helper."""
    text = [line[len(INDENT):] for line in translate_helper(name, fn)]
    names = re.findall(r"def \w+\((.*)\):", text[0])[0].split(", ")
    dev = "_" if "device" in names else "device"
    lines = [text[0], f"{INDENT}TestTensor, TestTensorInt, TestTensorBool, {dev} = current_env()"]
    lines += text[1:]
    try:
        compile("\n".join(lines), name, "exec")
    except SyntaxError as exc:
        raise Untranslatable(f"translation is not valid Python ({exc.msg})") from None
    return lines


# Burn config enums a plain config converts into (``SoftplusConfig::new().into()``); pyburn
# spells the conversion ``Enum.from_(config)`` (Burn's ``From``).
INTO_ENUMS = ("ActivationConfig", "NormalizationConfig", "LrSchedulerConfig")


def translate_helper(name: str, fn: RustHelper) -> list[str]:
    params = []
    plain = fn.params
    while re.search(r"<[^<>]*>", plain):       # generic arguments of the parameter types
        plain = re.sub(r"<[^<>]*>", "", plain)
    for p in split_top(plain, ","):
        p = p.strip()
        if not p:
            continue
        pat = re.match(r"(?:mut\s+)?(\w+)\s*:", p)
        if not pat or pat.group(1) == "self":
            raise Untranslatable(f"parameter pattern {p!r}")
        params.append(pat.group(1))
    body = [line for line in translate_block(fn.body, 2) if line.strip() != "device = device"]
    body = fix_vec_methods(body, vec_names(fn.params) | vec_names(fn.body))
    for p in split_top(fn.params, ","):   # Burn's ``.into()`` at the call site, by the param type
        conv = re.match(r"\s*(?:mut\s+)?(\w+)\s*:\s*&?\s*(" + "|".join(INTO_ENUMS) + r")\b", p)
        if conv:
            body.insert(0, f"{INDENT * 2}{conv.group(1)} = {conv.group(2)}.from_({conv.group(1)})")
    if fn.ret == "ModuleOptimizer" and body:   # ``Adam { .. }.into()``: From<rule>
        body[-1] = re.sub(r"^(\s*)(?!.*\.init\(\)$)([A-Z]\w*\(.*\))(?:\.into\(\))?$",
                          r"\1OptimizerAdaptor(\2)", body[-1])
    stmts = statements(fn.body)
    returns = fn.body.rstrip()[-1:] not in ("", ";") and bool(stmts) and stmts[-1][1] is None
    if returns and body and body[-1].startswith(INDENT * 2) \
            and not body[-1].startswith(INDENT * 3) and not re.match(r"\s*\w+ = ", body[-1]):
        body[-1] = INDENT * 2 + "return " + body[-1].strip()
    elif returns:
        raise Untranslatable("a value-returning block the port cannot express")
    return [f"{INDENT}def {name}({', '.join(params)}):"] + (body or [INDENT * 2 + "pass"])


def test_module_structs(src: str) -> list[str]:
    """A test module's own ``#[derive(Module)] struct X { a: Linear, .. }`` as a pyburn Module
    class (field types are irrelevant to a pyburn Module: its parts are found by value)."""
    out = []
    for m in re.finditer(r"#\[derive\([^)]*\bModule\b[^)]*\)\]\s*(?:pub\s+)?struct\s+(\w+)"
                         r"(?:<[^>]*>)?\s*\{([^{}]*)\}", strip_comments(src)):
        fields = [f.split(":")[0].strip().removeprefix("pub ").strip()
                  for f in split_top(m.group(2), ",") if ":" in f]
        body = "".join(f"    {f}: Any\n" for f in fields) or "    pass\n"
        out.append(f"\n\nclass {m.group(1)}(Module):\n{body}")
    return out


LOCAL_STRUCTS: list[str] = []        # the plain structs of the file being translated
STRUCT_ERRORS: dict[str, str] = {}   # a struct the port could not translate -> why


def translate_struct(struct: RustStruct, helpers: dict[str, RustHelper],
                     done: dict[str, list[str] | Untranslatable], used: list[str]) -> list[str]:
    """A test file's plain struct as a module-level ``@dataclass`` (fields typed ``Any``) with
    its ``impl`` fns as methods. A method cannot close over a test's ``TestTensor``/``device``,
    so it takes them from the running test's row (`current_env`, set by the test's `env`), as
    the file's (module-level) helper fns do."""
    lines = ["", "", "@dataclass", f"class {struct.name}:"]
    lines += [f"{INDENT}{f}: Any" for f in struct.fields]
    for name, fn in struct.methods.items():
        params = split_top(fn.params, ",")
        has_self = bool(params) and re.fullmatch(r"\s*(&\s*)?(mut\s+)?self\s*", params[0]) is not None
        rest = ",".join(params[1:] if has_self else params)
        body = re.sub(r"\bSelf\b", struct.name, fn.body)
        if struct.int_fields:   # Rust's integer division: by (or of) an integer field
            f = "|".join(struct.int_fields)
            body = re.sub(rf"/(?=\s*self\.(?:{f})\b)", "//", body)
            body = re.sub(rf"(\bself\.(?:{f})\b\s*(?:\[\w+\])?\s*)/(?!/)", r"\1//", body)
        method = RustHelper(re.sub(r"\bSelf\b", struct.name, rest), body,
                            re.sub(r"\bSelf\b", struct.name, fn.ret))
        try:
            called = translate_helpers(body, helpers, done)
            text = translate_helper(name, method)
        except Untranslatable as exc:
            raise Untranslatable(f"method {name}: {exc}") from None
        head = text[0]
        if has_self:
            head = head.replace(f"def {name}(", f"def {name}(self, " if rest.strip()
                                else f"def {name}(self")
        names = re.findall(r"def \w+\((.*)\):", head)[0].split(", ")
        dev = "device" if "device" not in names else "_"
        lines.append("")
        if not has_self:
            lines.append(f"{INDENT}@staticmethod")
        lines += [INDENT + head.strip(),
                  f"{INDENT * 2}TestTensor, TestTensorInt, TestTensorBool, {dev} = current_env()"]
        lines += text[1:]
        used.extend(n for n in called if n not in used)
    if len(lines) == 4:
        lines.append(f"{INDENT}pass")
    return ["\n".join(lines) + "\n"]


def vec_names(rust: str) -> set[str]:
    """Names a Rust body or parameter list types as a ``Vec``/slice/array (``let v: Vec<f32>``,
    ``values: &[f32]``): their ``to_vec()``/``as_slice()`` are the Python list itself."""
    return set(re.findall(r"(?:\blet\s+(?:mut\s+)?|^|[,(]\s*)(\w+)\s*:\s*&?\s*(?:mut\s+)?"
                          r"(?:Vec\s*<|\[)", rust, re.M))


def fix_vec_methods(lines: list[str], names: set[str]) -> list[str]:
    if not names:
        return lines
    pat = re.compile(rf"\b({'|'.join(sorted(names))})\.(?:to_vec|as_slice)\(\)")
    return [pat.sub(r"list(\1)", line) for line in lines]


def wrap_results(lines: list[str]) -> list[str]:
    """``result = expr`` whose test then reads ``result.err()`` / ``is_err()`` / ``is_ok()``
    (Burn's ``Result``) becomes ``result = rtry(lambda: expr)``: pyburn raises instead."""
    names = set(re.findall(r"\b(\w+)\.(?:err|is_err|is_ok)\(\)", "\n".join(lines)))
    out = []
    for line in lines:
        m = re.fullmatch(r"(\s*)(\w+) = (.+)", line)
        if m and m.group(2) in names and not m.group(3).startswith("rtry("):
            line = f"{m.group(1)}{m.group(2)} = rtry(lambda: {m.group(3)})"
        out.append(line)
    return out


def write_xfail_module() -> None:
    lines = ['"""Written by scripts/port_burn_tests.py (--record): ported Burn tests that fail for '
             'a known\nreason, marked xfail(strict=True) by tests/burn/conftest.py."""',
             "", "XFAIL: dict[str, str] = {"]
    for key in sorted(XFAIL):
        lines.append(f"    {key!r}: {XFAIL[key]!r},")
    lines.append("}")
    lines += ["", "# known failures on some backend rows only: test -> (row ids, reason)",
              "XFAIL_ROWS: dict[str, tuple[tuple[str, ...], str]] = {"]
    for key in sorted(ROW_XFAIL):
        lines.append(f"    {key!r}: {ROW_XFAIL[key]!r},")
    lines.append("}")
    (OUT / "_xfail.py").write_text("\n".join(lines) + "\n")


def record(xml: Path) -> None:
    """Rewrite tests/burn/_xfail.py from a junit-xml run: every failing (module, test) with the
    first line of its error as the reason; a test that passes everywhere is dropped."""
    import xml.etree.ElementTree as ET
    failing: dict[str, str] = {}
    passing: set[str] = set()
    for case in ET.parse(xml).iter("testcase"):
        mod = case.get("classname", "").rsplit(".", 1)[-1]
        name = re.sub(r"\[.*\]$", "", case.get("name", ""))
        key = f"{mod}::{name}"
        fail = case.find("failure")
        if fail is None:
            fail = case.find("error")
        skipped = case.find("skipped")
        if fail is not None and "XPASS(strict)" in (fail.get("message") or ""):
            passing.add(key)        # a known failure that now passes: drop it from the list
        elif fail is not None:
            msg = (fail.get("message") or "").strip().splitlines()
            failing.setdefault(key, reason_of(msg[0] if msg else "failed"))
        elif skipped is not None and "xfail" in (skipped.get("type") or "") + (
                skipped.get("message") or ""):
            failing.setdefault(key, XFAIL.get(key, "known failure"))
        else:
            passing.add(key)
    new = {k: classify(k, v) for k, v in sorted(failing.items())
           if k not in NOT_APPLICABLE and k not in ROW_XFAIL}
    XFAIL.clear()
    XFAIL.update(new)
    write_xfail_module()
    print(f"XFAIL: {len(new)} entries")


def reason_of(message: str) -> str:
    message = re.sub(r"\s+", " ", message)
    m = re.search(r"'([^']+)' object has no attribute '(\w+)'", message)
    if m:
        owner = "Tensor" if m.group(1).startswith("Tensor") else m.group(1)
        return f"pyburn lacks `{owner}.{m.group(2)}`"
    m = re.search(r"has no attribute '(\w+)'", message)
    if m:
        return f"pyburn lacks `{m.group(1)}`"
    m = re.search(r"name '(\w+)' is not defined", message)
    if m:
        return f"pyburn lacks `{m.group(1)}`"
    return message[:160]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burn", type=Path, default=Path("/work/.mirror/tracel-ai+burn/repo"),
                        help="Burn's repository (bare snapshot or checkout)")
    parser.add_argument("--record", type=Path, help="junit xml of a run: refresh XFAIL")
    args = parser.parse_args(argv)
    if args.record:
        record(args.record)
        return 0
    commit = burn_commit(args.burn)
    files = burn_files(args.burn)
    OUT.mkdir(parents=True, exist_ok=True)
    report: dict[str, list[tuple[str, str, str]]] = {}
    written: set[str] = set()
    for rel in sorted(files):
        if rel.endswith("mod.rs") or rel in SKIP_FILES:
            continue
        text, status = port_file(rel, files[rel], commit)
        report[rel] = status
        if any(s == "ported" for _, s, _ in status):
            crate = crate_group(rel)
            folder = OUT / CRATE_GROUPS[crate][1] if crate else OUT
            folder.mkdir(exist_ok=True)
            (folder / f"{module_name(rel)}.py").write_text(text)
            written.add(str((folder / f"{module_name(rel)}.py").relative_to(OUT)))
    for stale in [*OUT.glob("test_*.py"), *OUT.glob("*/test_*.py")]:   # ports nothing now
        if str(stale.relative_to(OUT)) not in written:
            stale.unlink()
    write_xfail_module()
    write_report(report, commit)
    return 0


def write_report(report: dict[str, list[tuple[str, str, str]]], commit: str) -> None:
    lines = [f"# Burn's tests, ported\n", f"Burn commit `{commit}`; generated by "
             "`scripts/port_burn_tests.py`.\n",
             "| Burn file | tests | ported | passing | xfail: not yet in pyburn | xfail: deliberate "
             "| porting artifact (untranslated / xfail) | not applicable |",
             "|---|---|---|---|---|---|---|---|"]
    total = [0] * 8
    suites: dict[str, list[int]] = {}
    details = []
    for rel, status in report.items():
        mod = module_name(rel)
        n = len(status)
        ported = sum(s == "ported" for _, s, _ in status)
        kinds = [XFAIL.get(f"{mod}::test_{t.removeprefix('test_')}", "").split(":")[0]
                 for t, s, _ in status if s == "ported"]
        todo, deliberate = kinds.count("not yet in pyburn"), kinds.count("deliberate difference")
        xart = kinds.count("porting artifact")
        passing = ported - todo - deliberate - xart
        art = sum(s == "artifact" for _, s, _ in status)
        na = sum(s == "n/a" for _, s, _ in status)
        row = (n, ported, passing, todo, deliberate, art, xart, na)
        crate = crate_group(rel)
        suite = suites.setdefault(f"burn-{CRATE_GROUPS[crate][0]} unit tests" if crate
                                  else "backend tests", [0] * 8)
        for i, v in enumerate(row):
            total[i] += v
            suite[i] += v
        lines.append(f"| {rel} | {n} | {ported} | {passing} | {todo} | {deliberate} | "
                     f"{art} / {xart} | {na} |")
        for test, s, why in status:
            if s != "ported":
                details.append(f"- `{rel}::{test}` ({s}): {why}")
    t = total
    lines.append(f"| **total** | {t[0]} | {t[1]} | {t[2]} | {t[3]} | {t[4]} | {t[5]} / {t[6]} "
                 f"| {t[7]} |")
    lines.append("")
    rows: list[tuple[str, list[int]]] = [*suites.items(), ("all", t)]
    for name, u in rows:
        applicable = u[1] - u[6]                   # ported, less the artifacts among them
        lines.append(f"- {name}: {u[0]} tests, {u[1]} ported; applicable {applicable}; passing "
                     f"{u[2]} ({100.0 * u[2] / max(applicable, 1):.1f}%), not yet in pyburn "
                     f"{u[3]}, deliberate differences {u[4]}.")
    skipped = [f"- `{f}`: {SKIP_REASONS.get(f, 'Rust-only machinery')}"
               for f in sorted(SKIP_FILES) if f != "autodiff/mod.rs"]
    lines += ["", "## Not ported: whole files", ""] + skipped
    lines += ["", "## Not ported: single tests", ""] + details
    (OUT / "PORT_REPORT.md").write_text("\n".join(lines) + "\n")
    print(json.dumps({"tests": t[0], "ported": t[1], "passing": t[2], "todo": t[3],
                      "deliberate": t[4], "artifacts": t[5], "xfail_artifacts": t[6],
                      "n/a": t[7]}))


if __name__ == "__main__":
    sys.exit(main())
