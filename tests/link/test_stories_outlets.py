"""(storyent) An outlet or one of its channels named in an article ("dikutip dari detikFinance") is no
actor of its story: `_weights` leaves it out, as it leaves out a credited wire service."""

from __future__ import annotations

from linimasa.link.stories import _weights
from linimasa.model import Article, Mention


def mention(text: str, type_: str, entity: str) -> Mention:
    return Mention(0, len(text), text, type_, entity=entity)  # type: ignore[arg-type]


def test_an_outlets_channel_is_no_actor() -> None:
    article = Article(id="a", source="a.txt", text="", language="id", outlet="Liputan6.com")
    article.mentions = [mention("detikFinance", "ORG", "e1"), mention("Sri Mulyani", "PER", "e2"),
                        mention("Kompas.com", "ORG", "e3"), mention("Bank Mandiri", "ORG", "e4"),
                        mention("Bloomberg", "PER", "e5")]
    info = {"e1": ("detikFinance", "ORG", 3), "e2": ("Sri Mulyani", "PER", 3), "e3": ("Kompas.com", "ORG", 3),
            "e4": ("Bank Mandiri", "ORG", 3), "e5": ("Bloomberg", "PER", 3)}
    weights = _weights(article, info, 100)
    assert set(weights) == {"e2", "e4", "e5"}  # the channel and the other outlet go; a person so named stays
