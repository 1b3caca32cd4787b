"""Morphology: which forms of the act's words a query would miss (not timed).

For every word of the act, every form of every paradigm pymorphy3 has for it: does a query in
that form meet the word's terms? Counted for Snowball stemming alone and for the analyser
(dictionary lemmas, stemming for the words the dictionary does not know).
"""

from __future__ import annotations

from harness import report
from scaled import scaled_corpus

from gp_desktop.corpus.reader import Corpus


def morphology(quick: bool) -> dict:
    """For every word of the act, query each form of its paradigm(s) and count the forms whose
    terms do not meet the word's terms, i.e. the forms that would not find it: dictionary
    words with all their paradigms, and the words the dictionary does not know (names,
    Kazakh words, typos of the source) with the paradigm pymorphy3 guesses for them."""
    from gp_desktop.search.analysis import lemmas, morph_analyzer, stem_terms, words

    corpus = Corpus(scaled_corpus(1))
    morph = morph_analyzer()
    vocabulary = sorted({w for n in corpus.nodes for w in words(f"{n.heading} {n.text}")})
    letters = [w for w in vocabulary if w.isalpha()]
    if quick:
        letters = letters[::10]
    result: dict = {"words": len(vocabulary)}
    for group in ("dictionary", "unknown"):
        chosen = [w for w in letters if morph.word_is_known(w) == (group == "dictionary")]
        pairs = set()
        for word in chosen:
            parses = morph.parse(word)
            parses = [p for p in parses if p.is_known] if group == "dictionary" else parses[:1]
            pairs.update((f.word.replace("ё", "е"), word) for p in parses for f in p.lexeme)
        missed = {
            "stemming": sorted(
                (f, w) for f, w in pairs if set(stem_terms(f)).isdisjoint(stem_terms(w))
            ),
            "lemmatizer": sorted((f, w) for f, w in pairs if set(lemmas(f)).isdisjoint(lemmas(w))),
        }
        step = max(1, len(missed["stemming"]) // 10)
        result[group] = {
            "words": len(chosen),
            "forms": len(pairs),
            "missed_stemming": len(missed["stemming"]),
            "missed_lemmatizer": len(missed["lemmatizer"]),
            "examples_stemming": missed["stemming"][::step][:10],
            "examples_lemmatizer": missed["lemmatizer"][:10],
        }
        report(f"morphology, {group} words: {len(chosen)} words, {len(pairs)} (form, word) pairs")
        for name in ("stemming", "lemmatizer"):
            count = len(missed[name])
            share = 100 * count / max(1, len(pairs))
            report(f"  {name:10}  missed {count:6} forms ({share:.1f} %)")
        for name in ("stemming", "lemmatizer"):
            if examples := result[group][f"examples_{name}"]:
                report(f"  {name} misses e.g.: " + ", ".join(f"{f}→{w}" for f, w in examples[:8]))
    return {"morphology": result}
