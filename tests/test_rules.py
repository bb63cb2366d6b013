"""The expression language: parsing, checking names and types, evaluating without eval."""
import pytest

from game.core import rules

NAMES = rules.Names(frozenset({"grain", "trust"}), frozenset({"hid_grain", "spoke_up"}), frozenset({"gate"}))


def evaluate(text, stats=None, flags=None, visits=None):
    expr = rules.parse(text)
    rules.check(expr, NAMES)
    return rules.compile_expr(expr)(stats or {"grain": 5, "trust": 2},
                                    flags or {"hid_grain": False, "spoke_up": True}, visits or {})


@pytest.mark.parametrize("text, expected", [
    ("grain > 3", True),
    ("grain - trust == 3", True),
    ("grain + 1 >= 7", False),
    ("not hid_grain and spoke_up", True),
    ("hid_grain or grain < 0", False),
    ("not (hid_grain or not spoke_up)", True),
    ("trust >= 2 and grain <= 5 or hid_grain", True),
    ("hid_grain == false", True),
    ("-grain < 0", True),
    ("visits(gate) == 0", True),
    ("true", True),
    ("grain != 5", False),
])
def test_evaluates_like_a_reader_expects(text, expected):
    assert evaluate(text) is expected or evaluate(text) == expected


def test_and_binds_tighter_than_or():
    # false and false or true == (false and false) or true
    assert evaluate("hid_grain and hid_grain or spoke_up") is True
    assert evaluate("spoke_up or hid_grain and hid_grain") is True


def test_visits_reads_counts():
    assert evaluate("visits(gate) >= 2", visits={"gate": 2}) is True


@pytest.mark.parametrize("text, offset, fragment", [
    ("trust >= ", 9, "ends too soon"),
    ("trust = 3", 6, "unexpected character '='"),
    ("(grain > 1", 10, "expected ')'"),
    ("grain > 1 trust", 10, "unexpected 'trust'"),
    ("1 < grain < 3", 10, "cannot be chained"),
    ("grain * 2 > 1", 6, "unexpected character '*'"),
    ("", 0, "empty"),
    ("grain > 1 &&", 10, "unexpected character '&'"),
])
def test_syntax_errors_give_offset_and_message(text, offset, fragment):
    with pytest.raises(rules.ExprError) as info:
        rules.parse(text)
    assert info.value.offset == offset
    assert fragment in info.value.message
    assert info.value.kind == "syntax"


def test_unknown_name_suggests_the_close_one():
    with pytest.raises(rules.ExprError) as info:
        rules.check(rules.parse("trst > 1"), NAMES)
    assert info.value.kind == "name" and "trst" in info.value.message and "trust" in info.value.hint
    assert info.value.offset == 0


def test_unknown_scene_in_visits():
    with pytest.raises(rules.ExprError) as info:
        rules.check(rules.parse("visits(gat) > 0"), NAMES)
    assert info.value.kind == "name" and "gate" in info.value.hint


@pytest.mark.parametrize("text", ["grain and trust", "hid_grain + 1 > 0", "grain == hid_grain", "not grain"])
def test_type_errors(text):
    with pytest.raises(rules.ExprError) as info:
        rules.check(rules.parse(text), NAMES)
    assert info.value.kind == "type"


@pytest.mark.parametrize("text", [
    "__import__('os').system('echo hacked')",
    "grain.__class__",
    "open('x')",
    "[x for x in ()]",
    "lambda: 1",
])
def test_python_is_not_an_expression(text):
    with pytest.raises(rules.ExprError):
        rules.check(rules.parse(text), NAMES)


def test_overlong_and_deeply_nested_expressions_are_refused():
    with pytest.raises(rules.ExprError):
        rules.parse("grain > " + "1 + " * 200 + "1")
    with pytest.raises(rules.ExprError):
        rules.parse("(" * 400 + "1" + ")" * 400)


def test_round_trip_text():
    for text in ("grain > 3 and not hid_grain", "visits(gate) + 1 == trust", "not (hid_grain or spoke_up)"):
        assert rules.to_text(rules.parse(text)) == text


def test_names_used_and_constants():
    names, scenes = rules.names_used(rules.parse("grain > 1 and visits(gate) == 0 or hid_grain"))
    assert names == {"grain", "hid_grain"} and scenes == {"gate"}
    assert rules.constant_value(rules.parse("3 - 5")) == -2
    assert rules.constant_value(rules.parse("grain")) is None
