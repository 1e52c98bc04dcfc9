"""Validate observations; quarantine the rows that fail an error-level check, flag the ones that warn.

Every failing row keeps all its reasons (with the numbers, for cross-row checks). Revisions between
vintages and disagreements between sources are collected for the panel and the quality report.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
import polars as pl

from validators.rules import RULES, prepared
from validators.schemas import observations_schema

SEVERITY = {r.name: r.severity for r in RULES}
REASON = {r.name: r.reason for r in RULES}
EXPLAIN = {r.name: r.explain for r in RULES if r.explain is not None}


class TableInvalid(RuntimeError):
    """A table failed a structural check (types, columns): a pipeline defect, not a data problem."""


@dataclass(frozen=True)
class Validated:
    observations: pl.DataFrame  # rows that passed every error-level check, with ``flags`` (warnings)
    quarantine: pl.DataFrame  # failed rows with ``reasons`` and ``failed_checks``
    checks: pl.DataFrame  # check, severity, failed_rows
    failures: pl.DataFrame  # index, check, severity, reason (one row per failed check and row)


def _failures(df: pl.DataFrame, schema: pa.DataFrameSchema) -> pl.DataFrame:
    """(index, check) for every failing cell or row; raises on structural failures."""
    try:
        schema.validate(df, lazy=True)
        return pl.DataFrame(schema={"index": pl.Int64, "check": pl.String})
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases
    structural = fc.filter(pl.col("index").is_null())
    if structural.height:
        first = structural.row(0, named=True)
        raise TableInvalid(f"{schema.name}: {first['check']} failed on {first['column'] or 'table'}: {first['failure_case']}")
    table_level = pl.col("column").is_null() | (pl.col("column") == schema.name)
    return fc.select(
        pl.col("index").cast(pl.Int64),
        check=pl.when(table_level).then(pl.col("check")).otherwise(pl.concat_str(pl.col("column"), pl.lit(":"), pl.col("check"))),
    ).unique(maintain_order=True)


def _details(df: pl.DataFrame, failures: pl.DataFrame) -> pl.DataFrame:
    """One reason line per failed check and row, with the numbers for cross-row checks."""
    lines = failures.with_columns(
        severity=pl.col("check").replace_strict(SEVERITY, default="error"),
        reason=pl.col("check").replace_strict(REASON, default=None).fill_null(pl.concat_str(pl.lit("failed "), pl.col("check"))),
    )
    explained = []
    for name in lines.filter(pl.col("check").is_in(list(EXPLAIN)))["check"].unique().to_list():
        explained.append(EXPLAIN[name](df.lazy()).collect().select(pl.col("_i").cast(pl.Int64).alias("index"), "detail")
                         .with_columns(check=pl.lit(name)))
    if explained:
        lines = lines.join(pl.concat(explained), on=["index", "check"], how="left")
        lines = lines.with_columns(reason=pl.when(pl.col("detail").is_not_null())
                                   .then(pl.format("{}: {}", pl.col("reason"), pl.col("detail"))).otherwise(pl.col("reason"))).drop("detail")
    return lines


def validate_observations(df: pl.DataFrame) -> Validated:
    with prepared(df):
        failures = _details(df, _failures(df, observations_schema()))
    per_row = failures.group_by("index").agg(
        reasons=pl.col("reason"),
        failed_checks=pl.col("check"),
        errors=(pl.col("severity") == "error").sum(),
        flags=pl.col("check").filter(pl.col("severity") == "warn"),
    )
    indexed = df.with_row_index("index").with_columns(pl.col("index").cast(pl.Int64)).join(per_row, on="index", how="left")
    bad = indexed.filter(pl.col("errors") > 0).sort("index").drop("index", "errors", "flags")
    good = indexed.filter(pl.col("errors").fill_null(0) == 0).sort("index").with_columns(
        flags=pl.col("flags").fill_null([]).cast(pl.List(pl.String))).drop("index", "errors", "reasons", "failed_checks")
    counts = failures.group_by("check").agg(failed_rows=pl.col("index").n_unique().cast(pl.Int64))
    checks = pl.DataFrame({"check": [r.name for r in RULES], "severity": [r.severity for r in RULES]}).join(
        counts, on="check", how="full", coalesce=True
    ).with_columns(pl.col("failed_rows").fill_null(0), pl.col("severity").fill_null("error"))
    return Validated(good, bad, checks, failures)
