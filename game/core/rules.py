"""The story's small expression language: the only interpreter of conditions and effects.

    trust >= 4 and not hid_grain
    visits(night_meeting) > 0 or standing - 2 > trust

Numbers, stats, flags, `visits(scene)`, true/false; `+ -`, `== != < <= > >=`, `and or not`,
parentheses. Text is parsed once at load into a tree, checked for names and types against the
story, and compiled into plain Python closures. Nothing here calls eval or exec, and nothing a
writer types can reach a Python attribute or builtin.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Literal, Mapping, Union

Type = Literal["number", "bool"]

KEYWORDS = frozenset({"and", "or", "not", "true", "false", "visits"})
NAME_PATTERN = re.compile(r"[a-z_][a-z0-9_]*\Z")
MAX_EXPRESSION_LENGTH = 500

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>==|!=|<=|>=|<|>|\+|-|\(|\)|,)|(?P<bad>\S))"
)


class ExprError(Exception):
    """A syntax, name or type error, with the 0-based offset into the expression text."""

    def __init__(self, message: str, offset: int, hint: str = "", kind: str = "syntax") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint
        self.kind = kind  # "syntax" | "name" | "type"


# ---- syntax tree -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Num:
    value: int
    offset: int


@dataclass(frozen=True, slots=True)
class Bool:
    value: bool
    offset: int


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Visits:
    scene: str
    offset: int


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # "not" | "-"
    operand: "Expr"
    offset: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: "Expr"
    right: "Expr"
    offset: int


Expr = Union[Num, Bool, Name, Visits, Unary, Binary]


# ---- parsing ---------------------------------------------------------------------------------

def _tokenize(text: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    length = len(text)
    while pos < length:
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            break
        kind = match.lastgroup
        value = match.group(kind)
        start = match.start(kind)
        if kind == "bad":
            hint = ""
            if value == "=":
                hint = "compare with '==', or write the effect as '= value'"
            elif value == "&" or value == "|" or value == "!":
                hint = "write 'and', 'or', 'not'"
            elif value in "*/%":
                hint = "only + and - are supported"
            elif value in "\"'":
                hint = "expressions hold names and numbers, not text"
            raise ExprError(f"unexpected character '{value}'", start, hint)
        tokens.append((kind, value, start))
        pos = match.end()
    tokens.append(("end", "", length))
    return tokens


_COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.pos]

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def expect(self, value: str, hint: str = "") -> tuple[str, str, int]:
        token = self.peek()
        if token[1] != value or token[0] == "end":
            found = f"'{token[1]}'" if token[0] != "end" else "the end"
            raise ExprError(f"expected '{value}' but found {found}", token[2], hint)
        return self.take()

    def parse(self) -> Expr:
        if self.peek()[0] == "end":
            raise ExprError("the expression is empty", 0, "write a condition such as 'trust >= 3'")
        expr = self.parse_or()
        token = self.peek()
        if token[0] != "end":
            hint = "join conditions with 'and' or 'or'" if token[0] in ("name", "num") else ""
            raise ExprError(f"unexpected '{token[1]}'", token[2], hint)
        return expr

    def parse_or(self) -> Expr:
        left = self.parse_and()
        while self.peek()[1] == "or" and self.peek()[0] == "name":
            offset = self.take()[2]
            left = Binary("or", left, self.parse_and(), offset)
        return left

    def parse_and(self) -> Expr:
        left = self.parse_not()
        while self.peek()[1] == "and" and self.peek()[0] == "name":
            offset = self.take()[2]
            left = Binary("and", left, self.parse_not(), offset)
        return left

    def parse_not(self) -> Expr:
        token = self.peek()
        if token[0] == "name" and token[1] == "not":
            self.take()
            return Unary("not", self.parse_not(), token[2])
        return self.parse_comparison()

    def parse_comparison(self) -> Expr:
        left = self.parse_sum()
        token = self.peek()
        if token[0] == "op" and token[1] in _COMPARISONS:
            self.take()
            right = self.parse_sum()
            after = self.peek()
            if after[0] == "op" and after[1] in _COMPARISONS:
                raise ExprError("comparisons cannot be chained", after[2],
                                "write 'a < b and b < c'")
            return Binary(token[1], left, right, token[2])
        return left

    def parse_sum(self) -> Expr:
        left = self.parse_unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-"):
            op, offset = self.take()[1:]
            left = Binary(op, left, self.parse_unary(), offset)
        return left

    def parse_unary(self) -> Expr:
        token = self.peek()
        if token[0] == "op" and token[1] == "-":
            self.take()
            return Unary("-", self.parse_unary(), token[2])
        if token[0] == "op" and token[1] == "+":
            self.take()
            return self.parse_unary()
        return self.parse_atom()

    def parse_atom(self) -> Expr:
        kind, value, offset = self.take()
        if kind == "num":
            return Num(int(value), offset)
        if kind == "name":
            if value == "true":
                return Bool(True, offset)
            if value == "false":
                return Bool(False, offset)
            if value in ("and", "or", "not"):
                raise ExprError(f"'{value}' needs a condition before it", offset)
            if value == "visits":
                self.expect("(", "write visits(scene_id)")
                kind2, scene, scene_offset = self.take()
                if kind2 != "name":
                    raise ExprError("visits() needs a scene id", scene_offset, "write visits(scene_id)")
                self.expect(")", "write visits(scene_id)")
                return Visits(scene, scene_offset)
            return Name(value, offset)
        if kind == "op" and value == "(":
            inner = self.parse_or()
            self.expect(")", "close every '(' with ')'")
            return inner
        if kind == "end":
            raise ExprError("the expression ends too soon", offset, "something is missing after the last operator")
        raise ExprError(f"unexpected '{value}'", offset)


def parse(text: str) -> Expr:
    """Parse expression text into a tree; raises ExprError with the offset of the problem."""
    if len(text) > MAX_EXPRESSION_LENGTH:
        raise ExprError(f"expression is longer than {MAX_EXPRESSION_LENGTH} characters", 0,
                        "split it into simpler conditions")
    try:
        return _Parser(text).parse()
    except RecursionError:
        raise ExprError("expression is nested too deeply", 0, "simplify the parentheses") from None


# ---- checking ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Names:
    """What an expression may refer to."""

    stats: frozenset[str]
    flags: frozenset[str]
    scenes: frozenset[str]


def check(expr: Expr, names: Names) -> Type:
    """Return the expression's type; raise ExprError on an unknown name or a type mismatch."""
    from .diagnostics import did_you_mean  # local: keep this module free of cycles at import

    def visit(node: Expr) -> Type:
        kind = type(node)
        if kind is Num:
            return "number"
        if kind is Bool:
            return "bool"
        if kind is Name:
            if node.name in names.stats:
                return "number"
            if node.name in names.flags:
                return "bool"
            hint = did_you_mean(node.name, names.stats | names.flags)
            if not hint:
                hint = "declare it under 'stats:' or 'flags:' in story.yaml"
            raise ExprError(f"unknown name '{node.name}'", node.offset, hint, "name")
        if kind is Visits:
            if node.scene not in names.scenes:
                hint = did_you_mean(node.scene, names.scenes) or "visits() takes a scene id"
                raise ExprError(f"unknown scene '{node.scene}' in visits()", node.offset, hint, "name")
            return "number"
        if kind is Unary:
            inner = visit(node.operand)
            want: Type = "bool" if node.op == "not" else "number"
            if inner != want:
                raise ExprError(f"'{node.op}' needs {_article(want)}, not {_article(inner)}", node.offset,
                                _type_hint(want), "type")
            return want
        # Binary
        left = visit(node.left)
        right = visit(node.right)
        op = node.op
        if op in ("and", "or"):
            for side, node_side in ((left, node.left), (right, node.right)):
                if side != "bool":
                    raise ExprError(f"'{op}' joins conditions, but this side is a number", _offset(node_side),
                                    "compare the number, e.g. 'grain > 0'", "type")
            return "bool"
        if op in ("+", "-", "<", "<=", ">", ">="):
            for side, node_side in ((left, node.left), (right, node.right)):
                if side != "number":
                    raise ExprError(f"'{op}' needs numbers, but this side is true/false", _offset(node_side),
                                    "use 'and', 'or', 'not' for flags", "type")
            return "number" if op in ("+", "-") else "bool"
        if left != right:  # == and !=
            raise ExprError(f"'{op}' compares {_article(left)} with {_article(right)}", node.offset,
                            "compare numbers with numbers and flags with true/false", "type")
        return "bool"

    return visit(expr)


def _article(kind: Type) -> str:
    return "a number" if kind == "number" else "true/false"


def _type_hint(kind: Type) -> str:
    return "compare the number, e.g. 'grain > 0'" if kind == "bool" else "use a stat or a number"


def _offset(node: Expr) -> int:
    if isinstance(node, Binary):
        return _offset(node.left)
    return node.offset


def names_used(expr: Expr) -> tuple[set[str], set[str]]:
    """(names, scenes passed to visits) that an expression reads."""
    names: set[str] = set()
    scenes: set[str] = set()

    def visit(node: Expr) -> None:
        if isinstance(node, Name):
            names.add(node.name)
        elif isinstance(node, Visits):
            scenes.add(node.scene)
        elif isinstance(node, Unary):
            visit(node.operand)
        elif isinstance(node, Binary):
            visit(node.left)
            visit(node.right)

    visit(expr)
    return names, scenes


def constant_value(expr: Expr) -> int | bool | None:
    """The value of an expression that reads no state, else None."""
    names, scenes = names_used(expr)
    if names or scenes:
        return None
    return compile_expr(expr)(_EMPTY, _EMPTY, _EMPTY)


_EMPTY: Mapping[str, int] = {}


# ---- evaluation --------------------------------------------------------------------------------

Evaluator = Callable[[Mapping[str, int], Mapping[str, bool], Mapping[str, int]], object]


def compile_expr(expr: Expr) -> Evaluator:
    """Compile a checked tree into a closure f(stats, flags, visits) -> value. No eval."""
    kind = type(expr)
    if kind is Num or kind is Bool:
        value = expr.value
        return lambda s, f, v: value
    if kind is Name:
        name = expr.name
        # Which mapping to read is decided at run time by membership: a checked tree only
        # names declared stats or flags, and the two sets are disjoint (the loader ensures it).
        return lambda s, f, v: s[name] if name in s else f.get(name, False)
    if kind is Visits:
        scene = expr.scene
        return lambda s, f, v: v.get(scene, 0)
    if kind is Unary:
        inner = compile_expr(expr.operand)
        if expr.op == "not":
            return lambda s, f, v: not inner(s, f, v)
        return lambda s, f, v: -inner(s, f, v)
    left = compile_expr(expr.left)
    right = compile_expr(expr.right)
    op = expr.op
    if op == "and":
        return lambda s, f, v: bool(left(s, f, v)) and bool(right(s, f, v))
    if op == "or":
        return lambda s, f, v: bool(left(s, f, v)) or bool(right(s, f, v))
    if op == "+":
        return lambda s, f, v: left(s, f, v) + right(s, f, v)
    if op == "-":
        return lambda s, f, v: left(s, f, v) - right(s, f, v)
    if op == "==":
        return lambda s, f, v: left(s, f, v) == right(s, f, v)
    if op == "!=":
        return lambda s, f, v: left(s, f, v) != right(s, f, v)
    if op == "<":
        return lambda s, f, v: left(s, f, v) < right(s, f, v)
    if op == "<=":
        return lambda s, f, v: left(s, f, v) <= right(s, f, v)
    if op == ">":
        return lambda s, f, v: left(s, f, v) > right(s, f, v)
    if op == ">=":
        return lambda s, f, v: left(s, f, v) >= right(s, f, v)
    raise ValueError(f"unknown operator {op!r}")  # unreachable for parsed trees


_PRECEDENCE = {"or": 1, "and": 2, "not": 3, "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4,
               "+": 5, "-": 5}


def to_text(expr: Expr) -> str:
    """Render a tree back to canonical text, with parentheses only where precedence needs them."""
    kind = type(expr)
    if kind is Num:
        return str(expr.value)
    if kind is Bool:
        return "true" if expr.value else "false"
    if kind is Name:
        return expr.name
    if kind is Visits:
        return f"visits({expr.scene})"
    if kind is Unary:
        inner = to_text(expr.operand)
        if isinstance(expr.operand, Binary) and (expr.op == "-" or _PRECEDENCE[expr.operand.op] < 3):
            inner = f"({inner})"
        return f"not {inner}" if expr.op == "not" else f"-{inner}"
    mine = _PRECEDENCE[expr.op]
    left, right = to_text(expr.left), to_text(expr.right)
    if isinstance(expr.left, Binary) and _PRECEDENCE[expr.left.op] < mine:
        left = f"({left})"
    if isinstance(expr.right, Binary) and _PRECEDENCE[expr.right.op] <= mine:
        right = f"({right})"
    return f"{left} {expr.op} {right}"
