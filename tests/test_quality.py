"""Planted errors land in quarantine with the right reasons; clean data, revisions and bounds pass."""

from datetime import date

import polars as pl
import pytest

from govreports import tables
from validators import report, schemas
from validators.quarantine import validate_observations


@pytest.fixture(scope="module")
def corpus(corpus_tables):
    return corpus_tables[1]


def row(obs, **where):
    return obs.with_row_index("i").filter(**where)["i"][0]


def plant(obs, i, **values):
    """Change row ``i``; the obs_id stays, so the row can be found in quarantine."""
    cols = []
    for name, value in values.items():
        cols.append(pl.when(pl.int_range(pl.len()) == i).then(pl.lit(value, dtype=obs.schema[name])).otherwise(pl.col(name)).alias(name))
    return obs.with_columns(cols)


def copy_of(obs, i, **values):
    extra = obs[i].with_columns(obs_id=pl.lit("planted-" + obs["obs_id"][i]), doc_id=pl.lit("planted-doc"),
                                **{k: pl.lit(v, dtype=obs.schema[k]) for k, v in values.items()})
    return pl.concat([obs, extra])


def reasons_of(checked, obs_id):
    q = checked.quarantine.filter(obs_id=obs_id)
    assert q.height == 1, f"{obs_id} not quarantined"
    return q["failed_checks"].to_list()[0], q["reasons"].to_list()[0]


def test_the_real_corpus_passes_with_three_honest_warnings(corpus):
    checked = validate_observations(corpus)
    assert checked.quarantine.height == 0
    flagged = checked.observations.filter(pl.col("flags").list.len() > 0)
    assert sorted(flagged["indicator"]) == ["electricity_per_10k_gdp", "fdi_utilized", "fixed_asset_investment"]
    assert set(flagged["flags"].explode()) == {"growth_vs_levels"}


def test_wrong_unit(corpus):
    i = row(corpus, indicator="gdp", measure="level", year=2013)
    checks, _ = reasons_of(validate_observations(plant(corpus, i, unit="CNY")), corpus["obs_id"][i])
    assert "unit_matches_catalog" in checks


def test_growth_that_contradicts_its_levels(corpus):
    i = row(corpus, indicator="gdp", measure="growth", year=2013)
    checks, reasons = reasons_of(validate_observations(plant(corpus, i, value=30.0)), corpus["obs_id"][i])
    assert checks == ["growth_contradicts_levels", "growth_vs_levels"]
    assert "stated 30.0 vs 9.49 implied by levels 1359.0 (2012) → 1488.0 (2013)" in reasons[0]


def test_two_sources_disagreeing_at_one_vintage(corpus):
    i = row(corpus, indicator="gdp", measure="level", year=2012, source_id="luohu-news")
    planted = copy_of(corpus, i, value=1400.0, source_id="luohu-invest-mirror", trust="mirror")
    checked = validate_observations(planted)
    checks, reasons = reasons_of(checked, "planted-" + corpus["obs_id"][i])
    assert checks == ["disagrees_with_more_trusted_source"] and "1400.0 here, 1359.0 in luohu-news" in reasons[0]
    assert checked.observations.filter(obs_id=corpus["obs_id"][i]).height == 1  # the trusted statement stays


def test_equally_trusted_sources_disagreeing_are_both_flagged(corpus):
    i = row(corpus, indicator="gdp", measure="level", year=2012, source_id="luohu-news")
    checked = validate_observations(copy_of(corpus, i, value=1400.0, source_id="other-news"))
    assert checked.quarantine.height == 0
    flagged = checked.observations.filter(pl.col("flags").list.contains("disagrees_with_equally_trusted_source"))
    assert flagged.height == 1 and flagged["value"][0] == 1400.0


def test_out_of_range_share(corpus):
    i = row(corpus, indicator="tertiary_share", measure="level", year=2013)
    checks, _ = reasons_of(validate_observations(plant(corpus, i, value=120.0)), corpus["obs_id"][i])
    assert checks == ["value_in_plausible_range"]


def test_bounds_are_checked_as_bounds(corpus):
    i = row(corpus, indicator="tax_revenue", measure="level", year=2012, source_id="luohu-news")  # 突破300亿
    consistent = validate_observations(copy_of(corpus, i, value=302.0, qualifier="eq", source_id="x", trust="mirror"))
    assert consistent.quarantine.height == 0
    below = validate_observations(copy_of(corpus, i, value=280.0, qualifier="eq", source_id="x", trust="mirror"))
    checks, _ = reasons_of(below, "planted-" + corpus["obs_id"][i])
    assert checks == ["disagrees_with_more_trusted_source"]


def test_a_preliminary_figure_revised_later_is_a_revision_not_an_error(corpus):
    checked = validate_observations(corpus)
    panel = tables.panel(checked.observations)
    gdp = panel.filter(indicator="gdp", measure="level", year=2012, basis="outcome").row(0, named=True)
    assert (gdp["value"], gdp["status"], gdp["revised"], gdp["first_value"], gdp["first_published"]) == (
        1359.0, "actual", True, 1300.0, date(2013, 1, 23))
    revisions = tables.revisions(checked.observations)
    assert revisions.filter(indicator="gdp", measure="level", year=2012).select("value", "final_value").row(0) == (1300.0, 1359.0)


def test_change_pp_against_shares_and_cagr_against_levels(corpus):
    i = row(corpus, indicator="tertiary_share", measure="change_pp", year=2013)  # 92.1 → 92.7 stated +0.6
    checks, reasons = reasons_of(validate_observations(plant(corpus, i, value=3.0)), corpus["obs_id"][i])
    assert "change_pp_contradicts_shares" in checks
    j = row(corpus, indicator="gdp", measure="growth", year=2013)
    cagr = plant(corpus, j, measure="cagr", base_year=2012, value=25.0)
    checks, _ = reasons_of(validate_observations(cagr), corpus["obs_id"][j])
    assert "cagr_contradicts_levels" in checks


def test_abrupt_jump_is_flagged_unless_the_text_explains_a_new_basis(corpus):
    i = row(corpus, indicator="retail_sales", measure="level", year=2013)  # 924 after 835
    jumped = validate_observations(plant(corpus, i, value=1924.0))
    assert jumped.observations.filter(obs_id=corpus["obs_id"][i])["flags"].to_list()[0] == ["level_jump"]
    explained = validate_observations(plant(corpus, i, value=1924.0, text="按新口径统计,社会消费品零售总额1924亿元"))
    assert explained.observations.filter(obs_id=corpus["obs_id"][i])["flags"].to_list()[0] == []


def test_targets_and_outcomes_dated_against_their_document(corpus):
    i = row(corpus, indicator="gdp", measure="growth", year=2014, status="target")
    checks, _ = reasons_of(validate_observations(plant(corpus, i, year=2012)), corpus["obs_id"][i])
    assert checks == ["target_not_before_document"]
    j = row(corpus, indicator="gdp", measure="level", year=2013)
    checks, _ = reasons_of(validate_observations(plant(corpus, j, year=2015)), corpus["obs_id"][j])
    assert "outcome_not_after_document" in checks


def test_html_report_is_self_contained(corpus):
    checked = validate_observations(plant(corpus, row(corpus, indicator="tertiary_share", measure="level", year=2013), value=120.0))
    panel = tables.panel(checked.observations)
    page = report.html(checked, corpus, panel, tables.revisions(checked.observations), "Data quality")
    assert "<svg" in page and "value_in_plausible_range" in page and "1300.0" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "Quarantined rows" in page and "120.0" in page


def test_a_figure_in_another_currency_is_its_own_series(corpus):
    """FDI printed in 亿元 by a mirror beside the official 亿美元: no disagreement, no jump, two panel rows."""
    i = row(corpus, indicator="fdi_utilized", measure="level")
    value = corpus["value"][i]
    planted = copy_of(corpus, i, value=round(value * 6.5, 2), unit="CNY_100M", source_id="luohu-invest-mirror",
                      trust="mirror", value_as_printed=f"{round(value * 6.5, 2)}亿元")
    checked = validate_observations(planted)
    assert checked.quarantine.height == 0
    mine = checked.observations.filter(obs_id="planted-" + corpus["obs_id"][i])
    assert mine.height == 1 and mine["flags"].to_list()[0] == []
    panel = tables.panel(checked.observations)
    year = corpus["year"][i]
    assert sorted(panel.filter(indicator="fdi_utilized", measure="level", year=year)["unit"].to_list()) == ["CNY_100M", "USD_100M"]
    schemas.panel_schema().validate(panel)  # one row per key, the unit part of it
