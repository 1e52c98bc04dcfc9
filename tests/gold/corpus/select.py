"""How the corpus gold reports were drawn (run once, before any tuning; kept so the draw can be checked).

Stratified by province, level and era, seeded. Prefecture and county regions of the *check* part never
appear in the *tune* part; the province level has one region (河北省), so its two parts differ by year.
Writes SELECTION.tsv: file, split, level, province, region, year.

One correction was made by hand after the draw, before any scoring: 徐水县_2010 was moved from the tune
part to the check part, because 徐水区 (the same place, renamed in 2015) had been drawn for the check part.

A second, smaller draw added eight prefecture reports to the tune part later (the last rows of
SELECTION.tsv): seeded, of regions outside the check part, four of 2003–09 and one to two of each later
era, one per province where the pool allowed; annotated blind like the first.

A third draw (seed 20261123) added ten more to the tune part, again of regions outside the check part
and, for counties and prefectures, new to the gold set: three 保定 counties (the pool has no 2003–09
county report left), the province's 2015 report, four prefecture reports of 2003–09 and two of
2010–15, provinces spread; each scored as it arrived, before the extractor was changed with it in view.
A fourth (seed 20261124) drew six the same way: a 保定 county, four prefecture reports of 2003–09 and
one of 2010–15 (乌海市_2006.txt is the 2008 report: its header year says so).
A fifth (seed 20261202) drew four prefecture reports of 2003–09, one from each of four provinces drawn at
random, of regions new to the gold set (龙岩市_2004.txt is the 2003 report: its header year says so); a
sixth (seed 20261203) drew six prefecture reports of regions new to the gold set, three of 2003–09 and one
of each later era, no province twice running. 萍乡市_2017.txt is the report of 湘东区, a district of the
city (我代表区人民政府): its header and its row say so, and it counts as a county-level report. Both draws
were annotated blind (the same helpers also annotated the check part a second time to measure agreement,
never seeing the first annotation) and scored before the extractor was changed with them in view.

A seventh draw (seed 20261204) took twelve reports of the last regions new to the gold set (five of
2003–09, four of 2010–15, three later); an eighth (seed 20261205) took a county new to it and other
years of tune regions (four of 2003–09, three of 2010–15).

The check part was annotated a second time, blind (helpers who saw neither the first annotation nor the
extractor): the two agree on 629 of 630/636 rows (F1 0.994). A third helper adjudicated the eight rows
they disagreed on from the text and CONVENTIONS.md alone (7 kept, 1 dropped); the check files hold the
adjudicated rows. Their misses stay unread.
"""

import csv
import random
import sys
from pathlib import Path

CORPUS = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[4] / "shared" / "corpus")
ERAS = ((1990, 2009), (2010, 2015), (2016, 2020), (2021, 2030))


def era(year: int) -> int:
    return next(i for i, (a, b) in enumerate(ERAS) if a <= year <= b)


rows = [r for r in csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t")
        if 6000 <= int(r["chars"]) <= 32000]
rng = random.Random(20261122)
picked: list[tuple[dict, str]] = []
used_regions: dict[str, str] = {}
turn = 0
for split in ("tune", "check"):
    for level, province in sorted({(r["level"], r["province"]) for r in rows}):
        n = 3 if level != "prefecture" or province in ("浙江省", "湖北省") else 2
        for k in range(n):
            want = (turn + k) % 4
            pool = [r for r in rows if r["level"] == level and r["province"] == province
                    and used_regions.get(r["region"], split) == split
                    and (level == "province" or r["region"] not in {p["region"] for p, _ in picked})
                    and r not in [p for p, _ in picked]]
            pool_era = [r for r in pool if era(int(r["year"])) == want] or pool
            if not pool_era:
                continue  # a small province with too few regions for both parts
            r = rng.choice(sorted(pool_era, key=lambda r: r["file"]))
            if level != "province":
                used_regions[r["region"]] = split
            picked.append((r, split))
        turn += 1

out = Path(__file__).with_name("SELECTION.tsv")
with out.open("w", encoding="utf-8") as f:
    f.write("file\tsplit\tlevel\tprovince\tregion\tyear\n")
    for r, split in picked:
        f.write(f"{r['file']}\t{split}\t{r['level']}\t{r['province']}\t{r['region']}\t{r['year']}\n")
print(f"{len(picked)} reports → {out}")
