"""The two entity stages through the pipeline and the export contract."""

from __future__ import annotations

from linimasa.export import export_corpus
from linimasa.model import Article, Corpus
from linimasa.pipeline import Pipeline


def test_stages_run_in_the_pipeline_and_export_validates(validate_export) -> None:
    pipeline = Pipeline(article_stages=["entities"], corpus_stages=["entities"], config={
        "article": {"entities": {"model": False}},
    }, provided=["article.text", "article.language"])
    texts = [
        "Perdana Menteri India Narendra Modi tiba di Moskow. Modi disambut di Kremlin.",
        "Indian Prime Minister Narendra Modi arrived in Moscow on Monday, the Kremlin said.",
    ]
    articles = [
        pipeline.process_article(Article(id=f"x{i}", source=f"x{i}.txt", text=t, language=lang))
        for i, (t, lang) in enumerate(zip(texts, ["id", "en"], strict=True))
    ]
    corpus = pipeline.process_corpus(Corpus(articles=articles), {a.id for a in articles})
    doc = export_corpus(corpus)
    validate_export(doc)
    modi = next(e for e in doc["entities"] if e["name"] == "Narendra Modi")
    assert {m["article"] for m in modi["mentions"]} == {"x0", "x1"}
    assert {r["text"] for r in modi["roles"]} == {"Perdana Menteri India", "Indian Prime Minister"}
    moscow = next(e for e in doc["entities"] if "Moscow" in [e["name"], *e["aliases"]])
    assert {"Moskow", "Moscow"} <= {moscow["name"], *moscow["aliases"]}
    again = pipeline.process_corpus(corpus, set())
    assert export_corpus(again)["entities"] == doc["entities"]  # re-running changes nothing
