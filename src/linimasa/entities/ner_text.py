"""Tokens and sentences for the NER model, with character offsets into the original text.

The recogniser works on sentences because the model was trained on sentences: a whole article as one
sequence would be slow (the CRF is linear in length but Python feature building is not free) and
would let labels leak across sentence boundaries. Tokens and sentences come from the text layer
(`linimasa.text`), so the model sees the sentences every other stage sees; what is the model's own
is the cap on a sentence's length.
"""

from __future__ import annotations

from linimasa.model import Span
from linimasa.text.sentences import sentence_offsets, sentence_tokens
from linimasa.text.tokens import tokenize

# A sentence longer than this is cut: odd input (lists, tables, text without punctuation) must not
# produce one huge sequence.
MAX_SENTENCE_TOKENS = 150


def sentence_spans(text: str, sentences: list[Span] | None = None) -> list[list[tuple[int, int]]]:
    """The tokens of ``text`` grouped by sentence (lists of token offsets), each group at most
    `MAX_SENTENCE_TOKENS` long. ``sentences`` are the text's sentences when the caller has them
    (`Article.sentences`); otherwise the text layer splits ``text``."""
    bounds = [(s.start, s.end) for s in sentences] if sentences is not None else sentence_offsets(text)
    out: list[list[tuple[int, int]]] = []
    for tokens in sentence_tokens(text, bounds):
        out.extend(tokens[i : i + MAX_SENTENCE_TOKENS] for i in range(0, len(tokens), MAX_SENTENCE_TOKENS))
    return out


__all__ = ["MAX_SENTENCE_TOKENS", "sentence_spans", "tokenize"]
