"""Printed quantities → values in catalog units, converted exactly; counts and years are not quantities."""

import pytest

from govreports.numbers import find_quantities


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, unit, value",
    [
        ("1488亿元", "CNY_100M", 1488.0),
        ("314.9亿元", "CNY_100M", 314.9),
        ("242万美元", "USD_100M", 0.0242),
        ("8.49亿美元", "USD_100M", 8.49),
        ("4万元", "CNY", 40000.0),
        ("15.26万元", "CNY", 152600.0),
        ("1.2万亿元", "CNY_100M", 12000.0),
        ("9.2%", "percent", 9.2),
        ("0.6个百分点", "pp", 0.6),
        ("277.9千瓦时", "kWh", 277.9),
        ("17.6微克/立方米", "ug_m3", 17.6),
        ("1,488亿元", "CNY_100M", 1488.0),
    ],
)
def test_conversion_to_catalog_units(text, unit, value):
    assert one(text).in_unit(unit) == value


def test_value_as_printed_is_kept():
    q = one("本区生产总值完成1488亿元,同比增长")
    assert q.printed == "1488亿元" and (q.start, q.end) == (8, 14)


def test_bare_scaled_number_is_money_but_dimension_mismatch_is_refused():
    q = one("税收总额突破300亿,")
    assert q.in_unit("CNY_100M") == 300.0
    assert one("8.3立方米").in_unit("CNY_100M") is None


@pytest.mark.parametrize("text", ["2013年", "14家", "2.3万户", "1.1万名", "是全市平均水平的2.6倍", "4万人次", "PM2.5年均"])
def test_counts_years_and_ratios_are_not_quantities(text):
    assert find_quantities(text) == []


def test_range_keeps_its_upper_end():
    q = one("增长5.5-6%")
    assert (float(q.amount), float(q.high)) == (5.5, 6.0)


def test_air_concentrations_in_every_printed_form_once():
    for text, printed in [("PM2.5浓度为每立方米22微克", "每立方米22微克"), ("46微克每立方米", "46微克每立方米"),
                          ("54μg/m3", "54μg/m3"), ("35微克", "35微克")]:
        (q,) = find_quantities(text)
        assert (q.printed, q.dim) == (printed, "ug_m3")
