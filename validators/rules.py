"""Checks on observations, generated from the indicator catalog and ``validators.policy``.

Each rule returns one boolean per input row, in order (true = passes), computed on a LazyFrame, and
says why in one line; cross-row rules can also explain each failing row with the numbers involved.
Row rules look at one statement; cross-year rules compare a statement with the levels of the years it
spans; cross-source rules compare statements of the same indicator-year made at the same vintage.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable, Iterator

import polars as pl

from govreports.catalog import INDICATORS
from govreports.tables import TRUST_RANK
from validators import policy as P

LEVEL_TOL = {i.id: i.level_tolerance for i in INDICATORS}
RATE_TOL = {i.id: i.rate_tolerance for i in INDICATORS}
AMOUNT_UNITS = ("CNY_100M", "USD_100M")
SERIES = ["region", "indicator"]
KEY = ["region", "indicator", "measure", "year", "base_year", "unit"]  # a figure in 亿元 and one in 亿美元 are two
# what cross-row rules read (projected early: a million rows of clause text are not worth carrying)
COLUMNS = ["obs_id", "region", "indicator", "measure", "year", "base_year", "status", "qualifier", "value", "value_high",
           "unit", "value_as_printed", "doc_id", "source_id", "trust", "published", "char_start", "char_end",
           "source_char_start", "source_char_end"]


@dataclass(frozen=True)
class Rule:
    name: str
    severity: str  # error | warn
    reason: str
    check: Callable[[pl.LazyFrame], pl.LazyFrame]  # one boolean column, one row per input row, in order
    explain: Callable[[pl.LazyFrame], pl.LazyFrame] | None = None  # columns _i, detail for failing rows


CATALOG = pl.DataFrame(
    [{"indicator": i.id, "measure": m, "_unit": i.unit_for(m), "_alt_unit": (i.units_for(m)[1:] or (None,))[0],
      "_lo": float(i.range_for(m)[0]), "_hi": float(i.range_for(m)[1])}
     for i in INDICATORS for m in i.measures],
    schema_overrides={"_alt_unit": pl.String},
).lazy()
# levels in an indicator's own unit: the series cross-year rules compare (a level printed in another
# currency is a series of its own and is not compared)
OWN_UNIT = pl.DataFrame([{"indicator": i.id, "unit": i.unit} for i in INDICATORS]).lazy()


def own_unit() -> pl.Expr:
    """The unit of each row's indicator's own level series."""
    return pl.col("indicator").replace_strict({i.id: i.unit for i in INDICATORS}, return_dtype=pl.String)


@dataclass(frozen=True)
class Prepared:
    """Tables every rule needs, derived once from the frame being validated (see ``prepared``)."""

    height: int
    catalog: pl.DataFrame  # _unit, _alt_unit, _lo, _hi per row, in row order
    aligned: pl.DataFrame  # levels of the years a row spans and its vintage's reference, per row, in row order


_PREPARED: ContextVar[Prepared | None] = ContextVar("prepared", default=None)


def _current(lf: pl.LazyFrame) -> Prepared | None:
    p = _PREPARED.get()
    return p if p is not None and lf.select(pl.len()).collect().item() == p.height else None


@contextmanager
def prepared(df: pl.DataFrame) -> Iterator[None]:
    """Within this block, rules checking ``df`` reuse tables derived from it once instead of per rule."""
    lf = df.lazy()
    catalog = lf.join(CATALOG, on=["indicator", "measure"], how="left", maintain_order="left").select("_unit", "_alt_unit", "_lo", "_hi")
    token = _PREPARED.set(Prepared(df.height, catalog.collect(), pl.DataFrame()))
    try:
        _PREPARED.set(Prepared(df.height, _PREPARED.get().catalog, _aligned(lf).collect()))
        yield
    finally:
        _PREPARED.reset(token)


def with_catalog(lf: pl.LazyFrame) -> pl.LazyFrame:
    """Add the catalog's unit (``_unit``), the other unit it may be stated in (``_alt_unit``) and the plausible
    range (``_lo``, ``_hi``) of each row's indicator and measure."""
    if (p := _current(lf)) is not None:
        return pl.concat([lf, p.catalog.lazy()], how="horizontal")
    return lf.join(CATALOG, on=["indicator", "measure"], how="left", maintain_order="left")


def _region_scale() -> pl.Expr:
    level = (pl.when(pl.col("region").str.ends_with("0000")).then(pl.lit(P.AMOUNT_SCALE["province"]))
             .when(pl.col("region").str.ends_with("00")).then(pl.lit(P.AMOUNT_SCALE["city"]))
             .otherwise(pl.lit(P.AMOUNT_SCALE["district"])))
    return pl.when(pl.col("unit").is_in(AMOUNT_UNITS) & (pl.col("measure") == "level")).then(level).otherwise(1.0)


def _in_range(col: str) -> pl.Expr:
    return pl.col(col).is_between(pl.col("_lo"), pl.col("_hi") * _region_scale())


# row rules read the columns ``with_catalog`` adds
ROW_EXPRESSIONS: dict[str, Callable[[], pl.Expr]] = {
    "measure_in_catalog": lambda: pl.col("_unit").is_not_null(),
    "unit_matches_catalog": lambda: ((pl.col("unit") == pl.col("_unit")) | (pl.col("unit") == pl.col("_alt_unit"))).fill_null(False),
    "value_in_plausible_range": lambda: (_in_range("value") & (pl.col("value_high").is_null() | _in_range("value_high")))
    .fill_null(False),
    "year_plausible_for_document": lambda: pl.col("published").is_null() | pl.col("year").is_between(
        pl.col("published").dt.year() - P.MAX_YEARS_BACK, pl.col("published").dt.year() + P.MAX_YEARS_AHEAD),
    "outcome_not_after_document": lambda: pl.col("published").is_null() | (pl.col("status") == "target")
    | (pl.col("year") <= pl.col("published").dt.year()),
    "target_not_before_document": lambda: pl.col("published").is_null() | (pl.col("status") != "target")
    | (pl.col("year") >= pl.col("published").dt.year()),
    "base_year_before_year": lambda: pl.col("base_year").is_null() | (pl.col("base_year") < pl.col("year")),
    "range_well_formed": lambda: pl.when(pl.col("qualifier") == "range")
    .then(pl.col("value_high").is_not_null() & (pl.col("value_high") > pl.col("value")))
    .otherwise(pl.col("value_high").is_null()),
    "offsets_valid": lambda: (pl.col("char_start") >= 0) & (pl.col("char_end") > pl.col("char_start"))
    & (pl.col("source_char_start") >= 0) & (pl.col("source_char_end") > pl.col("source_char_start")),
}


def _row(name: str) -> Callable[[pl.LazyFrame], pl.LazyFrame]:
    return lambda lf: with_catalog(lf).select(ROW_EXPRESSIONS[name]().alias(name))


def sound(lf: pl.LazyFrame) -> pl.LazyFrame:
    """Rows that pass every row rule: the only ones cross-row rules compare against."""
    ok = pl.lit(True)
    for make in ROW_EXPRESSIONS.values():
        ok = ok & make()
    return with_catalog(lf).filter(ok).drop("_unit", "_alt_unit", "_lo", "_hi")


def printed_precision() -> pl.Expr:
    """Relative rounding of a printed figure: 2.6平方米 is 2.55–2.65, ±1.9 %."""
    number = pl.col("value_as_printed").str.extract(r"(\d+(?:\.\d+)?)")
    decimals = number.str.split(".").list.get(1, null_on_oob=True).str.len_chars().fill_null(0)
    return (0.5 * pl.lit(10.0).pow(-decimals.cast(pl.Float64)) / number.cast(pl.Float64)).fill_null(0.0).fill_nan(0.0)


PREFERENCE = ["_status_rank", "_bound", "_newest", "_trust_rank"]  # the panel's order (govreports.tables.ranked)


def _preference(lf: pl.LazyFrame) -> pl.LazyFrame:
    """Sort keys of the panel's preference, for picking the first statement within a group."""
    return lf.with_columns(
        _status_rank=pl.col("status").replace_strict({"actual": 0, "preliminary": 1, "target": 2}, return_dtype=pl.Int8),
        _bound=pl.col("qualifier").is_in(["ge", "le"]),
        _newest=-pl.col("published").cast(pl.Int32).fill_null(-(2**30)),
        _trust_rank=pl.col("trust").replace_strict(TRUST_RANK, return_dtype=pl.Int8),
    )


def best_outcome_levels(lf: pl.LazyFrame) -> pl.LazyFrame:
    """Per region, indicator and year: the outcome level the panel would publish (eq or approx only),
    with its printed rounding."""
    levels = sound(lf).filter((pl.col("measure") == "level") & (pl.col("status") != "target") & pl.col("qualifier").is_in(["eq", "approx"]))
    levels = levels.join(OWN_UNIT, on=["indicator", "unit"], how="semi")
    return _preference(levels).group_by([*SERIES, "year"]).agg(
        pl.col("value").sort_by(PREFERENCE).first(), _precision=printed_precision().sort_by(PREFERENCE).first())


def _aligned(lf: pl.LazyFrame) -> pl.LazyFrame:
    """Per row, in row order: the best outcome levels of the previous year, the year and the base year
    (with their printed rounding), and the reference statement of the row's indicator-year and vintage."""
    levels = best_outcome_levels(lf)
    rows = lf.select(*COLUMNS).with_columns(basis=_basis(), _prev=pl.col("year") - 1)
    for at, name in (("_prev", "_prev_level"), ("year", "_this_level"), ("base_year", "_base_level")):
        named = levels.rename({"year": at, "value": name, "_precision": f"{name}_precision"})
        rows = rows.join(named, on=[*SERIES, at], how="left", maintain_order="left")
    rows = rows.join(_reference(lf.select(*COLUMNS)), on=[*KEY, "basis", "published"], how="left", nulls_equal=True,
                     maintain_order="left")
    return rows.select(pl.col(r"^_(prev|this|base)_level.*$"), pl.col(r"^_ref_.*$"))


def _rows(lf: pl.LazyFrame, *extra: str) -> pl.LazyFrame:
    """The columns rules read, a row index, the panel's preference keys and the aligned columns."""
    p = _current(lf)
    aligned = p.aligned if p is not None and p.aligned.width else _aligned(lf).collect()
    own = _preference(lf.select(*COLUMNS, *extra).with_row_index("_i")).with_columns(basis=_basis()).collect()
    # eager and rechunked: polars 2.1 panics on string views of a horizontally joined, multi-chunk frame
    return own.hstack(aligned).rechunk().lazy()


def _cross_year(measure: str, implied: Callable[[], pl.Expr], limit: float, start: Callable[[], pl.Expr]):
    """Rule body and explanation comparing a stated ``measure`` with what the levels imply."""

    def frame(lf: pl.LazyFrame) -> pl.LazyFrame:
        since = "_prev_level" if start is _previous_year else "_base_level"
        lf = _rows(lf).with_columns(
            _from=start(), _to=pl.col("year"), _level_from=pl.col(since), _level_from_precision=pl.col(f"{since}_precision"),
            _level_to=pl.col("_this_level"), _level_to_precision=pl.col("_this_level_precision"))
        rounding = (pl.col("_level_from_precision") + pl.col("_level_to_precision")) * 100  # printed levels' rounding
        if measure == "change_pp":
            rounding = pl.lit(0.0)  # CHANGE_PP_* already allow for shares printed to 0.1
        tol = pl.when(pl.col("qualifier") == "approx").then(limit * P.APPROX_TOLERANCE_FACTOR).otherwise(limit) + rounding
        applies = ((pl.col("measure") == measure) & (pl.col("status") != "target") & pl.col("qualifier").is_in(["eq", "approx"])
                   & pl.col("_level_from").is_not_null() & pl.col("_level_to").is_not_null() & (pl.col("_level_from") > 0))
        return lf.with_columns(_implied=implied()).with_columns(
            _ok=~(applies & ((pl.col("value") - pl.col("_implied")).abs() > tol)).fill_null(False)
        )

    def check(lf: pl.LazyFrame) -> pl.LazyFrame:
        return frame(lf).select("_ok")

    def explain(lf: pl.LazyFrame) -> pl.LazyFrame:
        return frame(lf).filter(~pl.col("_ok")).select("_i", detail=pl.format(
            "stated {} vs {} implied by levels {} ({}) → {} ({})", pl.col("value").round(2), pl.col("_implied").round(2),
            pl.col("_level_from"), pl.col("_from"), pl.col("_level_to"), pl.col("_to")))

    return check, explain


def _growth() -> pl.Expr:
    return (pl.col("_level_to") / pl.col("_level_from") - 1) * 100


def _cagr() -> pl.Expr:
    span = (pl.col("_to") - pl.col("_from")).cast(pl.Float64)
    return ((pl.col("_level_to") / pl.col("_level_from")).pow(1 / span) - 1) * 100


def _previous_year() -> pl.Expr:
    return pl.col("year") - 1


def _base_year() -> pl.Expr:
    return pl.col("base_year")


def _share_change() -> pl.Expr:
    return pl.col("_level_to") - pl.col("_level_from")


def _jump(lf: pl.LazyFrame) -> pl.LazyFrame:
    lf = _rows(lf, "text").with_columns(_level_from=pl.col("_prev_level"))
    ratio = (pl.col("value") / pl.col("_level_from") - 1).abs()
    explained = pl.col("text").str.contains(P.BASIS_CHANGE_WORDS)
    applies = ((pl.col("measure") == "level") & (pl.col("status") != "target") & pl.col("unit").is_in(AMOUNT_UNITS + ("CNY",))
               & (pl.col("unit") == own_unit()))  # a level in another currency is not compared with last year's
    return lf.with_columns(_ok=~(applies & (ratio > P.JUMP_RATIO) & ~explained).fill_null(False))


def _reference(lf: pl.LazyFrame) -> pl.LazyFrame:
    """Per indicator-year and vintage: the statement of the most trusted source (a plain figure first)."""
    key = [*KEY, "basis", "published"]
    order = ["_trust_rank", "_bound", "obs_id"]
    return _preference(sound(lf)).with_columns(basis=_basis()).group_by(key).agg(
        _ref_value=pl.col("value").sort_by(order).first(), _ref_qual=pl.col("qualifier").sort_by(order).first(),
        _ref_trust=pl.col("_trust_rank").sort_by(order).first(), _ref_source=pl.col("source_id").sort_by(order).first(),
        _ref_doc=pl.col("doc_id").sort_by(order).first())


def _basis() -> pl.Expr:
    return pl.when(pl.col("status") == "target").then(pl.lit("target")).otherwise(pl.lit("outcome"))


def _disagreement(lf: pl.LazyFrame) -> pl.LazyFrame:
    """Rows with a column ``_differs``: the statement disagrees with the reference of its vintage."""
    lf = _rows(lf)
    tol = pl.when(pl.col("measure") == "level").then(
        pl.col("indicator").replace_strict(LEVEL_TOL, default=0.02) * pl.max_horizontal(pl.col("value").abs(), pl.col("_ref_value").abs())
    ).otherwise(pl.col("indicator").replace_strict(RATE_TOL, default=0.3))
    tol = tol * pl.when((pl.col("qualifier") == "approx") | (pl.col("_ref_qual") == "approx")).then(P.APPROX_TOLERANCE_FACTOR).otherwise(1.0)
    v, r, q, rq = pl.col("value"), pl.col("_ref_value"), pl.col("qualifier"), pl.col("_ref_qual")
    plain = ["eq", "approx"]
    differs = (
        pl.when(q.is_in(plain) & rq.is_in(plain)).then((v - r).abs() > tol)
        .when(q.is_in(plain) & (rq == "ge")).then(v < r - tol)
        .when(q.is_in(plain) & (rq == "le")).then(v > r + tol)
        .when((q == "ge") & rq.is_in(plain)).then(r < v - tol)
        .when((q == "le") & rq.is_in(plain)).then(r > v + tol)
        .otherwise(False)
    )
    return lf.with_columns(_differs=(differs & (pl.col("doc_id") != pl.col("_ref_doc"))).fill_null(False))


def _disagrees(trust_compare: Callable[[pl.Expr, pl.Expr], pl.Expr]):
    def check(lf: pl.LazyFrame) -> pl.LazyFrame:
        d = _disagreement(lf)
        return d.select(~(pl.col("_differs") & trust_compare(pl.col("_trust_rank"), pl.col("_ref_trust"))))

    def explain(lf: pl.LazyFrame) -> pl.LazyFrame:
        d = _disagreement(lf).filter(pl.col("_differs") & trust_compare(pl.col("_trust_rank"), pl.col("_ref_trust")))
        return d.select("_i", detail=pl.format("{} here, {} in {} ({}) of the same vintage", pl.col("value"),
                                               pl.col("_ref_value"), pl.col("_ref_source"), pl.col("_ref_doc")))

    return check, explain


_growth_warn = _cross_year("growth", _growth, P.GROWTH_WARN_PP, _previous_year)
_growth_error = _cross_year("growth", _growth, P.GROWTH_ERROR_PP, _previous_year)
_pp_warn = _cross_year("change_pp", _share_change, P.CHANGE_PP_WARN, _previous_year)
_pp_error = _cross_year("change_pp", _share_change, P.CHANGE_PP_ERROR, _previous_year)
_cagr_warn = _cross_year("cagr", _cagr, P.CAGR_WARN_PP, _base_year)
_cagr_error = _cross_year("cagr", _cagr, P.CAGR_ERROR_PP, _base_year)
_cum_warn = _cross_year("cumulative", _growth, P.CUMULATIVE_WARN_PP, _base_year)
_cum_error = _cross_year("cumulative", _growth, P.CUMULATIVE_ERROR_PP, _base_year)
_less_trusted = _disagrees(lambda mine, ref: mine > ref)
_equally_trusted = _disagrees(lambda mine, ref: mine == ref)

RULES: tuple[Rule, ...] = (
    Rule("measure_in_catalog", "error", "the catalog does not define this measure for this indicator", _row("measure_in_catalog")),
    Rule("unit_matches_catalog", "error", "unit differs from the catalog's unit for this indicator and measure", _row("unit_matches_catalog")),
    Rule("value_in_plausible_range", "error", "value outside the catalog's plausible range for this region level",
         _row("value_in_plausible_range")),
    Rule("year_plausible_for_document", "error",
         f"year more than {P.MAX_YEARS_BACK} years before or {P.MAX_YEARS_AHEAD} after the document's date",
         _row("year_plausible_for_document")),
    Rule("outcome_not_after_document", "error", "an outcome (actual or preliminary) dated after its document's year",
         _row("outcome_not_after_document")),
    Rule("target_not_before_document", "error", "a target for a year its document had already reviewed",
         _row("target_not_before_document")),
    Rule("base_year_before_year", "error", "base_year is not before year", _row("base_year_before_year")),
    Rule("range_well_formed", "error", "value_high is set exactly for a range and lies above value", _row("range_well_formed")),
    Rule("offsets_valid", "error", "offsets do not delimit a span of the document", _row("offsets_valid")),
    Rule("growth_contradicts_levels", "error",
         f"stated growth differs from the levels' growth by more than {P.GROWTH_ERROR_PP:g} points", *_growth_error),
    Rule("growth_vs_levels", "warn", f"stated growth differs from the levels' growth by more than {P.GROWTH_WARN_PP:g} points",
         *_growth_warn),
    Rule("change_pp_contradicts_shares", "error",
         f"stated change differs from the shares' difference by more than {P.CHANGE_PP_ERROR:g} points", *_pp_error),
    Rule("change_pp_vs_shares", "warn", f"stated change differs from the shares' difference by more than {P.CHANGE_PP_WARN:g} points",
         *_pp_warn),
    Rule("cagr_contradicts_levels", "error", f"average annual growth differs from the levels it spans by more than {P.CAGR_ERROR_PP:g} points",
         *_cagr_error),
    Rule("cagr_vs_levels", "warn", f"average annual growth differs from the levels it spans by more than {P.CAGR_WARN_PP:g} points",
         *_cagr_warn),
    Rule("cumulative_contradicts_levels", "error",
         f"cumulative change differs from the levels it spans by more than {P.CUMULATIVE_ERROR_PP:g} points", *_cum_error),
    Rule("cumulative_vs_levels", "warn", f"cumulative change differs from the levels it spans by more than {P.CUMULATIVE_WARN_PP:g} points",
         *_cum_warn),
    Rule("level_jump", "warn", f"level moved more than {P.JUMP_RATIO:.0%} from the year before with no change of basis in the text",
         lambda lf: _jump(lf).select("_ok"),
         lambda lf: _jump(lf).filter(~pl.col("_ok")).select(
             "_i", detail=pl.format("{} after {} the year before", pl.col("value"), pl.col("_level_from")))),
    Rule("disagrees_with_more_trusted_source", "error",
         "a more trusted source states another value for the same indicator, year and vintage", *_less_trusted),
    Rule("disagrees_with_equally_trusted_source", "warn",
         "an equally trusted source states another value for the same indicator, year and vintage", *_equally_trusted),
)
