"""Whole-corpus measures: throughput, coverage of the headline GDP statements, cross-year consistency,
and the work list of sentence shapes that mention an indicator and a number but yield nothing."""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from evaluation.reports import Entry, manifest, read_report
from govreports.extract import MENTION
from govreports.numbers import find_quantities

DEFLATOR_RANGE = (-10.0, 25.0)  # implied GDP deflator, points: nominal growth of the levels minus real growth
CLAUSE = re.compile(r"[^。;；\n]+")
# whose government delivers the report (我代表县人民政府): a county's report filed under a city is not the city's
SPEAKS_FOR = re.compile(r"我代表[\u4e00-\u9fff]{0,12}?(自治区|自治州|地区|市|县|区|旗|省|州|盟)(?:人民)?政府")
LEVEL_OF_SUFFIX = {"县": "county", "区": "county", "旗": "county", "省": "province", "自治区": "province"}


@dataclass
class ReportFacts:
    entry: Entry
    reviewed: int  # the year the report reviews
    n_obs: int
    chars: int
    gdp_outcome: bool  # a GDP level or growth, actual or preliminary, for year − 1
    gdp_level: float | None  # the first GDP level outcome for year − 1
    gdp_growth: float | None  # the first GDP growth outcome for year − 1
    gdp_target: bool  # a GDP growth target for year
    silent: list[str]  # shapes of clauses holding an alias and a quantity that yielded nothing
    other_level: bool = False  # the text speaks for a government of another level than the label's


def shape(text: str, start: int, end: int) -> str:
    """A clause reduced to its statement: mention to first quantity, digits as #, aliases as {id}."""
    m = MENTION.search(text, start, end)
    q = next(iter(find_quantities(text, m.end(), end)), None) if m else None
    if m is None or q is None:
        return ""
    piece = text[m.start() : q.end][:40]
    piece = MENTION.sub(lambda x: "{" + x.group(0) + "}", piece)
    return re.sub(r"\d+(?:\.\d+)?", "#", piece)


def facts(args: tuple[Path, Entry]) -> ReportFacts:
    corpus, e = args
    read = read_report(corpus / e.file, e.year)
    # the year the report reviews: the text's own when its meeting line or its headings state it (some corpus
    # labels are wrong: 一、2008年工作回顾 in a file labelled 2006) or when it is within a year of the label, else the label's
    parsed = read.published_year
    year = parsed if parsed and (read.dated or abs(parsed - e.year) <= 1) else e.year
    reviewed = year - 1
    obs = read.observations

    def first(measure: str, year: int, outcome: bool):
        return next((o.value for o in obs if o.indicator == "gdp" and o.measure == measure and o.year == year
                     and (o.status != "target") == outcome and o.qualifier in ("eq", "approx")), None)

    level, growth = first("level", reviewed, True), first("growth", reviewed, True)
    covered = {(o.char_start, o.char_end) for o in obs}
    silent = []
    text = read.text
    for c in CLAUSE.finditer(text):
        if not MENTION.search(text, c.start(), c.end()) or not find_quantities(text, c.start(), c.end()):
            continue
        if any(c.start() <= a < c.end() for a, _ in covered):
            continue
        if s := shape(text, c.start(), c.end()):
            silent.append(s)
    return ReportFacts(
        entry=e, reviewed=reviewed, n_obs=len(obs), chars=len(text),
        gdp_outcome=any(o.indicator == "gdp" and o.year == reviewed and o.status != "target"
                        and o.measure in ("level", "growth") for o in obs),
        gdp_level=level, gdp_growth=growth,
        gdp_target=any(o.indicator == "gdp" and o.measure == "growth" and o.status == "target" and o.year == year
                       for o in obs),
        silent=silent,
        other_level=_other_level(read.text, e.level),
    )


def _other_level(text: str, level: str) -> bool:
    """True when the report is delivered by a government of another level than its label (a district's
    report under a city's name): its figures are not that region's series."""
    m = SPEAKS_FOR.search(text, 0, 3000)
    said = LEVEL_OF_SUFFIX.get(m.group(1), "prefecture") if m else None
    return said is not None and said != level and not (said == "prefecture" and level in ("county", "province"))  # 县级市, 直辖市


@dataclass
class CorpusMeasures:
    reports: int
    seconds: float
    workers: int
    obs_per_report: float
    gdp_outcome_share: float
    gdp_level_share: float
    gdp_target_share: float
    consistency: float
    consistency_pairs: int
    inconsistent: list[tuple]
    other_level: list[str]
    copies: list[str]
    work_list: list[tuple[str, int]]


def consistency(found: list[ReportFacts]) -> tuple[float, int, list[tuple]]:
    """Share of consecutive GDP levels of a region that agree with the stated real growth of the later year."""
    level: dict[tuple[str, int], float] = {}
    growth: dict[tuple[str, int], float] = {}
    for f in sorted(found, key=lambda f: (f.reviewed, f.entry.year)):  # two reports of one year: the later label wins
        if f.other_level:
            continue
        region, year = f.entry.region, f.reviewed
        if f.gdp_level is not None:
            level[(region, year)] = f.gdp_level
        if f.gdp_growth is not None:
            growth[(region, year)] = f.gdp_growth
    agree, bad = 0, []
    pairs = [(r, y) for (r, y) in level if (r, y - 1) in level and (r, y) in growth]
    for r, y in pairs:
        nominal = (level[(r, y)] / level[(r, y - 1)] - 1) * 100
        deflator = nominal - growth[(r, y)]
        if DEFLATOR_RANGE[0] <= deflator <= DEFLATOR_RANGE[1]:
            agree += 1
        else:
            bad.append((r, y, level[(r, y - 1)], level[(r, y)], growth[(r, y)], round(deflator, 1)))
    return (agree / len(pairs) if pairs else 1.0), len(pairs), bad


def measure(corpus: Path, workers: int = 2, limit: int | None = None) -> CorpusMeasures:
    entries, copies, seen = [], [], set()
    for e in manifest(corpus)[:limit]:  # a file byte-identical to an earlier one is one report, counted once
        (copies if e.sha256 and e.sha256 in seen else entries).append(e)
        seen.add(e.sha256)
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        found = list(pool.map(facts, [(corpus, e) for e in entries], chunksize=8))
    seconds = time.perf_counter() - t0
    n = len(found)
    share, pairs, bad = consistency(found)
    shapes = Counter(s for f in found for s in f.silent)
    return CorpusMeasures(
        reports=n, seconds=seconds, workers=workers,
        obs_per_report=sum(f.n_obs for f in found) / n,
        gdp_outcome_share=sum(f.gdp_outcome for f in found) / n,
        gdp_level_share=sum(f.gdp_level is not None for f in found) / n,
        gdp_target_share=sum(f.gdp_target for f in found) / n,
        consistency=share, consistency_pairs=pairs, inconsistent=bad,
        other_level=[f.entry.file for f in found if f.other_level],
        copies=[e.file for e in copies],
        work_list=shapes.most_common(20),
    )


def misses(corpus: Path, what: str) -> dict[str, list[str]]:
    """Files lacking a GDP ``outcome`` or ``target`` statement (for reading the tune failures)."""
    out = defaultdict(list)
    for e in manifest(corpus):
        f = facts((corpus, e))
        if (what == "outcome" and not f.gdp_outcome) or (what == "target" and not f.gdp_target):
            out[e.province].append(e.file)
    return out
