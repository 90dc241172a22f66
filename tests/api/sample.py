"""The database the API and browser tests serve: the bundled sample plus one hostile article whose
title and text hold markup that must show as text and run nothing."""

from __future__ import annotations

from pathlib import Path

import linimasa

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = (
    f"Lavrov di Jakarta {SCRIPT} dan {IMG}\n"
    "\n"
    "Jakarta - Menteri Luar Negeri Rusia Sergey Lavrov tiba di Jakarta pada Jumat (4/10/2024) untuk bertemu "
    f"Menteri Luar Negeri Retno Marsudi, kata juru bicara Kementerian Luar Negeri. {SCRIPT}\n"
    "\n"
    f"Kedua menteri membahas kerja sama ekonomi dan keamanan kawasan dalam pertemuan tertutup. {IMG}\n"
    "\n"
    "Lavrov juga dijadwalkan bertemu Presiden Joko Widodo di Istana Merdeka pada Sabtu (5/10/2024).\n"
)


def build(path: Path) -> Path:
    """Process the sample and the hostile article into a database at `path`."""
    hostile = path.parent / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    linimasa.process([str(linimasa.SAMPLE_DIR), str(hostile)], store=str(path))
    return path
