"""The constructions the catalog promises, one sentence each (the seeds exercise them in context)."""

import pytest

from govreports.extract import extract
from govreports.normalize import normalize

REVIEW = "一、2020年工作回顾\n"


def rows(sentence, published=2021, prefix=REVIEW):
    text = normalize(prefix + sentence).text
    return [(o.indicator, o.measure, o.year, o.base_year, o.status, o.qualifier, o.value, o.unit)
            for o in extract(text, published)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("本区生产总值完成一千四百八十八亿元。", [("gdp", "level", 2020, None, "actual", "eq", 1488.0, "CNY_100M")]),
        ("实现地区生产总值两千三百七十五点三亿元,增长百分之九点二。",
         [("gdp", "level", 2020, None, "actual", "eq", 2375.3, "CNY_100M"), ("gdp", "growth", 2020, None, "actual", "eq", 9.2, "percent")]),
        ("地区生产总值１４８８亿元，同比增长９．２％。",
         [("gdp", "level", 2020, None, "actual", "eq", 1488.0, "CNY_100M"), ("gdp", "growth", 2020, None, "actual", "eq", 9.2, "percent")]),
        ("实际利用外资242万美元。", [("fdi_utilized", "level", 2020, None, "actual", "eq", 0.0242, "USD_100M")]),
        ("社会消费品零售总额突破千亿元。", [("retail_sales", "level", 2020, None, "actual", "ge", 1000.0, "CNY_100M")]),
        ("一般公共预算收入1.2万亿元。", [("general_budget_revenue", "level", 2020, None, "actual", "eq", 12000.0, "CNY_100M")]),
        ("规模以上工业增加值回落3.2%。", [("industrial_value_added", "growth", 2020, None, "actual", "eq", -3.2, "percent")]),
        ("固定资产投资增速为12.5%。", [("fixed_asset_investment", "growth", 2020, None, "actual", "eq", 12.5, "percent")]),
        ("第三产业占GDP比重提高1.2个百分点。", [("tertiary_share", "change_pp", 2020, None, "actual", "eq", 1.2, "pp")]),
        ("城镇登记失业率下降0.3个百分点。", [("unemployment_rate", "change_pp", 2020, None, "actual", "eq", -0.3, "pp")]),
        ("PM2.5年均浓度为24微克/立方米,空气质量优良天数达到345天。",
         [("pm25", "level", 2020, None, "actual", "eq", 24.0, "ug_m3"), ("good_air_days", "level", 2020, None, "actual", "eq", 345.0, "days")]),
        ("万元GDP综合能耗0.28吨标准煤。", [("energy_per_10k_gdp", "level", 2020, None, "actual", "eq", 0.28, "tce")]),
        ("进出口总额约350亿美元,近期内增长。", [("trade_total", "level", 2020, None, "actual", "approx", 350.0, "USD_100M")]),
        ("税收收入逾300亿元。", [("tax_revenue", "level", 2020, None, "actual", "ge", 300.0, "CNY_100M")]),
    ],
)
def test_numbers_units_measures_and_qualifiers(sentence, expected):
    assert rows(sentence) == expected


def test_two_levels_two_years():
    got = rows("十二五期间,地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元,年均增长12.1%。", 2016,
               prefix="一、2015年工作回顾\n")
    assert got == [
        ("gdp", "level", 2010, None, "actual", "eq", 162.4, "CNY_100M"),
        ("gdp", "level", 2015, None, "actual", "eq", 287.9, "CNY_100M"),
        ("gdp", "cagr", 2015, 2010, "actual", "eq", 12.1, "percent"),
    ]


def test_cagr_with_explicit_base_and_annual_increase_wording():
    got = rows("到2025年,地区生产总值比2020年年均递增6%左右。", 2021, prefix="")
    assert got == [("gdp", "cagr", 2025, 2020, "target", "approx", 6.0, "percent")]


def test_shared_subject_across_clauses():
    got = rows("城乡常住居民人均可支配收入分别完成37820元、28104元，同比分别增长6.5%、9.4%。")
    assert got == [
        ("disposable_income_urban", "level", 2020, None, "actual", "eq", 37820.0, "CNY"),
        ("disposable_income_rural", "level", 2020, None, "actual", "eq", 28104.0, "CNY"),
        ("disposable_income_urban", "growth", 2020, None, "actual", "eq", 6.5, "percent"),
        ("disposable_income_rural", "growth", 2020, None, "actual", "eq", 9.4, "percent"),
    ]


def test_both_grew_by_the_same_rate():
    got = rows("社会消费品零售总额、固定资产投资均增长8%。")
    assert got == [("retail_sales", "growth", 2020, None, "actual", "eq", 8.0, "percent"),
                   ("fixed_asset_investment", "growth", 2020, None, "actual", "eq", 8.0, "percent")]


def test_enumeration_that_does_not_line_up_is_not_guessed():
    assert rows("万元GDP建设用地、水耗、电耗分别下降5.8%、5.4%。") == []


def test_preliminary_words_and_targets():
    assert rows("初步核算,地区生产总值2375.3亿元。")[0][4] == "preliminary"
    got = rows("2021年经济社会发展的主要预期目标是:地区生产总值增长5.5-6%,固定资产投资力争完成400亿元。", prefix="")
    assert got[1] == ("fixed_asset_investment", "level", 2021, None, "target", "eq", 400.0, "CNY_100M")
    text = normalize("2021年主要预期目标:地区生产总值增长5.5-6%。").text
    (gdp,) = extract(text, 2021)
    assert (gdp.qualifier, gdp.value, gdp.value_high, gdp.status, gdp.year) == ("range", 5.5, 6.0, "target", 2021)


@pytest.mark.parametrize(
    "sentence",
    [
        "地区生产总值增长8.6%,高于预期目标0.6个百分点。",
        "每平方公里GDP产出是全市平均水平的2.6倍。",
        "投入1.9亿元扶持1220个项目。",
        "预计“金三角”核心商圈零售额360亿元,占全区社会消费品零售总额的44%。",
        "全区经济在一季度跌入谷底,GDP同比下降7.4%。",
        "完成城市更新固定资产投资245亿元。",
        "金融业增加值936.9亿元,增长8.5%。",
        "社会消费品零售总额居全市第二。",
        "生产性服务业增加值占服务业比重达70.6%。",
    ],
)
def test_false_statements_are_not_made(sentence):
    found = rows(sentence)
    assert found in ([], [("gdp", "growth", 2020, None, "actual", "eq", 8.6, "percent")]), found
