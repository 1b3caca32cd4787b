"""Russian analysis: words, folding and lemmas, checked on the act's own words."""

from __future__ import annotations

import pytest

from gp_desktop.search.analysis import (
    ExactTokenizer,
    MorphTokenizer,
    compound_terms,
    fold,
    lemmas,
    morph_analyzer,
    slots,
    stem_terms,
    words,
)


def meet(a: str, b: str) -> bool:
    """Whether a query for form ``a`` finds a text holding form ``b``."""
    return not set(lemmas(fold(a))).isdisjoint(lemmas(fold(b)))


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Ёлка", "елка"),
        ("ЁЖ", "еж"),
        ("Ұлытау", "улытау"),
        ("Жетісу", "жетису"),
        ("Мәңгілік", "мангилик"),
        ("ҒҚҢӨҮҺ", "гкноух"),
        ("әғқңөұүһі", "агкноуухи"),
        ("прокурaтура", "прокуратура"),  # a Latin «a» inside a Cyrillic word
        ("PROKURATURA", "prokuratura"),  # all-Latin words stay Latin
        ("и\u0306од", "йод"),  # decomposed «й»
    ],
)
def test_fold(typed, folded):
    assert fold(typed) == folded


def test_every_kazakh_letter_folds_to_its_russian_key():
    pairs = dict(zip("ӘҒҚҢӨҰҮҺІ", "АГКНОУУХИ", strict=True))
    for kazakh, russian in pairs.items():
        assert fold(kazakh) == russian.lower()
        assert fold(kazakh.lower()) == russian.lower()


def test_slots_point_into_the_original_text():
    text = "«Оперативно-розыскной» деятельности; Ұлытау – 01.02.2030 № 4321, подпункт 32-1)"
    found = list(slots(text))
    assert [text[s.start : s.end] for s in found] == [
        "Оперативно",
        "розыскной",
        "деятельности",
        "Ұлытау",
        "01",
        "02",
        "2030",
        "4321",
        "подпункт",
        "32",
        "1",
    ]
    assert [s.pos for s in found] == list(range(len(found)))
    # A hyphenated word carries its parts on its first part; a sentence dash joins nothing.
    assert found[0].compound == ("оперативно", "розыскной")
    assert found[9].compound == ("32", "1")
    assert all(not s.compound for s in found[1:9])


def test_tokenizers_share_positions_and_offsets():
    text = "Оперативно-розыскную деятельность"
    morph = [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in MorphTokenizer()(text, positions=True, chars=True)
    ]
    exact = [(t.text, t.pos) for t in ExactTokenizer()(text, positions=True, chars=True)]
    assert ("оперативно-розыскной", 0, 0, 10) in morph
    assert ("розыскной", 1, 11, 20) in morph
    assert ("деятельность", 2, 21, 33) in morph
    assert exact == [
        ("оперативно", 0),
        ("оперативно-розыскную", 0),
        ("розыскную", 1),
        ("деятельность", 2),
    ]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("огневая подготовка", "огневой подготовки"),
        ("люди", "человека"),  # suppletion
        ("лет", "года"),
        ("день", "дня"),  # fleeting vowel
        ("утверждённый", "утвержденный"),
        ("прав", "право"),
        ("сотрудники", "сотрудников"),
        ("Казахстан", "Казахстана"),
        ("приняли", "принятые"),
        ("вынесу", "вынесенные"),
        ("несет", "несшего"),
        ("координирующие", "координировать"),
    ],
)
def test_a_typed_form_meets_the_forms_of_the_act(query, text):
    for q, t in zip(query.split(), text.split(), strict=True):
        assert meet(q, t)


def test_snowball_alone_misses_forms_the_lemmatizer_finds():
    misses = [
        (a, b)
        for a, b in [
            ("люди", "человека"),
            ("день", "дня"),
            ("вынесу", "вынесенные"),
            ("лет", "года"),
        ]
        if set(stem_terms(a)).isdisjoint(stem_terms(b))
    ]
    assert len(misses) == 4
    assert all(meet(a, b) for a, b in misses)


def test_unknown_words_fall_back_to_the_stem():
    assert not morph_analyzer().word_is_known("шымкента")
    assert lemmas("шымкента") == lemmas("шымкенту") == stem_terms("шымкент")


def test_numbers_and_latin_words_stay_as_typed():
    assert lemmas("4321") == ("4321",)
    assert lemmas("abc") == ("abc",)
    assert lemmas("а" * 500) == ("а" * 500,)


def test_compound_terms_join_the_lemmas_of_the_parts():
    assert "оперативно-розыскной" in compound_terms(("оперативно", "розыскную"))
    assert set(compound_terms(("оперативно", "розыскных"))) == set(
        compound_terms(("оперативно", "розыскная"))
    )


def test_every_form_of_every_dictionary_word_of_the_act_finds_it(corpus):
    """The measurement of benchmarks/run.py (morphology): each form of each paradigm of each
    word of the act that the dictionary knows shares a term with the word; Snowball alone
    misses about a fifth of them."""
    morph = morph_analyzer()
    vocabulary = {w for n in corpus.nodes for w in words(f"{n.heading} {n.text}")}
    known = sorted(w for w in vocabulary if w.isalpha() and morph.word_is_known(w))
    assert len(known) > 1500
    pairs = {
        (form.word.replace("ё", "е"), word)
        for word in known
        for parse in morph.parse(word)
        if parse.is_known
        for form in parse.lexeme
    }
    missed = [(f, w) for f, w in pairs if set(lemmas(f)).isdisjoint(lemmas(w))]
    stem_missed = [(f, w) for f, w in pairs if set(stem_terms(f)).isdisjoint(stem_terms(w))]
    assert missed == []
    assert len(stem_missed) > len(pairs) // 10
