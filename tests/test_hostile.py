"""Hostile input: every article stage in time linear in the article's length, and a time budget for
whatever is not.

Timing tests compare a text with the same text four times as long (linear: about 4x; the quadratic
and exponential cases of issue 12 were 16x and worse) and with ordinary text of the same size, with
margins wide enough for a busy CI machine. `bench/hostile.py` measures the same inputs at 10 KB to
2 MB.
"""

from __future__ import annotations

import itertools
import re
import threading
import time

import pytest

import linimasa
from linimasa import resources
from linimasa.batch import run_batch
from linimasa.evaluate.hostile import HOSTILE, ordinary
from linimasa.ingest import Source, ingest_text
from linimasa.model import Article
from linimasa.pipeline import Pipeline, TimeBudget
from linimasa.store.sqlite import SQLiteStore
from linimasa.timex.lexicon import lexicon

SMALL, LARGE = 4_000, 16_000
_NONCE = itertools.count()


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    p = Pipeline(corpus_stages=[])
    p.process_article(ingest_text("Presiden Joko Widodo tiba di Jakarta pada Senin (3/6/2024)."))  # load models
    return p


def _cost(pipe: Pipeline, text: str, repeats: int = 2) -> float:
    best = float("inf")
    for _ in range(repeats):
        art = ingest_text(f"{text}\n\nTamat {next(_NONCE)}.")  # a new text each time: no per-text cache helps
        t = time.process_time()
        pipe.process_article(art)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_costs_what_its_size_costs(pipe, name):
    """Four times the text costs about four times as much (never 16x), and no hostile input costs
    much more than ordinary text of its size."""
    gen = HOSTILE[name]
    small, large = _cost(pipe, gen(SMALL)), _cost(pipe, gen(LARGE))
    plain = _cost(pipe, ordinary(LARGE))
    assert large <= max(8 * small, 0.05), f"{name}: {small:.3f}s -> {large:.3f}s for 4x the text"
    assert large <= max(8 * plain, 0.2), f"{name}: {large:.3f}s vs {plain:.3f}s for ordinary text"


def test_issue_12_cases_finish_at_once(pipe):
    """The exact inputs of the issue: 20 repeated multipliers took 8.6 s; 247 bytes did not finish."""
    cases = [
        "Ada dua puluh " + "puluh " * 20 + "orang.",
        "There were two hundred " + "hundred " * 24 + "people.",
        ("dua puluh " + "puluh " * 40 + "orang ")[:247],
        "Berita\n" + "Juni " * 160,
        "Berita\n(" + "A " * 4096,
    ]
    for text in cases:
        assert _cost(pipe, text, repeats=1) < 2.0, text[:40]


def _vocabulary(lang: str) -> list[str]:
    data = resources.load(lang, "timex")
    words: set[str] = set()

    def walk(x: object) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                words.add(str(k))
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str) and len(x) < 30:
            words.add(x)

    for key, value in data.items():
        if key != "rules":
            walk(value)
    for rule in data.get("rules") or []:
        words.update(w for w in re.findall(r"[a-z]{2,}", rule["pattern"]))
    words.update(["18/6/2025", "12", "2025", "(", ")", ",", ".", "-", ":", "12:30", "(18/6)", "ke-"])
    return sorted(words)


def _finditer_cost(regex: re.Pattern[str], text: str) -> float:
    t = time.perf_counter()
    for _ in regex.finditer(text):
        pass
    return time.perf_counter() - t


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_timex_rule_is_linear_on_runs_of_its_own_words(lang):
    """Each rule on a word of the language's lists repeated (with and without spaces), and on a run
    of white space after it: a pattern that backtracks over a run (nested repetition, two
    quantifiers over the same spaces) costs 16x or more for 4x the run."""
    rules = lexicon(lang).rules
    slow = []
    for word in _vocabulary(lang):
        for unit, head in ((word + " ", ""), (word, ""), (word + ", ", ""), (" ", word)):
            small = head + unit * max(1, 300 // len(unit))
            large = head + unit * max(4, 1200 // len(unit))
            for rule in rules:
                t1 = _finditer_cost(rule.regex, small)
                if t1 < 0.002:
                    continue
                t2 = _finditer_cost(rule.regex, large)
                if t2 > 10 * t1 and t2 > 0.02:  # measure again, the fastest of five: a busy machine adds noise
                    t1 = min(_finditer_cost(rule.regex, small) for _ in range(5))
                    t2 = min(_finditer_cost(rule.regex, large) for _ in range(5))
                if t2 > 10 * t1 and t2 > 0.02:
                    slow.append(f"{rule.name} on {head!r}+{unit!r}*n: {t1 * 1000:.1f} -> {t2 * 1000:.1f} ms")
    assert not slow, "\n".join(slow)


def test_number_words_keep_their_values():
    """The unambiguous {NUM} still reads every way a number is written."""
    from linimasa.timex.tagger import tag

    for text, value in [
        ("selama dua puluh lima tahun", "P25Y"),
        ("selama dua belas hari", "P12D"),
        ("selama dua ratus lima puluh tahun", "P250Y"),
        ("for twenty-five years", "P25Y"),
        ("for a hundred days", "P100D"),
        ("for two hundred years", "P200Y"),
    ]:
        lang = "en" if text.startswith("for") else "id"
        found = [f.timex for f in tag(text, lang)]
        assert [t.value for t in found] == [value], text


# -- the time budget ---------------------------------------------------------------------------


def _spin(article: Article) -> Article:
    while True:  # a stage gone wrong: never returns
        pass


def _slow(article: Article) -> Article:
    end = time.thread_time() + 0.4
    while time.thread_time() < end:
        pass
    return article


def _mark(article: Article) -> Article:
    article.title = "marked"
    return article


def test_an_article_over_its_budget_gets_an_error_and_the_batch_goes_on():
    def spin_on_second(article: Article) -> Article:
        return _spin(article) if "macet" in article.raw else article

    p = Pipeline(article_stages=["spin", "mark"], corpus_stages=[], replace={"spin": spin_on_second, "mark": _mark})
    sources = [Source(f"a{i}.txt", data=t.encode()) for i, t in enumerate(["Satu.", "Ini macet.", "Tiga."])]
    with SQLiteStore(":memory:") as store:
        report = run_batch(sources, store, pipeline=p, workers=1, time_budget=TimeBudget(seconds=0.3, per_kb=0))
        arts = {a.source: a for a in store.get_articles(report.new_ids)}
    assert len(arts) == 3
    assert arts["a0.txt"].title == arts["a2.txt"].title == "marked" and not arts["a0.txt"].errors
    (err,) = arts["a1.txt"].errors
    assert err.startswith("budget: stopped in stage spin") and "not run: mark" in err
    assert arts["a1.txt"].title is None
    assert [s for s, _ in report.with_errors] == ["a1.txt"]


def test_the_budget_is_checked_between_stages_outside_the_main_thread():
    p = Pipeline(article_stages=["slow", "mark"], corpus_stages=[], replace={"slow": _slow, "mark": _mark})
    out: list[Article] = []
    worker = threading.Thread(target=lambda: out.append(
        p.process_article(ingest_text("Teks."), TimeBudget(seconds=0.1, per_kb=0))))
    worker.start()
    worker.join(30)
    (art,) = out
    assert art.title is None and art.errors[0].startswith("budget: stopped in stage slow")


def test_no_budget_means_no_limit():
    p = Pipeline(article_stages=["slow", "mark"], corpus_stages=[], replace={"slow": _slow, "mark": _mark})
    art = p.process_article(ingest_text("Teks."))
    assert art.title == "marked" and not art.errors


def test_worker_processes_keep_the_budget(tmp_path):
    """Built-in stages in worker processes, a budget no article can meet: every article is stored
    with a budget error, none is lost, and the workers keep going."""
    long = ordinary(30_000)  # a few hundred ms of work each: far over the budget, whatever the clock's tick
    texts = [f"Berita nomor {i}\n{long}" for i in range(20)]
    with SQLiteStore(":memory:") as store:
        report = run_batch([Source(f"{i}.txt", data=t.encode()) for i, t in enumerate(texts)], store,
                           workers=2, time_budget=TimeBudget(seconds=0.02, per_kb=0))
        arts = store.get_articles(report.new_ids)
    assert len(arts) == 20
    assert all(any(e.startswith("budget: ") for e in a.errors) for a in arts)


def test_process_api_applies_the_default_budget_and_can_turn_it_off():
    p = Pipeline(article_stages=["slow", "mark"], corpus_stages=[], replace={"slow": _slow, "mark": _mark})
    (art,) = linimasa.process(texts=["Teks."], pipeline=p, time_budget=TimeBudget(seconds=0.05, per_kb=0)).articles
    assert art.errors and art.errors[0].startswith("budget:")
    (art,) = linimasa.process(texts=["Teks."], pipeline=p, time_budget=None).articles
    assert not art.errors and art.title == "marked"
