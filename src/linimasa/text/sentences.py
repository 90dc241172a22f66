"""The one sentence splitter: Indonesian and English news, with character offsets.

Every stage that reasons per sentence (the NER model, the tense and report-cue rules of the timex
stage, the opening "dateline sentence" of an article) reads the same boundaries, so a sentence means
the same thing everywhere. The article stage "sentences" stores them in `Article.sentences` once;
code that only has a text (a metadata line, an evaluation document) calls `split_sentences`, whose
result is cached per text, so asking again for the same text costs a dictionary lookup.

A sentence ends
- at a line break (a paragraph never continues on the next line of a clean text);
- at "!" or "?";
- at a full stop that is not part of an abbreviation ("Dr.", "Jl.", "No.", "dll.": the lists in
  `resources/shared/abbreviations.txt` and `resources/<lang>/abbreviations.txt`) and not an initial
  ("B. J. Habibie");
closing quotes and brackets right after the stop stay with it. Numbers keep their separators
("Rp1,5 juta", "1.500", "(12/10)") and dotted initialisms ("U.S.") are one token, so neither splits.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable

from linimasa import resources
from linimasa.model import Article, Span
from linimasa.text.cache import TextCache
from linimasa.text.tokens import TOKEN, tokenize, tokenize_span

_CLOSERS = frozenset("\"'”’)]")
_START = operator.attrgetter("start")

ABBREVIATIONS_FILE = "abbreviations.txt"


@functools.cache
def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations after which a full stop does not end a sentence.

    Every language's list applies to every text: Indonesian news quotes English titles ("Mr.") and
    English news Indonesian addresses ("Jl."), and a full stop after either is never a sentence end.
    """
    words: set[str] = set(resources.load_words("shared", ABBREVIATIONS_FILE))
    for lang in resources.languages():
        if resources.path(lang, ABBREVIATIONS_FILE).is_file():
            words |= resources.load_words(lang, ABBREVIATIONS_FILE)
    return frozenset(words)


def _ends_sentence(text: str, spans: list[tuple[int, int]], i: int, abbrevs: frozenset[str]) -> bool:
    start, end = spans[i]
    token = text[start:end]
    if token in ("!", "?"):
        return True
    if token != "." or i == 0:
        # A dotted initialism ("U.S.") at the end of a sentence is not worth the ambiguity.
        return False
    prev_start, prev_end = spans[i - 1]
    previous = text[prev_start:prev_end]
    if prev_end == start:
        if previous.lower() in abbrevs:
            return False
        if len(previous) == 1 and previous.isalpha():
            return False  # an initial: "B. J. Habibie"
    return True


_OFFSETS = TextCache(4_000_000)


def sentence_offsets(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every sentence of ``text``, from its first token to its last.

    Cached on the text (see `TextCache`): the timex stage asks for the sentence around each expression
    it normalises, the corpus stage "dating" again for the articles it re-reads, and the same text
    must not be split again each time."""
    found: tuple[tuple[int, int], ...] | None = _OFFSETS.get(text, None)
    if found is None:
        found = _split_offsets(text)
        _OFFSETS.put(text, None, found)
    return found


_TOKENS = TextCache(1_000_000)
"""The last texts' `TOKEN` offsets as `_split_offsets` found them, with their starts: the NER model
reads the tokens of each sentence (`sentence_tokens`) right after the splitter read the whole text's."""

_LOOKS_ON = re.compile(r"[\w.]")
"""A character `TOKEN`'s one lookahead (a domain name is not followed by one) can see past a sentence's
end: a sentence that one follows is tokenised on its own (`sentence_tokens`)."""


def sentence_tokens(text: str, bounds: Iterable[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """``tokenize_span(text, start, end)`` of each ``(start, end)`` of `bounds`, the same offsets,
    taken from the whole text's tokens when the splitter has just found them (`_TOKENS`).

    Why they are the same: where a token of the whole text starts at ``start`` and one ends at
    ``end``, tokenising ``text[start:end]`` tries the same pattern at the same places with the same
    characters, and a match that ends by ``end`` in the whole text is found first there too (`TOKEN`
    reads nothing past a match but its one lookahead, which sees the same at ``end`` unless a word
    character or a full stop follows: those sentences, and any whose ends are not token edges, are
    tokenised on their own)."""
    kept: tuple[list[tuple[int, int]], list[int]] | None = _TOKENS.get(text, None)
    if kept is None:
        return [tokenize_span(text, start, end) for start, end in bounds]
    spans, starts = kept
    out: list[list[tuple[int, int]]] = []
    size = len(text)
    for start, end in bounds:
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        if (i < j and starts[i] == start and spans[j - 1][1] == end
                and (end == size or _LOOKS_ON.match(text, end) is None)):
            out.append(spans[i:j])
        else:
            out.append(tokenize_span(text, start, end))
    return out


_ENDER = re.compile(r"[.!?]")
"""The characters whose one-character token may end a sentence (`_ends_sentence`)."""

_NEWLINE = re.compile(r"\n")
_SPAN = re.Match.span


def _split_offsets(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences of `text` from its tokens: a break before a token after a line break, and before
    the first token after an ending stop that is not a closer right after it (the rules of the module
    docstring).

    Only the few tokens where a sentence can change are visited (the line breaks, the stops and the
    closers after them), not every token of the text: the splitter is run on every article, and the
    loop over all of its tokens was most of its cost. `_split_offsets_by_token` is the same rules as
    one pass over every token, which `tests/text/test_sentences.py` holds this to."""
    spans = list(map(_SPAN, TOKEN.finditer(text))) if text else []
    starts = [a for a, _ in spans]
    _TOKENS.put(text, None, (spans, starts))
    n = len(spans)
    if not n:
        return ()
    abbrevs = abbreviations()
    breaks: set[int] = set()
    for m in _NEWLINE.finditer(text):  # tokens hold no white space: a line break lies in a gap
        i = bisect.bisect_right(starts, m.start())
        if 0 < i < n:
            breaks.add(i)
    for m in _ENDER.finditer(text):
        i = bisect.bisect_left(starts, m.start())
        if i >= n or spans[i][1] != m.end() or not _ends_sentence(text, spans, i, abbrevs):
            continue  # not a token of its own ("1.500", "U.S."), or a stop that ends nothing
        j = i + 1
        while j < n and spans[j - 1][1] == spans[j][0] and text[spans[j][0] : spans[j][1]] in _CLOSERS:
            j += 1  # closing quotes and brackets right after the stop stay with it
        if j < n:
            breaks.add(j)
    out: list[tuple[int, int]] = []
    first = 0
    for b in sorted(breaks):
        out.append((spans[first][0], spans[b - 1][1]))
        first = b
    out.append((spans[first][0], spans[-1][1]))
    return tuple(out)


def _split_offsets_by_token(text: str) -> tuple[tuple[int, int], ...]:
    """`_split_offsets` as one pass over every token (the definition it is tested against)."""
    spans = tokenize(text)
    abbrevs = abbreviations()
    out: list[tuple[int, int]] = []
    first = last = -1
    pending_end = False
    for i, (start, end) in enumerate(spans):
        if first >= 0:
            gap = text[last:start]
            closer_continues = pending_end and gap == "" and text[start:end] in _CLOSERS
            if "\n" in gap or (pending_end and not closer_continues):
                out.append((first, last))
                first = -1
                pending_end = False
        if first < 0:
            first = start
        last = end
        if _ends_sentence(text, spans, i, abbrevs):
            pending_end = True
    if first >= 0:
        out.append((first, last))
    return tuple(out)


def split_sentences(text: str, lang: str = "und") -> list[Span]:
    """The sentences of ``text`` as `Span`s (offsets into ``text``).

    ``lang`` is the article's language; the rules above hold for Indonesian and English alike, so it
    does not change the result today, but callers pass it so that a language with other conventions
    can get its own without touching them."""
    del lang  # same rules for every language with resources (see `abbreviations`)
    return [Span(a, b, text[a:b]) for a, b in sentence_offsets(text)]


def article_sentences(article: Article) -> list[Span]:
    """`article.sentences` when the "sentences" stage filled them for the current text, else the
    text split now. The check is cheap (the first and last sentence must still be where they were)
    and keeps a stage from reading offsets into a text that has changed since."""
    sentences, text = article.sentences, article.text
    if sentences and all(text[s.start : s.end] == s.text for s in (sentences[0], sentences[-1])):
        return sentences
    return split_sentences(text, article.language)


def sentence_bounds(text: str, pos: int, sentences: list[Span] | None = None) -> tuple[int, int]:
    """``(start, end)`` of the sentence of ``text`` that holds position ``pos``.

    ``sentences`` are the text's sentences when the caller has them (`Article.sentences`); otherwise
    they are computed (and cached). A position between two sentences belongs to the one before it;
    a text without tokens is one sentence."""
    if sentences is None:
        offsets = sentence_offsets(text)
        if not offsets:
            return 0, len(text)
        i = bisect.bisect_right(offsets, (pos, len(text) + 1)) - 1
        if i < 0:
            return 0, offsets[0][1]
        return offsets[i]
    if not sentences:
        return 0, len(text)
    # the last sentence starting at or before `pos` (sentences are in text order): a binary search
    # on the spans themselves, not on a list of offsets built again at every call
    i = bisect.bisect_right(sentences, pos, key=_START) - 1
    if i < 0:
        return 0, sentences[0].end
    return sentences[i].start, sentences[i].end


__all__ = ["abbreviations", "article_sentences", "sentence_bounds", "sentence_offsets", "sentence_tokens",
           "split_sentences"]
