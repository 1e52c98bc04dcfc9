"""``python -m evaluation`` (``make eval``): how extraction generalises, measured on ../shared/corpus.

    python -m evaluation [--limit N] [--workers N] [--show tune] [--missing outcome|target]

Prints throughput, observations per report, GDP coverage, cross-year consistency, the corpus gold
scores (tune and check parts; per indicator, era and level) and the work list. ``--show tune`` lists
the tune part's misses and extra rows; the check part's are never printed.
"""

from __future__ import annotations

import argparse
import signal
import sys

from evaluation.corpus import measure, misses
from evaluation.gold import BREAKDOWNS, gold_files, score_report, tallies
from evaluation.reports import corpus_dir


def _gold(corpus, show: str | None) -> None:
    for split in ("tune", "check"):
        files = gold_files(split)
        if not files:
            print(f"\ngold {split}: no annotated reports")
            continue
        scores = [score_report(p, corpus) for p in files]
        overall = tallies(scores, BREAKDOWNS["level"])["all"]
        n_gold = overall.tp + overall.fn
        print(f"\ngold {split}: {len(files)} reports, {n_gold} observations — "
              f"precision {overall.precision:.3f}, recall {overall.recall:.3f}")
        wrong_year = [s.gold_file.stem for s in scores if s.parsed_year != s.year]
        if wrong_year:  # names only for the tune part: the check part's details stay unread
            print(f"  report year read wrong for {len(wrong_year)} report(s)"
                  + (f": {', '.join(wrong_year)}" if split == "tune" else ""))
        for name, by in BREAKDOWNS.items():
            print(f"  by {name}:")
            for group, t in sorted(tallies(scores, by).items()):
                if group != "all":
                    print(f"    {group:26} gold {t.tp + t.fn:4}  found {t.tp + t.fp:4}  "
                          f"P {t.precision:.3f}  R {t.recall:.3f}")
        if show == split == "tune":
            for s in scores:
                for k in s.missed:
                    print("  missed:", s.gold_file.stem, k)
                for k in s.extra:
                    print("  extra: ", s.gold_file.stem, k)


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `… | head` ends quietly
    ap = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N reports of the manifest")
    ap.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    ap.add_argument("--show", choices=["tune"], help="print the tune part's misses and extra rows")
    ap.add_argument("--missing", choices=["outcome", "target"], help="list reports lacking that GDP statement")
    ap.add_argument("--gold-only", action="store_true", help="only the gold scores")
    args = ap.parse_args(argv)
    corpus = corpus_dir()
    if corpus is None:
        print("error: no development corpus at ../shared/corpus (or $GOVREPORTS_CORPUS)", file=sys.stderr)
        return 2
    if args.missing:
        for province, files in sorted(misses(corpus, args.missing).items()):
            print(f"{province} ({len(files)}):", *files, sep="\n  ")
        return 0
    if not args.gold_only:
        m = measure(corpus, args.workers, args.limit)
        if m.copies:
            print(f"left out: {len(m.copies)} file(s) byte-identical to an earlier one ({', '.join(m.copies)})")
        print(f"corpus: {m.reports} reports in {m.seconds:.1f} s on {m.workers} processes "
              f"({m.reports / m.seconds:.1f} reports/s, parse + normalise + extract)")
        print(f"observations per report: {m.obs_per_report:.1f}")
        print(f"GDP outcome for the reviewed year (level or growth): {m.gdp_outcome_share:.3f}"
              f"   (level: {m.gdp_level_share:.3f})")
        print(f"GDP growth target for the target year: {m.gdp_target_share:.3f}")
        print(f"consecutive GDP levels agreeing with stated real growth (deflator in [-10, 25]): "
              f"{m.consistency:.3f} of {m.consistency_pairs} pairs")
        if m.other_level:
            print(f"  left out: {len(m.other_level)} report(s) delivered by a government of another level than "
                  f"their label ({', '.join(m.other_level)})")
        if m.inconsistent:
            print("  disagreeing (region, year: level the year before → level, stated real growth %, implied deflator):")
        for region, year, before, level, growth, deflator in m.inconsistent[:10]:
            print(f"    {region} {year}: {before} → {level}, growth {growth}, deflator {deflator}")
        print("\nwork list — sentence shapes with an alias and a number that yield nothing:")
        for s, n in m.work_list:
            print(f"  {n:5}  {s}")
    _gold(corpus, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
