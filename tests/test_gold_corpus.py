"""The corpus gold set (tests/gold/corpus/, CONVENTIONS.md): well-formed, split honestly, and scored.

Reads the development corpus from ../shared/corpus (or $GOVREPORTS_CORPUS); skips when it is absent.
The floors below are regression guards at the level reached when they were set (see the closing
note of issue 9); `make eval` prints the full scores per indicator, era and level.
"""

import csv
import importlib.util
from collections import Counter

import pytest
import yaml

from evaluation.gold import BREAKDOWNS, GOLD_DIR, era, gold_files, score_report, tallies
from evaluation.reports import corpus_dir

CORPUS = corpus_dir()
pytestmark = pytest.mark.skipif(CORPUS is None, reason="no development corpus at ../shared/corpus (or $GOVREPORTS_CORPUS)")
FLOORS = {"tune": (0.98, 0.965), "check": (0.93, 0.905)}  # (precision, recall): the level reached, kept


def _checker():
    spec = importlib.util.spec_from_file_location("gold_check", GOLD_DIR / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_gold_file_is_well_formed():
    check = _checker().check
    problems = [p for f in gold_files() for p in check(f, fill=False)]
    assert problems == []


def test_the_draw_is_large_spread_and_split_by_region():
    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in gold_files()]
    selection = list(csv.DictReader((GOLD_DIR / "SELECTION.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert {d["file"] for d in docs} == {r["file"] for r in selection}
    assert all(d["split"] == r["split"] for d in docs for r in selection if r["file"] == d["file"])
    assert len(docs) >= 40 and sum(len(d["observations"]) for d in docs) >= 800
    assert len({r["province"] for r in selection}) >= 8
    assert {d["level"] for d in docs} == {"county", "prefecture", "province"}
    assert {era(d["year"]) for d in docs} == {"2003-09", "2010-15", "2016-20", "2021-26"}
    parts = {split: {d["region"].removesuffix("县").removesuffix("区") for d in docs
                     if d["split"] == split and d["level"] != "province"} for split in ("tune", "check")}
    assert not parts["tune"] & parts["check"]  # no county or city region is in both parts (徐水县 = 徐水区)


@pytest.mark.parametrize("split", ["tune", "check"])
def test_extraction_holds_its_ground_on_real_reports(split, capsys):
    scores = [score_report(p, CORPUS) for p in gold_files(split)]
    overall = tallies(scores, BREAKDOWNS["level"])["all"]
    with capsys.disabled():
        print(f"\ncorpus gold {split}: {overall.tp + overall.fn} observations, "
              f"precision {overall.precision:.3f}, recall {overall.recall:.3f}")
    precision, recall = FLOORS[split]
    assert overall.precision >= precision and overall.recall >= recall
    assert Counter(s.parsed_year == s.year for s in scores)[True] >= len(scores) - 1  # the report's year is read right
