"""Turn the hand-written annotation sources `ann/<split>/<id>.ann` into `<split>.jsonl` (GUIDELINE.md 5).

    python eval/real-id/build.py [--split dev]          # write dev.jsonl from ann/dev/*.ann
    python eval/real-id/build.py --show ID [STRING ...] # numbered occurrences of STRING in ID's body,
                                                        # then the article with every annotation bracketed

Nothing here decides a label: it finds the offsets of the strings a person wrote and refuses what it
cannot place (a string with no occurrence in the body, an occurrence index out of range, two mentions
of one layer overlapping).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
META_KEYS = ("title", "outlet", "dateline", "published", "published_note", "authors")
LAYERS = ("meta", "timexes", "entities")


class AnnError(Exception):
    pass


EXTRA_SETS = ("dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3", "dev-extra-entities-4",
              "dev-extra-entities-5", "dev-extra-entities-6", "dev-extra-entities-7",
              "dev-extra-entities-8", "dev-extra-entities-en", "dev-extra-entities-9",
              "dev-extra-entities-10", "dev-extra-entities-en2", "dev-extra-entities-11",
              "dev-extra-entities-12")
"""Extra development sets kept beside the gold set, each in its own folder with its own manifest,
corpus and `ann/` (see README.md): annotated for one layer only, never part of dev or test."""


def manifest() -> dict[str, dict]:
    """manifest.jsonl (dev, test) and the extra development sets' manifests (manifest-dev-extra.jsonl)."""
    out = {}
    paths = [*sorted(HERE.glob("manifest*.jsonl")), *(HERE / x / "manifest.jsonl" for x in EXTRA_SETS)]
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            m = json.loads(line)
            out[Path(m["file"]).stem] = m
    return out


def ann_dir(split: str) -> Path:
    return HERE / split / "ann" if split in EXTRA_SETS else HERE / "ann" / split


def read_text(rel: str) -> str:
    with open(HERE / rel, encoding="utf-8", newline="") as f:
        return f.read()


def line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def parse_body(spec: str, text: str) -> list[list[int]]:
    """`3{from|to} 4-5 7` -> sorted, merged [start, end) ranges (line ends excluded)."""
    starts = line_starts(text)

    def line_span(n: int) -> tuple[int, int]:
        if not 1 <= n <= len(starts):
            raise AnnError(f"body: no line {n}")
        s = starts[n - 1]
        e = text.find("\n", s)
        return s, (len(text) if e < 0 else e)

    ranges: list[tuple[int, int]] = []
    for item in re.findall(r"\d+(?:-\d+)?(?:\{[^}]*\})?", spec):
        m = re.fullmatch(r"(\d+)(?:-(\d+))?(?:\{([^|}]*)\|([^}]*)\})?", item)
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        if m.group(3) is not None:
            if a != b:
                raise AnnError(f"body: {item}: a cut applies to one line")
            s, e = line_span(a)
            line = text[s:e]
            frm, to = m.group(3), m.group(4)
            i = 0 if frm == "" else line.find(frm)
            if i < 0:
                raise AnnError(f"body: {item}: {frm!r} not in line {a}")
            if to == "":
                j = len(line)
            else:
                j = line.find(to, i)
                if j < 0:
                    raise AnnError(f"body: {item}: {to!r} not in line {a} after {frm!r}")
                j += len(to)
            ranges.append((s + i, s + j))
        else:
            for n in range(a, b + 1):
                ranges.append(line_span(n))
    ranges = sorted(r for r in ranges if r[1] > r[0])
    merged: list[list[int]] = []
    for s, e in ranges:
        if merged and s <= merged[-1][1] + 1:  # consecutive lines: the line break between is body too
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def in_body(body: list[list[int]], s: int, e: int) -> bool:
    return any(bs <= s and e <= be for bs, be in body)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def occurrences(text: str, body: list[list[int]], needle: str, glued: bool) -> list[tuple[int, int]]:
    out = []
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        ok = glued or (
            (i == 0 or not (_word(text[i - 1]) and _word(needle[0])))
            and (j == len(text) or not (_word(text[j]) and _word(needle[-1])))
        )
        if ok and in_body(body, i, j):
            out.append((i, j))
        i = text.find(needle, i + 1)
    return out


def parse_mention(spec: str) -> tuple[str, bool, list[int] | None]:
    spec = spec.strip()
    idx = None
    m = re.fullmatch(r"(.*?)#(\d+(?:,\d+)*)", spec)
    if m:
        spec, idx = m.group(1), [int(x) for x in m.group(2).split(",")]
    glued = spec.endswith("~")
    if glued:
        spec = spec[:-1]
    spec = spec.replace("\\n", "\n")  # a name broken over two lines of the file: "Yeti\nAirlines"
    if not spec:
        raise AnnError("empty mention")
    return spec, glued, idx


def resolve(text: str, body: list[list[int]], specs: list[tuple[int, str]]) -> dict[int, list[tuple[int, int]]]:
    """specs: (owner, mention spec). Longest strings claim first; returns owner -> spans."""
    claimed: list[tuple[int, int]] = []
    out: dict[int, list[tuple[int, int]]] = {}
    parsed = [(owner, *parse_mention(s)) for owner, s in specs]
    for owner, needle, glued, idx in sorted(parsed, key=lambda p: -len(p[1])):
        occ = occurrences(text, body, needle, glued)
        if idx is not None:
            bad = [k for k in idx if not 1 <= k <= len(occ)]
            if bad:
                raise AnnError(f"{needle!r}#{bad}: only {len(occ)} occurrence(s) in the body")
            occ = [occ[k - 1] for k in idx]
        keep = []
        for s, e in occ:
            hit = [c for c in claimed if c[0] < e and s < c[1]]
            if hit:
                if idx is not None and not any(c == (s, e) for c in hit):
                    raise AnnError(f"{needle!r} at {s} overlaps a longer mention")
                continue
            keep.append((s, e))
        if not keep:
            raise AnnError(f"{needle!r}: no free occurrence in the body")
        claimed.extend(keep)
        out.setdefault(owner, []).extend(keep)
    return out


def parse_ann(path: Path, man: dict[str, dict]) -> dict:
    aid = path.stem
    if aid not in man:
        raise AnnError(f"{aid}: not in manifest.jsonl")
    m = man[aid]
    text = read_text(m["file"])
    meta: dict = {"title": None, "outlet": None, "dateline": None, "published": None, "authors": []}
    body_spec = None
    layers = ["entities"] if m["split"] in EXTRA_SETS else list(LAYERS)  # the extra sets: entities only
    tspecs: list[tuple[str, str, str]] = []
    especs: list[tuple[str, str, str, list[str]]] = []
    blocks: list[str] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            if line.startswith("T "):
                head, _, rest = line[2:].partition(" = ")
                typ, value = head.split()
                tspecs.append((typ, value, rest))
            elif line.startswith("N "):  # not an entity: these strings only shield the names inside them
                _, _, rest = line.partition(" = ")
                blocks.extend(x for x in rest.split(";") if x.strip())
            elif line.startswith("E "):
                head, _, rest = line[2:].partition(" = ")
                eid, typ, name = head.split(None, 2)
                especs.append((eid, typ, name.strip(), [x for x in rest.split(";") if x.strip()]))
            else:
                key, _, val = line.partition(":")
                key, val = key.strip(), val.strip()
                if key == "body":
                    body_spec = val
                elif key == "layers":  # an extra set annotated for some layers only (dev-extra: meta timexes)
                    layers = val.split()
                    if not layers or any(x not in LAYERS for x in layers):
                        raise AnnError(f"layers: {val!r}")
                elif key == "authors":
                    meta["authors"] = [a.strip() for a in val.split(";") if a.strip()]
                elif key in META_KEYS:
                    meta[key] = val or None
                else:
                    raise AnnError(f"unknown key {key!r}")
        except (ValueError, AnnError) as exc:
            raise AnnError(f"{path.name}:{n}: {exc}: {line!r}") from None
    if body_spec is None:
        raise AnnError(f"{path.name}: no body line")
    try:
        body = parse_body(body_spec, text)
        tres = resolve(text, body, [(i, t[2]) for i, t in enumerate(tspecs)])
        eres = resolve(text, body, [(i, s) for i, e in enumerate(especs) for s in e[3]] + [(-1, b) for b in blocks])
    except AnnError as exc:
        raise AnnError(f"{path.name}: {exc}") from None
    timexes = sorted(
        (
            {"text": text[s:e], "start": s, "end": e, "type": tspecs[i][0], "value": tspecs[i][1]}
            for i, spans in tres.items()
            for s, e in spans
        ),
        key=lambda t: t["start"],
    )
    entities = []
    for i, (eid, typ, name, _) in enumerate(especs):
        spans = sorted(eres.get(i, []))  # owner -1 (the N lines) is never output
        entities.append(
            {
                "id": eid,
                "name": name,
                "type": typ,
                "mentions": [{"text": text[s:e], "start": s, "end": e} for s, e in spans],
            }
        )
    return {
        "file": m["file"],
        "split": m["split"],
        "source": m["source"],
        "url": m["url"],
        "topic": m["topic"],
        "language": m["language"],
        "meta": meta,
        **({"layers": layers} if layers != list(LAYERS) else {}),
        "body": body,
        "timexes": timexes,
        "entities": entities,
    }


def show(aid: str, strings: list[str]) -> None:
    man = manifest()
    m = man[aid]
    text = read_text(m["file"])
    ann = ann_dir(m["split"]) / f"{aid}.ann"
    body = None
    doc = None
    if ann.exists():
        try:
            doc = parse_ann(ann, man)
            body = doc["body"]
        except AnnError as exc:
            print("!!", exc)
    if body is None:
        body = [[0, len(text)]]
    for s in strings:
        needle, _glued, _ = parse_mention(s)
        print(f"{s!r}:")
        words = occurrences(text, body, needle, False)
        for k, (a, b) in enumerate(occurrences(text, body, needle, True), start=1):
            w = f"#{words.index((a, b)) + 1}" if (a, b) in words else "#-"
            print(f"  {w} ~#{k} {a}: ...{text[max(0, a - 40) : a]}[{text[a:b]}]{text[b : b + 40]}...")
    if doc and not strings:
        marks: list[tuple[int, int, str]] = []
        for t in doc["timexes"]:
            marks.append((t["start"], 3, "<<"))
            marks.append((t["end"], 0, f"|{t['type']} {t['value']}>>"))
        for e in doc["entities"]:
            for mm in e["mentions"]:
                marks.append((mm["start"], 3, "["))
                marks.append((mm["end"], 0, f"|{e['type']} {e['id']}]"))
        for bs, be in doc["body"]:
            marks.append((bs, 2, "{{"))
            marks.append((be, 1, "}}"))
        out = []
        prev = 0
        for pos, _, s in sorted(marks, key=lambda x: (x[0], x[1])):
            out.append(text[prev:pos])
            out.append(s)
            prev = pos
        out.append(text[prev:])
        print("".join(out))
        print("META", json.dumps(doc["meta"], ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", metavar="ID")
    ap.add_argument("strings", nargs="*")
    args = ap.parse_args(argv)
    if args.show:
        show(args.show, args.strings)
        return 0
    man = manifest()
    docs, errors = [], []
    for path in sorted(ann_dir(args.split).glob("*.ann")):
        try:
            docs.append(parse_ann(path, man))
        except AnnError as exc:
            errors.append(str(exc))
    for e in errors:
        print("error:", e, file=sys.stderr)
    if errors:
        return 1
    with open(HERE / f"{args.split}.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(
        f"{args.split}.jsonl: {len(docs)} articles, {sum(len(d['timexes']) for d in docs)} timexes, "
        f"{sum(len(e['mentions']) for d in docs for e in d['entities'])} entity mentions"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
