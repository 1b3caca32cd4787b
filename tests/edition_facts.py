"""Facts of the bundled edition of the act, in one place.

Tests check behaviour against these facts instead of naming the edition themselves, so that
importing a newer text of the act (a new amending decree) changes this file and no test.
Everything here is read off resources/acts/ukaz-2017-563.md as bundled.
"""

from __future__ import annotations

ACT_DATE = "2017-10-13"
ACT_NUMBER = "563"

# The amending decrees the text mentions, in date order (the last one dates the edition).
AMENDMENTS = [
    ("2023-05-23", "227"),
    ("2023-05-30", "238"),
    ("2023-07-31", "290"),
    ("2023-10-05", "366"),
    ("2025-04-25", "855"),
    ("2025-12-17", "1125"),
]
# The timeline: the original act first, then one event per amending decree.
TIMELINE_NUMBERS = [ACT_NUMBER] + [number for _date, number in AMENDMENTS]

EDITION_DATE, LAST_DECREE = AMENDMENTS[-1]
EDITION_DATE_RU = ".".join(reversed(EDITION_DATE.split("-")))  # «17.12.2025»
LAST_DECREE_QUERY = f"№ {LAST_DECREE}"  # as a user types it into the search field
LAST_DECREE_LABEL = f"{EDITION_DATE_RU} № {LAST_DECREE}"  # «17.12.2025 № 1125»
LAST_AMENDMENT_ID = f"ukaz-{EDITION_DATE}-{LAST_DECREE}"
EDITION_LINE = f"в редакции по состоянию на {EDITION_DATE_RU}"
# Six months after the edition's date: from this day the status bar calls the text stale.
EDITION_STALE_FROM = "2026-06-17"

# What the last decree changed: the timeline's last event lists this many clauses, and the
# search for its number finds this many footnotes (one per changed node), the first of them here.
LAST_DECREE_CHANGES = 7
LAST_DECREE_CHANGED_NODES = {"polozhenie/p-1", "polozhenie/p-2", "struktura"}  # among others
LAST_DECREE_FIRST_HIT = "polozhenie/p-1/snoska-1"
LAST_DECREE_FIRST_CHANGE = "polozhenie/p-1"
LAST_DECREE_FIRST_CHANGE_LABEL = "Положение, п. 1 — изменён"
LAST_DECREE_TIMELINE_LABEL = f"{LAST_DECREE_LABEL} — {LAST_DECREE_CHANGES} изменений"
LAST_DECREE_STATUS = f"№ {LAST_DECREE}: {LAST_DECREE_CHANGES} пунктов"

# «Changed since» a date inside the edition's last year and a half.
CHANGED_SINCE = "2025-01-01"
CHANGED_SINCE_NODES = {
    "polozhenie/p-1",
    "polozhenie/p-2",
    "polozhenie/p-11",
    "polozhenie/p-13",
    "polozhenie/p-14",
    "polozhenie/p-15",
    "polozhenie/p-19",
    "struktura",
}
# One clause changed by the last decree and one by the one before it (timeline marks).
CHANGED_BY_LAST_DECREE = "polozhenie/p-14"
CHANGED_BY_PREVIOUS_DECREE = "polozhenie/p-19"

# Clause 15 was changed by three decrees; its footnote names them all.
P15_DECREE_LABELS = ["05.10.2023 № 366", "25.04.2025 № 855", LAST_DECREE_LABEL]
P15_LINKS = {
    ("polozhenie/p-15", "ukaz-2023-10-05-366", "changed"),
    ("polozhenie/p-15", "ukaz-2025-04-25-855", "changed"),
    ("polozhenie/p-15", LAST_AMENDMENT_ID, "changed"),
}
# The footnote that names clause 11 but stands after clause 13 (attached by place).
P13_FOOTNOTE = (
    f"Сноска. Пункт 11 с изменением, внесенным Указом Президента РК от {LAST_DECREE_LABEL}."
)
P14_FOOTNOTE = (
    "Сноска. Пункт 14 с изменениями, внесенными указами Президента РК от 05.10.2023 № 366; "
    f"от {LAST_DECREE_LABEL}."
)

# Counts.
NODE_COUNT = 452
CLAUSE_COUNT = 38  # clauses of the Положение, as `check` counts them
AMENDMENT_COUNT = len(AMENDMENTS)
INSTITUTION_GROUP_SIZES = [27, 22, 18]
STRUCTURE_UNITS = 18
AMENDMENT_TABLE_ROWS = 9

# -- citations: one node of each kind, its three forms (corpus/citations.py states the rules) --
_DECREE_FULL = "Указа Президента Республики Казахстан от 13 октября 2017 года № 563"
_DECREE_TITLE = "«О некоторых вопросах органов прокуратуры Республики Казахстан»"
_BY_DECREE_FULL = "Указом Президента Республики Казахстан от 13 октября 2017 года № 563"
_BY_DECREE = "Указом Президента РК от 13.10.2017 № 563"
_POLOZHENIE = "Положения о Генеральной прокуратуре Республики Казахстан"
_STRUKTURA = "структуры Генеральной прокуратуры Республики Казахстан"
_INSTITUTIONS = (
    "перечня государственных учреждений, находящихся в ведении Генеральной прокуратуры и ее "
    "ведомств"
)
_AMENDMENTS = (
    "изменений и дополнений, которые вносятся в некоторые указы Президента Республики Казахстан"
)
_REPEALED = "перечня утративших силу некоторых указов Президента Республики Казахстан"
_COMMITTEE = "«Комитет по правовой статистике и специальным учетам Генеральной прокуратуры»"
CITATIONS = {
    # kind: (node id, citation, formal_citation, full_citation)
    "decree clause": (
        "ukaz/p-2",
        "Указ, п. 2",
        "п. 2 Указа Президента РК от 13.10.2017 № 563",
        f"пункт 2 {_DECREE_FULL} {_DECREE_TITLE}",
    ),
    "decree sub-clause": (
        "ukaz/p-1/pp-3",
        "Указ, п. 1, пп. 3)",
        "пп. 3 п. 1 Указа Президента РК от 13.10.2017 № 563",
        f"подпункт 3) пункта 1 {_DECREE_FULL} {_DECREE_TITLE}",
    ),
    "preamble": (
        "ukaz/preambula",
        "Указ, преамбула",
        "преамбула Указа Президента РК от 13.10.2017 № 563",
        f"преамбула {_DECREE_FULL} {_DECREE_TITLE}",
    ),
    "the Положение": (
        "polozhenie",
        "Положение",
        f"Положение о Генеральной прокуратуре Республики Казахстан, утв. {_BY_DECREE}",
        f"Положение о Генеральной прокуратуре Республики Казахстан, утвержденное {_BY_DECREE_FULL}",
    ),
    "chapter": (
        "polozhenie/gl-3",
        "Положение, Глава 3",
        f"гл. 3 {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"глава 3 {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "clause": (
        "polozhenie/p-19",
        "Положение, Глава 3, п. 19",
        f"п. 19 {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"пункт 19 {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "sub-clause": (
        "polozhenie/p-19/pp-8",
        "Положение, Глава 3, п. 19, пп. 8)",
        f"пп. 8 п. 19 {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"подпункт 8) пункта 19 {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "paragraph of a clause": (
        "polozhenie/p-1/abz-1",
        "Положение, Глава 1, п. 1, абз. 2",
        f"абз. 2 п. 1 {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"абзац второй пункта 1 {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "only extra paragraph of a clause": (
        "polozhenie/p-12/abz-1",
        "Положение, Глава 1, п. 12, абз. 2",
        f"абз. 2 п. 12 {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"абзац второй пункта 12 {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "paragraph of a sub-clause": (
        "polozhenie/p-14/pp-1/abz-9",
        "Положение, Глава 2, п. 14, пп. 1), абз. 10",
        f"абз. 10 пп. 1 п. 14 {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"абзац десятый подпункта 1) пункта 14 {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "paragraph after sub-clauses": (
        "polozhenie/p-19/abz-1",
        "Положение, Глава 3, п. 19, абз. 2",
        f"абз. 2 п. 19 {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"абзац второй пункта 19 {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "footnote": (
        "polozhenie/p-1/snoska-1",
        "Положение, Глава 1, п. 1, сноска",
        f"сноска к п. 1 {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"сноска к пункту 1 {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "footnote on a heading": (
        "perechen-uchrezhdeniy/snoska-1",
        "Перечень учреждений, сноска 1",
        f"сноска к заголовку {_INSTITUTIONS} (Указ Президента РК от 13.10.2017 № 563)",
        f"сноска к заголовку {_INSTITUTIONS} (Указ Президента Республики Казахстан от 13 "
        "октября 2017 года № 563)",
    ),
    "approval stamp": (
        "polozhenie/utv-1",
        "Положение, гриф",
        f"гриф утверждения {_POLOZHENIE}, утв. {_BY_DECREE}",
        f"гриф утверждения {_POLOZHENIE}, утвержденного {_BY_DECREE_FULL}",
    ),
    "the structure": (
        "struktura",
        "Структура",
        f"Структура Генеральной прокуратуры Республики Казахстан, утв. {_BY_DECREE}",
        f"Структура Генеральной прокуратуры Республики Казахстан, утвержденная {_BY_DECREE_FULL}",
    ),
    "line of the structure": (
        "struktura/ed-2",
        "Структура, абз. 2",
        f"абз. 2 {_STRUKTURA}, утв. {_BY_DECREE}",
        f"абзац второй {_STRUKTURA}, утвержденной {_BY_DECREE_FULL}",
    ),
    "institution of the first group": (
        "perechen-uchrezhdeniy/gr-1/pp-1",
        "Перечень учреждений, Генеральная прокуратура, 1)",
        f"пп. 1 разд. «Генеральная прокуратура» {_INSTITUTIONS} (Указ Президента РК от "
        "13.10.2017 № 563)",
        f"подпункт 1) раздела «Генеральная прокуратура» {_INSTITUTIONS} (Указ Президента "
        "Республики Казахстан от 13 октября 2017 года № 563)",
    ),
    "institution of the second group": (
        "perechen-uchrezhdeniy/gr-2/pp-1",
        "Перечень учреждений, Комитет по правовой статистике и специальным учетам Генеральной "
        "прокуратуры, 1)",
        f"пп. 1 разд. {_COMMITTEE} {_INSTITUTIONS} (Указ Президента РК от 13.10.2017 № 563)",
        f"подпункт 1) раздела {_COMMITTEE} {_INSTITUTIONS} (Указ Президента Республики "
        "Казахстан от 13 октября 2017 года № 563)",
    ),
    "clause of the amendments": (
        "izmeneniya/p-3/pp-2/abz-1",
        "Изменения и дополнения, п. 3, пп. 2), абз. 2",
        f"абз. 2 пп. 2 п. 3 {_AMENDMENTS}, утв. {_BY_DECREE}",
        f"абзац второй подпункта 2) пункта 3 {_AMENDMENTS}, утвержденных {_BY_DECREE_FULL}",
    ),
    "table": (
        "izmeneniya/p-6/tabl-1",
        "Изменения и дополнения, п. 6, табл.",
        f"табл. п. 6 {_AMENDMENTS}, утв. {_BY_DECREE}",
        f"таблица пункта 6 {_AMENDMENTS}, утвержденных {_BY_DECREE_FULL}",
    ),
    "repealed decree": (
        "perechen-utrativshih/p-2",
        "Перечень утративших силу указов, п. 2",
        f"п. 2 {_REPEALED}, утв. {_BY_DECREE}",
        f"пункт 2 {_REPEALED}, утвержденного {_BY_DECREE_FULL}",
    ),
    "annex paragraph": (
        "prilozhenie-1/abz-2",
        "Приложение 1. Общая штатная численность прокуратуры Республики Казахстан, абз. 2",
        "абз. 2 прил. 1 к Указу Президента РК от 13.10.2017 № 563",
        "абзац второй приложения 1 к Указу Президента Республики Казахстан от 13 октября 2017 "
        "года № 563",
    ),
    "restricted part": (
        "dsp-2",
        "Документ для служебного пользования (2)",
        f"Второй документ для служебного пользования, утв. {_BY_DECREE}",
        f"Второй документ для служебного пользования, утвержденный {_BY_DECREE_FULL}",
    ),
    "marker of a restricted part": (
        "dsp/pometka-2",
        "Документ для служебного пользования (1), пометка «Экз. № 08»",
        f"пометка «Экз. № 08» первого документа для служебного пользования, утв. {_BY_DECREE}",
        "пометка «Экз. № 08» первого документа для служебного пользования, утвержденного "
        f"{_BY_DECREE_FULL}",
    ),
    "restricted annex": (
        "prilozhenie-2/pometka-1",
        "Приложение 2, пометка «Для служебного пользования»",
        "пометка «Для служебного пользования» прил. 2 к Указу Президента РК от 13.10.2017 № 563",
        "пометка «Для служебного пользования» приложения 2 к Указу Президента Республики "
        "Казахстан от 13 октября 2017 года № 563",
    ),
}
# What people type, and where it leads.
TYPED_REFERENCES = {
    "п. 2 Указа": "ukaz/p-2",
    "8) п. 19": "polozhenie/p-19/pp-8",
    "абз. 2 п. 1": "polozhenie/p-1/abz-1",
    "подпункт 3-1) пункта 15": "polozhenie/p-15/pp-3-1",
    "пункт 19 Положения": "polozhenie/p-19",
    "абзац второй пункта 1": "polozhenie/p-1/abz-1",
    "абзацем десятым подпункта 1) пункта 14": "polozhenie/p-14/pp-1/abz-9",
    "абзац шестьдесят пятый подпункта 1) пункта 14": "polozhenie/p-14/pp-1/abz-64",
    "п. 14, пп. 1), абз. 10": "polozhenie/p-14/pp-1/abz-9",
    "пп. 1) п. 1 Указа": "ukaz/p-1/pp-1",
    "преамбула": "ukaz/preambula",
    "абзац первый структуры": "struktura/ed-1",
    "п. 3 перечня утративших силу": "perechen-utrativshih/p-3",
    "п. 6 изменений и дополнений": "izmeneniya/p-6",
    "абз. 1 прил. 1": "prilozhenie-1/abz-1",
    "пп. 1 разд. «Генеральная прокуратура»": "perechen-uchrezhdeniy/gr-1/pp-1",
    "п.19 пп.8": "polozhenie/p-19/pp-8",
    "глава 3 пункт 19": "polozhenie/p-19",
}
# References that name nothing in the act.
UNKNOWN_REFERENCES = ["99", "п. 99", "глава 2 пункт 19", "абз. 9 п. 1", "19 мая", "прокуратура"]

# -- the history's wording: what the original decree did to each document, in agreement --
ENACTED_TITLES = {
    "ukaz": "Указ — подписан",
    "polozhenie": "Положение — утверждено",
    "struktura": "Структура — утверждена",
    "izmeneniya": "Изменения и дополнения — утверждены",
    "perechen-utrativshih": "Перечень утративших силу указов — утверждён",
    "perechen-uchrezhdeniy": "Перечень учреждений — в исходной редакции",
}
# «Сноска. Заголовок – в редакции Указа … № 366»: a new edition of the heading only.
HEADING_EDITION = ("perechen-uchrezhdeniy", "366")
HEADING_EDITION_TITLE = "Перечень учреждений, заголовок — в новой редакции"
# A sub-clause and the footnote of its clause, which applies to it («Пункт 19 с изменениями …»).
INHERITED_FOOTNOTE = ("polozhenie/p-19/pp-8", "polozhenie/p-19/snoska-1")
