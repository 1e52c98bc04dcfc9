"""The indicator catalog: one table that drives extraction, the Pandera models and the data dictionary.

Each indicator has a stable id (never renamed), the phrases reports print for it, the unit of its
``level``, and plausible ranges per measure for a Chinese district (region level 县级). Growth-like
measures share units: ``growth``/``cagr``/``cumulative`` are in ``percent``, ``change_pp`` in ``pp``.
"""

from __future__ import annotations

from dataclasses import dataclass

MEASURES = ("level", "growth", "change_pp", "cagr", "cumulative")
STATUSES = ("actual", "preliminary", "target")
QUALIFIERS = ("eq", "approx", "ge", "le", "range")
UNITS = ("CNY_100M", "CNY", "USD_100M", "percent", "pp", "m2", "m3", "kWh", "tce", "ug_m3", "days")
TRUST_LEVELS = ("official", "news", "mirror")

MEASURE_DOCS = {
    "level": "the value itself, in the indicator's level unit",
    "growth": "% change on a year earlier (下降 → negative)",
    "change_pp": "percentage-point change on a year earlier",
    "cagr": "average annual growth (年均增长) from base_year to year, %",
    "cumulative": "total % change from base_year to year (累计下降/增长)",
}

# Plausible ranges of rates, whatever the indicator (percent or pp).
RATE_RANGES = {
    "growth": (-60.0, 150.0),
    "change_pp": (-30.0, 30.0),
    "cagr": (-30.0, 60.0),
    "cumulative": (-90.0, 500.0),
}


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str
    aliases: tuple[str, ...]
    unit: str  # unit of the level
    level_range: tuple[float, float]
    # Relative tolerance for two statements of the same level to count as agreeing.
    level_tolerance: float = 0.02
    # Absolute tolerance (percentage points) for two statements of the same rate to agree.
    rate_tolerance: float = 0.3
    # Measures reports state for this indicator (a percent-valued level has no growth of its own).
    measures: tuple[str, ...] = ("level", "growth", "cagr", "cumulative")
    # Other units a level may be stated in, kept as printed (trade and FDI in 亿元 as well as 亿美元):
    # a separate series, never converted.
    alt_units: tuple[str, ...] = ()
    # The indicator a value printed in % stands for instead (优良天数保持80%以上 is the share of good days).
    as_share: str | None = None

    def unit_for(self, measure: str) -> str:
        if measure == "level":
            return self.unit
        return "pp" if measure == "change_pp" else "percent"

    def units_for(self, measure: str) -> tuple[str, ...]:
        return (self.unit, *self.alt_units) if measure == "level" else (self.unit_for(measure),)

    def range_for(self, measure: str) -> tuple[float, float]:
        return self.level_range if measure == "level" else RATE_RANGES[measure]


SHARES = ("level", "change_pp")
_TERTIARY = ("第三产业增加值占GDP比重", "第三产业占GDP比重", "第三产业占比", "第三产业比重", "三产比重", "三产占比", "第三产业", "服务业增加值", "服务业在国民经济中的比重", "第三产业在国民经济中的比重")
# 第三产业/服务业(增加值)占(地区)生产总值/GDP(的)比重: every way reports print the share
TERTIARY_ALIASES = _TERTIARY + tuple(
    alias for part in ("第三产业增加值", "第三产业", "服务业增加值", "服务业") for total in ("GDP", "生产总值", "地区生产总值")
    for ratio in ("比重", "的比重") if (alias := f"{part}占{total}{ratio}") not in _TERTIARY)
INTENSITY = ("level", "growth", "cumulative")
# 规模以上工业(企业)完成/实现(工业)增加值: the verb inside the name, as reports print it
IVA_ALIASES = tuple(f"{head}{verb}{tail}" for head in ("规模以上工业", "规模以上工业企业", "规上工业", "规模工业")
                    for verb in ("实现", "完成") for tail in ("增加值", "工业增加值"))

INDICATORS: tuple[Indicator, ...] = (
    Indicator("gdp", "Gross domestic product", ("地区生产总值", "本地生产总值", "本区生产总值", "全区生产总值", "辖区生产总值", "生产总值", "GDP", "国内生产总值"), "CNY_100M", (10, 30000)),
    Indicator("gdp_per_capita", "GDP per capita", ("人均地区生产总值", "人均生产总值", "人均GDP"), "CNY", (5000, 1_000_000)),
    Indicator("gdp_per_km2", "GDP per square kilometre of land", ("每平方公里土地产出GDP", "每平方公里GDP产出", "每平方公里GDP", "地均GDP"), "CNY_100M", (0.05, 300)),
    Indicator("retail_sales", "Total retail sales of consumer goods", ("社会消费品零售总额", "社会消费品零售", "全社会消费品零售总额", "社会消费品零售额", "消费品零售总额", "社消零"), "CNY_100M", (1, 20000)),
    Indicator("fixed_asset_investment", "Fixed-asset investment", ("全社会固定资产投资", "区本级固定资产投资", "固定资产投资额", "固定资产投资", "全社会固定资产投资额", "固投"), "CNY_100M", (1, 10000)),
    Indicator("industrial_value_added", "Value added of industry above designated size", ("规模以上工业增加值", "规上工业增加值", "规模以上工业企业增加值", "规上工业企业增加值", "规模工业增加值", "入统工业增加值", *IVA_ALIASES), "CNY_100M", (0.1, 10000)),
    Indicator("general_budget_revenue", "General public budget revenue", ("地方一般公共预算收入", "一般公共财政预算收入", "一般公共预算收入", "地方公共财政预算收入", "公共财政预算收入", "公共预算收入", "地方财政一般预算收入", "财政一般预算收入", "一般预算收入", "公共财政收入", "地方一般预算收入", "地方公共财政收入", "地方公共预算收入", "地方级财政一般预算收入", "地方级一般预算收入", "地方财政公共预算收入"), "CNY_100M", (0.5, 3000)),
    Indicator("local_fiscal_revenue", "Local fiscal revenue (the region's own share)", ("地方财政总收入", "地方财政收入", "地方级财政收入", "地方级收入"), "CNY_100M", (0.05, 5000)),
    Indicator("fiscal_revenue", "Total fiscal revenue collected in the region, higher levels' shares included", ("全部财政收入", "财政总收入", "财政收入", "全口径财政收入", "一般公共预算总收入"), "CNY_100M", (0.05, 20000)),
    Indicator("tax_revenue", "Tax revenue", ("税收收入", "税收总额", "国地税之和"), "CNY_100M", (0.5, 10000)),
    Indicator("general_budget_expenditure", "General public budget expenditure", ("一般公共预算支出", "公共财政预算支出", "公共预算支出", "地方一般公共预算支出", "财政一般预算支出", "一般预算支出"), "CNY_100M", (1, 5000)),
    Indicator("trade_total", "Total imports and exports", ("外贸进出口总额", "进出口总额", "外贸进出口总值", "进出口总值", "外贸进出口", "进出口贸易总额", "进出口贸易额", "进出口额", "进出口"), "USD_100M", (0.01, 10000), alt_units=("CNY_100M",)),
    Indicator("fdi_utilized", "Foreign direct investment actually utilized", ("实际利用外资", "实际使用外资", "实际利用外商直接投资", "实际使用外商直接投资", "实际外商直接投资", "外商直接投资", "直接利用外资", "实到外资", "利用外资", "实际利用境外资金", "实际引进境外资金", "实际利用国外境外资金", "利用国外境外资金", "利用境外资金", "引进境外资金",
                                                                                      "吸收外商投资", "实际引进外资", "实际吸引外资", "实际利用外商投资"), "USD_100M", (0.001, 1000), alt_units=("CNY_100M",)),
    Indicator("tertiary_share", "Tertiary industry share of GDP", TERTIARY_ALIASES, "percent", (0, 100), rate_tolerance=0.2, measures=SHARES),
    Indicator("disposable_income", "Per-capita disposable income of residents", ("居民人均可支配收入", "人均可支配收入"), "CNY", (3000, 300_000)),
    Indicator("disposable_income_urban", "Per-capita disposable income, urban residents", ("城镇常住居民人均可支配收入", "城镇居民人均可支配收入", "城市居民人均可支配收入", "城镇居民家庭人均可支配收入", "城镇人均可支配收入", "城镇居民人平可支配收入", "城镇居民可支配收入", "城市居民可支配收入", "城镇居民年人均可支配收入", "城市居民年人均可支配收入"), "CNY", (3000, 300_000)),
    Indicator("rural_net_income", "Per-capita net income of rural residents (纯收入, before 2014)", ("农村常住居民人均纯收入", "农村居民人均纯收入", "农牧民人均纯收入", "农民人均纯收入", "农村居民家庭人均纯收入", "渔农村居民人均纯收入", "农民人平纯收入", "农村居民人平纯收入", "农民年人均纯收入", "农区居民人均纯收入", "农村人均纯收入"), "CNY", (500, 100_000)),
    Indicator("disposable_income_rural", "Per-capita disposable income, rural residents", ("农村牧区常住居民人均可支配收入", "农村常住居民人均可支配收入", "农村居民人均可支配收入", "农牧民人均可支配收入", "农村人均可支配收入", "农民人均可支配收入"), "CNY", (1000, 200_000)),
    Indicator("unemployment_rate", "Registered urban unemployment rate", ("城镇居民登记失业率", "城镇登记失业率", "登记失业率", "城镇人口失业率", "城镇失业率", "失业率"), "percent", (0, 20), rate_tolerance=0.2, measures=SHARES),
    Indicator("land_per_10k_gdp", "Construction land per 10,000 CNY of GDP", ("万元GDP建设用地", "万元生产总值建设用地"), "m2", (0.05, 500), measures=INTENSITY),
    Indicator("water_per_10k_gdp", "Water use per 10,000 CNY of GDP", ("万元GDP水耗", "万元生产总值水耗", "万元地区生产总值水耗", "单位生产总值水耗", "单位GDP水耗", "万元GDP耗水", "万元生产总值耗水", "单位生产总值耗水"), "m3", (0.5, 1000), measures=INTENSITY),
    Indicator("electricity_per_10k_gdp", "Electricity use per 10,000 CNY of GDP", ("万元GDP电耗", "万元生产总值电耗", "万元地区生产总值电耗", "单位生产总值电耗", "单位GDP电耗", "万元GDP耗电", "万元生产总值耗电", "单位生产总值耗电"), "kWh", (10, 10000), measures=INTENSITY),
    Indicator("energy_per_10k_gdp", "Energy use per 10,000 CNY of GDP", ("万元GDP综合能耗", "万元GDP能耗", "万元生产总值能耗", "单位GDP能耗", "万元地区生产总值综合能耗", "万元地区生产总值能耗", "万元生产总值综合能耗", "单位地区生产总值能耗", "单位生产总值综合能耗", "单位生产总值能耗", "单位GDP综合能耗", "单位生产总值能源消耗", "万元生产总值能源消耗", "单位地区生产总值能源消耗", "万元地区生产总值能源消耗", "单位GDP能源消耗"), "tce", (0.005, 5), measures=INTENSITY),
    Indicator("pm25", "Annual mean PM2.5 concentration", ("PM2.5年均浓度", "PM2.5浓度", "PM2.5", "细颗粒物(PM2.5)平均浓度", "细颗粒物(PM2.5)年均浓度", "PM2.5平均浓度", "PM2.5年均值", "细颗粒物平均浓度"), "ug_m3", (1, 300), measures=INTENSITY),
    Indicator("good_air_days", "Days with good or excellent air quality", ("空气质量优良天数", "优良天数", "空气质量达标天数", "空气优良天数", "优良天气", "空气优良级别天数",
                                                                            "二级以上天数", "二级以上良好天数", "二级及好于二级天数", "良好以上天数"), "days", (0, 366), measures=("level", "growth"), as_share="good_air_rate"),
    Indicator("good_air_rate", "Share of days with good or excellent air quality", ("空气质量优良率", "空气优良率", "环境空气质量优良率", "空气质量优良天数比例", "空气质量优良天数比率", "空气优良天数比例", "优良天数比例", "优良天数比率"), "percent", (0, 100), rate_tolerance=0.2, measures=SHARES),
)

BY_ID = {ind.id: ind for ind in INDICATORS}

# Phrases naming several indicators at once, in the order their values are listed (分别…).
_BOTH = ("disposable_income_urban", "disposable_income_rural")
COMPOUND_ALIASES = {
    "城乡常住居民人均可支配收入": _BOTH,
    "城乡居民人均可支配收入": _BOTH,
    "城乡居民收入": _BOTH,
    "城乡居民可支配收入": _BOTH,
} | {  # a shared head: 城镇、农村居民人均可支配收入, 城镇居民和农村常住居民人均可支配收入, 城镇与农牧民人均可支配收入…
    f"{urban}{join}{rural}人均可支配收入": _BOTH
    for urban in ("城镇", "城镇居民", "城镇常住居民", "城市居民")
    for join in ("、", "和", "与", "及")
    for rural in ("农村", "农村居民", "农村常住居民", "农牧民", "农村牧区居民", "农村牧区常住居民", "农村和牧区居民")
}

# After a mention of a family (万元GDP…, 空气质量…), a bare later member names its sibling indicator:
# 万元GDP建设用地、水耗、电耗分别下降…; 空气质量优良天数…达288天,优良率79.1%.
CONTINUATION_ALIASES = {
    "(?:万元|单位)(?:GDP|(?:地区)?生产总值)": {
        "建设用地": "land_per_10k_gdp",
        "水耗": "water_per_10k_gdp",
        "电耗": "electricity_per_10k_gdp",
        "综合能耗": "energy_per_10k_gdp",
        "能耗": "energy_per_10k_gdp",
        "耗电": "electricity_per_10k_gdp",
        "耗水": "water_per_10k_gdp",
    },
    "(?:(?:地区|国内)?生产总值|GDP)": {"人均": "gdp_per_capita"},  # 地区生产总值突破3000亿元,人均突破10万元
    "空气(?:质量)?优良": {"优良率": "good_air_rate", "优良天数": "good_air_days"},
}


UNIT_DOCS = {
    "CNY_100M": "100 million yuan (亿元)",
    "CNY": "yuan (元)",
    "USD_100M": "100 million US dollars (亿美元)",
    "percent": "per cent (%)",
    "pp": "percentage points (个百分点)",
    "m2": "square metres (平方米)",
    "m3": "cubic metres (立方米)",
    "kWh": "kilowatt-hours (千瓦时)",
    "tce": "tonnes of standard coal equivalent (吨标准煤)",
    "ug_m3": "micrograms per cubic metre (微克/立方米)",
    "days": "days (天)",
}


def unit_for(indicator: str, measure: str) -> str:
    return BY_ID[indicator].unit_for(measure)


def dictionary() -> list[dict]:
    """The catalog as plain records, for the published data dictionary."""
    return [
        {
            "id": ind.id,
            "label": ind.label,
            "aliases": list(ind.aliases),
            "measures": {
                m: {"unit": ind.unit_for(m), "plausible_range": list(ind.range_for(m))} for m in ind.measures
            },
            "also_stated_in": list(ind.alt_units),
            "level_tolerance": ind.level_tolerance,
            "rate_tolerance_pp": ind.rate_tolerance,
        }
        for ind in INDICATORS
    ]
