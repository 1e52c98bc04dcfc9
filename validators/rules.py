"""Row rules for observations, generated from the indicator catalog.

Each rule is a Polars expression that is true for a row that passes, a severity (``error``: the row
goes to quarantine; ``warn``: published with a flag) and the one-line reason a reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import polars as pl

from govreports.catalog import INDICATORS

# (indicator|measure) → unit / plausible range, straight from the catalog
EXPECTED_UNIT = {f"{i.id}|{m}": i.unit_for(m) for i in INDICATORS for m in i.measures}
RANGE_LO = {f"{i.id}|{m}": float(i.range_for(m)[0]) for i in INDICATORS for m in i.measures}
RANGE_HI = {f"{i.id}|{m}": float(i.range_for(m)[1]) for i in INDICATORS for m in i.measures}

# A value is about at most this many years before its document, or (targets) this many after.
MAX_YEARS_BACK = 40  # reports look back over several five-year plans, never further
MAX_YEARS_AHEAD = 16  # long-range targets reach 2035 from around 2020


@dataclass(frozen=True)
class Rule:
    name: str
    severity: str  # error | warn
    reason: str
    passes: Callable[[], pl.Expr]


def _key() -> pl.Expr:
    return pl.concat_str(pl.col("indicator"), pl.lit("|"), pl.col("measure"))


def _lookup(table: dict) -> pl.Expr:
    return _key().replace_strict(table, default=None)


RULES: tuple[Rule, ...] = (
    Rule("measure_in_catalog", "error", "the catalog does not define this measure for this indicator",
         lambda: _lookup(EXPECTED_UNIT).is_not_null()),
    Rule("unit_matches_catalog", "error", "unit differs from the catalog's unit for this indicator and measure",
         lambda: (pl.col("unit") == _lookup(EXPECTED_UNIT)).fill_null(False)),
    Rule("value_in_plausible_range", "error", "value outside the catalog's plausible range for a district",
         lambda: (pl.col("value").is_between(_lookup(RANGE_LO), _lookup(RANGE_HI))
                  & (pl.col("value_high").is_null() | pl.col("value_high").is_between(_lookup(RANGE_LO), _lookup(RANGE_HI))))
         .fill_null(False)),
    Rule("year_plausible_for_document", "error",
         f"year more than {MAX_YEARS_BACK} years before or {MAX_YEARS_AHEAD} after the document's date",
         lambda: pl.col("published").is_null() | pl.col("year").is_between(
             pl.col("published").dt.year() - MAX_YEARS_BACK, pl.col("published").dt.year() + MAX_YEARS_AHEAD)),
    Rule("outcome_not_after_document", "error", "an outcome (actual or preliminary) dated after its document's year",
         lambda: pl.col("published").is_null() | (pl.col("status") == "target")
         | (pl.col("year") <= pl.col("published").dt.year())),
    Rule("base_year_before_year", "error", "base_year is not before year",
         lambda: pl.col("base_year").is_null() | (pl.col("base_year") < pl.col("year"))),
    Rule("range_well_formed", "error", "value_high is set exactly for a range and lies above value",
         lambda: pl.when(pl.col("qualifier") == "range")
         .then(pl.col("value_high").is_not_null() & (pl.col("value_high") > pl.col("value")))
         .otherwise(pl.col("value_high").is_null())),
    Rule("offsets_valid", "error", "char_start/char_end do not delimit a span of the document",
         lambda: (pl.col("char_start") >= 0) & (pl.col("char_end") > pl.col("char_start"))
         & (pl.col("source_char_start") >= 0) & (pl.col("source_char_end") > pl.col("source_char_start"))),
)
