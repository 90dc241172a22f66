"""The corpus stage "dating": undated articles dated from the articles they share events with."""

from __future__ import annotations

from linimasa.model import Article, Corpus, Line
from linimasa.timex.dating import date_corpus
from linimasa.timex.stage import process

FLOOD = (
    "Banjir bandang menerjang Kecamatan Cisurupan, Garut, pada Rabu, 15 Maret 2023. Bupati Garut Rudy "
    "Gunawan meninjau pengungsian dan menetapkan status tanggap darurat. Badan Penanggulangan Bencana Daerah "
    "mencatat ratusan rumah di bantaran Sungai Cimanuk terendam lumpur."
)
FRAGMENT = (
    "Ratusan rumah di bantaran Sungai Cimanuk terendam lumpur setelah banjir bandang menerjang Cisurupan. "
    "Bupati Rudy Gunawan menetapkan status tanggap darurat dalam rapat di pendopo pada {day}. "
    "Pekan lalu, Badan Penanggulangan Bencana Daerah sudah memperingatkan warga Garut soal hujan ekstrem."
)
UNRELATED = (
    "Tim nasional sepak bola Indonesia menang 2-0 atas Vietnam di Stadion Gelora Bung Karno, Jakarta, "
    "Selasa (26/3/2024). Pelatih Shin Tae-yong memuji lini tengah."
)


def make(aid: str, text: str, lines: list[Line] | None = None) -> Article:
    return process(Article(id=aid, source=f"{aid}.txt", text=text, lines=lines or [], language="id"))


def dated_flood() -> Article:
    return make("flood", FLOOD, [Line(1, "Rabu, 15 Maret 2023 18:20 WIB", "metadata", "date")])


def test_fragment_is_dated_by_the_article_about_the_same_event() -> None:
    fragment = make("frag", FRAGMENT.format(day="Rabu (15/3)"))
    assert fragment.published is None
    corpus = date_corpus(Corpus(articles=[dated_flood(), make("ball", UNRELATED), fragment]), {"frag"})
    p = corpus.article("frag").published
    assert p is not None
    assert (p.value, p.precision, p.how) == ("2023-03-15", "day", "corpus")
    t = {t.text: t for t in corpus.article("frag").timexes}
    assert t["Rabu (15/3)"].value == "2023-03-15"
    assert "year_from_corpus" in t["Rabu (15/3)"].flags
    assert t["Rabu (15/3)"].anchor == "corpus"
    assert t["Pekan lalu"].value == "2023-W10"


def test_weekday_that_fits_no_reading_is_flagged_once_the_corpus_gives_the_year() -> None:
    fragment = make("frag", FRAGMENT.format(day="Rabu (13/3)"))  # 13 March 2023 was a Monday
    corpus = date_corpus(Corpus(articles=[dated_flood(), fragment]), {"frag"})
    art = corpus.article("frag")
    assert art.published is not None and art.published.value == "2023-03-15"  # the Wednesday the other article gives
    t = next(t for t in art.timexes if t.text == "Rabu (13/3)")
    assert t.value == "2023-03-13"
    assert "weekday_mismatch" in t.flags
    assert [c.kind for c in art.conflicts] == ["weekday_mismatch"]


def test_without_neighbours_the_latest_written_date_bounds_the_article() -> None:
    lone = make("lone", "Perbaikan jalan itu sudah lama ditunggu warga. Kerusakan dilaporkan pada 3 Januari 2020 "
                "dan perbaikan rampung Februari 2020.")
    assert lone.published is None  # no weekday and nothing in the opening sentence: the stage leaves it
    corpus = date_corpus(Corpus(articles=[lone]), {"lone"})
    p = corpus.article("lone").published
    assert p is not None and p.how == "corpus"
    assert (p.value, p.precision) == ("2020-02", "month")


def test_an_article_with_no_evidence_stays_undated() -> None:
    bare = make("bare", "Warga berharap pemerintah segera memperbaiki jalan rusak di desa mereka.")
    corpus = date_corpus(Corpus(articles=[bare, make("ball", UNRELATED)]), {"bare"})
    assert corpus.article("bare").published is None


def test_dated_articles_are_left_alone() -> None:
    flood = dated_flood()
    before = flood.published
    corpus = date_corpus(Corpus(articles=[flood]), {"flood"})
    assert corpus.article("flood").published == before


def test_cosines_are_the_vectors_dot_product_bit_for_bit() -> None:
    import random

    from linimasa.timex.dating import _cosines, _vector

    rng = random.Random(5)
    words = [f"kata{i}" for i in range(60)]
    df = {w: rng.randint(1, 40) for w in words}
    mine = _vector({w: rng.randint(1, 6) for w in rng.sample(words, 25)}, 50, df)
    their = {f"a{i}": {"": 0, **{w: rng.randint(1, 9) for w in rng.sample(words, rng.randint(1, 40))}}
             for i in range(30)}
    fast = dict(_cosines(mine, their, 50, df))
    for other, counts in their.items():
        v = _vector(counts, 50, df)
        assert fast[other] == sum(x * v.get(w, 0.0) for w, x in mine.items())


def test_neighbours_score_as_the_whole_vectors_dot_product() -> None:
    """`neighbours` adds only the shared words, in the order of the article's vector, and reads each
    candidate's words and postings once per chunk: the scores are the full dot product's, bit for
    bit, and the same neighbours come back in the same order."""
    from linimasa.timex.dating import MemoryIndex, _ChunkIndex, _tokens, _vector, is_dated, neighbours

    articles = [dated_flood(), make("ball", UNRELATED)]
    for i, day in enumerate(["Rabu (15/3)", "Kamis (16/3)", "Senin", "pekan lalu"]):
        articles.append(make(f"frag{i}", FRAGMENT.format(day=day)))
        articles.append(make(f"flood{i}", FLOOD.replace("15 Maret", f"{15 + i} Maret"),
                             [Line(1, f"Rabu, {15 + i} Maret 2023 18:20 WIB", "metadata", "date")]))
    index = MemoryIndex(articles)
    for a in articles:
        index.put_article_terms(a.id, _tokens(a))
    chunk = _ChunkIndex(index)
    n = len(index.terms)
    for a in articles:
        got = neighbours(a.id, chunk, 0.0, 200)
        mine = _vector(index.terms[a.id], n, index.df)
        want = sorted(
            ((s, o.id) for o in articles if o.id != a.id and is_dated(o)
             if (s := sum(x * _vector(index.terms[o.id], n, index.df).get(w, 0.0) for w, x in mine.items())) >= 0.0
             and set(mine) & set(index.terms[o.id])),
            reverse=True,
        )
        assert got == want, a.id


def test_a_stored_undated_article_is_dated_again_only_when_a_new_neighbour_comes() -> None:
    """A later chunk whose dated articles share only a common word with a stored undated article
    leaves it alone (its neighbours are the ones it had); a chunk with an article about its event
    dates it again."""
    from linimasa.timex.dating import MemoryIndex, date_articles

    frag = make("frag", FRAGMENT.format(day="Rabu (15/3)"))
    concert = make("concert", "Ribuan warga memadati konser musik di Stadion Gelora Bung Karno, Jakarta, hingga "
                   "larut malam. Penyanyi itu membawakan dua puluh lagu.",
                   [Line(1, "Sabtu, 18 Maret 2023 21:00 WIB", "metadata", "date")])
    again = make("again", FLOOD.replace("Rudy", "Rudi"),
                 [Line(1, "Kamis, 16 Maret 2023 09:00 WIB", "metadata", "date")])
    flood = dated_flood()
    index = MemoryIndex([flood, frag, concert, again])
    assert [a.id for a in date_articles([flood, frag], index)] == ["frag"]
    assert date_articles([concert], index) == []
    assert "warga" in index.terms["concert"] and "warga" in index.terms["frag"]  # a word they share
    assert [a.id for a in date_articles([again], index)] == ["frag"]


def test_weekday_with_day_and_month_takes_the_year_in_which_they_agree() -> None:
    # 21 June is a Tuesday in 2022 (not in 2023): the neighbour, written in March 2023, gives the time of
    # writing, and the Tuesday 21 June before it is the one the fragment speaks of, not a Tuesday near it
    fragment = make("frag", FRAGMENT.format(day="Selasa, 21 Juni"))
    corpus = date_corpus(Corpus(articles=[dated_flood(), fragment]), {"frag"})
    art = corpus.article("frag")
    assert art.published is not None and art.published.value == "2022-06-21"
    t = next(t for t in art.timexes if t.text == "Selasa, 21 Juni")
    assert t.value == "2022-06-21" and "weekday_mismatch" not in t.flags


def test_stored_articles_with_new_neighbours_are_those_neighbours_finds_among_the_new() -> None:
    """`with_new_neighbours` (pairs found from the new articles' words, only the close ones checked
    against the postings) picks exactly the articles for which `neighbours(..., among=new)` is not
    empty, whatever the words, dates and postings limit (a small one leaves some holders out)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from linimasa.model import Published
    from linimasa.timex.dating import MemoryIndex, _ChunkIndex, neighbours, with_new_neighbours

    words = st.dictionaries(st.sampled_from([f"kata{k}" for k in range(12)]), st.integers(0, 4), max_size=8)
    dates = st.sampled_from([None, Published("2024-05-02", "day", "metadata", "x"),
                             Published("2024-05", "month", "text", "x"), Published("2024-05-03", "day", "corpus", "x")])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.tuples(words, dates), min_size=2, max_size=14), st.integers(1, 13),
           st.sampled_from([0.0, 0.1, 0.3]), st.integers(1, 4))
    def check(docs: list[tuple[dict[str, int], Published | None]], split: int, min_similarity: float,
              limit: int) -> None:
        articles = [Article(id=f"a{i}", source=f"a{i}.txt", text="x", published=p) for i, (_, p) in enumerate(docs)]
        index = MemoryIndex(articles)
        for a, (terms, _) in zip(articles, docs, strict=True):
            index.put_article_terms(a.id, terms)
        stored = [a.id for a in articles[:split]]
        new = frozenset(a.id for a in articles[split:])
        want = {i for i in stored if neighbours(i, _ChunkIndex(index), min_similarity, limit, among=new)}
        assert with_new_neighbours(stored, _ChunkIndex(index), new, min_similarity, limit) == want

    check()


def test_a_chunks_vectors_are_vector_bit_for_bit() -> None:
    """`_ChunkIndex.vector` (each word's IDF kept per call) gives `_vector`'s floats, in its order,
    including for words the document frequencies do not have (counted as held by one article)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from linimasa.timex.dating import MemoryIndex, _ChunkIndex, _vector

    counts = st.dictionaries(st.sampled_from([f"kata{k}" for k in range(30)]), st.integers(0, 9), max_size=20)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(counts, min_size=1, max_size=6), st.dictionaries(
        st.sampled_from([f"kata{k}" for k in range(30)]), st.integers(0, 50)), st.integers(1, 60))
    def check(docs: list[dict[str, int]], df: dict[str, int], n: int) -> None:
        chunk = _ChunkIndex(MemoryIndex([]))
        for i, c in enumerate(docs):
            got = chunk.vector(f"a{i}", c, n, df)
            want = _vector(c, n, df)
            assert list(got.items()) == list(want.items())

    check()


def test_when_most_like_articles_are_of_other_times_the_one_left_in_its_years_does_not_date_it() -> None:
    # The undated story writes only "2021"; the articles most like it are the same kind of story of 2024
    # and 2025 (out of its years), and the one left in its years is only like it by topic: its date must
    # not turn the story's "Monday" into a Monday of December 2021.
    def make_en(aid: str, text: str, lines: list[Line] | None = None) -> Article:
        return process(Article(id=aid, source=f"{aid}.txt", text=text, lines=lines or [], language="en"))

    undated = (
        "Fire crews across the valley are bracing for the 2021 wildfire season, which forecasters expect to be "
        "drier than usual. The county fire chief said Monday that brush clearing around the reservoir trails "
        "has already begun and that volunteers will patrol the canyon roads on weekends."
    )
    other_year = make_en("other", (
        "Fire crews across the valley are bracing for another wildfire season as forecasters expect drier "
        "weather. The county fire chief said brush clearing around the reservoir trails and canyon roads "
        "has begun, and volunteers will patrol on weekends."
    ), [Line(1, "March 3, 2025", "metadata", "date")])
    another_year = make_en("another", (
        "Forecasters expect a drier wildfire season, and fire crews across the valley are clearing brush "
        "around the reservoir trails while volunteers patrol the canyon roads."
    ), [Line(1, "April 9, 2024", "metadata", "date")])
    topical = make_en("topical", (
        "The county fire chief thanked volunteers at a holiday dinner on Saturday, as crews who worked the "
        "valley fires this year were honoured for their service."
    ), [Line(1, "December 18, 2021", "metadata", "date")])
    corpus = date_corpus(Corpus(articles=[other_year, another_year, topical, make_en("story", undated)]), {"story"})
    p = corpus.article("story").published
    assert p is not None and (p.value, p.precision, p.how) == ("2021", "year", "corpus")
    monday = next(t for t in corpus.article("story").timexes if t.text == "Monday")
    assert not monday.value[:1].isdigit()
