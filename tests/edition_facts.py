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
