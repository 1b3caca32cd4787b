"""Reading what the user typed: the query syntax, and bad syntax read literally."""

from __future__ import annotations

from gp_desktop.search.query import (
    MAX_ITEMS,
    MAX_QUERY_CHARS,
    Phrase,
    QueryWord,
    parse_query,
    whoosh_query,
)


def texts(items):
    return [
        tuple(w.text for w in i.words) if isinstance(i, Phrase) else (i.text, i.prefix)
        for i in items
    ]


def test_words_are_all_required():
    parsed = parse_query("Огневая подготовка")
    assert [texts(g) for g in parsed.groups] == [[("огневая", False)], [("подготовка", False)]]
    assert parsed.excluded == ()


def test_phrases_in_straight_quotes_and_guillemets():
    for typed in ('"огневой подготовки"', "«огневой подготовки»", "„огневой подготовки“"):
        parsed = parse_query(typed)
        assert [texts(g) for g in parsed.groups] == [[("огневой", "подготовки")]]


def test_or_joins_the_items_beside_it():
    parsed = parse_query("надзор прокурор OR прокуратура ИЛИ суд акты")
    assert [texts(g) for g in parsed.groups] == [
        [("надзор", False)],
        [("прокурор", False), ("прокуратура", False), ("суд", False)],
        [("акты", False)],
    ]


def test_minus_excludes_words_and_phrases():
    parsed = parse_query('прокурор -генеральный -"военного прокурора" пятый-шестой')
    assert texts(parsed.positive) == [("прокурор", False), ("пятый", "шестой")]
    assert texts(parsed.excluded) == [("генеральный", False), ("военного", "прокурора")]


def test_prefix_needs_two_letters():
    assert texts(parse_query("прокур*").positive) == [("прокур", True)]
    assert texts(parse_query("п*").positive) == [("п", False)]
    assert texts(parse_query("прокур**,").positive) == [("прокур", True)]


def test_hyphenated_words_are_joined_phrases_and_dotted_numbers_plain_phrases():
    (item,) = parse_query("оперативно-розыскной").positive
    assert isinstance(item, Phrase) and item.joined
    (item,) = parse_query("01.02.2030").positive
    assert isinstance(item, Phrase) and not item.joined


def test_function_words_are_not_required_unless_alone():
    assert texts(parse_query("полномочия по надзору и контролю").positive) == [
        ("полномочия", False),
        ("надзору", False),
        ("контролю", False),
    ]
    assert texts(parse_query("по и в").positive) == [("по", False), ("и", False), ("в", False)]
    # In a phrase they stay, since the words must follow each other.
    assert texts(parse_query('"защита прав и свобод"').positive) == [
        ("защита", "прав", "и", "свобод")
    ]


def test_bad_syntax_is_read_literally():
    assert texts(parse_query('"незакрытая кавычка').positive) == [
        ("незакрытая", False),
        ("кавычка", False),
    ]
    for nothing in ("", "   ", "OR", "ИЛИ", "-", "--", "*", "**", '"', "«»", ".,;:!?", "OR OR -"):
        parsed = parse_query(nothing)
        assert parsed.groups == () and parsed.excluded == ()
        assert whoosh_query(parsed, exact=False) is None
    assert texts(parse_query("OR прокурор OR").positive) == [("прокурор", False)]
    assert texts(parse_query("--прокурор").excluded) == [("прокурор", False)]


def test_control_characters_separate_words():
    assert texts(parse_query("прокурор\x00надзор\x1b[1m").positive) == [
        ("прокурор", False),
        ("надзор", False),
        ("1m", False),
    ]


def test_word_offsets_point_into_the_cleaned_query():
    parsed = parse_query('надзор "за прокурором"')
    for word in parsed.words():
        assert isinstance(word, QueryWord)
        assert parsed.text[word.start : word.end].lower() == word.text


def test_long_input_is_cut_and_repeated_words_count_once():
    parsed = parse_query(" ".join(f"слово{i}" for i in range(5000)))
    assert len(parsed.text) <= MAX_QUERY_CHARS
    assert all(w.text.startswith("слово") and len(w.text) > 5 for w in parsed.words())
    assert len(parse_query("а" * 5000).text) == MAX_QUERY_CHARS
    assert len(parsed.groups) == MAX_ITEMS
    assert len(parse_query("прокур* " * 2000).groups) == 1


def test_whoosh_query_of_each_form():
    assert str(whoosh_query(parse_query("подготовки"), exact=False)) == "text:подготовка"
    assert str(whoosh_query(parse_query("подготовки"), exact=True)) == "exact:подготовки"
    assert str(whoosh_query(parse_query("прокур*"), exact=False)) == "exact:прокур*"
    assert "оперативно-розыскной" in str(whoosh_query(parse_query("оперативно-розыскную"), False))
    assert str(whoosh_query(parse_query("оперативно-розыскную"), True)) == (
        "exact:оперативно-розыскную"
    )
