"""Write the language-identification model linimasa loads: py3langid's model, cut to our languages.

py3langid (BSD 3-clause, langid.py's model repackaged) ships its model as an LZMA-compressed npz of
68 MB that every process decompresses on start: a second or more of CPU before the first article,
paid again by every worker of a batch. linimasa only ever asks it about the languages that have a
resource folder, so this script keeps what those decisions read, in a form that loads in a tenth of
the time and takes ~2 MB in the package:

- the byte-n-gram automaton (`nextmove`, `nextmove_row`, `out_feat`) whole: every feature counts
  towards every language. `nextmove` (39 MB of 32-bit state numbers, one 256-entry row per distinct
  row of transitions) is stored as what it is mostly made of: per input byte the state most rows go
  to, plus a bit per entry that differs and the differing states, zlib-compressed. That is 1 MB and
  rebuilds in a few hundredths of a second, where the same array through LZMA takes a second;
- the class priors and per-feature log-probabilities (`pc`, `ptc`) of our languages only (2 of 142
  columns), in the model's class order, so that restricting this model to them gives the very arrays
  that restricting the full model gives;
- the full class list (which languages py3langid supports), the py3langid version and the sha256 of
  the model file it came from: the loader falls back to py3langid's own model when the installed
  version differs, and a test fails when this file no longer matches the installed model.

Run from the repository root after changing the language folders or upgrading py3langid:

    .venv/bin/python scripts/build_langid_model.py

Output: src/linimasa/resources/shared/langid/model.npz (licence: LICENSE.md beside it).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import lzma
import zlib
from pathlib import Path

import numpy as np
import py3langid
from py3langid.langid import MODEL_DIR, MODEL_FILE

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "linimasa" / "resources" / "shared" / "langid" / "model.npz"


def resource_languages() -> list[str]:
    """The languages with a resource folder (what `linimasa.resources.languages` lists)."""
    resources = ROOT / "src" / "linimasa" / "resources"
    return sorted(p.name for p in resources.iterdir() if p.is_dir() and len(p.name) == 2)


def build(source: Path, languages: list[str]) -> dict[str, np.ndarray]:
    """The arrays of the cut model, keyed as the loader (`linimasa.text.language`) reads them."""
    raw = source.read_bytes()
    with np.load(io.BytesIO(lzma.decompress(raw)), allow_pickle=False) as model:
        classes = model["classes"].tolist()
        keep = [i for i, c in enumerate(classes) if c in set(languages)]
        nextmove = model["nextmove"].reshape(-1, 256)
        return {
            "classes": model["classes"],
            "languages": model["classes"][keep],
            "ptc": np.ascontiguousarray(model["ptc"][:, keep]),
            "pc": model["pc"][keep],
            **_sparse_rows(nextmove),
            "nextmove_row": model["nextmove_row"],
            "out_feat": model["out_feat"],
            "py3langid_version": np.array(py3langid.__version__),
            "source_sha256": np.array(hashlib.sha256(raw).hexdigest()),
        }


def _sparse_rows(rows: np.ndarray) -> dict[str, np.ndarray]:
    """`rows` (one 256-entry row per distinct transition row) as per-byte common states, a bit per
    entry that differs from its byte's common state, and those entries: what
    `linimasa.text.language` rebuilds, checked here to rebuild exactly."""
    common = np.array([np.bincount(rows[:, byte]).argmax() for byte in range(256)], dtype=rows.dtype)
    differs = rows != common
    arrays = {
        "nextmove_common": common,
        "nextmove_differs_zlib": np.frombuffer(zlib.compress(np.packbits(differs).tobytes(), 9), np.uint8),
        "nextmove_values_zlib": np.frombuffer(zlib.compress(rows[differs].tobytes(), 9), np.uint8),
        "nextmove_rows": np.array(len(rows)),
    }
    from linimasa.text.language import _dense_rows

    if not np.array_equal(_dense_rows(arrays), rows):
        raise AssertionError("the sparse transition rows do not rebuild the model's")
    return arrays


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    arrays = build(MODEL_DIR / MODEL_FILE, resource_languages())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(args.out, **arrays)  # stored, not deflated: only nextmove is worth compressing
    print(f"{args.out}: {args.out.stat().st_size:,} bytes, languages {arrays['languages'].tolist()}, "
          f"py3langid {py3langid.__version__}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
