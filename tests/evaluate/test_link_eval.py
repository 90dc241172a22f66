"""`linimasa eval link` scoring on hand-made system outputs (no pipeline run, no gold-set files)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from linimasa.evaluate import link
from linimasa.evaluate.link import (
    bcubed,
    cosine_pairs,
    duplicate_recall_by_kind,
    duplicate_scores,
    effective_stories,
    exact_hash_duplicates,
    single_link,
)


def test_bcubed_on_a_worked_example() -> None:
    # gold {a,b} {c,d,e}; system {a,b,c} {d,e}: per-item precision 2/3 2/3 1/3 1 1, recall 1 1 1/3 2/3 2/3
    gold = {"a": "G1", "b": "G1", "c": "G2", "d": "G2", "e": "G2"}
    system = {"a": "S1", "b": "S1", "c": "S1", "d": "S2", "e": "S2"}
    s = bcubed(gold, system)
    assert s["precision"] == pytest.approx(11 / 15, abs=1e-4)
    assert s["recall"] == pytest.approx(11 / 15, abs=1e-4)
    assert s["f1"] == pytest.approx(11 / 15, abs=1e-4)


def test_bcubed_extremes() -> None:
    gold = {"a": "G1", "b": "G1", "c": "G2", "d": "G2", "e": "G2"}
    alone = bcubed(gold, {f: f for f in gold})
    assert alone["precision"] == 1.0 and alone["recall"] == pytest.approx(0.4)
    together = bcubed(gold, dict.fromkeys(gold, "X"))
    assert together["recall"] == 1.0 and together["precision"] == pytest.approx((2 * 2 / 5 + 3 * 3 / 5) / 5)
    assert bcubed(gold, gold) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


GOLD_DUP: dict[str, str | None] = {"a": None, "b": "a", "c": "a", "d": None, "e": "d", "f": None}


def test_duplicate_scores_count_links_into_the_gold_group() -> None:
    # c -> b is right (b is a copy of c's original); e -> f is wrong
    s = duplicate_scores(GOLD_DUP, {"a": None, "b": "a", "c": "b", "d": None, "e": "f", "f": None})
    assert s["gold_duplicates"] == 3 and s["system_links"] == 3
    assert s["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["recall"] == pytest.approx(2 / 3, abs=1e-4)


def test_duplicate_scores_do_not_punish_another_original() -> None:
    # the system takes b and e for the originals: every link joins one gold group
    flipped: dict[str, str | None] = {"a": "b", "b": None, "c": "b", "d": "e", "e": None, "f": None}
    s = duplicate_scores(GOLD_DUP, flipped)
    assert s["precision"] == 1.0 and s["recall"] == 1.0
    # ... but the strict variant wants the gold original as the target's root
    assert s["precision_strict"] == pytest.approx(1 / 3, abs=1e-4)
    assert s["recall_strict"] == pytest.approx(1 / 3, abs=1e-4)


def test_duplicate_scores_without_links() -> None:
    s = duplicate_scores(GOLD_DUP, dict.fromkeys(GOLD_DUP))
    assert s["precision"] is None and s["recall"] == 0.0
    # linking a group of three twice to the same member cannot count for more than its two copies
    s = duplicate_scores(GOLD_DUP, {"a": "b", "b": "a", "c": "a", "d": None, "e": None, "f": None})
    assert s["recall"] == pytest.approx(2 / 3, abs=1e-4) and s["precision"] == 1.0


def test_recall_by_kind() -> None:
    arts: dict[str, dict[str, Any]] = {
        "a": {"duplicate_of": None, "kind": "real", "transform": None},
        "b": {"duplicate_of": "a", "kind": "planted", "transform": "trim"},
        "c": {"duplicate_of": "a", "kind": "republication", "transform": None},
    }
    by_kind = duplicate_recall_by_kind(arts, {"a": None, "b": "a", "c": None})
    assert by_kind == {"planted:trim": 1.0, "republication": 0.0}
    # found either way round: the original points to its copy
    assert duplicate_recall_by_kind(arts, {"a": "c", "b": None, "c": None})["republication"] == 1.0


def test_a_duplicate_counts_in_its_originals_story() -> None:
    stories = {"a": "S", "b": None, "c": None, "d": "T"}
    dups: dict[str, str | None] = {"a": None, "b": "a", "c": None, "d": "a"}
    eff = effective_stories(stories, dups)
    assert eff["a"] == eff["b"] == eff["d"] == "S"
    assert eff["c"] not in ("S", "T") and eff["c"] != effective_stories({"x": None}, {"x": None})["x"]


def test_exact_hash_points_to_the_earliest_copy() -> None:
    texts = {"x": "Gempa  di Garut.\n", "y": "Gempa di Garut.", "z": "Banjir di Jakarta."}
    out = exact_hash_duplicates(texts, {"x": "2025-06-19T08:00", "y": "2025-06-18T15:24", "z": "2025-06-18"})
    assert out == {"x": "y", "y": None, "z": None}


def test_tfidf_single_link_joins_through_a_chain() -> None:
    texts = {
        "a": "gunung lewotobi erupsi penerbangan bali dibatalkan",
        "b": "erupsi lewotobi penerbangan dibatalkan bandara ditutup",
        "c": "bandara ditutup abu vulkanik maskapai",
        "d": "timnas voli putra indonesia kalahkan thailand",
    }
    sims = cosine_pairs(texts)
    assert ("a", "d") not in sims  # no shared word
    clusters = single_link(texts, sims, 0.1)
    assert clusters["a"] == clusters["b"] == clusters["c"] != clusters["d"]
    assert len(set(single_link(texts, sims, 0.99).values())) == 4


def test_evaluate_reads_the_gold_and_scores_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def art(split: str, story: str, dup: str | None, kind: str = "real", transform: str | None = None) -> dict:
        return {"split": split, "story": story, "duplicate_of": dup, "kind": kind, "transform": transform,
                "published": "2025-06-18"}

    gold = {"articles": {"a.txt": art("dev", "S1", None), "b.txt": art("dev", "S1", "a.txt", "planted", "trim"),
                         "c.txt": art("dev", "S2", None), "z.txt": art("test", "S3", None)}, "stories": {}}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    for f, a in gold["articles"].items():
        (tmp_path / "corpus" / a["split"]).mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / a["split"] / f).write_text(f"title {f}\nbody\n", encoding="utf-8")
    seen: list[list[str]] = []

    def fake_run(paths: list[Path]) -> dict[str, dict[str, Any]]:
        seen.append(sorted(p.name for p in paths))
        return {
            "a.txt": {"duplicate_of": None, "story": "x", "text": "gempa garut magnitudo", "published": "2025-06-18"},
            "b.txt": {"duplicate_of": "a.txt", "story": None, "text": "gempa garut", "published": "2025-06-18"},
            "c.txt": {"duplicate_of": None, "story": "x", "text": "timnas voli", "published": "2025-06-19"},
        }

    monkeypatch.setattr(link, "run_linimasa", fake_run)
    r = link.evaluate(tmp_path, "dev", sweep=True)
    assert seen == [["a.txt", "b.txt", "c.txt"]]
    assert r["gold"] == {"files": 3, "stories": 2, "duplicates": 1, "kinds": {"real": 2, "planted": 1}}
    assert r["linimasa"]["duplicates"]["precision"] == 1.0 and r["linimasa"]["duplicates"]["recall"] == 1.0
    # b joins a's story "x", which also holds c: precision (2/3 + 2/3 + 1/3) / 3
    assert r["linimasa"]["stories"]["precision"] == pytest.approx(5 / 9, abs=1e-4)
    assert r["linimasa"]["stories"]["recall"] == 1.0
    assert r["exact_hash"]["duplicates"]["system_links"] == 0
    assert "tfidf_sweep" in r and r["tfidf_single_link"]["threshold"] == link.TFIDF_THRESHOLD


GOLD_DIR = Path(__file__).resolve().parents[2] / "eval" / "link-id"


@pytest.mark.skipif(not (GOLD_DIR / "gold.json").is_file(), reason="eval/link-id not built")
@pytest.mark.parametrize("split", link.SETS)
def test_the_gold_itself_scores_one(split: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A system that returns the gold (through the same glue) gets 1.0 everywhere: the gold set is
    consistent (every duplicate in its original's story, every file present)."""
    gold = link.load_gold(GOLD_DIR)
    arts = {f: a for part in link.parts_of(split) for f, a in link.split_gold(gold, part).items()}
    assert arts, split

    def perfect(paths: list[Path]) -> dict[str, dict[str, Any]]:
        return {p.name: {"duplicate_of": arts[p.name]["duplicate_of"], "story": arts[p.name]["story"],
                         "text": p.name, "published": arts[p.name]["published"]} for p in paths}

    monkeypatch.setattr(link, "run_linimasa", perfect)
    r = link.evaluate(GOLD_DIR, split)
    assert r["linimasa"]["duplicates"]["precision"] == r["linimasa"]["duplicates"]["recall"] == 1.0
    assert r["linimasa"]["duplicates"]["precision_strict"] == 1.0
    assert r["linimasa"]["stories"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_shuffled_orders_keep_the_days_in_order_and_differ_by_seed() -> None:
    arts = {f"06{d}-{i:04d}.txt": {"source_row": {"file": f"scrapping_news_2025-06-{d}.csv", "record": i}}
            for d in ("18", "19", "20") for i in range(1, 9)}
    arts["0619-0003~trim.txt"] = {"source_row": {"file": "scrapping_news_2025-06-19.csv", "record": 3}}
    paths = [Path("corpus") / f for f in sorted(arts, reverse=True)]
    orders = [link.shuffled_within_days(paths, arts, seed) for seed in (1, 2, 3)]
    for order in orders:
        assert sorted(order) == sorted(paths)  # every file once
        days = [link.arrival_day(p.name, arts[p.name]) for p in order]
        assert days == sorted(days)  # a day's scrape arrives after the day before
    assert orders[0] == link.shuffled_within_days(paths, arts, 1)  # a seed is one order
    assert len({tuple(o) for o in orders}) == 3
    assert orders[0][:8] != sorted(orders[0][:8])  # shuffled within the day, not by name
    # without a source row the name's MMDD is the day
    assert link.arrival_day("0620-0011.txt", {}) == "0620"


def test_order_summary_is_the_mean_and_the_lowest_of_each_figure() -> None:
    runs = [{"stories": {"precision": 0.9, "recall": 0.8, "f1": 0.85},
             "duplicates": {"precision": 1.0, "recall": 0.9}},
            {"stories": {"precision": 0.7, "recall": 0.9, "f1": 0.79},
             "duplicates": {"precision": None, "recall": 0.0}}]
    s = link.order_summary(runs)
    assert s["mean"]["stories"] == {"precision": 0.8, "recall": 0.85, "f1": 0.82}
    assert s["worst"]["stories"] == {"precision": 0.7, "recall": 0.8, "f1": 0.79}
    assert s["mean"]["duplicates"] == {"precision": 1.0, "recall": 0.45}  # None: no links, left out
    assert s["worst"]["duplicates"] == {"precision": 1.0, "recall": 0.0}


def test_evaluate_scores_each_shuffled_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each order is a run of its own, fed in its order; a run whose grouping depends on the order
    scores differently, and the summary reports their mean and worst."""
    names = ["0618-0001.txt", "0618-0002.txt", "0618-0003.txt", "0619-0001.txt"]
    gold = {"articles": {f: {"split": "dev", "story": "S1" if f != "0619-0001.txt" else "S2", "duplicate_of": None,
                             "kind": "real", "transform": None, "published": "2025-06-18"} for f in names},
            "stories": {}}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "corpus" / "dev").mkdir(parents=True)
    for f in names:
        (tmp_path / "corpus" / "dev" / f).write_text(f"title {f}\nbody\n", encoding="utf-8")
    seen: list[list[str]] = []

    def order_dependent(paths: list[Path]) -> dict[str, dict[str, Any]]:
        # the first file of the run starts a story the others of its day join only when it is 0001
        order = [p.name for p in paths]
        seen.append(order)
        first = order[0]
        return {f: {"duplicate_of": None, "story": ("s" if f.startswith("0618") and first == "0618-0001.txt"
                                                    else f), "text": f, "published": "2025-06-18"} for f in order}

    monkeypatch.setattr(link, "run_linimasa", order_dependent)
    r = link.evaluate(tmp_path, "dev", orders=4, seed=10)
    assert len(seen) == 5 and seen[0] == names  # the sorted run first, then the four orders
    assert all(o[-1] == "0619-0001.txt" for o in seen[1:])
    o = r["orders"]
    assert o["n"] == 4 and [x["seed"] for x in o["runs"]] == [10, 11, 12, 13]
    recalls = [x["stories"]["recall"] for x in o["runs"]]
    expected = [1.0 if s[0] == "0618-0001.txt" else 0.5 for s in seen[1:]]  # S1: 3/3 each, or 1/3 each
    assert recalls == expected and len(set(recalls)) == 2  # these seeds give both kinds of order
    assert o["worst"]["stories"]["recall"] == min(recalls)
    assert o["mean"]["stories"]["recall"] == pytest.approx(sum(recalls) / 4, abs=1e-4)
    buf = io.StringIO()
    link.print_result(r, out=buf)
    printed = buf.getvalue()
    assert "arrival orders shuffled within each day: 4 (seeds 10..13)" in printed
    assert "mean" in printed and "worst" in printed


def test_pooled_splits_run_apart_and_keep_their_stories_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """dev+dev2: each split runs in its own store; a story name used in both splits is two stories,
    and a system that puts every file of a run in one story is scored per run, not across them."""
    def art(split: str, story: str) -> dict:
        return {"split": split, "story": story, "duplicate_of": None, "kind": "real", "transform": None,
                "published": "2025-06-18"}

    (tmp_path / "gold.json").write_text(json.dumps({"articles": {"a.txt": art("dev", "S"), "b.txt": art("dev", "S")},
                                                    "stories": {}}), encoding="utf-8")
    (tmp_path / "gold-dev2.json").write_text(json.dumps({"articles": {"c.txt": art("dev2", "S"),
                                                                      "d.txt": art("dev2", "T")},
                                                         "stories": {"S": {"split": "dev2"}}}), encoding="utf-8")
    for split, names in (("dev", ["a.txt", "b.txt"]), ("dev2", ["c.txt", "d.txt"])):
        (tmp_path / "corpus" / split).mkdir(parents=True)
        for f in names:
            (tmp_path / "corpus" / split / f).write_text(f"title {f}\nbody\n", encoding="utf-8")
    seen: list[list[str]] = []

    def one_story(paths: list[Path]) -> dict[str, dict[str, Any]]:
        seen.append(sorted(p.name for p in paths))
        return {p.name: {"duplicate_of": None, "story": "x", "text": p.name, "published": "2025-06-18"}
                for p in paths}

    monkeypatch.setattr(link, "run_linimasa", one_story)
    r = link.evaluate(tmp_path, "dev+dev2")
    assert seen == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]
    assert r["gold"]["files"] == 4 and r["gold"]["stories"] == 3  # dev's S and dev2's S are two stories
    # dev: perfect; dev2: c and d joined (precision 1/2 each); pooled over the four files
    assert r["linimasa"]["stories"]["precision"] == pytest.approx(0.75, abs=1e-4)
    assert r["linimasa"]["stories"]["recall"] == 1.0
    assert r["parts"]["dev"]["stories"]["precision"] == 1.0
    assert r["parts"]["dev2"]["stories"]["precision"] == pytest.approx(0.5, abs=1e-4)
    assert link.evaluate(tmp_path, "dev2")["gold"]["files"] == 2


def test_the_sets_are_each_split_and_the_pools_from_dev() -> None:
    """The `--set` choices: test, each development split, and dev pooled with the next ones up to each."""
    assert link.SETS[:3] == ["test", "dev", "dev2"]
    assert "dev8" in link.SETS and "dev+dev2" in link.SETS and "dev+dev2+dev3+dev4+dev5+dev6+dev7+dev8" in link.SETS
    assert "dev9" in link.SETS and "dev+dev2+dev3+dev4+dev5+dev6+dev7+dev8+dev9" in link.SETS
    assert "dev2+dev3" not in link.SETS and len(link.SETS) == 1 + 9 + 8


@pytest.mark.parametrize("choice", ["dev3", "dev+dev2+dev3", "dev4", "dev+dev2+dev3+dev4", "dev5",
                                    "dev+dev2+dev3+dev4+dev5", "dev6", "dev+dev2+dev3+dev4+dev5+dev6",
                                    "dev7", "dev+dev2+dev3+dev4+dev5+dev6+dev7", "dev8",
                                    "dev+dev2+dev3+dev4+dev5+dev6+dev7+dev8", "dev9"])
def test_the_command_takes_the_third_development_split(choice: str, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """`--set dev3` .. `--set dev8` and the pools `dev+dev2+dev3` .. `dev+dev2+dev3+dev4+dev5+dev6+dev7+dev8` reach
    evaluate() as such, with the TF-IDF sweep (no test
    split among them); an unknown set is refused by the parser."""
    calls: list[tuple[str, bool]] = []

    def fake(gold_dir: Path, split: str, sweep: bool = False, orders: int = 0, seed: int = 1) -> dict[str, Any]:
        calls.append((split, sweep))
        return {"set": split}

    monkeypatch.setattr(link, "evaluate", fake)
    assert link.main(["--set", choice, "--json"]) == 0
    assert calls == [(choice, True)]
    assert json.loads(capsys.readouterr().out) == {"set": choice}
    with pytest.raises(SystemExit):
        link.main(["--set", "dev10"])


@pytest.mark.skipif(not (GOLD_DIR / "gold.json").is_file(), reason="eval/link-id not built")
def test_alone_scores_each_story_alone_and_pairs_together_leaving_the_timeline_test_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`--alone`: the gold's own stories give one story each and pairs scored 1.0; a system that puts
    every file in a story of its own splits every story; eval/timeline-id's test stories are left out."""
    gold = link.load_gold(GOLD_DIR)
    arts = link.split_gold(gold, "dev6")

    def perfect(paths: list[Path]) -> dict[str, dict[str, Any]]:
        return {p.name: {"duplicate_of": None, "story": arts[p.name]["story"], "text": "", "published": None}
                for p in paths}

    monkeypatch.setattr(link, "run_linimasa", perfect)
    r = link.alone(GOLD_DIR, "dev6")
    assert r["stories"] > 3 and r["one_story"] == r["stories"] and r["outside_largest_piece"] == 0
    assert r["pairs"] == r["stories"] - 1 and r["pairs_precision"] == r["pairs_recall"] == 1.0
    assert r["confusable"] > 0 and r["confusable_precision"] == r["confusable_recall"] == 1.0
    assert r["confusable_mixed"] == 0
    assert "dev6/tannur-bribery-case" in r["left_out"]
    assert all(x["story"] != "tannur-bribery-case" for x in r["runs"])
    assert all(3 <= x["articles"] <= 12 for x in r["runs"])

    def each_alone(paths: list[Path]) -> dict[str, dict[str, Any]]:
        return {p.name: {"duplicate_of": None, "story": p.name, "text": "", "published": None} for p in paths}

    monkeypatch.setattr(link, "run_linimasa", each_alone)
    r = link.alone(GOLD_DIR, "dev6")
    assert r["one_story"] == 0 and r["pairs_precision"] == 1.0 and r["pairs_recall"] < 0.5
    assert r["confusable_precision"] == 1.0 and r["confusable_recall"] < 1.0
    shown, hidden = io.StringIO(), io.StringIO()
    link.print_alone(r, shown)
    link.print_alone(r, hidden, details=False)  # the held-out split: no story read one by one
    assert "split: dev6/" in shown.getvalue() and "split:" not in hidden.getvalue()

    def one_for_all(paths: list[Path]) -> dict[str, dict[str, Any]]:
        return {p.name: {"duplicate_of": None, "story": "s", "text": "", "published": None} for p in paths}

    monkeypatch.setattr(link, "run_linimasa", one_for_all)
    r = link.alone(GOLD_DIR, "dev6")
    assert r["confusable_mixed"] == r["confusable"] and r["confusable_precision"] < 1.0


@pytest.mark.skipif(not (GOLD_DIR / "gold.json").is_file(), reason="eval/link-id not built")
def test_alone_on_the_held_out_split_names_no_story(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """`--alone --set test` prints figures only, in JSON too: the held-out stories are never listed."""
    def each_alone(paths: list[Path]) -> dict[str, dict[str, Any]]:
        return {p.name: {"duplicate_of": None, "story": p.name, "text": "", "published": None} for p in paths}

    monkeypatch.setattr(link, "run_linimasa", each_alone)
    assert link.main(["--set", "test", "--alone", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["stories"] > 0 and not {"runs", "pair_runs", "confusable_runs"} & set(out)
    assert link.main(["--set", "test", "--alone"]) == 0
    assert "split:" not in capsys.readouterr().out
