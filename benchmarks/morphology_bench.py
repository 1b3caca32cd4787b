"""Morphology: which forms of the act's words a query would miss (not timed).

For every word of the act, every form of every paradigm pymorphy3 has for it: does a query in
that form meet the word's terms? Counted for Snowball stemming alone and for the analyser
(dictionary lemmas, stemming for the words the dictionary does not know).

Then the act's lexicon (what the search uses instead of the dictionary, ``search/lexicon.py``)
against the dictionary on a slice of the whole dictionary (every 17th entry, every 170th with
``--quick``): for each word, are the index terms it meets the same both ways?
"""

from __future__ import annotations

import itertools
import time

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
    result["lexicon"] = lexicon_scan(corpus, 170 if quick else 17)
    return {"morphology": result}


def lexicon_scan(corpus: Corpus, stride: int) -> dict:
    """Dictionary words through the act's lexicon and through the dictionary: the index terms
    each meets, compared. "more" are words the lexicon lets meet a term the dictionary does
    not (their stem), "missed" the other way round."""
    from gp_desktop.search.analysis import MorphTokenizer, fold, lemmas, morph_analyzer
    from gp_desktop.search.documents import documents
    from gp_desktop.search.lexicon import Lexicon

    started = time.perf_counter()
    lexicon = Lexicon.of(corpus)
    analyse = MorphTokenizer(lexicon.terms)
    terms = {t.text for doc in documents(corpus) for t in analyse(doc.text)}
    entries = morph_analyzer().dictionary.iter_known_words()
    sample = {fold(w) for w, *_ in itertools.islice(entries, 0, None, stride)}
    sample = sorted(w for w in sample if w.isalnum())
    more, missed = [], []
    for word in sample:
        ours, theirs = set(lexicon.terms(word)) & terms, set(lemmas(word)) & terms
        if theirs - ours:
            missed.append((word, sorted(theirs - ours)))
        elif ours != theirs:
            more.append((word, sorted(ours - theirs)))
    lexicon.close()
    result = {
        "index_terms": len(terms),
        "words": len(sample),
        "stride": stride,
        "more": len(more),
        "missed": len(missed),
        "examples_more": more[:: max(1, len(more) // 10)][:10],
        "examples_missed": missed[:10],
        "seconds": round(time.perf_counter() - started, 1),
    }
    report(
        f"morphology, the act's lexicon against the dictionary: {len(sample)} dictionary words "
        f"(every {stride}th entry), {len(terms)} index terms"
    )
    report(f"  meet more terms (their stem) {len(more)}, miss terms {len(missed)}")
    if more:
        report("  more e.g.: " + ", ".join(f"{w}→{t[0]}" for w, t in result["examples_more"]))
    if missed:
        report("  missed e.g.: " + ", ".join(f"{w}→{t[0]}" for w, t in missed[:8]))
    return result
