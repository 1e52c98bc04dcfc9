"""Extraction on the real seed documents: values, years, status, qualifiers, enumerations, exclusions."""

import pytest

from govreports.extract import extract


def obs(doc):
    return extract(doc.text, doc.published.year)


def find(observations, **kw):
    return [o for o in observations if all(getattr(o, k) == v for k, v in kw.items())]


@pytest.fixture(scope="module")
def report_2014(mirror_docs):
    return mirror_docs[0], obs(mirror_docs[0])


@pytest.fixture(scope="module")
def report_2021(mirror_docs):
    return mirror_docs[7], obs(mirror_docs[7])


def test_gdp_2013_from_the_2014_report_with_provenance(report_2014):
    doc, found = report_2014
    (gdp,) = find(found, indicator="gdp", measure="level", year=2013)
    assert (gdp.value, gdp.unit, gdp.status, gdp.qualifier) == (1488.0, "CNY_100M", "preliminary", "eq")
    assert gdp.value_as_printed == "1488亿元"
    assert doc.text[gdp.char_start : gdp.char_end] == "本区生产总值完成1488亿元"
    assert gdp.text.startswith("初步统计,本区生产总值完成1488亿元,同比增长9.2%")


def test_growth_enumeration_and_sign(report_2014):
    _, found = report_2014
    assert find(found, indicator="gdp", measure="growth", year=2013)[0].value == 9.2
    got = {o.indicator: o.value for o in find(found, measure="growth", year=2013, unit="percent")}
    assert got["land_per_10k_gdp"] == -7.5 and got["water_per_10k_gdp"] == -9.5 and got["electricity_per_10k_gdp"] == -9.6
    levels = {o.indicator: (o.value, o.unit) for o in find(found, measure="level", year=2013)}
    assert levels["land_per_10k_gdp"] == (2.3, "m2") and levels["electricity_per_10k_gdp"] == (277.9, "kWh")
    assert levels["trade_total"] == (366.0, "USD_100M") and levels["fdi_utilized"] == (8.49, "USD_100M")


def test_targets_of_the_next_year_are_targets_with_qualifiers(report_2014):
    _, found = report_2014
    targets = find(found, status="target")
    assert {o.year for o in targets} == {2014}
    (gdp,) = find(targets, indicator="gdp", measure="growth")
    assert (gdp.value, gdp.qualifier) == (8.0, "approx")
    (unemp,) = find(targets, indicator="unemployment_rate")
    assert (unemp.measure, unemp.value, unemp.qualifier) == ("level", 3.0, "le")
    assert find(targets, indicator="electricity_per_10k_gdp")[0].value == -3.0


def test_comparisons_rankings_and_programme_money_are_not_observations(report_2014, news_docs):
    _, found = report_2014
    assert not find(found, indicator="gdp", measure="change_pp")  # 高于预期目标…个百分点 is a comparison
    assert not [o for o in found if o.value in (2.6, 1.9, 1560.0)]  # 2.6倍, 投入1.9亿元扶持, 电商交易额
    news = obs(news_docs[0])
    assert not find(news, measure="change_pp")  # 高于预期目标0.6个百分点


def test_share_change_in_percentage_points(report_2014):
    _, found = report_2014
    (pp,) = find(found, indicator="tertiary_share", measure="change_pp")
    assert (pp.value, pp.unit, pp.year) == (0.6, "pp", 2013)


def test_news_year_comes_from_the_running_context(news_docs):
    found = obs(news_docs[0])
    (gdp,) = find(found, indicator="gdp", measure="level")
    assert (gdp.year, gdp.value, gdp.status) == (2012, 1359.0, "actual")
    (tax,) = find(found, indicator="tax_revenue")
    assert (tax.value, tax.qualifier, tax.value_as_printed) == (300.0, "ge", "300亿")


def test_preliminary_2012_gdp_in_the_2013_report(mirror_docs):
    found = obs(mirror_docs[1])
    (gdp,) = find(found, indicator="gdp", measure="level", year=2012)
    assert (gdp.value, gdp.status) == (1300.0, "preliminary")


def test_sub_annual_and_sub_aggregate_figures_are_excluded(report_2021):
    _, found = report_2021
    assert not find(found, indicator="gdp", value=-7.4)  # 一季度 GDP同比下降7.4%
    assert not find(found, indicator="fixed_asset_investment", value=245.0)  # 城市更新固定资产投资
    (gdp,) = find(found, indicator="gdp", measure="level", year=2020)
    assert (gdp.value, gdp.status) == (2375.3, "preliminary")


def test_plan_period_cumulative_growth_has_its_base_year(report_2021):
    _, found = report_2021
    (cum,) = find(found, indicator="gdp", measure="cumulative")
    assert (cum.value, cum.year, cum.base_year) == (38.7, 2020, 2015)


def test_pm25_reduced_to_is_a_level(report_2021):
    _, found = report_2021
    (pm,) = find(found, indicator="pm25")
    assert (pm.measure, pm.value, pm.unit, pm.year) == ("level", 17.6, "ug_m3", 2020)
