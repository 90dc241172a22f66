"""The common text layer: what every stage needs to read text, computed one way.

- `linimasa.text.tokens`: the token and word patterns (NER tokens, name tokens, words, letters);
- `linimasa.text.sentences`: the one sentence splitter (`split_sentences(text, lang) -> list[Span]`);
- `linimasa.text.language`: the one language decision of an article (`article_language`);
- `linimasa.text.gazetteer`: the one gazetteer (canonical ids for names) and the NER name list;
- `linimasa.text.dateline`, `linimasa.text.outlets`: dateline prefixes and outlet names, which the
  clean stage cuts and the meta stage reads.

Stage packages import from here and from `linimasa.resources`, never from one another
(tests/test_layers.py checks it), so a stage can be replaced without breaking the others.

This module registers the article stage "sentences": it fills `Article.sentences` once, after the
clean text exists, for every later stage that reads sentence by sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from linimasa.model import Article
from linimasa.pipeline import article_stage
from linimasa.text.sentences import split_sentences

__all__ = ["make_sentences", "split_article"]


def split_article(article: Article) -> Article:
    """Fill `article.sentences` from `article.text` (in the article's language)."""
    article.sentences = split_sentences(article.text, article.language)
    return article


@article_stage("sentences", requires=["article.text", "article.language"], assigns=["article.sentences"])
def make_sentences() -> Callable[[Article], Article]:
    """Split the clean text into sentences once, for every later stage. No options: the splitter's
    rules are its abbreviation lists (resources)."""
    return split_article
