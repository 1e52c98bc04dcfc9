"""Check corpus gold files (see tests/gold/CONVENTIONS.md); ``--fill`` writes offsets of unique quotes.

    python tests/gold/corpus/check.py [--fill] FILE.yaml …

Exit 1 when any file has a problem; each problem is one line.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from govreports.catalog import BY_ID, MEASURES, QUALIFIERS, STATUSES  # noqa: E402

CORPUS = Path(os.environ.get("GOVREPORTS_CORPUS", ROOT.parent / "shared" / "corpus"))  # as evaluation.reports
FIELDS = ("quote", "start", "end", "indicator", "measure", "year", "base_year", "status", "qualifier", "value",
          "value_high", "unit")


def units_allowed(indicator: str, measure: str) -> set[str]:
    return set(BY_ID[indicator].units_for(measure))


def check(path: Path, fill: bool) -> list[str]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = []
    src = CORPUS / doc["file"]
    data = src.read_bytes()
    if hashlib.sha256(data).hexdigest() != doc.get("sha256"):
        problems.append(f"{path}: sha256 does not match {doc['file']}")
    text = data.decode("utf-8")
    for section in ("observations", "excluded"):
        for i, o in enumerate(doc.get(section) or []):
            where = f"{path}: {section}[{i}] {o.get('quote')!r}"
            q = o.get("quote") or ""
            if o.get("start") is None:
                n = text.count(q)
                if fill and n == 1:
                    o["start"] = text.index(q)
                    o["end"] = o["start"] + len(q)
                else:
                    problems.append(f"{where}: no start ({n} occurrences)")
                    continue
            o.setdefault("end", o["start"] + len(q))
            if text[o["start"] : o["end"]] != q:
                problems.append(f"{where}: text[{o['start']}:{o['end']}] is {text[o['start']:o['end']]!r}")
            if section == "excluded":
                if not o.get("why"):
                    problems.append(f"{where}: no why")
                continue
            missing = [f for f in FIELDS if f not in o]
            if missing:
                problems.append(f"{where}: missing {missing}")
                continue
            if o["indicator"] not in BY_ID:
                problems.append(f"{where}: unknown indicator {o['indicator']}")
                continue
            ind = BY_ID[o["indicator"]]
            if o["measure"] not in MEASURES or o["measure"] not in ind.measures:
                problems.append(f"{where}: measure {o['measure']} not one of {ind.measures}")
            elif o["unit"] not in units_allowed(o["indicator"], o["measure"]):
                problems.append(f"{where}: unit {o['unit']} should be {sorted(units_allowed(o['indicator'], o['measure']))}")
            if o["status"] not in STATUSES or o["qualifier"] not in QUALIFIERS:
                problems.append(f"{where}: status/qualifier {o['status']}/{o['qualifier']}")
            if not isinstance(o["value"], (int, float)) or not isinstance(o["year"], int):
                problems.append(f"{where}: value and year must be numbers")
            if (o["qualifier"] == "range") != (o["value_high"] is not None):
                problems.append(f"{where}: value_high goes with qualifier range only")
            if (o["measure"] in ("cagr", "cumulative")) != (o["base_year"] is not None):
                problems.append(f"{where}: base_year goes with cagr/cumulative only")
    if fill:
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    fill = "--fill" in argv
    problems = []
    for arg in (a for a in argv if a != "--fill"):
        problems += check(Path(arg), fill)
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
