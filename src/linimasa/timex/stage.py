"""The article stage "timex": tag and normalise an article's temporal expressions and date it.

The publication date (the document creation time every relative expression is anchored to) is
read first, from the strongest evidence the article has: a date metadata line, then the date of
the opening dateline sentence ("… di Moskwa, Jumat (4/10/2024)."), then a report date later in
the body ("Seperti dilansir AFP, Jumat (10/8/2021)"). An article with none of these keeps
`published` empty and its relative timexes unanchored; the corpus stage "dating" finishes them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from linimasa.model import Article, Conflict, ConflictValue, Published, Span, Timex
from linimasa.pipeline import article_stage
from linimasa.text import language
from linimasa.text.glue import open_month_seams
from linimasa.text.sentences import article_sentences, sentence_bounds
from linimasa.text.spans import WordIndex
from linimasa.text.tokens import LETTER_RUN
from linimasa.timex.given import fetched_published, given_published
from linimasa.timex.lexicon import available_languages, lexicon
from linimasa.timex.tagger import Found, parse_day, tag, tense_of

_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}|T[A-Z]{2})?$")


def article_language(article: Article) -> str:
    """The language whose rules read the article.

    In the pipeline this is the meta stage's decision (`Article.language`, made by
    `linimasa.text.language.article_language` from the body), and asking the text layer again
    costs nothing (the detector caches its answer per text). The body is asked because an article
    may come with a `language` from elsewhere (a feed, another meta stage, a caller): a body in
    Indonesian under a wrong "en" is read as Indonesian; a body too short to tell keeps the
    article's language; no rules for a language means the default ones."""
    langs = available_languages()
    text = article.text or article.raw
    if article.language in langs and len(text.split()) < language.SHORT_TEXT_WORDS:
        return article.language
    found = language.article_language(article.text, article.raw, tuple(langs))
    return language.language_or_default(found if found in langs else article.language, langs)


def _is_date_metadata(line: Any) -> bool:
    return line.label == "metadata" and line.kind == "date"


def _full_day(f: Found) -> bool:
    tx = f.timex
    return (
        f.explicit_year
        and tx.type in ("DATE", "TIME")
        and bool(_FULL_DAY.match(tx.value))
        and "weekday_mismatch" not in tx.flags
        and "range_start" not in tx.flags  # a bare "17" of "17-18 Juni 2025" does not date the article
        and tx.mod is None
    )


def _published(f: Found, how: str) -> Published:
    value = f.timex.value
    if re.match(r"\d{4}-\d\d-\d\dT[A-Z]{2}$", value):
        value = value[:10]  # "Minggu (15/6/2025) dini hari": a part of the day dates the article to the day
    return Published(value=value, precision="minute" if "T" in value else "day", how=how, text=f.timex.text)  # type: ignore[arg-type]


def _inserted(opened: str, written: str) -> list[int]:
    """Offsets in `opened` of the spaces `open_month_seams` inserted into `written`."""
    out, k = [], 0
    for i, c in enumerate(opened):
        if k < len(written) and written[k] == c:
            k += 1
        else:
            out.append(i)
    return out


def metadata_timexes(article: Article, lang: str) -> list[Found]:
    """Timexes of the date metadata lines, with `line` set and offsets into that line.

    A line counts when the cleaner gave it the kind "date", or when it is a short metadata line
    that holds a full date (whatever another cleaner made of it: "Diperbarui 18 Jun 2025, 14:05")."""
    out: list[Found] = []
    for line in article.lines:
        if line.label != "metadata":
            continue
        opened = open_month_seams(line.text)  # "Associated PressApril 28, 2023 GMT"
        found = tag(opened, lang)
        if not (_is_date_metadata(line) or (len(line.text) <= 80 and any(_full_day(f) for f in found))):
            continue
        if opened != line.text:  # offsets back into the line as written
            seams = _inserted(opened, line.text)
            for f in found:
                for seam in reversed(seams):
                    f.timex.start -= f.timex.start > seam
                    f.timex.end -= f.timex.end > seam
                f.timex.text = line.text[f.timex.start:f.timex.end]
        for f in found:
            f.timex.line = line.n
            f.timex.flags.append("metadata_line")
            out.append(f)
    return out


def _has_cue_before(text: str, f: Found, cues: _CueWords, sentences: list[Span]) -> bool:
    s0, _ = sentence_bounds(text, f.timex.start, sentences)
    return cues.any_between(s0, f.timex.start)


class _CueWords:
    """The report cues of one text ("dilansir", "reported"), indexed by offset: whether one stands
    between two offsets costs a binary search, not a scan of the sentence for every date in it."""

    def __init__(self, text: str, cues: frozenset[str]) -> None:
        self.cues = cues
        self.words = WordIndex(LETTER_RUN, text)
        self.hits = [k for k, w in enumerate(self.words.words) if w.lower() in cues]

    def any_between(self, a: int, b: int) -> bool:
        """Whether a cue is among the words of `LETTER_RUN.finditer(text, a, b)`."""
        head, inside, tail = self.words.between(a, b)
        if any(m.group().lower() in self.cues for m in (*head, *tail)):
            return True
        k = bisect.bisect_left(self.hits, inside.start)
        return k < len(self.hits) and self.hits[k] < inside.stop


def _after_since(text: str, f: Found, cues: frozenset[str]) -> bool:
    words = LETTER_RUN.findall(text, max(0, f.timex.start - 30), f.timex.start)
    return bool(words) and words[-1].lower() in cues


DATE_ABOVE_TITLE = 3
"""How many lines above the headline its own date line may stand ("2 minute read April 25, 2023" /
headline); a date further up is the page header's (today's date above the menus)."""


def _menu_between(article: Article, line: int, title_at: int) -> bool:
    """Whether page furniture (a menu: "News" / "Sport") stands between a date line above the headline
    and the headline: then the date is the page header's, however close ("Wednesday, 3 December 2025"
    / "News" / "Sport" / headline); the headline's own date line sits right against it."""
    return any(ln.label == "boilerplate" for ln in article.lines if line < ln.n < title_at)


def _against_text(article: Article, dated: list[Found]) -> list[Found]:
    """The date lines of the article's own head: above its first line of text with no page furniture
    between. A page may print the day it was served in its top bar, under the headline of its
    `<title>` and above the menus ("June 20, 2023" / "Home" / "News" / headline / "by ..." / "June 19,
    2023" / text); the story's date is the one against its text, under its byline."""
    first_text = next((ln.n for ln in article.lines if ln.label == "body"), None)
    if first_text is None:
        return []
    return [
        f for f in dated
        if f.timex.line is not None and f.timex.line < first_text
        and not any(ln.label == "boilerplate" for ln in article.lines if f.timex.line < ln.n < first_text)
    ]


_LIST_HEADS = frozenset({"related_label", "block_heading"})


def _listed_below_text(article: Article, dated: list[Found]) -> list[Found]:
    """The date lines that stand in a list of other articles under the text: below a list's heading
    ("Related", "More", "Most read") that comes after the article's text has begun. Such a list gives
    each linked headline its date ("Chippy facing constant struggle for survival" / "13 May 2024");
    none of them is this article's, which prints its own beside its headline or not at all."""
    first_text = next((ln.n for ln in article.lines if ln.label == "body"), None)
    head = next(
        (ln.n for ln in article.lines if ln.kind in _LIST_HEADS and first_text is not None and ln.n > first_text),
        None,
    )
    if head is None:
        return []
    return [f for f in dated if f.timex.line is not None and f.timex.line > head]


def find_published(article: Article, lang: str, meta: list[Found], body: list[Found]) -> Published | None:
    """The publication date from the article alone, or None when it gives no full date."""
    dated = [f for f in meta if _full_day(f)]
    if dated:
        listed = _listed_below_text(article, dated)
        dated = [f for f in dated if f not in listed]
    if dated:
        # A page header may print today's date above its menus ("Wednesday, April 16, 2025"): the
        # article's own date line is the first one beside its title (just above it or anywhere under
        # it), where the page has one there.
        title_at = next((ln.n for ln in article.lines if ln.label == "title"), None)
        near = [
            f for f in dated
            if title_at is not None and f.timex.line is not None and f.timex.line >= title_at - DATE_ABOVE_TITLE
            and not _menu_between(article, f.timex.line, title_at)
        ]
        return _published((_against_text(article, near) or near or dated)[0], "metadata")
    text = article.text
    sentences = article_sentences(article)
    first_end = sentence_bounds(text, 0, sentences)[1] if text else 0
    lex = lexicon(lang)
    # a date the sentence puts in the future ("akan digelar pada Minggu (22/6/2025)") is not when it was
    # written, nor one it counts from ("sejak Kamis, 12 Juni 2025")
    full = [
        f for f in body
        if _full_day(f) and not _after_since(text, f, lex.since_cues)
        and tense_of(text, f.timex.start, f.timex.end, lex, before_only=True, sentences=sentences) <= 0
    ]
    opening = [f for f in full if f.timex.start < first_end]
    dated_opening = [f for f in opening if f.has_weekday]
    if dated_opening:
        return _published(dated_opening[0], "dateline")
    cue_words = _CueWords(text, lex.report_cues) if any(f.has_weekday for f in full) else None
    cued = [f for f in full if f.has_weekday and cue_words and _has_cue_before(text, f, cue_words, sentences)]
    if cued:
        return _published(cued[0], "text")
    with_weekday = [f for f in full if f.has_weekday]
    if with_weekday:
        return _published(max(with_weekday, key=lambda f: f.timex.value), "text")
    if opening:
        return _published(opening[0], "dateline")
    return None


def _caption_days(article: Article, lang: str) -> list[Found]:
    """Written-out full dates in the photo captions of a page (lines outside the text that hold a
    photo credit of the lexicon's `caption_cues`: "..., Monday, Sept. 2, 2024. (AP Photo/...)")."""
    cues = lexicon(lang).caption_cues
    if not cues:
        return []
    return [
        f
        for line in article.lines
        if line.label != "body" and any(c in line.text for c in cues)
        for f in tag(line.text, lang)
        if _written_day(f)
    ]


def _written_day(f: Found) -> bool:
    """A full date written with its weekday or its month's name ("Monday, Sept. 2, 2024",
    "January 3rd, 2026"), whose reading does not depend on the order of numbers."""
    return _full_day(f) and (f.has_weekday or re.search(r"[^\W\d]{3}", f.timex.text) is not None)


def caption_published(
    article: Article, lang: str, captions: list[Found] | None = None, body: list[Found] | None = None
) -> Published | None:
    """The date of a page that prints none of its own, from its photo captions.

    A wire story's web page may carry no date line at all and only its gallery says when it ran:
    "... in Pittsburgh, Monday, Sept. 2, 2024. (AP Photo/Jacquelyn Martin)". The latest caption date
    is the day of the newest photo: the story ran then or just after. Weaker than any date of the
    text, stronger than another article's date (the corpus stage) or the fetch date. When the text
    reports in the past tense what happened on the weekday right after that photo ("the campaign on
    Tuesday said" under Monday's photos), the story ran that next day (`_next_day_reported`)."""
    found = _caption_days(article, lang) if captions is None else captions
    best = max(found, key=lambda f: f.timex.value[:10], default=None)
    if best is None:
        return None
    published = _published(best, "text")
    day = parse_day(published.value)
    if day is not None and body and _next_day_reported(article, lang, body, day):
        nxt = day + dt.timedelta(days=1)
        return Published(value=nxt.isoformat(), precision="day", how="text", text=published.text)
    return published


def _next_day_reported(article: Article, lang: str, body: list[Found], day: dt.date) -> bool:
    """Whether the text reports, in the past tense, something on a bare weekday that is the day after
    `day` ("Trump's campaign on Tuesday said" when the newest photo is Monday's). Read against `day`
    that weekday would be nearly a week back, which a news story writes "last Tuesday" or with its
    date; a weekday with no date that the text has already seen pass is the story's own day or
    yesterday, so the story cannot have run before it. Only the very next day is taken: a weekday
    further on is as likely the one of the week before."""
    lex = lexicon(lang)
    text = article.text
    sentences = article_sentences(article)
    after = (day + dt.timedelta(days=1)).isoweekday()
    for f in body:
        if not f.has_weekday or f.explicit_year or any(c.isdigit() for c in f.timex.text):
            continue
        words = re.findall(r"[^\W\d_]+", f.timex.text)
        weekdays = {lex.weekdays[k] for w in words if (k := lex.key(w)) in lex.weekdays}
        if weekdays != {after}:
            continue
        # past by its nearest tense word ("on Tuesday said"), and nothing before it speaks of the
        # future ("will meet on Tuesday, its leader said")
        if tense_of(text, f.timex.start, f.timex.end, lex, sentences=sentences) < 0 and tense_of(
            text, f.timex.start, f.timex.end, lex, before_only=True, sentences=sentences
        ) <= 0:
            return True
    return False


_NUMERIC_DAY = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")
ORDER_NEAR_DAYS, ORDER_FAR_DAYS = 14, 45
"""A numeric date line read in the language's order is read the other way round when that puts it
within ORDER_NEAR_DAYS of the newest written-out date of the page while the usual reading lies more
than ORDER_FAR_DAYS away."""


def page_order(published: Published, body: list[Found], captions: list[Found]) -> Published:
    """A publication date written "06/01/2026" on an English page of a European outlet is 6 January,
    not June 1 (the English rules read month first). Which one the page means shows in the dates it
    writes out ("Saturday", "January 3rd, 2026" in a caption): a page is published days, not months,
    after the newest of them."""
    m = _NUMERIC_DAY.search(published.text or "")
    day = parse_day(published.value)
    if published.how != "metadata" or not m or day is None or int(m[1]) > 12 or int(m[3]) > 12 or m[1] == m[3]:
        return published
    alt = dt.date(day.year, day.day, day.month)
    written = [d for f in (*body, *captions) if _written_day(f) and (d := parse_day(f.timex.value)) is not None]
    if not written:
        return published
    newest = max(written)
    if abs((alt - newest).days) <= ORDER_NEAR_DAYS < ORDER_FAR_DAYS < abs((day - newest).days):
        value = alt.isoformat() + published.value[10:]
        return Published(value=value, precision=published.precision, how=published.how, text=published.text)
    return published


def anchor_date(published: Published | None) -> dt.date | None:
    return parse_day(published.value) if published else None


def weekday_conflicts(article: Article) -> list[Conflict]:
    return [
        Conflict(
            kind="weekday_mismatch",
            about=None,
            values=[ConflictValue(value=t.value, article=article.id, text=t.text)],
            note=f"{t.text!r}: {t.value} is a {dt.date.fromisoformat(t.value[:10]):%A}, not the weekday written",
        )
        for t in article.timexes
        if "weekday_mismatch" in t.flags and parse_day(t.value)
    ]


_YEAR_LEVEL = re.compile(r"^XXXX(?:-(?:\d\d(?:-\d\d)?|SP|SU|FA|WI|Q[1-4]|H[12]))?$")
_VAGUE = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_YEAR_OF = re.compile(r"^(\d{4})(?:-(?:\d\d(?:-\d\d)?|SP|SU|FA|WI|Q[1-4]|H[12]))?$")


def year_anchored(article: Article, lang: str, body: list[Found], source: str = "dct") -> list[Found]:
    """`body` (tagged against no date) with the year-level expressions anchored to the publication's
    year where that is all that is known of it (a page that prints no date, dated from its text to
    2020): "this year", "last summer", "June 1", "in April" take their year from it (as they would
    from any day of that year, read from the middle of it), what needs the day ("Thursday", "today",
    "last week") stays unknown."""
    pub = article.published
    if not (pub and pub.precision == "year" and re.fullmatch(r"\d{4}", pub.value or "") and article.text):
        return body
    year = int(pub.value)
    mid = tag(article.text, lang, dt.date(year, 7, 1), dct_source=source, sentences=article_sentences(article))
    by_span = {(f.timex.start, f.timex.end): f for f in mid}
    for f in body:
        tx = f.timex
        other = by_span.get((tx.start, tx.end))
        if other is not None and tx.value.startswith("XXXX") and other.timex.value in _VAGUE:
            tx.value = other.timex.value  # "the youth of today": these days, whichever day it is
            continue
        if other is None or not _YEAR_LEVEL.match(tx.value) or not (m := _YEAR_OF.match(other.timex.value)):
            continue
        if other.timex.value[4:] != tx.value[4:] or abs(int(m[1]) - year) > 1:
            continue  # only the year was missing, and it is near the page's
        tx.value, tx.anchor = other.timex.value, other.timex.anchor
    return body


def annotate(article: Article, lang: str, dct: dt.date | None, source: str = "dct",
             meta: list[Found] | None = None) -> list[Found]:
    """Re-tag the article against `dct`, replacing its timexes and its weekday conflicts. `meta`: its
    `metadata_timexes` when the caller has them (they are read without an anchor date, so the same)."""
    meta = metadata_timexes(article, lang) if meta is None else meta
    body = tag(article.text, lang, dct, dct_source=source, sentences=article_sentences(article)) if article.text else []
    if dct is None:
        body = year_anchored(article, lang, body, source)
    if source == "corpus":
        for f in body:
            if f.needs_anchor and f.timex.anchor == "corpus" and f.timex.value[:1].isdigit():
                f.timex.flags.append("year_from_corpus")
    _keep_timexes(article, meta, body)
    return body


def _keep_timexes(article: Article, meta: list[Found], body: list[Found]) -> None:
    """Make `meta` and `body` the article's timexes, and its weekday conflicts theirs."""
    article.timexes = [f.timex for f in meta] + [f.timex for f in body]
    article.conflicts = [c for c in article.conflicts if c.kind != "weekday_mismatch"]
    article.conflicts.extend(weekday_conflicts(article))


def _from_page(article: Article, lang: str, meta: list[Found], body: list[Found]) -> Published | None:
    """The publication date the page itself gives: its own date (read in the order its written-out
    dates support), else its newest photo caption's."""
    found = find_published(article, lang, meta, body)
    if found is not None and found.how == "metadata" and _NUMERIC_DAY.search(found.text or ""):
        return page_order(found, body, _caption_days(article, lang))
    return found or listed_published(article, lang) or caption_published(article, lang, body=body)


LISTED_DATE_CHARS = 40
"""The longest line read as the date under a listed headline ("20 February, 2024", "Feb 20, 2024 10:05")."""


def listed_published(article: Article, lang: str) -> Published | None:
    """The date of a page that prints none beside its headline ("Published: 5 hours ago"), from the
    page's own lists: a "Latest News" box often lists this very article, its headline with a date
    line under it. Only a line that repeats the title exactly counts, and only a short line right
    under it that is a full date."""
    title_at = next((k for k, ln in enumerate(article.lines) if ln.label == "title"), None)
    if title_at is None:
        return None
    lines = article.lines
    title = lines[title_at].text.strip()
    for k in range(title_at + 1, len(lines)):
        if lines[k].text.strip() != title:
            continue
        nxt = next((ln.text.strip() for ln in lines[k + 1 : k + 3] if ln.text.strip()), "")
        if nxt and len(nxt) <= LISTED_DATE_CHARS:
            day = next((f for f in tag(nxt, lang) if _full_day(f)), None)
            if day is not None:
                return _published(day, "text")
    return None


def process(article: Article) -> Article:
    lang = article_language(article)
    meta = metadata_timexes(article, lang)
    body = tag(article.text, lang, sentences=article_sentences(article)) if article.text else []
    # A date the input gave as metadata (HTML meta tags, a CSV column, a feed, read in
    # `linimasa.timex.given`) stands; anything read from the text is read again here, where weekdays
    # are checked; a WARC record's date is the last resort.
    if article.published is None or article.published.how != "metadata":
        article.published = given_published(article) or _from_page(article, lang, meta, body) or (
            article.published if article.published and article.published.how == "corpus" else None
        ) or fetched_published(article)
    dct = anchor_date(article.published)
    if dct is None:
        # tagged against no date: what `meta` and `body` already are (`annotate` would tag the same text
        # with the same arguments again, for the same expressions; nothing above changes them)
        _keep_timexes(article, meta, year_anchored(article, lang, body))
    else:
        annotate(article, lang, dct, meta=meta)
    return article


def timexes_in_text(article: Article) -> list[Timex]:
    """The timexes whose offsets point into `Article.text` (not into a metadata line)."""
    return [t for t in article.timexes if t.line is None]


@article_stage(
    "timex",
    requires=["article.text", "article.lines", "article.language", "article.given"],
    assigns=["article.timexes", "article.published", "article.conflicts"],
)
def make_timex(**options: Any) -> Callable[[Article], Article]:
    """The stage takes no options; it reads its word lists and rules from resources/<lang>/timex.yaml."""
    if options:
        raise ValueError(f"timex stage takes no options, got {sorted(options)}")
    return process
