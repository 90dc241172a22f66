"""Scoring functions of `linimasa eval real` on small hand-made inputs (no linimasa run)."""

from __future__ import annotations

from linimasa.evaluate.real import (
    Doc,
    docs_from_export,
    locate,
    merge_splits,
    norm_name,
    score,
    score_merge,
)

RAW = (
    "Prabowo Bertemu Putin\n"
    "Rabu, 18 Jun 2025 10:00 WIB\n"
    "JAKARTA - Presiden Prabowo Subianto bertemu Vladimir Putin di Moskow, Kamis (19/6/2025).\n"
    "Baca juga: Prabowo ke Rusia\n"
    "Prabowo tiba di Moskow kemarin.\n"
)
# the clean text linimasa might make of it: title, date line, dateline and the related link dropped
TEXT = (
    "Presiden Prabowo Subianto bertemu Vladimir Putin di Moskow, Kamis (19/6/2025).\n\nPrabowo tiba di Moskow kemarin."
)


def at(s: str, needle: str, k: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(k):
        i = s.index(needle, i + 1)
    return i, i + len(needle)


def gold_doc() -> Doc:
    line3 = at(RAW, "Presiden")[0], at(RAW, "(19/6/2025).")[1]
    line5 = at(RAW, "Prabowo tiba")[0], at(RAW, "kemarin.")[1]
    ments = []
    for text, k, typ, ent in [
        ("Prabowo Subianto", 1, "PER", "prabowo"),
        ("Vladimir Putin", 1, "PER", "putin"),
        ("Moskow", 1, "GPE", "moskow"),
        ("Prabowo", 4, "PER", "prabowo"),
        ("Moskow", 2, "GPE", "moskow"),
    ]:
        s, e = at(RAW, text, k)
        ments.append({"start": s, "end": e, "text": text, "type": typ, "entity": ent})
    tx = []
    for text, typ, val in [("Kamis (19/6/2025)", "DATE", "2025-06-19"), ("kemarin", "DATE", "2025-06-17")]:
        s, e = at(RAW, text)
        tx.append({"start": s, "end": e, "text": text, "type": typ, "value": val})
    return Doc(
        file="a.txt",
        text=RAW,
        body=[line3, line5],
        mentions=ments,
        timexes=tx,
        meta={
            "title": "Prabowo Bertemu Putin",
            "outlet": "Kompas.com",
            "dateline": "Jakarta",
            "published": "2025-06-18T10:00",
            "authors": ["Ani Budi"],
        },
    )


def sys_mention(text: str, k: int, typ: str, ent: str) -> dict:
    s, e = at(TEXT, text, k)
    return {"start": s, "end": e, "text": text, "type": typ, "entity": ent}


def test_locate_uses_context_and_gives_up_without_it():
    s, e = at(RAW, "Prabowo", 4)  # "Prabowo tiba": the second Prabowo of TEXT, not the first
    assert locate(RAW, s, e, TEXT) == at(TEXT, "Prabowo", 2)
    s, e = at(RAW, "Prabowo", 3)  # in the dropped "Baca juga" line: no occurrence with its context
    assert locate(RAW, s, e, TEXT) is None
    assert locate(RAW, 0, 7, "nothing here") is None


def test_entities_exact_span_and_type_and_body():
    sysd = Doc(
        file="a.txt",
        text=TEXT,
        meta={},
        mentions=[
            sys_mention("Prabowo Subianto", 1, "PER", "S1"),
            sys_mention("Vladimir Putin", 1, "ORG", "S2"),  # right span, wrong type
            sys_mention("Moskow", 1, "GPE", "S3"),
            sys_mention("Prabowo", 2, "PER", "S1"),
            sys_mention("Moskow", 2, "GPE", "S4"),  # not merged with the first Moskow
            sys_mention("Kamis", 1, "PER", "S5"),  # spurious
        ],
    )
    r = score([gold_doc()], {"a.txt": sysd})
    ent = r["entities"]
    assert ent["exact"]["tp"] == 4 and ent["exact"]["gold"] == 5 and ent["exact"]["system"] == 6
    assert ent["span_only"]["tp"] == 5
    assert ent["by_type"]["PER"]["tp"] == 2
    # pairs: prabowo (2 mentions) and moskow (2): gold 2 pairs; system joins prabowo only
    merge = ent["merge"]["all_pairs"]
    assert (merge["pairs_gold"], merge["pairs_system"], merge["pairs_both"]) == (2, 1, 1)
    assert merge["precision"] == 1.0 and merge["recall"] == 0.5
    # distinct forms: "Prabowo Subianto"/"Prabowo" is one, "Moskow"/"Moskow" is not
    d = ent["merge"]["distinct_forms"]
    assert (d["pairs_gold"], d["pairs_both"]) == (1, 1)


def test_system_mentions_outside_the_body_are_ignored():
    text = "Prabowo ke Rusia\n\n" + TEXT  # linimasa kept the related link: its mentions are not scored
    sysd = Doc(
        file="a.txt",
        text=text,
        meta={},
        mentions=[
            {"start": 0, "end": 7, "text": "Prabowo", "type": "PER", "entity": "S1"},
            {"start": 11, "end": 16, "text": "Rusia", "type": "GPE", "entity": "S2"},
        ],
    )
    r = score([gold_doc()], {"a.txt": sysd})
    assert r["entities"]["ignored_outside_body"] == 2
    assert r["entities"]["exact"]["system"] == 0


def test_timexes_relaxed_and_value():
    s1, e1 = at(TEXT, "(19/6/2025)")  # overlaps the gold "Kamis (19/6/2025)"
    s2, e2 = at(TEXT, "kemarin")
    sysd = Doc(
        file="a.txt",
        text=TEXT,
        meta={},
        timexes=[
            {"start": s1, "end": e1, "text": "(19/6/2025)", "type": "DATE", "value": "2025-06-19"},
            {"start": s2, "end": e2, "text": "kemarin", "type": "DATE", "value": "2025-06-18"},  # wrong value
        ],
    )
    t = score([gold_doc()], {"a.txt": sysd})["timexes"]
    assert t["recognition_relaxed"]["f1"] == 1.0
    assert t["value"]["tp"] == 1 and t["value"]["f1"] == 0.5


def test_meta_and_outlet_names():
    assert norm_name("detik.com") == norm_name("detikcom") == norm_name("Detikcom")
    assert norm_name("Kompas.com") == norm_name("KOMPAS.com") == "kompas"
    assert norm_name("The Guardian") == norm_name("Guardian")
    assert norm_name("AP") == norm_name("Associated Press")
    sysd = Doc(
        file="a.txt",
        text=TEXT,
        meta={
            "title": "Prabowo Bertemu Putin",
            "outlet": "KOMPAS.com",
            "dateline": "JAKARTA",
            "published": "2025-06-18",
            "authors": ["ani budi"],
        },
    )
    m = score([gold_doc()], {"a.txt": sysd})["meta"]
    assert m["outlet"] == m["dateline"] == m["published"] == m["authors"] == m["title"] == 1.0
    m = score([gold_doc()], {})["meta"]  # an article linimasa lost scores nothing
    assert m["outlet"] == 0.0 and m["authors_where_credited"] == 0.0


def test_merge_across_articles():
    matched = [
        ("kpk", "S1", "KPK"),
        ("kpk", "S1", "Komisi Pemberantasan Korupsi"),
        ("kpk", "S2", "KPK"),
        ("bogor-kota", "S3", "Bogor"),
        ("bogor-kab", "S3", "Bogor"),
    ]
    m = score_merge(matched)
    assert m["all_pairs"]["pairs_gold"] == 3 and m["all_pairs"]["pairs_system"] == 2
    assert m["all_pairs"]["pairs_both"] == 1  # the over-merged Bogor pair is the system's wrong one
    assert m["all_pairs"]["precision"] == 0.5


def test_merge_splits_lists_missed_and_wrong_merges():
    matched = [
        ("kpk", "S1", "KPK"),
        ("kpk", "S1", "Komisi Pemberantasan Korupsi"),
        ("kpk", "S2", "KPK"),
        ("bogor-kota", "S3", "Bogor"),
        ("bogor-kab", "S3", "Bogor"),
    ]
    files = ["a.txt", "a.txt", "b.txt", "a.txt", "c.txt"]
    split = merge_splits(matched, files)
    assert split == [(2, "KPK/Komisi Pemberantasan Korupsi [a] | KPK [b]")]  # two pairs with the b mention lost
    joined = merge_splits([(s, g, t) for g, s, t in matched], files)
    assert joined == [(1, "Bogor [a] | Bogor [c]")]


def test_docs_from_export():
    export = {
        "articles": [
            {
                "id": "x",
                "source": "/data/a.txt",
                "text": TEXT,
                "title": "T",
                "outlet": "Kompas.com",
                "dateline": None,
                "published": {"value": "2025-06-18", "precision": "day"},
                "authors": [],
            }
        ],
        "entities": [
            {
                "id": "E1",
                "type": "PER",
                "mentions": [{"article": "x", "start": 9, "end": 25, "text": "Prabowo Subianto"}],
            },
            {"id": "E2", "type": "OTHER", "mentions": [{"article": "x", "start": 0, "end": 8, "text": "Presiden"}]},
        ],
        "timexes": [
            {"article": "x", "start": 0, "end": 5, "text": "Rabu,", "type": "DATE", "value": "2025-06-18", "line": 2}
        ],
    }
    docs = docs_from_export(export, {"/data/a.txt": "a.txt"})
    d = docs["a.txt"]
    assert d.meta["published"] == "2025-06-18"
    assert [m["entity"] for m in d.mentions] == ["E1"]  # OTHER is left out
    assert d.timexes == []  # a timex of a metadata line is not in the text


def test_locate_a_name_broken_over_lines():
    raw = "killing all 72 people aboard a plane of Yeti\nAirlines.\n"
    text = "killing all 72 people aboard a plane of Yeti Airlines."
    s, e = at(raw, "Yeti\nAirlines")
    assert locate(raw, s, e, text) == at(text, "Yeti Airlines")


def test_every_set_names_gold_files_that_exist():
    """A `--set` that names a gold file nobody built fails at run time only; catch it here (the files
    are only checked for existence: no set is scored and test is not read)."""
    from linimasa.evaluate.real import SETS, default_gold_dir

    gold = default_gold_dir()
    missing = sorted({part for parts in SETS.values() for part in parts if not (gold / f"{part}.jsonl").exists()})
    assert missing == []


def test_a_shorter_timex_in_a_repeated_paragraph_is_scored_where_the_gold_one_is():
    """A feed that repeats the article glued before the body's own copy (republika): a system timex
    shorter than the gold one is scored on the gold one's place, not located back alone onto the glued
    copy outside the body (and ignored)."""
    para = "Festival digelar Rabu, 2 Juli 2025 mendatang di kampus itu."
    raw = "Kamis 19 Jun 2025 10:01 WIB\n" + "Pembuka. " + para + " Penutup.\n" + para + "\n"
    body_start = raw.rindex(para)
    gs = raw.index("Rabu, 2 Juli 2025 mendatang", body_start)
    gold = Doc(
        file="r.txt",
        text=raw,
        body=[(body_start, body_start + len(para))],
        timexes=[{"start": gs, "end": gs + 27, "text": "Rabu, 2 Juli 2025 mendatang", "type": "DATE",
                  "value": "2025-07-02"}],
        layers=("meta", "timexes"),
    )
    ss = para.index("Rabu")
    sysd = Doc(
        file="r.txt",
        text=para,
        timexes=[{"start": ss, "end": ss + 17, "text": "Rabu, 2 Juli 2025", "type": "DATE", "value": "2025-07-02"}],
    )
    t = score([gold], {"r.txt": sysd})["timexes"]
    assert t["recognition_relaxed"]["f1"] == 1.0 and t["value"]["f1"] == 1.0
