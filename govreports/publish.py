"""Write the curated tables as Parquet, atomically, with a Frictionless ``datapackage.json``."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import polars as pl

from govreports.archive import atomic_write
from govreports.catalog import MEASURE_DOCS, UNIT_DOCS, dictionary

FIELD_DOCS = {
    "obs_id": "stable id of the observation (same page bytes, same statement → same id on every run)",
    "region": "GB/T 2260 administrative code, from the source",
    "region_name": "name of the region, from the source",
    "indicator": "indicator id from the catalog (see `indicators`)",
    "measure": "; ".join(f"{k}: {v}" for k, v in MEASURE_DOCS.items()),
    "year": "the year the value is about (not the publication year)",
    "base_year": "start year of a cagr or cumulative change, or of a multi-year comparison",
    "status": "actual · preliminary (预计, 初步核算 …) · target (预期目标, 力争, 到20XX年 …)",
    "qualifier": "eq · approx (左右, 约, 近) · ge (突破, 超过, 以上) · le (以内, 以下, 控制在) · range (5.5-6%: value to value_high)",
    "value": "the value in `unit` (the lower end of a printed range)",
    "value_high": "the upper end of a printed range (增长5.5-6% → value 5.5, value_high 6), else null",
    "unit": "; ".join(f"{k}: {v}" for k, v in UNIT_DOCS.items()),
    "value_as_printed": "the number and unit as the page wrote them",
    "doc_id": "the document the value was read from (documents.parquet)",
    "source_id": "source id from sources.yaml",
    "source_url": "URL of the archived page",
    "trust": "official · news · mirror",
    "archived_sha256": "sha256 of the archived raw bytes of the page (raw/objects/…)",
    "published": "the document's publication date: the vintage of the value",
    "text": "the clause the value was read from, normalised",
    "char_start": "start offset of the statement in the document's normalised text (documents.text)",
    "char_end": "end offset (exclusive) of the statement in the document's normalised text",
    "source_char_start": "start offset of the statement in the document's own page text (documents.source_text)",
    "source_char_end": "end offset (exclusive) of the statement in documents.source_text",
    "source_text": "the document's text as the page holds it, before normalisation (traditional script, pinyin, mojibake kept)",
    "reviewed_year": "the year a work report reviews (一、2013年工作回顾), when the text says",
    "target_year": "the year a report or plan sets targets for (二、2014年…目标 / 到2015年), when the text says",
    "encoding_declared": "the charset the HTTP header or meta tag declared (kept when it was wrong)",
    "traditional": "the text was in traditional script and was converted to simplified (OpenCC t2s)",
    "pinyin_removed": "number of pinyin syllables inserted after characters that were removed (區(qū) → 區)",
    "mojibake_repaired": "characters of the page text replaced by a repaired reading (misaligned GBK, UTF-8 read as Latin-1/GBK)",
    "mojibake_damaged": "characters left unrecoverable (U+FFFD in text); clauses holding one yield no observation",
    "url": "URL of the archived page",
    "ordinal": "position of the document on its page (0 for single-document pages)",
    "title": "document title",
    "page_date": "date the page itself shows (a re-post date on mirrors)",
    "meeting_date": "date a work report was delivered to the people's congress",
    "kind": "work_report · news · plan_notice · other",
    "encoding": "character encoding the page was decoded with",
    "encoding_detected_by": "header · bom · meta · utf-8 · detected",
    "duplicate_of": "doc_id of the canonical copy when this document repeats another (no observations of its own)",
    "n_chars": "length of the normalised text",
    "n_observations": "observations extracted from the document",
    "basis": "outcome (best of actual over preliminary, then latest published) or target (latest published)",
    "n_observations_panel": "observations behind the panel value",
    "n_sources": "distinct sources behind the panel value",
    "n_distinct_values": "distinct values stated for this key (more than 1: revised or disagreeing)",
    "reasons": "why the row was quarantined, one line per failed check",
    "failed_checks": "names of the failed checks (validators/rules.py)",
    "flags": "warning-level checks the published row tripped (validators/rules.py); it passed every error-level check",
    "revised": "an earlier vintage stated a different value (see first_value, and report.html)",
    "first_value": "the value of the earliest vintage stating this key",
    "first_published": "the date of the earliest vintage stating this key",
}
PRIMARY_KEYS = {
    "observations": ["obs_id"],
    "documents": ["doc_id"],
    "panel": ["region", "indicator", "measure", "year", "base_year", "unit", "basis"],
    "quarantine": ["obs_id"],
}


def _type(dtype: pl.DataType) -> str:
    if dtype == pl.String:
        return "string"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float():
        return "number"
    if dtype == pl.Date:
        return "date"
    if dtype == pl.Boolean:
        return "boolean"
    if isinstance(dtype, pl.List):
        return "array"
    return "any"


def parquet_bytes(df: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.write_parquet(buf, compression="zstd", statistics=True)
    return buf.getvalue()


def _resource(name: str, df: pl.DataFrame, data: bytes) -> dict:
    fields = []
    for col, dtype in df.schema.items():
        doc = FIELD_DOCS.get("n_observations_panel" if (name, col) == ("panel", "n_observations") else col, "")
        fields.append({"name": col, "type": _type(dtype), "description": doc})
    return {
        "name": name,
        "path": f"{name}.parquet",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "rows": df.height,
        "schema": {"fields": fields, "primaryKey": PRIMARY_KEYS[name]},
    }


def previous_hashes(curated: Path) -> dict[str, str]:
    try:
        package = json.loads((curated / "datapackage.json").read_text(encoding="utf-8"))
        return {r["name"]: r["hash"] for r in package.get("resources", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def publish(curated: str | Path, tables: dict[str, pl.DataFrame], pages: dict[str, str] | None = None) -> dict[str, str]:
    """Write each table, the pages (e.g. the quality report) and the data package;
    returns name → 'new' | 'changed' | 'unchanged'."""
    curated = Path(curated)
    before = previous_hashes(curated)
    resources, outcome = [], {}
    for filename, text in (pages or {}).items():
        data = text.encode("utf-8")
        name = filename.rsplit(".", 1)[0]
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        if before.get(name) == digest and (curated / filename).exists():
            outcome[name] = "unchanged"
        else:
            atomic_write(curated / filename, data)
            outcome[name] = "changed" if name in before else "new"
        resources.append({"name": name, "path": filename, "format": "html", "mediatype": "text/html",
                          "bytes": len(data), "hash": digest})
    for name, df in tables.items():
        data = parquet_bytes(df)
        res = _resource(name, df, data)
        path = curated / res["path"]
        if before.get(name) == res["hash"] and path.exists() and path.stat().st_size == len(data):
            outcome[name] = "unchanged"
        else:
            atomic_write(path, data)
            outcome[name] = "changed" if name in before else "new"
        resources.append(res)
    package = {
        "profile": "data-package",
        "name": "district-government-report-indicators",
        "title": "Indicators stated in Chinese district-government work reports and news",
        "description": "Every number traces to an archived page (archived_sha256), a clause (text) and offsets.",
        "licenses": [{"name": "other-at", "title": "Source texts are public government information"}],
        "resources": resources,
        "indicators": dictionary(),
    }
    atomic_write(curated / "datapackage.json", (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return outcome
