"""``python -m flows extract``: observations of local HTML or text files, without Prefect or archive."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import TextIO

from govreports.decode import NotText
from govreports.extract import extract
from govreports.parse import parse_page

FIELDS = ("indicator", "measure", "year", "base_year", "status", "qualifier", "value", "value_high", "unit", "value_as_printed",
          "text", "char_start", "char_end")


def file_observations(path: str, published: date | None = None) -> list[dict]:
    """Observations of one file (every document in it); raises OSError or NotText.

    ``published`` dates documents whose text states no delivery date of its own (a meeting line
    wins over it; it wins over dates guessed from headings or printed by a copy site)."""
    with open(path, "rb") as f:
        data = f.read()
    rows = []
    for doc in parse_page(data, hashlib.sha256(data).hexdigest()):
        if published and doc.meeting_date is None:
            doc.published, doc.report_year = published, published.year
        for o in extract(doc.text, doc.report_year):
            row = {k: getattr(o, k) for k in FIELDS}
            if doc.published:
                row["published"] = doc.published.isoformat()
            if doc.ordinal:
                row["document"] = doc.ordinal
            row["file"] = path
            rows.append(row)
    return rows


def _table(rows: list[dict], out: TextIO) -> None:
    cols = ("indicator", "measure", "year", "status", "qualifier", "value", "unit", "value_as_printed")
    widths = {c: max([len(c)] + [len(str(r.get(c, ""))) for r in rows]) for c in cols}
    out.write("  ".join(c.ljust(widths[c]) for c in cols) + "\n")
    for r in rows:
        out.write("  ".join(str(r.get(c, "")).ljust(widths[c]) for c in cols) + "\n")


def extract_files(files: list[str], fmt: str, out: TextIO, err: TextIO, published: date | None = None) -> int:
    """Print observations of every file; 2 if any file could not be read as text, else 0."""
    status = 0
    for path in files:
        try:
            rows = file_observations(path, published)
        except (OSError, NotText) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            err.write(f"error: {path}: {reason}\n")
            status = 2
            continue
        if fmt == "jsonl":
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            out.write(f"# {path}: {len(rows)} observations\n")
            _table(rows, out)
    return status
