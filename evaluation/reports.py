"""Corpus reports as the pipeline reads them: plain-text files parsed into documents, then extracted."""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from govreports.extract import Observation, extract
from govreports.parse import parse_page

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus_dir() -> Path | None:
    """The development corpus (``$GOVREPORTS_CORPUS`` or ``../shared/corpus``), None when absent."""
    path = Path(os.environ.get("GOVREPORTS_CORPUS", DEFAULT_CORPUS))
    return path if (path / "MANIFEST.tsv").is_file() else None


@dataclass(frozen=True)
class Entry:
    file: str
    region: str
    level: str
    province: str
    year: int  # delivery year: the report reviews year − 1 and sets targets for year
    sha256: str = ""


def manifest(corpus: Path) -> list[Entry]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as f:
        return [Entry(r["file"], r["region"], r["level"], r["province"], int(r["year"]), r["sha256"])
                for r in csv.DictReader(f, delimiter="\t")]


@dataclass(frozen=True)
class Read:
    published_year: int | None
    observations: list[Observation]
    text: str  # the normalised text the observations index
    dated: bool = False  # the year comes from the report's own meeting line, or its headings and targets


def read_report(path: Path, labelled_year: int | None = None) -> Read:
    """Parse one report file as the pipeline would and extract its observations (first document).

    ``labelled_year`` (the corpus label) stands in for the date a web page would show: it is used only
    when the text itself tells no year (no meeting line, title or dated headings)."""
    data = path.read_bytes()
    docs = parse_page(data, hashlib.sha256(data).hexdigest())
    if not docs:
        return Read(labelled_year, [], "")
    doc = docs[0]
    year = doc.report_year or labelled_year
    return Read(year, extract(doc.text, year), doc.text, doc.year_stated)
