"""Corpus-level linking: merging what the per-article stages found across articles.

Importing the package registers its corpus stages (`entities` here; other link stages live in their
own modules of this package).
"""

from linimasa.link import duplicates as duplicates
from linimasa.link import entities as entities
from linimasa.link import events as events
from linimasa.link import stories as stories

__all__ = ["duplicates", "entities", "events", "stories"]
