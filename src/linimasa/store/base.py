"""The storage interface every backend implements."""

from __future__ import annotations

import abc
from collections.abc import Iterator

from linimasa.model import Article, Corpus


class Store(abc.ABC):
    """Articles and the corpus-level results derived from them.

    Each article is written in one transaction (`put_article`), so a crash mid-batch leaves whole
    articles or none; corpus results are replaced together in one transaction (`save_corpus`).
    """

    schema_version: int

    @abc.abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abc.abstractmethod
    def put_article(self, article: Article) -> None: ...

    @abc.abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abc.abstractmethod
    def iter_articles(self) -> Iterator[Article]: ...

    @abc.abstractmethod
    def load_corpus(self) -> Corpus: ...

    @abc.abstractmethod
    def save_corpus(self, corpus: Corpus) -> None:
        """Write the corpus stages' results, and the article fields they changed, atomically."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
