"""Score extraction against the corpus gold set (tests/gold/corpus/, see tests/gold/CONVENTIONS.md).

Strict: every row extracted from a gold report is judged; a row matches a gold observation when
indicator, measure, year, base_year, status, qualifier, value, value_high and unit are all equal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from evaluation.reports import read_report

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold" / "corpus"
FIELDS = ("indicator", "measure", "year", "base_year", "status", "qualifier", "value", "value_high", "unit")
ERAS = ((0, 2009, "2003-09"), (2010, 2015, "2010-15"), (2016, 2020, "2016-20"), (2021, 9999, "2021-26"))


def era(year: int) -> str:
    return next(name for a, b, name in ERAS if a <= year <= b)


def key(o) -> tuple:
    get = o.get if isinstance(o, dict) else lambda f: getattr(o, f)
    return tuple(round(float(get(f)), 9) if f in ("value", "value_high") and get(f) is not None else get(f)
                 for f in FIELDS)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Tally") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class ReportScore:
    gold_file: Path
    split: str
    level: str
    year: int
    parsed_year: int | None
    missed: list[tuple] = field(default_factory=list)
    extra: list[tuple] = field(default_factory=list)
    matched: list[tuple] = field(default_factory=list)


def gold_files(split: str | None = None) -> list[Path]:
    parts = [split] if split else ["tune", "check"]
    return sorted(p for part in parts for p in (GOLD_DIR / part).glob("*.yaml"))


def score_report(gold_path: Path, corpus: Path) -> ReportScore:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    read = read_report(corpus / gold["file"], gold["year"])
    expected = Counter(key(o) for o in gold.get("observations") or [])
    got = Counter(key(o) for o in read.observations)
    s = ReportScore(gold_path, gold["split"], gold["level"], gold["year"], read.published_year)
    s.matched = list((expected & got).elements())
    s.missed = list((expected - got).elements())
    s.extra = list((got - expected).elements())
    return s


def tallies(scores: list[ReportScore], by) -> dict[str, Tally]:
    """Tallies grouped by ``by(score, key)``; the overall one under "all"."""
    out: dict[str, Tally] = {"all": Tally()}
    for s in scores:
        for rows, attr in ((s.matched, "tp"), (s.extra, "fp"), (s.missed, "fn")):
            for k in rows:
                for group in ("all", by(s, k)):
                    t = out.setdefault(group, Tally())
                    setattr(t, attr, getattr(t, attr) + 1)
    return out


BREAKDOWNS = {
    "indicator": lambda s, k: k[0],
    "era": lambda s, k: era(s.year),
    "level": lambda s, k: s.level,
}
