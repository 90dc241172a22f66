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
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol

from linimasa.model import Article, Corpus, Published
from linimasa.pipeline import corpus_stage
from linimasa.timex.lexicon import lexicon
from linimasa.timex.stage import annotate, article_language
from linimasa.timex.tagger import Found, parse_day, tag, tense_of

_TOKEN = re.compile(r"[^\W\d_]{4,}")
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"(?<![\w-])[A-Z]{1,4}\d{1,4}[A-Za-z]?(?![\w-])")
"""(storyent) A model's or a programme's code, capitals then digits ("VF6", "EX30", "G20", "B40"): a
word of the content as telling as a name, which `_TOKEN` (letters only) never counted. A car's
review and its launch share their code where their words differ (driving feel, prices and
dealers). Three characters or more: the stories stage weighs no shorter word."""


def _tokens(article: Article) -> Counter[str]:
    """The article's content words, counted: runs of four letters or more and codes (`_CODE`), in lower
    case, less the language's function words. The dating stage compares articles by them and stores
    them for the stories stage."""
    words = [w.lower() for w in _TOKEN.findall(article.text or "")]
    words += [w.lower() for w in _CODE.findall(article.text or "") if len(w) >= 3]
    try:
        stop = lexicon(article_language(article)).function_words
    except FileNotFoundError:
        stop = frozenset()
    return Counter(w for w in words if w not in stop)


class TermIndex(Protocol):
    """What dating reads about other articles; the store implements it, and `MemoryIndex` below
    does for a corpus held in memory, so both run one algorithm."""

    def put_article_terms(self, article_id: str, terms: Mapping[str, int]) -> None: ...

    def put_articles_terms(self, terms_by_article: Mapping[str, Mapping[str, int]]) -> None: ...

    def term_stats(self, terms: Iterable[str]) -> tuple[int, dict[str, int]]: ...

    def term_postings(self, terms: Iterable[str], limit_per_term: int, which: str = "any") -> set[str]: ...

    def term_postings_by_term(
        self, terms: Iterable[str], limit_per_term: int, which: str = "any"
    ) -> dict[str, set[str]]: ...

    def article_terms(self, article_ids: Iterable[str]) -> dict[str, dict[str, int]]: ...

    def get_articles(self, article_ids: Iterable[str]) -> list[Article]: ...

    def article_dates(self, article_ids: Iterable[str]) -> list[Article]: ...

    def update_article_dates(self, article: Article) -> None: ...


def is_undated(article: Article) -> bool:
    return article.published is None or article.published.how in ("corpus", "unknown")


def is_dated(article: Article) -> bool:
    """Dated by its own evidence, to the day: what may date others."""
    return bool(article.published and article.published.how != "corpus" and parse_day(article.published.value))


class MemoryIndex:
    """A `TermIndex` over articles held in memory (tests, `linimasa eval`, `date_corpus`)."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles = {a.id: a for a in articles}
        self.order = {aid: i for i, aid in enumerate(self.articles)}
        self.terms: dict[str, dict[str, int]] = {}
        self.df: Counter[str] = Counter()
        self.postings: dict[str, list[str]] = {}

    def put_article_terms(self, article_id: str, terms: Mapping[str, int]) -> None:
        if article_id in self.terms:
            return
        self.terms[article_id] = dict(terms)
        self.df.update(terms.keys())
        for t in terms:
            self.postings.setdefault(t, []).append(article_id)

    def put_articles_terms(self, terms_by_article: Mapping[str, Mapping[str, int]]) -> None:
        for article_id, terms in terms_by_article.items():
            self.put_article_terms(article_id, terms)

    def term_stats(self, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
        return len(self.terms), {t: self.df[t] for t in terms if t in self.df}

    def term_postings(self, terms: Iterable[str], limit_per_term: int, which: str = "any") -> set[str]:
        keep = {"dated": is_dated, "undated": is_undated}.get(which, lambda a: True)
        out: set[str] = set()
        for t in set(terms):
            ids = [i for i in reversed(self.postings.get(t, [])) if keep(self.articles[i])]
            out.update(ids[:limit_per_term])
        return out

    def term_postings_by_term(
        self, terms: Iterable[str], limit_per_term: int, which: str = "any"
    ) -> dict[str, set[str]]:
        return {t: self.term_postings([t], limit_per_term, which) for t in set(terms)}

    def article_terms(self, article_ids: Iterable[str]) -> dict[str, dict[str, int]]:
        return {i: self.terms[i] for i in article_ids if i in self.terms}

    def get_articles(self, article_ids: Iterable[str]) -> list[Article]:
        return [self.articles[i] for i in article_ids if i in self.articles]

    def article_dates(self, article_ids: Iterable[str]) -> list[Article]:
        return self.get_articles(article_ids)

    def update_article_dates(self, article: Article) -> None:
        self.articles[article.id] = article


def _vector(
    counts: Mapping[str, int], n: int, df: Mapping[str, int], idf: _InverseFrequencies | None = None
) -> dict[str, float]:
    """TF-IDF, L2-normalised: names and rare words weigh most in "which articles speak of the same things".

    Each weight is `(1 + log k) * log(1 + n / df)`, its two factors looked up by count and by document
    frequency (`_TF`, `idf`) instead of computed for every word of every article: the same floats."""
    tf = _TF
    idf = idf if idf is not None and idf.n == n else _InverseFrequencies(n)
    v = {w: tf[k] * idf[max(df.get(w, 1), 1)] for w, k in counts.items() if k > 0}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}


class _ChunkIndex:
    """A `TermIndex` seen through one `date_articles` call: the chunk's terms are written first, and
    nothing changes the terms or their counts after that, so an article's terms, a word's document
    frequency and an article's TF-IDF vector are each read or computed once per call, not once for
    every undated article that has it among its candidates (which made dating a chunk quadratic in
    the number of articles it compares)."""

    def __init__(self, index: TermIndex) -> None:
        self.index = index
        self.terms: dict[str, dict[str, int]] = {}
        self.no_terms: set[str] = set()
        self.df: dict[str, int] = {}
        self.looked_up: set[str] = set()
        self.n: int | None = None
        self.vectors: dict[str, dict[str, float]] = {}
        self.stated: set[str] = set()
        self.postings: dict[tuple[str, int], frozenset[str]] = {}
        self.articles: dict[str, Article] = {}
        self.idf: _WordInverseFrequencies | None = None
        self.telling: dict[str, list[str]] = {}
        self.words_among: tuple[frozenset[str], frozenset[str]] | None = None

    def telling_words(self, article_id: str, vector: Mapping[str, float]) -> list[str]:
        """The article's `NEIGHBOUR_WORDS` highest-weighted words (ties by the word), worked out once
        per call: a stored undated article is looked at twice (does a new article come near it, then
        its neighbours)."""
        got = self.telling.get(article_id)
        if got is None:
            got = self.telling[article_id] = [w for _, w in sorted([(-x, w) for w, x in vector.items()])[
                :NEIGHBOUR_WORDS]]
        return got

    def words_of(self, article_ids: frozenset[str]) -> frozenset[str]:
        """Every word the articles `article_ids` hold, as the index stores them, read once per call for
        the same set: a word none of them holds cannot bring one of them in as a candidate."""
        known = self.words_among
        if known is None or known[0] is not article_ids:
            words = frozenset().union(*self.article_terms(article_ids).values())
            known = self.words_among = (article_ids, words)
        return known[1]

    def article_terms(self, article_ids: Iterable[str]) -> dict[str, dict[str, int]]:
        ids = list(article_ids)
        missing = [i for i in ids if i not in self.terms and i not in self.no_terms]
        if missing:
            self.terms.update(self.index.article_terms(missing))
            self.no_terms.update(i for i in missing if i not in self.terms)
        return {i: self.terms[i] for i in sorted(set(ids)) if i in self.terms}

    def term_stats(self, terms: Iterable[str]) -> tuple[int, Mapping[str, int]]:
        """The words' document frequencies, each looked up once per call, and each found word's IDF
        (`vector`) worked out as it comes, in one pass (thousands of words a call)."""
        missing = [t for t in terms if t not in self.looked_up]
        if missing or self.n is None:
            n, df = self.index.term_stats(missing)
            self.n = n
            self.df.update(df)
            self.looked_up.update(missing)
            log, idf = math.log, self.word_idf(n)
            idf.update({w: log(1 + n / (d if d > 1 else 1)) for w, d in df.items()})
        return self.n, self.df

    def word_idf(self, n: int) -> _WordInverseFrequencies:
        """Each word's IDF for a corpus of `n` articles, from the document frequencies looked up."""
        idf = self.idf
        if idf is None or idf.n != n:
            idf = self.idf = _WordInverseFrequencies(n, self.df)
        return idf

    def vector(self, article_id: str, counts: Mapping[str, int], n: int, df: Mapping[str, int]) -> dict[str, float]:
        """The article's `_vector`, once per call, each word's IDF worked out once per call (by word,
        not by document frequency: a word is in hundreds of the vectors of a call, and looking its
        frequency up for each was a third of the vectors' cost); the same floats as `_vector`."""
        v = self.vectors.get(article_id)
        if v is None:
            idf = self.word_idf(n) if df is self.df else _WordInverseFrequencies(n, df)
            tf = _TF
            weights = {w: tf[k] * idf[w] for w, k in counts.items() if k > 0}
            norm = math.sqrt(sum([x * x for x in weights.values()])) or 1.0
            v = self.vectors[article_id] = {w: x / norm for w, x in weights.items()}
        return v

    def term_postings(self, terms: Iterable[str], limit_per_term: int, which: str = "any") -> set[str]:
        """Read once per word in a call for the dated articles: dating changes only undated articles,
        and what it gives them (a date found from the corpus) does not make them dated."""
        if which != "dated":
            return self.index.term_postings(terms, limit_per_term, which)
        out: set[str] = set()
        for got in self.postings_by_term(terms, limit_per_term).values():
            out |= got
        return out

    def postings_by_term(self, terms: Iterable[str], limit_per_term: int) -> dict[str, frozenset[str]]:
        """Each word's postings among the dated articles (`term_postings` of that word alone), the
        words not read yet in this call read in one call to the index (one query per word was most
        of the stage's queries)."""
        wanted = set(terms)
        missing = [t for t in wanted if (t, limit_per_term) not in self.postings]
        if missing:
            got = self.index.term_postings_by_term(missing, limit_per_term, "dated")
            self.postings.update(((t, limit_per_term), frozenset(got.get(t, ()))) for t in missing)
        return {t: self.postings[(t, limit_per_term)] for t in wanted}

    def dated_articles(self, article_ids: Iterable[str]) -> list[Article]:
        """Dated articles (neighbours) by id, each read once per call: dating does not change them.
        Only what `estimate` reads of a neighbour is read (`article_dates`)."""
        ids = list(article_ids)
        missing = [i for i in ids if i not in self.articles]
        if missing:
            for a in self.index.article_dates(missing):
                self.articles[a.id] = a
        return [self.articles[i] for i in ids if i in self.articles]

    def prefetch(self, article_ids: Iterable[str], postings_per_term: int) -> None:
        """Read what `neighbours` reads for each of `article_ids` (its words, their document
        frequencies, its telling words' postings, its candidates' words and theirs) for all of them
        at once: one query of each kind for the chunk instead of one per article (each a few hundred
        statements a chunk). The same words are looked up as `neighbours` would look up, so the
        store reads the same rows; `neighbours` then finds every one of them read."""
        own = self.article_terms(article_ids)
        if not own:
            return
        n, df = self.term_stats({w for counts in own.values() for w in counts})
        telling: set[str] = set()
        for aid, counts in own.items():
            if counts:
                telling.update(self.telling_words(aid, self.vector(aid, counts, n, df)))
        candidates = self.term_postings(telling, postings_per_term, "dated")
        self.term_stats(self.words_not_looked_up(self.article_terms(candidates)))

    def words_not_looked_up(self, their: Mapping[str, Mapping[str, int]]) -> set[str]:
        """The words of those of `their` articles whose words were not asked for in an earlier
        `term_stats` of this call (an article is a candidate of many undated ones): what
        `term_stats` still has to look up; the caller asks for them next."""
        fresh = [counts for aid, counts in their.items() if aid not in self.stated]
        self.stated.update(their)
        return {w for counts in fresh for w in counts}


def neighbours(
    article_id: str, index: TermIndex, min_similarity: float, postings_per_term: int,
    among: frozenset[str] | None = None,
) -> list[tuple[float, str]]:
    """Dated articles by cosine similarity to `article_id`, most similar first. Only the articles that
    share a word with it are scored (an inverted index), so the cost follows the article's words.
    `among`: only those of the candidates are scored (each gets the score it gets without `among`)."""
    cache = index if isinstance(index, _ChunkIndex) else _ChunkIndex(index)
    own = cache.article_terms([article_id]).get(article_id, {})
    if not own:
        return []
    n, df = cache.term_stats(own)
    mine = cache.vector(article_id, own, n, df)
    # Candidates come from the article's most telling words only: a common word's postings would
    # bring in most of the store, and an article sharing none of these scores too low to count.
    telling = cache.telling_words(article_id, mine)
    if among is not None:
        # an article of `among` is in the postings of a word only if it holds that word: the others'
        # postings (a query each) could add none of them
        held = cache.words_of(among)
        telling = [w for w in telling if w in held]
    candidates = cache.term_postings(telling, postings_per_term, "dated") - {article_id}
    if among is not None:
        candidates &= among
    if not candidates:
        return []
    their = cache.article_terms(candidates)
    n, df = cache.term_stats(cache.words_not_looked_up(their) | set(own))
    place = {w: i for i, w in enumerate(mine)}.__getitem__
    scored = []
    vector = cache.vector
    for other, counts in their.items():
        s = _dot(mine, place, vector(other, counts, n, df))
        if s >= min_similarity:
            scored.append((s, other))
    return sorted(scored, reverse=True)


def _dot(mine: Mapping[str, float], place: Callable[[str], int], theirs: Mapping[str, float]) -> float:
    """The dot product of `mine` with another `_vector` (worked out once per call: a candidate is
    scored against many undated articles) over the shared words only, added in the order of `mine`
    (`place`: a word's position in it) as the sum over all of its words adds them (a word the other
    lacks adds 0.0, which changes no sum): the same float."""
    s = 0.0
    for w in sorted(mine.keys() & theirs.keys(), key=place):
        s += mine[w] * theirs[w]
    return s


def with_new_neighbours(
    article_ids: Iterable[str], index: TermIndex, new: frozenset[str], min_similarity: float, postings_per_term: int
) -> set[str]:
    """Those of `article_ids` that have an article of `new` among their neighbours: the ones for which
    `neighbours(i, index, min_similarity, postings_per_term, among=new)` is not empty, worked out for
    all of them at once and from the other end. An article of `new` is a candidate of `i` when it
    holds one of `i`'s telling words and is among that word's postings; it holds the word when the
    index says so (read once for `new`), and only the pairs that score `min_similarity` are then
    checked against the postings of the words they share. Reading the postings of every telling
    word `new` holds, for every stored undated article, to keep the few of `new` in them, was a
    fifth of the stage."""
    cache = index if isinstance(index, _ChunkIndex) else _ChunkIndex(index)
    own = cache.article_terms(article_ids)
    if not own:
        return set()
    n, df = cache.term_stats({w for counts in own.values() for w in counts})
    holding: dict[str, list[str]] = {}
    for other, counts in cache.article_terms(new).items():
        for w in counts:
            holding.setdefault(w, []).append(other)
    maybe: dict[str, dict[str, list[str]]] = {}  # article -> candidate of `new` -> telling words it holds
    for aid, counts in own.items():
        if not counts:
            continue
        found: dict[str, list[str]] = {}
        for w in cache.telling_words(aid, cache.vector(aid, counts, n, df)):
            for other in holding.get(w, ()):
                if other != aid:
                    found.setdefault(other, []).append(w)
        if found:
            maybe[aid] = found
    their = cache.article_terms({o for found in maybe.values() for o in found})
    n, df = cache.term_stats(cache.words_not_looked_up(their))
    close: list[tuple[str, str, list[str]]] = []
    for aid, found in maybe.items():
        mine = cache.vectors[aid]
        place = {w: i for i, w in enumerate(mine)}.__getitem__
        for other, words in found.items():
            if _dot(mine, place, cache.vector(other, their[other], n, df)) >= min_similarity:
                close.append((aid, other, words))
    postings = cache.postings_by_term({w for _, _, words in close for w in words}, postings_per_term)
    return {aid for aid, other, words in close if any(other in postings[w] for w in words)}


def _cosines(
    mine: Mapping[str, float], their: Mapping[str, Mapping[str, int]], n: int, df: Mapping[str, int]
) -> Iterator[tuple[str, float]]:
    """The cosine of `mine` with the `_vector` of each of `their` counts, computed as `_vector` and a
    dot product would (the same operations in the same order, so the same floats), but with each
    word's IDF and each count's TF worked out once for all candidates (thousands of candidates
    share most of their words), and the dot product over the shared words only."""
    idf = {w: math.log(1 + n / max(df.get(w, 1), 1)) for w in set(mine).union(*their.values())}
    tf = _TermFrequencies()
    order = {w: i for i, w in enumerate(mine)}
    items = list(mine.items())
    for other, counts in their.items():
        weights = [tf[k] * idf[w] for w, k in counts.items() if k > 0]
        norm = math.sqrt(sum([x * x for x in weights])) or 1.0
        s: float = 0
        for i in sorted(order[w] for w in order.keys() & counts.keys()):
            w, x = items[i]
            k = counts[w]
            if k > 0:
                s += x * ((tf[k] * idf[w]) / norm)
        yield other, s


class _WordInverseFrequencies(dict[str, float]):
    """`log(1 + n / df)` by word, as `_vector` works it out from the word's document frequency in
    `df` (1 when it has none), for a corpus of `n` articles. A word's value is kept once `df` has its
    frequency: `df` grows as words are looked up, and a frequency it has does not change."""

    def __init__(self, n: int, df: Mapping[str, int]) -> None:
        super().__init__()
        self.n = n
        self.df = df

    def __missing__(self, word: str) -> float:
        d = self.df.get(word)
        v = math.log(1 + self.n / max(1 if d is None else d, 1))
        if d is not None:
            self[word] = v
        return v


class _TermFrequencies(dict[int, float]):
    """`1 + log(k)` by count `k`, each computed once."""

    def __missing__(self, k: int) -> float:
        self[k] = v = 1 + math.log(k)
        return v


_TF = _TermFrequencies()
"""`1 + log(k)` for the counts seen so far (a few hundred distinct counts in any corpus)."""


class _InverseFrequencies(dict[int, float]):
    """`log(1 + n / d)` by document frequency `d`, for a corpus of `n` articles, each computed once."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n

    def __missing__(self, d: int) -> float:
        self[d] = v = math.log(1 + self.n / d)
        return v


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
    if dm and not any((d.day, d.month) == dm for d in scores):
        # "on Saturday, June 21" names one date: the year in which that day is a Saturday, the last one
        # by the neighbours' dates (not a Saturday near them that is not the 21st of June)
        return _year_of_weekday_date(dm, wd, dated, window_days) or (
            max(scores, key=lambda d: (scores[d], d)) if scores else None)
    return max(scores, key=lambda d: (scores[d], d)) if scores else None


WEEKDAY_DATE_DAYS = 366
"""How far (days) before the neighbours' dates a weekday written with its day and month may fall: within a
year at most one date fits (a day/month moves one or two weekdays a year); farther back, a weekday
that fits no date near them is more likely a slip of the writer's than a story years old."""


def _year_of_weekday_date(
    dm: tuple[int, int], weekday: int, dated: list[tuple[float, Article]], window_days: int
) -> dt.date | None:
    """The date with day/month `dm` on `weekday` in the year up to the most similar neighbour's date
    (plus `window_days`): an article reports what already happened or is about to."""
    base = next((d for _, a in dated if a.published and (d := parse_day(a.published.value))), None)
    if base is None:
        return None
    limit = base + dt.timedelta(days=window_days)
    day, month = dm
    for year in (limit.year, limit.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if limit - dt.timedelta(days=WEEKDAY_DATE_DAYS) <= d <= limit and d.isoweekday() == weekday:
            return d
    return None


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
    if latest is not None:
        # a neighbour's date years after every year the article writes ("the 2020 hurricane season",
        # nothing later) is a like article of another time, not this one's
        bound = int(latest[0][:4]) + LATEST_YEAR_SLACK
        dated = [(s, a) for s, a in dated if not ((d := parse_day(a.published.value if a.published else None))
                                                  and d.year > bound)]
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


LATEST_YEAR_SLACK = 1
"""How many years after the latest year an undated article writes out in full a neighbour's date may lie
for it to date the article (a report names its own year, or the last one, nearly always)."""


NEIGHBOUR_WORDS = 30
"""How many of an article's highest-weighted words are used to look for the articles like it."""


def date_articles(
    articles: list[Article],
    index: TermIndex,
    min_similarity: float = 0.1,
    window_days: int = 7,
    postings_per_term: int = 200,
) -> list[Article]:
    """Relate a chunk of new articles to the index: record their words, then date the new undated
    ones and the stored undated ones that have a new dated article among their neighbours. Returns the articles
    whose date changed (they were also written back through the index)."""
    words = {a.id: _tokens(a) for a in articles}
    index.put_articles_terms(words)
    chunk = {a.id for a in articles}
    targets = [a for a in articles if is_undated(a)]
    dated_words = {w for a in articles if is_dated(a) for w in words[a.id]}
    cached = _ChunkIndex(index)  # the terms are all written: from here on they only are read
    # The chunk's articles that dating leaves alone are the ones a neighbour can be among them: the
    # caller has just loaded them, and reading them again from the index (lines, timexes, JSON) was a
    # tenth of the stage.
    cached.articles.update((a.id, a) for a in articles if not is_undated(a))
    if dated_words:
        stored = index.term_postings(dated_words, postings_per_term, "undated") - chunk
        # A stored undated article is dated again only when one of the new dated articles is among
        # its neighbours: nothing else it is compared with has changed. Its whole neighbourhood (up
        # to `postings_per_term` articles for each of its telling words, thousands in a large store)
        # was scored again for every chunk that shared a word with it, and mostly changed nothing.
        # Those the index counts as dated are the candidates that can be new, and whichever index, an
        # article it counts as dated has a date of its own, not none and not one dating gave it: the
        # others hold no word's dated postings (most of a chunk of fragments), so are not scored.
        new = frozenset(a.id for a in articles if a.published is not None and a.published.how != "corpus")
        stored = with_new_neighbours(sorted(stored), cached, new, min_similarity, postings_per_term)
        targets += index.get_articles(sorted(stored))
    cached.prefetch([a.id for a in targets if a.text], postings_per_term)
    nears = {a.id: neighbours(a.id, cached, min_similarity, postings_per_term)[:5] for a in targets if a.text}
    by_id = {a.id: a for a in cached.dated_articles(sorted({o for near in nears.values() for _, o in near}))}
    changed = []
    for article in targets:
        if not article.text:
            continue
        near = nears[article.id]
        result = estimate(article, [(s, by_id[o]) for s, o in near if o in by_id], window_days)
        if result is None:
            continue
        article.published, day = result
        annotate(article, article_language(article), day, source="corpus")
        index.update_article_dates(article)
        changed.append(article)
    return changed


def date_corpus(corpus: Corpus, new_ids: set[str], min_similarity: float = 0.1, window_days: int = 7) -> Corpus:
    """Date the undated articles of an in-memory corpus (all of it counts as new)."""
    date_articles(corpus.articles, MemoryIndex(corpus.articles), min_similarity, window_days)
    return corpus


@corpus_stage(
    "dating",
    requires=["article.text", "article.timexes", "article.published"],
    assigns=["article.published", "article.timexes"],
    needs_builtin=["timex"],
)
def make_dating(
    min_similarity: float = 0.1, window_days: int = 7, postings_per_term: int = 200
) -> Callable[[list[Article], Any], None]:
    """Date undated articles from the articles they share content with. Options: `min_similarity`
    (TF-IDF cosine for a dated article to count as a neighbour), `window_days` (how far from a
    neighbour's date a weekday is looked for) and `postings_per_term` (how many of the most recent
    articles holding a word are looked at, which bounds the cost in a large store)."""

    def stage(articles: list[Article], store: Any) -> None:
        date_articles(articles, store, float(min_similarity), int(window_days), int(postings_per_term))

    return stage
