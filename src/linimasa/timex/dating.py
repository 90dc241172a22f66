"""The corpus stage "dating": date the articles that carry no full date of their own.

A page fragment such as "… pernyataan yang dirilis di akhir pertemuan pada Rabu (12/10) …" has a
weekday and a day/month but no year, and "pekan lalu" means nothing without a date. Other articles
about the same events do have dates. This stage finds the dated articles an undated one shares most
content with (names and rare words, TF-IDF cosine), and reads the undated article's weekdays against
the dates those articles give: the Wednesday it speaks of is the Wednesday its neighbours date the
same meeting to. Failing neighbours, the latest absolute date the article mentions bounds its
publication from below. The article is then re-tagged against the new date (anchor "corpus", flag
`year_from_corpus`), which is also when a weekday written with a day/month can be checked.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from linimasa.model import Article, Corpus, Published
from linimasa.pipeline import corpus_stage
from linimasa.timex.lexicon import lexicon
from linimasa.timex.stage import annotate, article_language
from linimasa.timex.tagger import Found, parse_day, tag

_TOKEN = re.compile(r"[^\W\d_]{4,}")
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _tokens(article: Article) -> Counter[str]:
    words = [w.lower() for w in _TOKEN.findall(article.text or "")]
    try:
        stop = lexicon(article_language(article)).detect
    except FileNotFoundError:
        stop = frozenset()
    return Counter(w for w in words if w not in stop)


@dataclass
class _Vectors:
    """TF-IDF vectors of the articles' words, for "which dated articles speak of the same things"."""

    vectors: dict[str, dict[str, float]]

    @classmethod
    def build(cls, articles: Iterable[Article]) -> _Vectors:
        counts = {a.id: _tokens(a) for a in articles}
        df: Counter[str] = Counter()
        for c in counts.values():
            df.update(c.keys())
        n = len(counts)
        vectors = {}
        for aid, c in counts.items():
            v = {w: (1 + math.log(k)) * math.log(1 + n / df[w]) for w, k in c.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            vectors[aid] = {w: x / norm for w, x in v.items()}
        return cls(vectors)

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vectors.get(a, {}), self.vectors.get(b, {})
        if len(vb) < len(va):
            va, vb = vb, va
        return sum(x * vb.get(w, 0.0) for w, x in va.items())


def _day_values(article: Article) -> set[dt.date]:
    days = {d for t in article.timexes if (d := parse_day(t.value)) and "weekday_mismatch" not in t.flags}
    if article.published and (d := parse_day(article.published.value)):
        days.add(d)
    return days


def _weekday_of(f: Found, lang: str) -> int | None:
    lex = lexicon(lang)
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", f.timex.text)
    return next((lex.weekdays[k] for w in words if (k := lex.key(w)) in lex.weekdays), None)


def _written_day_month(f: Found) -> tuple[int, int] | None:
    m = re.match(r"^XXXX-(\d{2})-(\d{2})$", f.timex.value)
    return (int(m[2]), int(m[1])) if m else None


def _latest_absolute(found: list[Found]) -> tuple[str, str, str] | None:
    """(value, precision, text) of the latest date the article writes out in full."""
    best: tuple[str, str, str] | None = None
    for f in found:
        tx = f.timex
        m = _DATE_VALUE.match(tx.value[:10])
        if not (f.explicit_year and m and tx.type in ("DATE", "TIME")):
            continue
        precision = "day" if m[3] else "month" if m[2] else "year"
        if best is None or tx.value[:10] > best[0]:
            best = (tx.value[:10], precision, tx.text)
    return best


def estimate(
    article: Article,
    dated: list[tuple[float, Article]],
    window_days: int,
) -> tuple[Published, dt.date | None] | None:
    """The publication date of an undated article from its neighbours (most similar first)."""
    lang = article_language(article)
    found = tag(article.text, lang) if article.text else []
    latest = _latest_absolute(found)
    latest_day = parse_day(latest[0]) if latest and latest[1] == "day" else None
    if dated:
        weekday_days: list[tuple[dt.date, str]] = []
        for f in found:
            wd = _weekday_of(f, lang) if f.has_weekday else None
            if wd is None:
                continue
            scores: dict[dt.date, float] = {}
            for sim, other in dated:
                base = parse_day(other.published.value) if other.published else None
                if base is None:
                    continue
                evidence = _day_values(other)
                dm = _written_day_month(f)
                for k in range(-window_days, window_days + 1):
                    d = base + dt.timedelta(days=k)
                    if d.isoweekday() != wd:
                        continue
                    score = sim * (1.0 - abs(k) / (4 * window_days))
                    if dm and (d.day, d.month) == dm:
                        score += 2 * sim  # the day/month written agrees with the weekday: exact
                    if d in evidence:
                        score += sim  # a neighbour dates something to that very day
                    if k > 0:
                        score *= 0.5  # an article reports what already happened
                    scores[d] = max(scores.get(d, 0.0), score)
            if scores:
                best = max(scores, key=lambda d: (scores[d], -abs((d - parse_day(dated[0][1].published.value)).days)))  # type: ignore[union-attr]
                weekday_days.append((best, f.timex.text))
        if weekday_days:
            day, text = max(weekday_days)
            if latest_day and latest_day > day:
                day, text = latest_day, latest[2] if latest else text
            return Published(day.isoformat(), "day", "corpus", text), day
        base = parse_day(dated[0][1].published.value)  # type: ignore[union-attr]
        if base:
            if latest_day and latest_day > base:
                return Published(latest_day.isoformat(), "day", "corpus", latest[2] if latest else None), latest_day
            week = base.isocalendar()
            value = f"{week[0]}-W{week[1]:02d}"
            return Published(value, "week", "corpus", f"like {dated[0][1].source}"), base
    if latest:
        value, precision, text = latest
        return Published(value, precision, "corpus", text), latest_day  # type: ignore[arg-type]
    return None


def date_corpus(corpus: Corpus, new_ids: set[str], min_similarity: float = 0.05, window_days: int = 7) -> Corpus:
    undated = [a for a in corpus.articles if a.published is None or a.published.how in ("corpus", "unknown")]
    if not undated:
        return corpus
    dated = [a for a in corpus.articles if a.published and a.published.how != "corpus" and parse_day(a.published.value)]
    vectors = _Vectors.build(corpus.articles)
    for article in undated:
        if not article.text:
            continue
        scored = [(vectors.similarity(article.id, d.id), d) for d in dated if d.id != article.id]
        neighbours = sorted((x for x in scored if x[0] >= min_similarity), key=lambda x: -x[0])
        result = estimate(article, neighbours[:5], window_days)
        if result is None:
            continue
        article.published, day = result
        annotate(article, article_language(article), day, source="corpus")
    return corpus


@corpus_stage("dating")
def make_dating(**options: Any) -> Callable[[Corpus, set[str]], Corpus]:
    """Options: `min_similarity` (TF-IDF cosine for a dated article to count as a neighbour, default
    0.05) and `window_days` (how far from a neighbour's date a weekday is looked for, default 7)."""
    min_similarity = float(options.pop("min_similarity", 0.05))
    window_days = int(options.pop("window_days", 7))
    if options:
        raise ValueError(f"dating stage: unknown options {sorted(options)}")
    return lambda corpus, new_ids: date_corpus(corpus, new_ids, min_similarity, window_days)
