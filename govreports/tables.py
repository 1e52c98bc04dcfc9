"""Documents and observations as Polars tables with stable ids, and the vintage-resolved panel."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

import polars as pl

from govreports.extract import document_years, extract
from govreports.parse import Document
from govreports.sources import Source

DOCUMENT_SCHEMA = {
    "doc_id": pl.String, "source_id": pl.String, "region": pl.String, "url": pl.String, "archived_sha256": pl.String,
    "ordinal": pl.Int32, "title": pl.String, "published": pl.Date, "page_date": pl.Date, "meeting_date": pl.Date,
    "kind": pl.String, "reviewed_year": pl.Int32, "target_year": pl.Int32, "encoding": pl.String,
    "encoding_detected_by": pl.String, "encoding_declared": pl.String, "traditional": pl.Boolean,
    "pinyin_removed": pl.Int32, "mojibake_repaired": pl.Int32, "mojibake_damaged": pl.Int32,
    "duplicate_of": pl.String, "n_chars": pl.Int64, "n_observations": pl.Int32, "text": pl.String,
    "source_text": pl.String,
}
OBSERVATION_SCHEMA = {
    "obs_id": pl.String, "region": pl.String, "region_name": pl.String, "indicator": pl.String, "measure": pl.String,
    "year": pl.Int32, "base_year": pl.Int32, "status": pl.String, "qualifier": pl.String, "value": pl.Float64,
    "value_high": pl.Float64, "unit": pl.String, "value_as_printed": pl.String, "doc_id": pl.String, "source_id": pl.String,
    "source_url": pl.String, "trust": pl.String, "archived_sha256": pl.String, "published": pl.Date,
    "text": pl.String, "char_start": pl.Int32, "char_end": pl.Int32,
    "source_char_start": pl.Int32, "source_char_end": pl.Int32,
}
STATUS_RANK = {"actual": 0, "preliminary": 1, "target": 2}
TRUST_RANK = {"official": 0, "news": 1, "mirror": 2}


@dataclass
class Page:
    """One archived page of a source, as the parser saw it."""

    source: Source
    url: str
    sha256: str
    documents: list[Document]


def obs_id(doc_id: str, indicator: str, measure: str, year: int, base_year: int | None, status: str, start: int, end: int) -> str:
    key = f"{doc_id}|{indicator}|{measure}|{year}|{base_year}|{status}|{start}|{end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


NEAR_DUPLICATE = 0.9  # shingle overlap above which two documents with the same numbers are one text


@dataclass
class _Print:
    """What duplicate detection compares: exact content, 8-character shingles and the printed numbers."""

    doc_id: str
    exact: str
    shingles: set[int]
    numbers: list[str]

    @classmethod
    def of(cls, doc_id: str, text: str) -> "_Print":
        core = re.sub(r"[\s\W_]+", "", text)
        return cls(doc_id, hashlib.sha256(core.encode("utf-8")).hexdigest(),
                   {hash(core[i : i + 8]) for i in range(max(1, len(core) - 7))},
                   sorted(re.findall(r"\d+(?:\.\d+)?", text)))

    def duplicates(self, other: "_Print") -> bool:
        if self.exact == other.exact:
            return True
        small, large = sorted((len(self.shingles), len(other.shingles)))
        if small < NEAR_DUPLICATE * large or self.numbers != other.numbers:
            return False  # a text with other numbers is another version, never a duplicate
        return len(self.shingles & other.shingles) / len(self.shingles | other.shingles) >= NEAR_DUPLICATE


def _duplicate_of(fp: "_Print", canon: list["_Print"]) -> str | None:
    return next((c.doc_id for c in canon if fp.duplicates(c)), None)


def build(pages: list[Page]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents, observations) for parsed pages; duplicate documents yield no observations."""
    doc_rows, obs_rows, canonical = [], [], []
    ordered = sorted(
        ((p, d) for p in pages for d in p.documents),
        key=lambda pd: (TRUST_RANK[pd[0].source.trust], pd[1].published or date.max, pd[0].url, pd[1].ordinal),
    )
    for page, doc in ordered:
        fp = _Print.of(doc.doc_id, doc.text)
        duplicate_of = _duplicate_of(fp, canonical) if len(doc.text) > 200 else None
        if duplicate_of is None:
            canonical.append(fp)
        year = doc.report_year
        observations = [] if duplicate_of else extract(doc.text, year)
        reviewed, target = document_years(doc.text, year)
        for o in observations:
            obs_rows.append({
                "obs_id": obs_id(doc.doc_id, o.indicator, o.measure, o.year, o.base_year, o.status, o.char_start, o.char_end),
                "region": page.source.region, "region_name": page.source.name, "indicator": o.indicator,
                "measure": o.measure, "year": o.year, "base_year": o.base_year, "status": o.status,
                "qualifier": o.qualifier, "value": o.value, "value_high": o.value_high, "unit": o.unit, "value_as_printed": o.value_as_printed,
                "doc_id": doc.doc_id, "source_id": page.source.id, "source_url": page.url, "trust": page.source.trust,
                "archived_sha256": page.sha256, "published": doc.published, "text": o.text,
                "char_start": o.char_start, "char_end": o.char_end,
                "source_char_start": doc.norm.source_span(o.char_start, o.char_end)[0],
                "source_char_end": doc.norm.source_span(o.char_start, o.char_end)[1],
            })
        doc_rows.append({
            "doc_id": doc.doc_id, "source_id": page.source.id, "region": page.source.region, "url": page.url,
            "archived_sha256": page.sha256, "ordinal": doc.ordinal, "title": doc.title, "published": doc.published,
            "page_date": doc.page_date, "meeting_date": doc.meeting_date, "kind": doc.kind,
            "reviewed_year": reviewed, "target_year": target, "encoding": doc.encoding,
            "encoding_detected_by": doc.encoding_how, "encoding_declared": doc.encoding_declared,
            "traditional": doc.norm.traditional, "pinyin_removed": doc.norm.pinyin_removed,
            "mojibake_repaired": doc.norm.mojibake_repaired, "mojibake_damaged": doc.norm.mojibake_damaged,
            "duplicate_of": duplicate_of, "n_chars": len(doc.text), "n_observations": len(observations),
            "text": doc.text, "source_text": doc.source_text,
        })
    documents = pl.DataFrame(doc_rows, schema=DOCUMENT_SCHEMA).sort("doc_id")
    observations = pl.DataFrame(obs_rows, schema=OBSERVATION_SCHEMA).sort("doc_id", "char_start", "indicator", "measure")
    return documents, observations


PANEL_KEY = ["region", "indicator", "measure", "year", "base_year", "unit", "basis"]


def ranked(observations):
    """Observations (Data- or LazyFrame) in the panel's order of preference: actual before preliminary,
    a plain figure before a bound, latest vintage, most trusted source."""
    return observations.with_columns(
        basis=pl.when(pl.col("status") == "target").then(pl.lit("target")).otherwise(pl.lit("outcome")),
        _status_rank=pl.col("status").replace_strict(STATUS_RANK, return_dtype=pl.Int8),
        _trust_rank=pl.col("trust").replace_strict(TRUST_RANK, return_dtype=pl.Int8),
        _bound=pl.col("qualifier").is_in(["ge", "le"]),
    ).sort(["_status_rank", "_bound", "published", "_trust_rank", "obs_id"],
           descending=[False, False, True, False, False], nulls_last=True)


def _chosen(ranked: pl.DataFrame) -> pl.DataFrame:
    return ranked.group_by(PANEL_KEY, maintain_order=True).first()


def panel(observations: pl.DataFrame) -> pl.DataFrame:
    """One row per (region, indicator, measure, year, base_year, unit, basis): the chosen value, its support and
    whether an earlier vintage said something else (``revised``, ``first_value``, ``first_published``)."""
    ranked_ = ranked(observations)
    best = _chosen(ranked_).select(*PANEL_KEY, "status", "qualifier", "value", "value_high", "obs_id", "published", "region_name")
    chosen = best.select(*PANEL_KEY, _best_value="value", _best_published="published")
    support = (
        ranked_.join(chosen, on=PANEL_KEY, how="left", nulls_equal=True)
        .sort("published", nulls_last=True)
        .group_by(PANEL_KEY)
        .agg(
            n_observations=pl.len().cast(pl.Int32),
            n_sources=pl.col("source_id").n_unique().cast(pl.Int32),
            n_distinct_values=pl.col("value").n_unique().cast(pl.Int32),
            revised=((pl.col("published") < pl.col("_best_published")) & (pl.col("value") != pl.col("_best_value"))).any(),
            first_value=pl.col("value").first(),
            first_published=pl.col("published").first(),
        )
    )
    return best.join(support, on=PANEL_KEY, how="left", nulls_equal=True).sort(PANEL_KEY, nulls_last=True)


def revisions(observations: pl.DataFrame) -> pl.DataFrame:
    """Statements of an earlier vintage that differ from the chosen statement (a later vintage)."""
    ranked_ = ranked(observations)
    chosen = _chosen(ranked_).select(*PANEL_KEY, final_value="value", final_status="status", final_published="published",
                                    final_source="source_id", final_obs_id="obs_id")
    return (
        ranked_.join(chosen, on=PANEL_KEY, how="inner", nulls_equal=True)
        .filter((pl.col("published") < pl.col("final_published")) & (pl.col("value") != pl.col("final_value")))
        .select(*PANEL_KEY, "value", "status", "published", "source_id", "obs_id",
                "final_value", "final_status", "final_published", "final_source", "final_obs_id")
        .sort(PANEL_KEY, nulls_last=True)
    )
