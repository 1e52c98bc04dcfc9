"""Validate observations and set aside, with every reason, the rows that fail an error-level check."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
import polars as pl

from validators.rules import RULES
from validators.schemas import observations_schema

SEVERITY = {r.name: r.severity for r in RULES}
REASON = {r.name: r.reason for r in RULES}


class TableInvalid(RuntimeError):
    """A table failed a structural check (types, columns): a pipeline defect, not a data problem."""


@dataclass(frozen=True)
class Validated:
    observations: pl.DataFrame  # rows that passed every error-level check
    quarantine: pl.DataFrame  # failed rows with ``reasons`` and ``failed_checks``
    checks: pl.DataFrame  # check, severity, failed rows


def _failures(df: pl.DataFrame, schema: pa.DataFrameSchema) -> pl.DataFrame:
    """(index, check, reason) for every failing cell or row; raises on structural failures."""
    empty = pl.DataFrame(schema={"index": pl.Int64, "check": pl.String, "reason": pl.String})
    try:
        schema.validate(df, lazy=True)
        return empty
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases
    structural = fc.filter(pl.col("index").is_null())
    if structural.height:
        first = structural.row(0, named=True)
        raise TableInvalid(f"{schema.name}: {first['check']} failed on {first['column'] or 'table'}: {first['failure_case']}")
    named = fc.with_columns(
        check=pl.when(pl.col("column").is_null() | (pl.col("column") == schema.name)).then(pl.col("check"))
        .otherwise(pl.concat_str(pl.col("column"), pl.lit(":"), pl.col("check"))),
    )
    return named.select(
        pl.col("index").cast(pl.Int64),
        "check",
        reason=pl.col("check").replace_strict(REASON, default=None).fill_null(
            pl.concat_str(pl.lit("failed "), pl.col("check"), pl.lit(": "), pl.col("failure_case"))),
    )


def validate_observations(df: pl.DataFrame) -> Validated:
    schema = observations_schema()
    failures = _failures(df, schema)
    errors = failures.filter(pl.col("check").replace_strict(SEVERITY, default="error") == "error")
    per_row = errors.group_by("index").agg(
        reasons=pl.col("reason").unique(maintain_order=True), failed_checks=pl.col("check").unique(maintain_order=True)
    )
    indexed = df.with_row_index("index").with_columns(pl.col("index").cast(pl.Int64))
    bad = indexed.join(per_row, on="index", how="inner").sort("index").drop("index")
    good = indexed.join(per_row, on="index", how="anti").sort("index").drop("index")
    counts = failures.group_by("check").agg(failed_rows=pl.col("index").n_unique().cast(pl.Int64))
    checks = pl.DataFrame({"check": [r.name for r in RULES], "severity": [r.severity for r in RULES]}).join(
        counts, on="check", how="full", coalesce=True
    ).with_columns(pl.col("failed_rows").fill_null(0), pl.col("severity").fill_null("error")).sort("check")
    return Validated(good, bad, checks)
