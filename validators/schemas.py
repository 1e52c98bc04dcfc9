"""Pandera (polars backend) schemas of the tables the pipeline passes between stages and publishes.

Allowed values come from the catalog; row rules come from ``validators.rules``. Validate eager
DataFrames: a LazyFrame would skip the data checks.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from govreports.catalog import BY_ID, MEASURES, QUALIFIERS, STATUSES, TRUST_LEVELS, UNITS
from govreports.parse import KINDS
from validators.rules import ROW_EXPRESSIONS, RULES


def _check(rule) -> pa.Check:
    return pa.Check(lambda data, r=rule: r.check(data.lazyframe), name=rule.name)


def _observation_columns() -> dict[str, pa.Column]:
    return {
        "obs_id": pa.Column(pl.String, unique=True),
        "region": pa.Column(pl.String, pa.Check.str_matches(r"^\d{6}$")),
        "region_name": pa.Column(pl.String),
        "indicator": pa.Column(pl.String, pa.Check.isin(sorted(BY_ID))),
        "measure": pa.Column(pl.String, pa.Check.isin(MEASURES)),
        "year": pa.Column(pl.Int32, pa.Check.in_range(1949, 2100)),
        "base_year": pa.Column(pl.Int32, pa.Check.in_range(1949, 2100), nullable=True),
        "status": pa.Column(pl.String, pa.Check.isin(STATUSES)),
        "qualifier": pa.Column(pl.String, pa.Check.isin(QUALIFIERS)),
        "value": pa.Column(pl.Float64),
        "value_high": pa.Column(pl.Float64, nullable=True),
        "unit": pa.Column(pl.String, pa.Check.isin(UNITS)),
        "value_as_printed": pa.Column(pl.String),
        "doc_id": pa.Column(pl.String),
        "source_id": pa.Column(pl.String, pa.Check.str_matches(r"^[a-z0-9-]+$")),
        "source_url": pa.Column(pl.String),
        "trust": pa.Column(pl.String, pa.Check.isin(TRUST_LEVELS)),
        "archived_sha256": pa.Column(pl.String, pa.Check.str_matches(r"^[0-9a-f]{64}$")),
        "published": pa.Column(pl.Date, nullable=True),
        "text": pa.Column(pl.String),
        "char_start": pa.Column(pl.Int32),
        "char_end": pa.Column(pl.Int32),
        "source_char_start": pa.Column(pl.Int32),
        "source_char_end": pa.Column(pl.Int32),
    }


def observations_schema() -> pa.DataFrameSchema:
    """Observations as extracted: structure plus every rule (row, cross-year, cross-source; errors and warnings)."""
    return pa.DataFrameSchema(_observation_columns(), checks=[_check(r) for r in RULES], strict=True, ordered=True,
                              name="observations")


def published_observations_schema() -> pa.DataFrameSchema:
    """Observations as published: structure, ``flags`` of the warnings they carry, no error left."""
    columns = _observation_columns() | {"flags": pa.Column(pl.List(pl.String))}
    errors = [_check(r) for r in RULES if r.severity == "error" and r.name in ROW_EXPRESSIONS]
    return pa.DataFrameSchema(columns, checks=errors, strict=True, ordered=True, name="published_observations")


def quarantine_schema() -> pa.DataFrameSchema:
    columns = _observation_columns() | {
        "reasons": pa.Column(pl.List(pl.String), pa.Check(lambda d: d.lazyframe.select(pl.col("reasons").list.len() > 0),
                                                          name="has_reasons")),
        "failed_checks": pa.Column(pl.List(pl.String)),
    }
    return pa.DataFrameSchema(columns, strict=True, name="quarantine")


def documents_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "doc_id": pa.Column(pl.String, unique=True),
            "source_id": pa.Column(pl.String),
            "region": pa.Column(pl.String, pa.Check.str_matches(r"^\d{6}$")),
            "url": pa.Column(pl.String),
            "archived_sha256": pa.Column(pl.String, pa.Check.str_matches(r"^[0-9a-f]{64}$")),
            "ordinal": pa.Column(pl.Int32, pa.Check.ge(0)),
            "title": pa.Column(pl.String),
            "published": pa.Column(pl.Date, nullable=True),
            "page_date": pa.Column(pl.Date, nullable=True),
            "meeting_date": pa.Column(pl.Date, nullable=True),
            "kind": pa.Column(pl.String, pa.Check.isin(KINDS)),
            "reviewed_year": pa.Column(pl.Int32, nullable=True),
            "target_year": pa.Column(pl.Int32, nullable=True),
            "encoding": pa.Column(pl.String),
            "encoding_detected_by": pa.Column(pl.String, pa.Check.isin(["bom", "header", "meta", "utf-8", "detected"])),
            "encoding_declared": pa.Column(pl.String, nullable=True),
            "traditional": pa.Column(pl.Boolean),
            "pinyin_removed": pa.Column(pl.Int32, pa.Check.ge(0)),
            "mojibake_repaired": pa.Column(pl.Int32, pa.Check.ge(0)),
            "mojibake_damaged": pa.Column(pl.Int32, pa.Check.ge(0)),
            "duplicate_of": pa.Column(pl.String, nullable=True),
            "n_chars": pa.Column(pl.Int64, pa.Check.ge(0)),
            "n_observations": pa.Column(pl.Int32, pa.Check.ge(0)),
            "text": pa.Column(pl.String),
            "source_text": pa.Column(pl.String),
        },
        checks=[pa.Check(lambda d: d.lazyframe.select(
            pl.col("duplicate_of").is_null() | (pl.col("n_observations") == 0)),
            name="duplicates_yield_nothing", error="a duplicate document has observations of its own")],
        strict=True,
        name="documents",
    )


def panel_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "region": pa.Column(pl.String),
            "indicator": pa.Column(pl.String, pa.Check.isin(sorted(BY_ID))),
            "measure": pa.Column(pl.String, pa.Check.isin(MEASURES)),
            "year": pa.Column(pl.Int32),
            "base_year": pa.Column(pl.Int32, nullable=True),
            "basis": pa.Column(pl.String, pa.Check.isin(["outcome", "target"])),
            "status": pa.Column(pl.String, pa.Check.isin(STATUSES)),
            "qualifier": pa.Column(pl.String, pa.Check.isin(QUALIFIERS)),
            "value": pa.Column(pl.Float64),
            "value_high": pa.Column(pl.Float64, nullable=True),
            "unit": pa.Column(pl.String, pa.Check.isin(UNITS)),
            "obs_id": pa.Column(pl.String, unique=True),
            "published": pa.Column(pl.Date, nullable=True),
            "region_name": pa.Column(pl.String),
            "n_observations": pa.Column(pl.Int32, pa.Check.ge(1)),
            "n_sources": pa.Column(pl.Int32, pa.Check.ge(1)),
            "n_distinct_values": pa.Column(pl.Int32, pa.Check.ge(1)),
            "revised": pa.Column(pl.Boolean),
            "first_value": pa.Column(pl.Float64),
            "first_published": pa.Column(pl.Date, nullable=True),
        },
        checks=[pa.Check(lambda d: d.lazyframe.select(
            ~pl.struct("region", "indicator", "measure", "year", "base_year", "unit", "basis").is_duplicated()),
            name="one_row_per_key", error="several rows for one panel key")],
        strict=True,
        name="panel",
    )
