"""Train the linimasa CRF NER model on the union of the NER corpora's train splits.

    python train/ner.py --data ../shared/data --out src/linimasa/entities/model/ner.crfsuite

Needs the word clusters first (``python train/ner_clusters.py``). The dev splits select settings;
the script prints dev scores after training; ``linimasa eval ner`` reports the test splits.

NERP is lower-cased and the other three are cased. The features drop case information for a sentence
without any capital letter, so NERP teaches case-blind evidence instead of teaching that lower-case
words are never names; ``--lower-copies`` additionally adds lower-cased copies of a fraction of the
cased sentences so lower-cased input sees names from all corpora.

``--real-id SET...`` adds the development sets of the project's own hand-annotated real news
(``eval/real-id``, read by ``train/ner_real.py``) as a fifth corpus with its own convention, which the
model then tags running text with; ``--real-id-held-out SET...`` keeps a set's texts out of training
for a fold experiment (the test split's texts are always kept out).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from pathlib import Path

import pycrfsuite

from linimasa.entities.ner import open_recogniser
from linimasa.entities.ner_features import Clusters, read_clusters, sentence_features
from linimasa.evaluate.ner import format_score, score_corpus
from linimasa.evaluate.ner_corpora import CORPORA, Sentence, load_split
from linimasa.text.gazetteer import LabelledNames, read_labelled_names

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_real  # sibling scripts, not package modules
from ner_english import silver_sentences

# The convention running text is tagged with: idner-news-2k is the cleanest cased news annotation.
DEFAULT_CONVENTION = "idner-news-2k"
# ... and text without any capital letter: NERP is the lower-cased corpus.
CASELESS_CONVENTION = "nerp"
# The English silver sentences' place in the training list: their conventions are `--silver-conventions`.
SILVER = "english-silver"


def silver_features(
    tokens: list[str], clusters: Clusters, conventions: list[str], gazetteer: LabelledNames | None
) -> list[list[str]]:
    """`sentence_features` with a private copy for each of ``conventions``: one sentence teaching
    several conventions at once, so the shared features weigh it once (a copy per convention would
    count it twice there)."""
    features = sentence_features(tokens, clusters, None, gazetteer)
    return [[*f, *(c + "|" + name for c in conventions for name in f)] for f in features]


def sentence_key(tokens: list[str]) -> str:
    """Case-, punctuation- and tokenisation-blind identity of a sentence, to find the same text twice."""
    return "".join(ch for ch in "".join(tokens).lower() if ch.isalnum())


def held_out_keys(data_dir: Path, corpus: str, splits: tuple[str, ...]) -> set[str]:
    """Sentences of the *other* corpora's held-out ``splits``.

    The corpora share source articles (about half of idner-news-2k's test sentences are in NERP's or
    NER-UGM's train split), so training on the union without this would train on other corpora's
    test sentences. Duplicates inside one corpus's own splits are left as the corpus ships them, as
    the published figures were measured with them.
    """
    keys: set[str] = set()
    for other in CORPORA:
        if other != corpus:
            for split in splits:
                keys.update(sentence_key(s.tokens) for s in load_split(data_dir, other, split))
    return keys


def corpus_repeats(items: list[str], real_id_repeat: int, with_real_id: bool) -> dict[str, int]:
    """How many times each corpus's sentences are used, from ``--repeat CORPUS=N`` items and
    ``--real-id-repeat N`` (a shorthand for ``--repeat real-id=N``, the in-domain weighting a retrain with
    more real-news sets is expected to keep); a contradiction or an unknown corpus is a ``ValueError``."""
    repeat: dict[str, int] = {}
    for item in items:
        name, equals, times = item.partition("=")
        if not equals or not times.isdigit() or int(times) < 1:
            raise ValueError(f"--repeat: expected CORPUS=N with N >= 1, got {item!r}")
        repeat[name] = int(times)
    unknown = set(repeat) - set(CORPORA) - {ner_real.CONVENTION}
    if unknown:
        raise ValueError(f"--repeat: unknown corpora {sorted(unknown)}")
    if real_id_repeat < 1:
        raise ValueError("--real-id-repeat: N must be at least 1")
    if real_id_repeat > 1:
        if repeat.get(ner_real.CONVENTION, real_id_repeat) != real_id_repeat:
            raise ValueError(f"--real-id-repeat and --repeat {ner_real.CONVENTION}=N disagree")
        repeat[ner_real.CONVENTION] = real_id_repeat
    if ner_real.CONVENTION in repeat and not with_real_id:
        raise ValueError("repeating the real-news corpus needs --real-id")
    return repeat


def training_sentences(
    data_dir: Path,
    corpora: list[str],
    lower_copies: float,
    seed: int,
    with_dev: bool = False,
    repeat: dict[str, int] | None = None,
    also_held_out: set[str] | None = None,
) -> list[tuple[str, Sentence]]:
    """The train splits (plus the dev splits for a final model), less other corpora's held-out sentences
    and less the sentences in ``also_held_out`` (keys of the real-news gold's held-out texts).

    ``repeat`` uses a corpus's sentences N times: a small corpus then weighs more against the shared
    copies of the features that the larger corpora otherwise dominate.
    """
    also_held_out = also_held_out or set()
    repeat = repeat or {}
    rng = random.Random(seed)
    sentences: list[tuple[str, Sentence]] = []
    used = ("train", "dev") if with_dev else ("train",)
    held_out_splits = ("test",) if with_dev else ("dev", "test")
    for corpus in corpora:
        held_out = held_out_keys(data_dir, corpus, held_out_splits) | also_held_out
        every = [s for split in used for s in load_split(data_dir, corpus, split)]
        split = [s for s in every if sentence_key(s.tokens) not in held_out]
        print(
            f"{corpus}: dropped {len(every) - len(split)} of {'+'.join(used)} found in other corpora's "
            f"{'/'.join(held_out_splits)}",
            file=sys.stderr,
        )
        sentences.extend((corpus, s) for s in split * repeat.get(corpus, 1))
        if lower_copies > 0 and not CORPORA[corpus].lower_cased:
            copies = [s for s in split if rng.random() < lower_copies]
            sentences.extend((corpus, Sentence([t.lower() for t in s.tokens], s.tags)) for s in copies)
        print(f"{corpus}: {len(split)} train sentences", file=sys.stderr)
    return sentences


def real_training_sentences(
    gold_dir: Path, data_dir: Path, names: list[str], held_out_sets: list[str], real_held_out: set[str], with_dev: bool
) -> list[Sentence]:
    """The real-news gold's development sets ``names`` (`ner_real`), less every sentence that occurs in
    the texts of its test split or of ``held_out_sets`` (``real_held_out``) or in a public corpus's
    held-out splits (test for a final model, dev and test while selecting settings)."""
    held_out = real_held_out | held_out_keys(data_dir, ner_real.CONVENTION, ("test",) if with_dev else ("dev", "test"))
    kept: list[Sentence] = []
    for name in names:
        every, misaligned = ner_real.real_sentences(gold_dir, name)
        split = [s for s in every if sentence_key(s.tokens) not in held_out]
        print(
            f"{ner_real.CONVENTION} {name}: {len(split)} sentences; dropped {len(every) - len(split)} found in "
            f"held-out texts ({'+'.join(['test', *held_out_sets])}) or other corpora's held-out splits, "
            f"{misaligned} with a mention off token boundaries",
            file=sys.stderr,
        )
        kept.extend(split)
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("src/linimasa/entities/model/ner.crfsuite"))
    parser.add_argument("--clusters", type=Path, default=Path("src/linimasa/entities/model/clusters.tsv"))
    parser.add_argument("--corpora", nargs="+", default=sorted(CORPORA), choices=sorted(CORPORA))
    parser.add_argument("--lower-copies", type=float, default=0.0, help="fraction of cased sentences added lower-cased")
    parser.add_argument(
        "--conventions",
        action="store_true",
        help="add per-corpus copies of the features (annotation conventions; tagging uses idner-news-2k's)",
    )
    parser.add_argument(
        "--english-silver",
        action="store_true",
        help="add silver English sentences (train/ner_english.py), under --silver-conventions",
    )
    parser.add_argument(
        "--repeat", nargs="*", default=[], metavar="CORPUS=N", help="use a corpus's train sentences N times"
    )
    parser.add_argument("--silver-person-repeat", type=int, default=1, help="use silver PER sentences N times")
    parser.add_argument(
        "--silver-conventions",
        nargs="+",
        default=[DEFAULT_CONVENTION],
        metavar="CORPUS",
        help="the conventions whose private feature copies the English silver sentences teach (each "
        "sentence once, with one copy per convention); add real-id so the convention running text is "
        "tagged with learns English too",
    )
    parser.add_argument(
        "--gazetteer",
        type=Path,
        help="gazetteer features from this names file (train/ner_gazetteer.py), shipped beside the model",
    )
    parser.add_argument(
        "--with-dev",
        action="store_true",
        help="final model: train on train+dev (settings already chosen on dev); prints test scores",
    )
    parser.add_argument(
        "--real-id",
        nargs="*",
        default=[],
        choices=ner_real.SETS,
        metavar="SET",
        help=f"add these development sets of the real-news gold as a fifth corpus with its own convention "
        f"({ner_real.CONVENTION}), which running text is then tagged with; sets: {', '.join(ner_real.SETS)}",
    )
    parser.add_argument(
        "--real-id-held-out",
        nargs="*",
        default=[],
        choices=ner_real.SETS,
        metavar="SET",
        help="real-news sets held out for a fold experiment: their sentences are dropped from training, "
        "as the test split's always are",
    )
    parser.add_argument(
        "--real-id-repeat",
        type=int,
        default=1,
        metavar="N",
        help="use the --real-id sentences N times (the same as --repeat real-id=N): the in-domain corpus is "
        "small (about 1.5k sentences against 13k public and silver ones), so repeating it weighs the project's own "
        "annotation more in the shared features that running text is tagged with, and trains its private copy "
        "harder against the L1/L2 penalty",
    )
    parser.add_argument("--real-id-dir", type=Path, default=Path("eval/real-id"), help="the real-news gold")
    parser.add_argument("--c1", type=float, default=0.02, help="L1 penalty (sparsity, model size)")
    parser.add_argument("--c2", type=float, default=0.02, help="L2 penalty")
    parser.add_argument("--max-iter", type=int, default=200)
    parser.add_argument("--min-freq", type=float, default=1, help="drop features seen fewer times")
    parser.add_argument("--eval-split", default="dev", choices=("dev", "test", "none"))
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    started = time.time()
    clusters_tsv = args.clusters.read_text(encoding="utf-8")
    clusters = read_clusters(clusters_tsv)
    gazetteer_tsv = gzip.decompress(args.gazetteer.read_bytes()).decode("utf-8") if args.gazetteer else None
    gazetteer = read_labelled_names(gazetteer_tsv) if gazetteer_tsv is not None else None
    trainer = pycrfsuite.Trainer(verbose=False)
    try:
        repeat = corpus_repeats(args.repeat, args.real_id_repeat, bool(args.real_id))
    except ValueError as error:
        parser.error(str(error))
    trained_here = {*args.corpora, *([ner_real.CONVENTION] if args.real_id else [])}
    unknown_silver = set(args.silver_conventions) - trained_here
    if unknown_silver:
        parser.error(f"--silver-conventions: not trained {sorted(unknown_silver)}")
    if set(args.real_id) & set(args.real_id_held_out):
        parser.error("--real-id and --real-id-held-out share a set")
    real_held_out = (
        ner_real.held_out_texts_keys(args.real_id_dir, ["test", *args.real_id_held_out], sentence_key)
        if args.real_id
        else set()
    )
    sentences = training_sentences(
        args.data, args.corpora, args.lower_copies, args.seed, args.with_dev, repeat, real_held_out
    )
    if args.real_id:
        real = real_training_sentences(
            args.real_id_dir, args.data, args.real_id, args.real_id_held_out, real_held_out, args.with_dev
        )
        sentences.extend((ner_real.CONVENTION, s) for s in real * repeat.get(ner_real.CONVENTION, 1))
        print(f"{ner_real.CONVENTION}: {len(real)} train sentences", file=sys.stderr)
    if args.with_dev and args.eval_split == "dev":
        args.eval_split = "test"
    if args.english_silver:
        silver = silver_sentences(args.data)
        # Persons are rare in the silver set (gazetteers know few of them); repeating those sentences
        # keeps the model from learning that an English capitalised pair is rarely a person.
        silver += [s for s in silver if "B-PER" in s.tags] * (args.silver_person_repeat - 1)
        sentences.extend((SILVER, s) for s in silver)
        print(f"english silver: {len(silver)} sentences", file=sys.stderr)
    for corpus, sentence in sentences:
        if corpus == SILVER:
            features = silver_features(sentence.tokens, clusters, args.silver_conventions if args.conventions else [],
                                       gazetteer)
        else:
            features = sentence_features(sentence.tokens, clusters, corpus if args.conventions else None, gazetteer)
        trainer.append(features, sentence.tags)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.max_iter,
            "feature.minfreq": args.min_freq,
            "feature.possible_transitions": True,
        }
    )
    print(f"{len(sentences)} sentences; features built in {time.time() - started:.0f}s", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    info = trainer.logparser.last_iteration
    print(
        f"trained in {time.time() - started:.0f}s; {args.out} {args.out.stat().st_size / 1e6:.1f} MB; "
        f"last iteration: {info.get('num', '?')} loss {info.get('loss', '?')} active features "
        f"{info.get('active_features', '?')}",
        file=sys.stderr,
    )
    trained = [*args.corpora, *([ner_real.CONVENTION] if args.real_id else [])]
    # Running text follows the project's own annotation when the model learnt it, else the cleanest
    # public news corpus's.
    news_convention = ner_real.CONVENTION if args.real_id else DEFAULT_CONVENTION
    settings = {
        "conventions": sorted(trained) if args.conventions else [],
        "default_convention": news_convention if args.conventions else None,
        "caseless_convention": CASELESS_CONVENTION
        if args.conventions and CASELESS_CONVENTION in args.corpora
        else None,
        "gazetteer": args.gazetteer.name if args.gazetteer else None,
        "trained_with": " ".join(sys.argv[1:]),
    }
    args.out.with_suffix(".json").write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    if args.eval_split != "none":
        recogniser = open_recogniser(args.out.read_bytes(), clusters_tsv, settings, gazetteer_tsv)
        for corpus in sorted(CORPORA):
            split = load_split(args.data, corpus, args.eval_split)
            print(format_score(score_corpus(recogniser, corpus, split, args.eval_split)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
