"""Writes cases_calendar.tsv: systematic rows whose expected values come from calendar arithmetic.

Run once (python tests/timex/make_calendar_cases.py) and commit the table; the expected values are
computed here with `datetime`, independently of the tagger. Sentence frames are written from real
Indonesian and English news usage.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
ID_MONTH_VARIANTS = {1: ["Jan"], 2: ["Feb", "Pebruari"], 8: ["Agu", "Agt"], 9: ["Sept", "Sep"], 10: ["Okt"],
                     11: ["Nov", "Nopember"], 12: ["Des"]}
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ID_FRAMES = [
    "Polisi menggelar konferensi pers, {x}.",
    "Sidang putusan dibacakan pada {x} di Pengadilan Negeri Jakarta Pusat.",
    "Gempa mengguncang wilayah itu pada {x} dini hari.",
    "Hal itu disampaikan Menteri Keuangan di Jakarta, {x}.",
    "Seperti dilansir Reuters, {x}, harga minyak kembali turun.",
]
EN_FRAMES = [
    "The ministry said in a statement on {x} that talks would continue.",
    "Police arrested the suspect on {x}.",
    "The agreement was signed on {x} in Geneva.",
]
ID_NUMBERS = {2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan", 9: "sembilan",
              10: "sepuluh", 11: "sebelas", 12: "dua belas", 15: "lima belas", 20: "dua puluh"}
ID_UNITS = {"tahun": "Y", "bulan": "M", "pekan": "W", "minggu": "W", "hari": "D"}
EN_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 10: "ten", 12: "twelve"}
EN_UNITS = {"years": "Y", "months": "M", "weeks": "W", "days": "D"}


def rnd_date(r: random.Random) -> dt.date:
    return dt.date(2010, 1, 1) + dt.timedelta(days=r.randrange(16 * 365))


def week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: dt.date, n: int) -> tuple[int, int]:
    t = d.year * 12 + d.month - 1 + n
    return t // 12, t % 12 + 1


def shifted_period(dct: dt.date, code: str, k: int) -> str:
    """The TimeML value of the year, month or week `k` periods from the one holding `dct`."""
    if code == "Y":
        return str(dct.year + k)
    if code == "M":
        y, m = add_months(dct, k)
        return f"{y}-{m:02d}"
    return week(dct + dt.timedelta(weeks=k))


def rows() -> list[list[str]]:
    r = random.Random(20250618)
    out: list[list[str]] = []

    def add(
        lang: str, dct: dt.date, frame: str, x: str, ttype: str, value: str, mod: str = "-", flags: str = "-"
    ) -> None:
        text = frame.format(x=x)
        if f"{x} dini hari" in text and x.endswith(")") and ttype == "DATE":
            x, ttype, value = f"{x} dini hari", "TIME", f"{value}TMO"  # the part of the day belongs to it
        out.append([lang, dct.isoformat(), text, x, ttype, value, mod, flags])

    # Indonesian weekday + numeric date, written day/month/year (the common news form)
    for _ in range(40):
        d = rnd_date(r)
        x = f"{ID_DAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})"
        add("id", d + dt.timedelta(days=1), r.choice(ID_FRAMES), x, "DATE", d.isoformat())
    # ... written month first by mistake: the weekday decides the order
    n = 0
    while n < 15:
        d = rnd_date(r)
        if d.day > 12 or d.day == d.month:
            continue
        wrong = dt.date(d.year, d.day, d.month)  # the day/month reading of what is written
        if wrong.weekday() == d.weekday():
            continue
        x = f"{ID_DAYS[d.weekday()]} ({d.month}/{d.day}/{d.year})"
        add("id", d + dt.timedelta(days=1), r.choice(ID_FRAMES), x, "DATE", d.isoformat(), flags="order_from_weekday")
        n += 1
    # ... a weekday that fits neither reading: the written value stays, flagged
    n = 0
    while n < 12:
        d = rnd_date(r)
        wd = (d.weekday() + r.randrange(1, 7)) % 7
        other = dt.date(d.year, d.day, d.month) if d.day <= 12 else None
        if other and other.weekday() == wd:
            continue
        x = f"{ID_DAYS[wd]} ({d.day}/{d.month}/{d.year})"
        add("id", d + dt.timedelta(days=2), r.choice(ID_FRAMES), x, "DATE", d.isoformat(), flags="weekday_mismatch")
        n += 1
    # ... without the year: the year comes from the anchor date
    for _ in range(20):
        d = rnd_date(r)
        x = f"{ID_DAYS[d.weekday()]} ({d.day}/{d.month})"
        add("id", d + dt.timedelta(days=r.randrange(0, 5)), r.choice(ID_FRAMES), x, "DATE", d.isoformat())
    # Indonesian named months, full and abbreviated
    for m in range(1, 13):
        d = dt.date(r.randrange(2000, 2026), m, r.randrange(1, 29))
        add("id", dt.date(2025, 6, 18), "Acara itu digelar pada {x}.", f"{d.day} {ID_MONTHS[m - 1]} {d.year}", "DATE",
            d.isoformat())
        for v in ID_MONTH_VARIANTS.get(m, []):
            add("id", dt.date(2025, 6, 18), "Batas pendaftaran {x}.", f"{d.day} {v} {d.year}", "DATE", d.isoformat())
        x = f"{ID_DAYS[d.weekday()]}, {d.day} {ID_MONTHS[m - 1]} {d.year}"
        add("id", d, "{x}", x, "DATE", d.isoformat())
    # Indonesian durations written with number words
    for num, word in ID_NUMBERS.items():
        unit = r.choice(list(ID_UNITS))
        add("id", dt.date(2025, 6, 18), "Jalan itu ditutup selama {x}.", f"{word} {unit}", "DURATION",
            f"P{num}{ID_UNITS[unit]}")
    # Indonesian relative units against varied anchors
    for unit, code in ID_UNITS.items():
        if code == "D":
            continue
        for rel, k in (("lalu", -1), ("ini", 0), ("depan", 1)):
            dct = rnd_date(r)
            add("id", dct, "Harga bahan pokok naik {x}.", f"{unit} {rel}", "DATE", shifted_period(dct, code, k))
    # English dates
    for _ in range(12):
        d = rnd_date(r)
        add("en", d + dt.timedelta(days=1), r.choice(EN_FRAMES), f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}", "DATE",
            d.isoformat())
    for _ in range(8):
        d = rnd_date(r)
        x = f"{EN_DAYS[d.weekday()]}, {EN_MONTHS[d.month - 1]} {d.day}"
        add("en", d + dt.timedelta(days=2), r.choice(EN_FRAMES), x, "DATE", d.isoformat())
    for num, word in EN_NUMBERS.items():
        unit = r.choice(list(EN_UNITS))
        add("en", dt.date(2013, 3, 22), "The project has been delayed for {x}.", f"{word} {unit}", "DURATION",
            f"P{num}{EN_UNITS[unit]}")
    for unit, code in (("year", "Y"), ("month", "M"), ("week", "W")):
        for rel, k in (("last", -1), ("this", 0), ("next", 1)):
            dct = rnd_date(r)
            add("en", dct, "Exports rose sharply {x}.", f"{rel} {unit}", "DATE", shifted_period(dct, code, k))
    return out


def main() -> None:
    path = Path(__file__).with_name("cases_calendar.tsv")
    lines = ["# Generated by make_calendar_cases.py from calendar arithmetic; see test_cases.py for the columns."]
    lines += ["\t".join(row) for row in rows()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
