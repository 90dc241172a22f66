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
from linimasa.timex.tagger import Found, parse_day, tag, tense_of

_TOKEN = re.compile(r"[^\W\d_]{4,}")
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _tokens(article: Article) -> Counter[str]:
    words = [w.lower() for w in _TOKEN.findall(article.text or "")]
    try:
        stop = lexicon(article_language(article)).function_words
    except FileNotFoundError:
        stop = frozenset()
    return Counter(w for w in words if w not in stop)


@dataclass
class _Vectors:
    """TF-IDF vectors of the articles' words, for "which dated articles speak of the same things".

    Scoring goes through an inverted index of the dated articles, so dating a few undated articles
    in a large store costs the postings of their words, not a pass over every pair."""

    vectors: dict[str, dict[str, float]]
    postings: dict[str, list[tuple[str, float]]]

    @classmethod
    def build(cls, articles: Iterable[Article], indexed: set[str]) -> _Vectors:
        counts = {a.id: _tokens(a) for a in articles}
        df: Counter[str] = Counter()
        for c in counts.values():
            df.update(c.keys())
        n = len(counts)
        vectors: dict[str, dict[str, float]] = {}
        postings: dict[str, list[tuple[str, float]]] = {}
        for aid, c in counts.items():
            v = {w: (1 + math.log(k)) * math.log(1 + n / df[w]) for w, k in c.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            vectors[aid] = {w: x / norm for w, x in v.items()}
            if aid in indexed:
                for w, x in vectors[aid].items():
                    postings.setdefault(w, []).append((aid, x))
        return cls(vectors, postings)

    def neighbours(self, aid: str, min_similarity: float) -> list[tuple[float, str]]:
        """Indexed articles by cosine similarity to `aid`, most similar first."""
        scores: Counter[str] = Counter()
        for w, x in self.vectors.get(aid, {}).items():
            for other, y in self.postings.get(w, ()):
                scores[other] += x * y
        return sorted(((s, o) for o, s in scores.items() if o != aid and s >= min_similarity), reverse=True)


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


def _latest_absolute(found: list[Found], text: str, lang: str) -> tuple[str, str, str] | None:
    """(value, precision, text) of the latest date the article writes out in full and does not put in
    the future ("akan digelar pada 21 Juni 2025" says nothing about when the article was written)."""
    lex = lexicon(lang)
    best: tuple[str, str, str] | None = None
    for f in found:
        tx = f.timex
        m = _DATE_VALUE.match(tx.value[:10])
        if not (f.explicit_year and m and tx.type in ("DATE", "TIME") and tx.mod is None):
            continue
        if tense_of(text, tx.start, tx.end, lex, before_only=True) > 0:
            continue
        precision = "day" if m[3] else "month" if m[2] else "year"
        if best is None or tx.value[:10] > best[0]:
            best = (tx.value[:10], precision, tx.text)
    return best


def _weekday_day(f: Found, lang: str, dated: list[tuple[float, Article]], window_days: int) -> dt.date | None:
    """The day a weekday mention ("Rabu", "Rabu (12/10)") means, read against the neighbours' dates."""
    wd = _weekday_of(f, lang)
    if wd is None:
        return None
    dm = _written_day_month(f)
    scores: dict[dt.date, float] = {}
    for sim, other in dated:
        base = parse_day(other.published.value) if other.published else None
        if base is None:
            continue
        evidence = _day_values(other)
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
    return max(scores, key=lambda d: (scores[d], d)) if scores else None


def _neighbour_date(dated: list[tuple[float, Article]]) -> tuple[dt.date, str] | None:
    """Similarity-weighted median of the neighbours' dates, and the precision their spread allows."""
    days = sorted((d, sim) for sim, a in dated[:3] if a.published and (d := parse_day(a.published.value)))
    if not days:
        return None
    half, acc = sum(w for _, w in days) / 2, 0.0
    median = days[-1][0]
    for d, w in days:
        acc += w
        if acc >= half:
            median = d
            break
    spread = (days[-1][0] - days[0][0]).days
    return median, ("week" if spread <= 7 else "month")


def estimate(
    article: Article,
    dated: list[tuple[float, Article]],
    window_days: int,
) -> tuple[Published, dt.date | None] | None:
    """The publication date of an undated article from its neighbours (most similar first)."""
    lang = article_language(article)
    found = tag(article.text, lang) if article.text else []
    latest = _latest_absolute(found, article.text, lang)
    latest_day = parse_day(latest[0]) if latest and latest[1] == "day" else None
    lex = lexicon(lang)
    if dated:
        weekday_days = [
            (day, f.timex.text)
            for f in found
            if f.has_weekday and not f.explicit_year and tense_of(article.text, f.timex.start, f.timex.end, lex) <= 0
            and (day := _weekday_day(f, lang, dated, window_days))
        ]
        if weekday_days:
            day, text = max(weekday_days)
            if latest_day and latest_day > day:
                day, text = latest_day, latest[2] if latest else text
            return Published(day.isoformat(), "day", "corpus", text), day
        near = _neighbour_date(dated)
        if near:
            base, precision = near
            if latest_day and latest_day > base:
                return Published(latest_day.isoformat(), "day", "corpus", latest[2] if latest else None), latest_day
            y, w, _ = base.isocalendar()
            value = f"{y}-W{w:02d}" if precision == "week" else f"{base.year:04d}-{base.month:02d}"
            return Published(value, precision, "corpus", f"like {dated[0][1].source}"), base  # type: ignore[arg-type]
    if latest:
        value, precision, text = latest
        return Published(value, precision, "corpus", text), latest_day  # type: ignore[arg-type]
    return None


def date_corpus(corpus: Corpus, new_ids: set[str], min_similarity: float = 0.1, window_days: int = 7) -> Corpus:
    undated = [a for a in corpus.articles if a.published is None or a.published.how in ("corpus", "unknown")]
    if not undated:
        return corpus
    dated = {
        a.id: a for a in corpus.articles
        if a.published and a.published.how != "corpus" and parse_day(a.published.value)
    }
    vectors = _Vectors.build(corpus.articles, set(dated))
    for article in undated:
        if not article.text:
            continue
        neighbours = [(s, dated[o]) for s, o in vectors.neighbours(article.id, min_similarity)]
        result = estimate(article, neighbours[:5], window_days)
        if result is None:
            continue
        article.published, day = result
        annotate(article, article_language(article), day, source="corpus")
    return corpus


@corpus_stage("dating")
def make_dating(**options: Any) -> Callable[[Corpus, set[str]], Corpus]:
    """Options: `min_similarity` (TF-IDF cosine for a dated article to count as a neighbour, default
    0.1) and `window_days` (how far from a neighbour's date a weekday is looked for, default 7)."""
    min_similarity = float(options.pop("min_similarity", 0.1))
    window_days = int(options.pop("window_days", 7))
    if options:
        raise ValueError(f"dating stage: unknown options {sorted(options)}")
    return lambda corpus, new_ids: date_corpus(corpus, new_ids, min_similarity, window_days)
