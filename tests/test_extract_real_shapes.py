"""Shapes of statements real reports of other regions print (issue 9), one short made-up text each.

The corpus gold set measures these in context (tests/test_gold_corpus.py); these pin each construction
down so that a change that breaks one says which.
"""

import pytest

from govreports.extract import extract
from govreports.normalize import normalize


def rows(text, published=2021):
    return [(o.indicator, o.measure, o.year, o.base_year, o.status, o.qualifier, o.value, o.unit)
            for o in extract(normalize(text).text, published)]


REVIEW = "各位代表:\n一、2020年工作回顾\n"
TARGETS = "二、2021年工作安排\n"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # spaces inside numbers and between a verb and its number; full-width digits; literal \r\n
        ("全县生产总值完成36.5 9亿元,增长 5.9 %。", [("gdp", "level", 2020, None, "actual", "eq", 36.59, "CNY_100M"),
                                             ("gdp", "growth", 2020, None, "actual", "eq", 5.9, "percent")]),
        ("全市实现国内生产总值１８３．８亿元。", [("gdp", "level", 2020, None, "actual", "eq", 183.8, "CNY_100M")]),
        # abbreviations
        ("规上工业增加值增长6.1%,固投增长8%,社消零增长5%。", [
            ("industrial_value_added", "growth", 2020, None, "actual", "eq", 6.1, "percent"),
            ("fixed_asset_investment", "growth", 2020, None, "actual", "eq", 8.0, "percent"),
            ("retail_sales", "growth", 2020, None, "actual", "eq", 5.0, "percent")]),
        # net income is its own indicator; money in 万元 for a per-capita figure
        ("农民人均纯收入达到1.2万元。", [("rural_net_income", "level", 2020, None, "actual", "eq", 12000.0, "CNY")]),
        # trade and FDI in the currency printed, never converted
        ("外贸进出口总额520亿元;实际利用外资599万美元。", [
            ("trade_total", "level", 2020, None, "actual", "eq", 520.0, "CNY_100M"),
            ("fdi_utilized", "level", 2020, None, "actual", "eq", 0.0599, "USD_100M")]),
        # a bare 增加值 after the output of industry above size is its value added; not after a sub-industry's
        ("规上工业总产值、增加值分别增长26.1%和10%,规上工业高新技术产业产值和增加值分别增长17.9%和16.8%。", [
            ("industrial_value_added", "growth", 2020, None, "actual", "eq", 10.0, "percent")]),
        ("全市规模工业总产值增长6.9%,增加值预计增长3.8%。", [
            ("industrial_value_added", "growth", 2020, None, "preliminary", "eq", 3.8, "percent")]),
        # a threshold describing firms, however many: 超5000万美元的20家企业
        ("对进出口额超5000万美元的20家企业实行重点服务。", []),
        # a value compared with a whole plan period is that period's total; the air of the city proper is a part's
        ("实际利用外资4.3亿美元,是“十五”时期的4.2倍。", []),
        ("市区空气质量优良率达98.5%,PM2.5年均浓度下降5%;全市空气质量优良天数288天。", [
            ("good_air_days", "level", 2020, None, "actual", "eq", 288.0, "days")]),
        # a bare 进出口 with its figure is the trade total; not trade with partners, through a channel or of a kind
        ("全市进出口增长42.5%,对金砖国家进出口增长14.4%,跨境电商进出口增长9%,自营进出口27.5亿美元,新增进出口实绩企业30家。", [
            ("trade_total", "growth", 2020, None, "actual", "eq", 42.5, "percent")]),
        ("全口径进出口贸易总额增长10%。", [("trade_total", "growth", 2020, None, "actual", "eq", 10.0, "percent")]),
        # 分别 after another subject's value and ours; a period's total (五年实际利用外资); another scope (城镇以上完成…)
        ("全市规模以上工业总产值2313亿元、增加值564亿元,分别增长21.6%和19%。", [
            ("industrial_value_added", "level", 2020, None, "actual", "eq", 564.0, "CNY_100M"),
            ("industrial_value_added", "growth", 2020, None, "actual", "eq", 19.0, "percent")]),
        ("五年实际利用外资10.04亿美元,年均递增32.4%;城镇以上完成固定资产投资144.31亿元。", []),
        # air quality is no zone's: a 功能区 heading the sentence leaves it the region's
        ("全市主要流域水环境功能区和饮用水源水质达标率达100%,环境空气质量优良天数比例99.2%。", [
            ("good_air_rate", "level", 2020, None, "actual", "eq", 99.2, "percent")]),
        # 公共预算收入 without 一般, like 公共预算支出; the local share's wording too
        ("公共预算收入达到8.21亿元,增长11.1%;地方公共预算收入93亿元。", [
            ("general_budget_revenue", "level", 2020, None, "actual", "eq", 8.21, "CNY_100M"),
            ("general_budget_revenue", "growth", 2020, None, "actual", "eq", 11.1, "percent"),
            ("general_budget_revenue", "level", 2020, None, "actual", "eq", 93.0, "CNY_100M")]),
        # foreign funds (境外资金) as FDI; an unemployment rate printed without 登记, but never the surveyed one
        ("实际引进境外资金4505万美元,增长70%。", [
            ("fdi_utilized", "level", 2020, None, "actual", "eq", 0.4505, "USD_100M"),
            ("fdi_utilized", "growth", 2020, None, "actual", "eq", 70.0, "percent")]),
        ("城镇失业率控制在4.5%以下,城镇调查失业率5.2%。", [
            ("unemployment_rate", "level", 2020, None, "actual", "le", 4.5, "percent")]),
        ("规模以上工业企业完成工业增加值38.22亿元,增长12.1%。", [
            ("industrial_value_added", "level", 2020, None, "actual", "eq", 38.22, "CNY_100M"),
            ("industrial_value_added", "growth", 2020, None, "actual", "eq", 12.1, "percent")]),
        # wordings of incomes in older reports
        ("城镇居民可支配收入8200元,农民年人均纯收入3100元。", [
            ("disposable_income_urban", "level", 2020, None, "actual", "eq", 8200.0, "CNY"),
            ("rural_net_income", "level", 2020, None, "actual", "eq", 3100.0, "CNY")]),
        # local wordings of budget revenue and of the region's own share
        ("地方公共财政收入25.3亿元;财政总收入40亿元,其中地方级收入18亿元。", [
            ("general_budget_revenue", "level", 2020, None, "actual", "eq", 25.3, "CNY_100M"),
            ("fiscal_revenue", "level", 2020, None, "actual", "eq", 40.0, "CNY_100M"),
            ("local_fiscal_revenue", "level", 2020, None, "actual", "eq", 18.0, "CNY_100M")]),
        # total fiscal revenue and the region's own share
        ("财政总收入20.9亿元,其中地方财政收入12.1亿元。", [
            ("fiscal_revenue", "level", 2020, None, "actual", "eq", 20.9, "CNY_100M"),
            ("local_fiscal_revenue", "level", 2020, None, "actual", "eq", 12.1, "CNY_100M")]),
        # shared heads and 分别 lists joined by 、/和
        ("城镇和农村居民人均可支配收入分别达到30000元和15000元。", [
            ("disposable_income_urban", "level", 2020, None, "actual", "eq", 30000.0, "CNY"),
            ("disposable_income_rural", "level", 2020, None, "actual", "eq", 15000.0, "CNY")]),
        ("城市居民人均可支配收入18375元,农民人均纯收入6514元,分别增长14%和17.8%。", [
            ("disposable_income_urban", "level", 2020, None, "actual", "eq", 18375.0, "CNY"),
            ("rural_net_income", "level", 2020, None, "actual", "eq", 6514.0, "CNY"),
            ("disposable_income_urban", "growth", 2020, None, "actual", "eq", 14.0, "percent"),
            ("rural_net_income", "growth", 2020, None, "actual", "eq", 17.8, "percent")]),
        # the region itself, not a part of it or another place
        ("东乡县财政收入首次突破20亿元。", []),
        ("全市工业聚集区、开发区入驻企业4011家,完成固定资产投资455亿元。", []),
        ("进出口总额21.5亿美元,增长28%,其中出口18.8亿美元,增长35%。", [
            ("trade_total", "level", 2020, None, "actual", "eq", 21.5, "USD_100M"),
            ("trade_total", "growth", 2020, None, "actual", "eq", 28.0, "percent")]),
        # a five-year total is no year's level; a cagr and a level in one clause
        ("五年累计完成全社会固定资产投资2000亿元。", []),
        # sub-annual unless 全年 follows it
        ("前三季度增长1.2%,全年地区生产总值预计增长2%左右。", [("gdp", "growth", 2020, None, "preliminary", "approx", 2.0, "percent")]),
        ("一季度地区生产总值增长1.2%。", []),
        # 分别/均 lists whose other members the catalog does not hold: each value by its position
        ("PM10、PM2.5年均浓度同比分别下降8.71%、10.45%。", [("pm25", "growth", 2020, None, "actual", "eq", -10.45, "percent")]),
        ("城镇调查失业率和城镇登记失业率分别控制在5%左右和4%以内。", [
            ("unemployment_rate", "level", 2020, None, "actual", "le", 4.0, "percent")]),
        ("实际利用外资和市外资金分别增长10%。", [("fdi_utilized", "growth", 2020, None, "actual", "eq", 10.0, "percent")]),
        ("实际利用外资和引进区外到位资金增长15%以上。", [  # one growth printed for the list: each grows by it
            ("fdi_utilized", "growth", 2020, None, "actual", "ge", 15.0, "percent")]),
        # an absolute change beside the growth; an intensity's fall printed in points is its growth
        ("财政总收入57.5亿元,比上年净增11.7亿元,增长25.4%。", [
            ("fiscal_revenue", "level", 2020, None, "actual", "eq", 57.5, "CNY_100M"),
            ("fiscal_revenue", "growth", 2020, None, "actual", "eq", 25.4, "percent")]),
        ("万元GDP能耗下降3.85个百分点。", [("energy_per_10k_gdp", "growth", 2020, None, "actual", "eq", -3.85, "percent")]),
        ("地区生产总值增速回落1.2个百分点。", []),  # a change of the growth rate, not a growth
        # a 分别 list over statements, one of another subject (利税); a mention in brackets speaks only there
        ("规模以上工业实现增加值279.9亿元、利税98.2亿元,分别增长23.5%和27%。", [
            ("industrial_value_added", "level", 2020, None, "actual", "eq", 279.9, "CNY_100M"),
            ("industrial_value_added", "growth", 2020, None, "actual", "eq", 23.5, "percent")]),
        ("招商引资额1.35亿美元(其中外商直接投资4523万美元),同比增长12.5%。", [
            ("fdi_utilized", "level", 2020, None, "actual", "eq", 0.4523, "USD_100M")]),
        ("地区生产总值(GDP)增长5%,农民人平纯收入增长5%。", [
            ("gdp", "growth", 2020, None, "actual", "eq", 5.0, "percent"),
            ("rural_net_income", "growth", 2020, None, "actual", "eq", 5.0, "percent")]),
        # other scopes and other subjects: a sector, a group of people, a kind of trade, a threshold of towns
        ("城镇以上固定资产投资完成21.1亿元,增长27.4%;农业生产总值增长4%。", []),
        ("低收入农户人均可支配收入增长15.1%;服务贸易进出口额增长13%以上。", []),
        ("万元GDP综合能耗下降3.5%,六大高耗能行业综合能耗下降8%。", [
            ("energy_per_10k_gdp", "growth", 2020, None, "actual", "eq", -3.5, "percent")]),
        ("培育25个财政收入过千万元的乡镇。", []),
        ("今年要有7个乡镇街办财政收入过千万元。", []),
        ("城区环境空气质量优良天数提高到308天;限上固定资产投资突破3000亿元。", []),
        ("重点抓好实际利用外资1000万美元以上项目,倾力抓好利用外资500万美元以上的项目。", []),
        ("地区生产总值2018年跨越1000亿元大关。", [("gdp", "level", 2018, None, "actual", "ge", 1000.0, "CNY_100M")]),
        # the tertiary share stated after the sector's other figures; sibling intensities in one list
        ("第三产业增加值1558亿元,增长7.7%,占地区生产总值51.6%。", [
            ("tertiary_share", "level", 2020, None, "actual", "eq", 51.6, "percent")]),
        ("服务业增加值增长8%左右,占生产总值比重达到46%左右;现代服务业增加值占服务业比重达到40%。", [
            ("tertiary_share", "level", 2020, None, "actual", "approx", 46.0, "percent")]),
        ("万元生产总值耗电、耗水分别下降1.6%和1.2%。", [
            ("electricity_per_10k_gdp", "growth", 2020, None, "actual", "eq", -1.6, "percent"),
            ("water_per_10k_gdp", "growth", 2020, None, "actual", "eq", -1.2, "percent")]),
        # 经济总量 heading its phrase is the GDP figure; a sector's is not
        ("全市经济总量达到1000亿元,民营经济总量达到500亿元。", [("gdp", "level", 2020, None, "actual", "eq", 1000.0, "CNY_100M")]),
        # a milestone passed, then the value: both (the milestone a lower bound); 有望 is a preliminary outcome
        ("地区生产总值跨过600亿元大关,完成632.66亿元,增长15%。", [
            ("gdp", "level", 2020, None, "actual", "ge", 600.0, "CNY_100M"),
            ("gdp", "level", 2020, None, "actual", "eq", 632.66, "CNY_100M"),
            ("gdp", "growth", 2020, None, "actual", "eq", 15.0, "percent")]),
        ("全市生产总值有望达到3000亿元,增长7.5%。", [
            ("gdp", "level", 2020, None, "preliminary", "eq", 3000.0, "CNY_100M"),
            ("gdp", "growth", 2020, None, "preliminary", "eq", 7.5, "percent")]),
        # a year named before 预计 dates the value; milestones followed by 台阶 are lower bounds
        ("地区生产总值连续跨越了400亿元台阶,2019年预计达到487亿元。", [
            ("gdp", "level", 2020, None, "actual", "ge", 400.0, "CNY_100M"),
            ("gdp", "level", 2019, None, "preliminary", "eq", 487.0, "CNY_100M")]),
    ],
)
def test_review_statements(sentence, expected):
    assert rows(REVIEW + sentence) == expected


def test_five_year_review_and_targets_get_years_and_base_years():
    text = ("各位代表:\n一、过去五年工作回顾\n过去五年,地区生产总值年均增长7.3%,达到835亿元。\n"
            "二、今后五年的奋斗目标\n今后五年经济社会发展的主要预期目标是:地区生产总值年均增长6%以上。\n"
            "三、2021年工作安排\n今年主要预期目标是:\n——地区生产总值增长6.5%以上;\n——城镇登记失业率控制在4.5%以内。\n")
    assert rows(text) == [
        ("gdp", "cagr", 2020, 2015, "actual", "eq", 7.3, "percent"),
        ("gdp", "level", 2020, None, "actual", "eq", 835.0, "CNY_100M"),
        ("gdp", "cagr", 2025, 2020, "target", "ge", 6.0, "percent"),
        ("gdp", "growth", 2021, None, "target", "ge", 6.5, "percent"),
        ("unemployment_rate", "level", 2021, None, "target", "le", 4.5, "percent"),
    ]


def test_outcome_compared_with_a_target_stays_an_outcome_and_targets_need_no_heading():
    text = REVIEW + "全市生产总值增长9.1%,接近10%左右的预期目标。\n今年经济社会发展的主要预期目标是:地区生产总值增长5.5%左右。"
    assert rows(text) == [("gdp", "growth", 2020, None, "actual", "eq", 9.1, "percent"),
                          ("gdp", "growth", 2021, None, "target", "approx", 5.5, "percent")]


def test_cumulative_change_against_a_named_year():
    assert rows(REVIEW + "城镇居民人均可支配收入达到12360元,比2016年增长58.1%。") == [
        ("disposable_income_urban", "level", 2020, None, "actual", "eq", 12360.0, "CNY"),
        ("disposable_income_urban", "cumulative", 2020, 2016, "actual", "eq", 58.1, "percent")]


def test_pm25_printed_as_per_cubic_metre():
    assert rows(REVIEW + "PM2.5平均浓度为每立方米22微克。") == [("pm25", "level", 2020, None, "actual", "eq", 22.0, "ug_m3")]


def test_an_aspiration_beside_a_firm_figure_and_target_words_after_an_outcome():
    text = ("各位代表:\n一、2020年工作回顾\n财政总收入66.1亿元,增长15%,力争跨越70亿元大关。\n"
            "二、2021年工作安排\n今年主要预期目标是:地区生产总值增长8%,力争10%;固定资产投资力争增长12%。")
    assert rows(text) == [
        ("fiscal_revenue", "level", 2020, None, "actual", "eq", 66.1, "CNY_100M"),
        ("fiscal_revenue", "growth", 2020, None, "actual", "eq", 15.0, "percent"),
        ("gdp", "growth", 2021, None, "target", "eq", 8.0, "percent"),
        ("fixed_asset_investment", "growth", 2021, None, "target", "eq", 12.0, "percent"),
    ]


def test_economic_growth_at_the_head_of_a_phrase_is_gdp_growth():
    text = ("各位代表:\n一、2020年工作回顾\n全市经济增长7.5%,数字经济增长20%。\n二、2021年工作安排\n"
            "全市经济社会发展的主要预期目标是:经济增长8.5%左右。对经济增长的贡献率达到60%。")
    assert rows(text) == [("gdp", "growth", 2020, None, "actual", "eq", 7.5, "percent"),
                          ("gdp", "growth", 2021, None, "target", "approx", 8.5, "percent")]


def test_a_planned_growth_in_the_targets_section():
    text = "各位代表:\n一、2005年工作回顾\n三、2006年工作安排\n地区生产总值预期增长15%,固定资产投资计划增长36.4%。"
    assert rows(text, 2006) == [("gdp", "growth", 2006, None, "target", "eq", 15.0, "percent"),
                                ("fixed_asset_investment", "growth", 2006, None, "target", "eq", 36.4, "percent")]


def test_a_shared_head_with_its_values_from_and_to_over_five_years():
    text = ("各位代表:\n一、过去五年工作回顾\n城镇居民、农村居民人均可支配收入分别从28993元、16367元增加到45794元、"
            "26508元,年均增长9.6%和10.1%。")
    assert rows(text, 2017) == [
        ("disposable_income_urban", "level", 2011, None, "actual", "eq", 28993.0, "CNY"),
        ("disposable_income_rural", "level", 2011, None, "actual", "eq", 16367.0, "CNY"),
        ("disposable_income_urban", "level", 2016, None, "actual", "eq", 45794.0, "CNY"),
        ("disposable_income_rural", "level", 2016, None, "actual", "eq", 26508.0, "CNY"),
        ("disposable_income_urban", "cagr", 2016, 2011, "actual", "eq", 9.6, "percent"),
        ("disposable_income_rural", "cagr", 2016, 2011, "actual", "eq", 10.1, "percent"),
    ]


def test_good_days_printed_as_a_share_and_bounds_below_a_level():
    text = "各位代表:\n一、2018年工作回顾\n二、2019年工作安排\n全年环境空气质量优良天数保持80%以上,城镇登记失业率低于4.5%。"
    assert rows(text, 2019) == [("good_air_rate", "level", 2019, None, "target", "ge", 80.0, "percent"),
                                ("unemployment_rate", "level", 2019, None, "target", "le", 4.5, "percent")]


def test_a_new_governments_targets_are_for_its_term_and_next_years_stay_single():
    text = ("各位代表:\n一、过去五年的工作回顾和2011年主要工作\n五年来,……。\n二、新一届政府的总体要求和目标任务\n"
            "今后五年,是加快发展的关键时期。目标任务是:\n——地区生产总值、工业增加值、财政总收入实现翻番,分别达到2000亿元、"
            "1000亿元、200亿元以上。\n——单位生产总值综合能耗比2011年下降16%。\n三、明年工作安排\n2012年是新一届政府的开局之年。"
            "主要预期目标:地区生产总值增长12%。\n")
    assert rows(text, 2012) == [
        ("gdp", "level", 2016, None, "target", "ge", 2000.0, "CNY_100M"),
        ("fiscal_revenue", "level", 2016, None, "target", "ge", 200.0, "CNY_100M"),
        ("energy_per_10k_gdp", "cumulative", 2016, 2011, "target", "eq", -16.0, "percent"),
        ("gdp", "growth", 2012, None, "target", "eq", 12.0, "percent"),
    ]


def test_a_year_named_in_one_clause_of_plan_goals_leaves_the_others_to_the_plan():
    text = ("各位代表:\n二、“十一五”时期奋斗目标和总体要求\n《纲要》提出了我市“十一五”期间经济社会发展的基本目标:"
            "实现地区生产总值年均增长10%,力争更快更好些;2007年地区生产总值比2000年翻一番,2010年地区生产总值超过1000亿元;"
            "城镇居民人均可支配收入年增长7%以上。\n")
    assert rows(text, 2006) == [
        ("gdp", "cagr", 2010, 2005, "target", "eq", 10.0, "percent"),
        ("gdp", "level", 2010, None, "target", "ge", 1000.0, "CNY_100M"),
        ("disposable_income_urban", "cagr", 2010, 2005, "target", "ge", 7.0, "percent"),
    ]


def test_a_statement_in_brackets_stands_and_a_remark_in_brackets_does_not():
    text = ("各位代表:\n一、2014年工作回顾\n实际利用外资35亿美元(历史可比口径44亿美元)。\n二、2015年主要工作\n"
            "主要预期目标:财政收入增长20%以上(公共财政预算收入增长15%以上)。")
    assert rows(text, 2015) == [
        ("fdi_utilized", "level", 2014, None, "actual", "eq", 35.0, "USD_100M"),
        ("fiscal_revenue", "growth", 2015, None, "target", "ge", 20.0, "percent"),
        ("general_budget_revenue", "growth", 2015, None, "target", "ge", 15.0, "percent"),
    ]


def test_a_review_headed_by_looking_back_and_a_targets_section_naming_its_year():
    text = ("各位代表:\n一、回首“十五”,全市经济社会发展取得重大成就\n2005年,全年生产总值342.3亿元,增长10.6%。\n"
            "二、把握开局,扎实做好2006年各项工作\n到2008年,基本建成海西东北翼中心城市。经济社会发展的主要预期目标是:"
            "地区生产总值增长11%。\n")
    assert rows(text, 2006) == [
        ("gdp", "level", 2005, None, "actual", "eq", 342.3, "CNY_100M"),
        ("gdp", "growth", 2005, None, "actual", "eq", 10.6, "percent"),
        ("gdp", "growth", 2006, None, "target", "eq", 11.0, "percent"),
    ]


def test_six_years_under_review():
    text = "各位代表:\n一、过去六年工作回顾\n六年来,经济实力明显增强。全市地区生产总值累计增长85.8%,年均增长10.9%。\n"
    assert rows(text, 2007) == [("gdp", "cumulative", 2006, 2000, "actual", "eq", 85.8, "percent"),
                                ("gdp", "cagr", 2006, 2000, "actual", "eq", 10.9, "percent")]


def test_average_growth_over_a_span_of_years_or_after_a_several_years_total():
    text = ("各位代表:\n一、2007年工作回顾\n2004年—2007年,地区生产总值年均增长13.2%。"
            "五年累计利用外资78亿美元,年均增长10.3%。\n")
    assert rows(text, 2008) == [("gdp", "cagr", 2007, 2003, "actual", "eq", 13.2, "percent"),
                                ("fdi_utilized", "cagr", 2007, 2002, "actual", "eq", 10.3, "percent")]


def test_headings_that_say_neither_are_told_by_the_words_under_them():
    text = ("各位代表:\n一、创业创新开拓奋进经济社会发展取得新成绩\n2008年是很不平凡的一年。全年实现地区生产总值490.25亿元,"
            "增长14.5%。\n二、抢抓机遇发挥优势全面开创大桥时代新局面\n2009年外部环境异常复杂。全年实现全社会固定资产投资400亿元。\n")
    assert rows(text, 2009) == [
        ("gdp", "level", 2008, None, "actual", "eq", 490.25, "CNY_100M"),
        ("gdp", "growth", 2008, None, "actual", "eq", 14.5, "percent"),
        ("fixed_asset_investment", "level", 2009, None, "target", "eq", 400.0, "CNY_100M"),
    ]


def test_a_line_saying_only_main_targets_heads_the_targets():
    text = ("2019年工作回顾\n预计全市地区生产总值增长7%左右。\n主要预期目标\n全市地区生产总值同比增长6.5%以上;"
            "一般公共预算收入增长6.5%。\n")
    assert rows(text, 2020) == [("gdp", "growth", 2019, None, "preliminary", "approx", 7.0, "percent"),
                                ("gdp", "growth", 2020, None, "target", "ge", 6.5, "percent"),
                                ("general_budget_revenue", "growth", 2020, None, "target", "eq", 6.5, "percent")]


def test_statuses_follow_the_years_a_report_can_know():
    """Delivered early in its year, a report knows no outcome of that year and sets no target for a past one."""
    text = ("各位代表:\n一、过去五年回顾\n预计2005年全市生产总值力争超过300亿元。\n二、加快开放\n"
            "2006年全市实际利用外资22亿美元。\n")
    assert rows(text, 2006) == [("gdp", "level", 2005, None, "preliminary", "ge", 300.0, "CNY_100M"),
                                ("fdi_utilized", "level", 2006, None, "target", "eq", 22.0, "USD_100M")]


def test_a_distant_vision_does_not_date_a_reports_targets_for_its_year():
    text = ("各位代表:\n过去五年,我们团结奋进。\n二、对今后五年和2003年政府工作的建议\n按照党的十六大提出的国内生产总值"
            "到2020年力争比2000年翻两番的要求,结合实际提出建议。\n今年全市经济和社会发展主要预期目标是:国内生产总值增长11%。\n")
    assert rows(text, 2003) == [("gdp", "growth", 2003, None, "target", "eq", 11.0, "percent")]


def test_plan_end_named_as_the_year_milestones_remarked_and_estimates_noted_in_brackets():
    text = ("各位代表:\n一、过去五年工作回顾\n生产总值由1032亿元增加到“十二五”末的1902.7亿元,年均增长11.1%。"
            "地区生产总值和地方财政总收入实现历史性突破,分别跨过千亿和百亿大关,达到1145.3亿元和114.4亿元。"
            "财政总收入、地方一般预算收入四年翻一番,2015年分别达到41.3亿元(预计,下同)和25.9亿元。三产比重提高0.2个百分点。\n")
    assert rows(text, 2016) == [
        ("gdp", "level", 2010, None, "actual", "eq", 1032.0, "CNY_100M"),
        ("gdp", "level", 2015, None, "actual", "eq", 1902.7, "CNY_100M"),
        ("gdp", "cagr", 2015, 2010, "actual", "eq", 11.1, "percent"),
        ("gdp", "level", 2015, None, "actual", "eq", 1145.3, "CNY_100M"),
        ("local_fiscal_revenue", "level", 2015, None, "actual", "eq", 114.4, "CNY_100M"),
        ("fiscal_revenue", "level", 2015, None, "preliminary", "eq", 41.3, "CNY_100M"),
        ("general_budget_revenue", "level", 2015, None, "preliminary", "eq", 25.9, "CNY_100M"),
        ("tertiary_share", "change_pp", 2015, None, "actual", "eq", 0.2, "pp"),
    ]


def test_one_growth_for_a_list_and_a_city_proper_heading_its_sentence():
    text = ("各位代表:\n一、2008年主要工作回顾\n初步预计,全市实现生产总值505亿元,增长12%。市区实现生产总值135亿元,增长10.5%;"
            "全社会消费品零售总额61亿元,增长20%;外贸出口1.55亿美元,增长36%;城镇居民人均可支配收入19800元,增长6.5%;"
            "农村居民人均纯收入6400元,增长14%。\n二、2009年工作\n全口径财政收入、地方级财政收入增长20%以上。\n")
    assert rows(text, 2009) == [
        ("gdp", "level", 2008, None, "preliminary", "eq", 505.0, "CNY_100M"),
        ("gdp", "growth", 2008, None, "preliminary", "eq", 12.0, "percent"),
        ("fiscal_revenue", "growth", 2009, None, "target", "ge", 20.0, "percent"),
        ("local_fiscal_revenue", "growth", 2009, None, "target", "ge", 20.0, "percent"),
    ]


def test_pm25_in_the_units_and_lists_reports_print():
    text = ("各位代表:\n一、2019年工作回顾\nPM2.5年平均浓度46微克每立方米、同比下降8%。PM2.5平均浓度35微克。"
            "PM10、PM2.5、二氧化硫、一氧化碳浓度同比下降13.6%、9.1%、21.7%和18.2%。PM2.5、PM10年均浓度分别下降35.09%、35.87%。\n")
    assert rows(text, 2020) == [
        ("pm25", "level", 2019, None, "actual", "eq", 46.0, "ug_m3"),
        ("pm25", "growth", 2019, None, "actual", "eq", -8.0, "percent"),
        ("pm25", "level", 2019, None, "actual", "eq", 35.0, "ug_m3"),
        ("pm25", "growth", 2019, None, "actual", "eq", -9.1, "percent"),
        ("pm25", "growth", 2019, None, "actual", "eq", -35.09, "percent"),
    ]


def test_qualifiers_with_a_stray_space_inside():
    text = "各位代表:\n二、2024年工作安排\n主要预期目标是:地区生产总值增长6%左 右,城镇登记失业率控制在4.5%以 内。"
    assert rows(text, 2024) == [("gdp", "growth", 2024, None, "target", "approx", 6.0, "percent"),
                                ("unemployment_rate", "level", 2024, None, "target", "le", 4.5, "percent")]


def test_rural_income_of_a_shared_head_is_net_income_where_the_report_measures_it_so():
    text = ("各位代表:\n一、2010年工作回顾\n农牧民人均纯收入6100元。\n二、今后五年\n今后五年的主要目标是:"
            "城乡居民收入年均增长17%和15%。\n")
    assert rows(text, 2011) == [
        ("rural_net_income", "level", 2010, None, "actual", "eq", 6100.0, "CNY"),
        ("disposable_income_urban", "cagr", 2015, 2010, "target", "eq", 17.0, "percent"),
        ("rural_net_income", "cagr", 2015, 2010, "target", "eq", 15.0, "percent"),
    ]


def test_the_older_plans_and_a_part_of_a_total():
    """“十五” (2000–05) like the later plans; 其中 after a five-year total is part of it."""
    text = ("一、“十五”计划执行情况和2005年工作回顾\n“十五”期间,我们圆满完成了各项任务。“十五”期末,预计(下同)全市地区生产总值完成365.4亿元,"
            "年均增长14.8%。累计引进域外资金234.4亿元,其中,利用外资9426万美元,是“九五”时期的6.1倍。\n"
            "二、“十一五”时期的发展目标\n单位地区生产总值能源消耗比“十五”期末降低30%左右。\n")
    assert sorted(rows(text, 2006)) == sorted([
        ("gdp", "level", 2005, None, "preliminary", "eq", 365.4, "CNY_100M"),
        ("gdp", "cagr", 2005, 2000, "preliminary", "eq", 14.8, "percent"),
        ("energy_per_10k_gdp", "cumulative", 2010, 2005, "target", "approx", -30.0, "percent")])


def test_sections_a_heading_never_opens():
    """Plans headed by a line of their own after numbered parts of the review, and plans opened by a
    paragraph on the report's year inside a review that no heading ends."""
    headed = ("一、2018年工作回顾\n一年来,全市实现地区生产总值898.1亿元。\n五、政府自身建设不断加强\n一年来,我们加强学习。\n"
              "2019年工作建议\n综合考虑,2019年全市经济社会发展主要预期目标建议为:\n——实现地区生产总值(GDP)增长7%;\n")
    assert ("gdp", "growth", 2019, None, "target", "eq", 7.0, "percent") in rows(headed, 2019)
    opened = ("2010年及“十一五”工作回顾\n2010年,全市生产总值815亿元,增长15%。\n"
              "2011年是“十二五”发展的开局之年。今年经济社会发展的主要目标是:力争实现跨越。全市生产总值增长16%,预期970亿元。\n"
              "一、夯实三农基础,促进农村经济稳步发展\n促进农民增收。\n")
    assert ("gdp", "growth", 2011, None, "target", "eq", 16.0, "percent") in rows(opened, 2011)


def test_milestones_leapt_and_efforts_are_targets():
    text = REVIEW + "全年生产总值增长5%。\n" + TARGETS + "今年固定资产投资努力实现180亿元。到2025年,全市生产总值跃上600亿元台阶。\n"
    assert rows(text)[1:] == [("fixed_asset_investment", "level", 2021, None, "target", "eq", 180.0, "CNY_100M"),
                              ("gdp", "level", 2025, None, "target", "ge", 600.0, "CNY_100M")]


def test_growth_about_a_multiple_of_a_year_and_a_base_named_by_basis():
    """增长约20% (约 after the verb); 是2003年的2.7倍,年均增长… dates the average from 2003; 比上年增长 in a
    passage about the whole term stays the year's growth; 在2005年的基础上…降低 is a change since 2005."""
    text = ("一、过去四年工作回顾\n四年来,全市经济快速发展。预计2007年生产总值超过183亿元,比上年增长约20%,"
            "是2003年的2.7倍,年均增长20%左右。\n二、今后五年的目标\n到2010年,在2005年的基础上,万元生产总值能耗降低30%以上。\n")
    got = rows(text, 2008)
    assert ("gdp", "growth", 2007, None, "preliminary", "approx", 20.0, "percent") in got
    assert ("gdp", "cagr", 2007, 2003, "preliminary", "approx", 20.0, "percent") in got
    assert ("energy_per_10k_gdp", "cumulative", 2010, 2005, "target", "le", -30.0, "percent") in got
    assert not [r for r in got if r[0] == "gdp" and r[1] == "cumulative"]


def test_a_targets_line_opens_the_paragraph_after_it():
    """经济社会发展的主要预期目标是:\\n followed by one unbulleted paragraph: that paragraph is the targets."""
    text = ("一、2004年工作回顾\n全县生产总值完成38.1亿元,增长13%。\n"
            "经济社会发展的主要预期目标是:\n全县生产总值达到43.5亿元,增长14.5%;全社会固定资产投资增长20%。\n"
            "完成全年任务,必须扭住经济建设这一中心。全县生产总值增长14%是2004年的成绩。\n")
    got = rows(text, 2005)
    assert ("gdp", "level", 2005, None, "target", "eq", 43.5, "CNY_100M") in got
    assert ("fixed_asset_investment", "growth", 2005, None, "target", "eq", 20.0, "percent") in got


def test_good_air_days_as_older_reports_print_them():
    """空气质量二级以上(良好)天数 and 空气优良级别天数 are the good-air days; the city proper's (市区…) a part's."""
    text = REVIEW + "2020年全市空气质量二级以上良好天数达到295天,比上年增加22天。全年空气优良级别天数达到307天。全年市区二级以上优良天气达到319天。\n"
    assert rows(text) == [("good_air_days", "level", 2020, None, "actual", "eq", 295.0, "days"),
                          ("good_air_days", "level", 2020, None, "actual", "eq", 307.0, "days")]


def test_changes_over_a_counted_span_of_years():
    """五年年均增长 and 五年平均增长 are averages from five years back, 五年增长 a cumulative change; what a plan
    period accomplished (“十五”时期,全市完成固定资产投资…) or five years saw (五年间,实际利用外资…) is a total;
    跃升到 reaches a level; 在…的情况下 is an aside; 吸收外商投资 is FDI."""
    text = ("各位代表:\n一、“十五”时期及2005年工作回顾\n"
            "2005年,全市生产总值由2000年的210亿元跃升到2005年的348.6亿元,按可比价格计算,五年年均增长7.6%。"
            "全市完成财政收入29.2亿元,按可比口径五年平均增长9.6%。其中地方一般预算收入在农业税全免的情况下,达到13.1亿元。"
            "社会消费品零售总额五年增长60.4%。“十五”时期,全市完成固定资产投资583亿元,五年年均增长12.7%。"
            "五年间,实际利用外资2.9亿美元。全年吸收外商投资0.8亿美元。\n")
    got = rows(text, 2006)
    assert ("gdp", "level", 2005, None, "actual", "eq", 348.6, "CNY_100M") in got
    assert ("gdp", "cagr", 2005, 2000, "actual", "eq", 7.6, "percent") in got
    assert ("fiscal_revenue", "cagr", 2005, 2000, "actual", "eq", 9.6, "percent") in got
    assert ("general_budget_revenue", "level", 2005, None, "actual", "eq", 13.1, "CNY_100M") in got
    assert ("retail_sales", "cumulative", 2005, 2000, "actual", "eq", 60.4, "percent") in got
    assert ("fixed_asset_investment", "cagr", 2005, 2000, "actual", "eq", 12.7, "percent") in got
    assert ("fdi_utilized", "level", 2005, None, "actual", "eq", 0.8, "USD_100M") in got
    assert not [r for r in got if (r[0], r[1]) == ("fixed_asset_investment", "level") or r[6] == 2.9]  # the totals


def test_a_paragraphs_span_dates_the_changes_that_name_no_years():
    """从2005年的…增加到2010年的… dates the next 从X增加到Y of the paragraph; a change printed after two levels
    (从0.632吨下降到0.505吨,下降20%) is the change between them; 为1998年的1.57倍 dates an average from 1998."""
    text = ("各位代表:\n一、过去六年工作回顾\n"
            "——综合经济实力明显提升。全市生产总值从2005年的1249.41亿元增加到2010年的2415.12亿元,年均增长11.9%。"
            "地方财政收入从72.33亿元增加到164.88亿元,年均增长17.9%。单位生产总值能耗从2005年的0.632吨标准煤下降到0.505吨标准煤,下降20%。"
            "财政总收入为1998年的1.57倍,年均递增9.4%。\n")
    got = rows(text, 2011)
    assert ("local_fiscal_revenue", "level", 2005, None, "actual", "eq", 72.33, "CNY_100M") in got
    assert ("local_fiscal_revenue", "cagr", 2010, 2005, "actual", "eq", 17.9, "percent") in got
    assert ("energy_per_10k_gdp", "cumulative", 2010, 2005, "actual", "eq", -20.0, "percent") in got
    assert ("fiscal_revenue", "cagr", 2010, 1998, "actual", "eq", 9.4, "percent") in got


def test_a_sentence_opening_on_months_speaks_of_them_throughout():
    text = REVIEW + "全年生产总值增长5%。\n各位代表,今年以来经济势头良好。1-4月,全市完成规模以上工业总产值51亿元,增长22.2%;固定资产投资11.88亿元,增长55.3%;财政总收入14.15亿元,增长12.6%。\n"
    assert rows(text) == [("gdp", "growth", 2020, None, "actual", "eq", 5.0, "percent")]


def test_running_totals_tallies_and_parts_seventh_draw():
    """累计完成…,同比增长 is the year's running total; 3900多万美元 is at least 3900万; a tally of five years opening a
    sentence holds for the flows in its later clauses; money 用于…的, counts of counties (8个县(区)…过5亿元) and the
    city's own budget (市本级) are not the region's figures; 1–11月 is sub-annual."""
    text = (REVIEW + "累计完成全社会固定资产投资132.5亿元,同比增长30%。实际利用外资3900多万美元,增长22%。"
            "对外开放进一步扩大,五年累计引进国内资金2156亿元,年均增长13.5%;实际利用外资38亿美元,年均增长10.1%。"
            "全年用于民生事业的一般预算支出84.15亿元。8个县(区)财政总收入过5亿元。市本级财政总收入15.29亿元,增长15.7%。"
            "1–11月完成进出口总额330.33亿元。\n")
    assert rows(text) == [
        ("fixed_asset_investment", "level", 2020, None, "actual", "eq", 132.5, "CNY_100M"),
        ("fixed_asset_investment", "growth", 2020, None, "actual", "eq", 30.0, "percent"),
        ("fdi_utilized", "level", 2020, None, "actual", "ge", 0.39, "USD_100M"),
        ("fdi_utilized", "growth", 2020, None, "actual", "eq", 22.0, "percent")]  # the cagrs: no span in a one-year review


def test_a_part_stated_as_a_share_of_its_whole_is_no_level():
    text = REVIEW + "全市新批外商投资制造业项目125个,实际利用外资3.9亿美元,占实际利用外资总额的55%。城市居民年人均可支配收入8744元。\n"
    assert rows(text) == [("disposable_income_urban", "level", 2020, None, "actual", "eq", 8744.0, "CNY")]


def test_what_the_span_and_period_rules_leave_alone():
    """A sub-annual period inside a sentence's opening words governs nothing after it; 五年间 before a stock-like
    level and a tally that does not open its sentence leave the levels."""
    text = (REVIEW + "面对上半年疫情冲击带来的严峻挑战,我们坚持稳中求进工作总基调,统筹疫情防控和经济社会发展,扎实做好“六稳”工作,全面落实“六保”任务,千方百计稳增长、促改革、调结构、惠民生、防风险、保稳定,迎难而上,全市生产总值完成500亿元,增长5%。"
            "五年间,全市生产总值由210亿元增加到348.6亿元。全年生产总值增长5%,三年累计完成投资500亿元;实际利用外资3亿美元,增长10%。\n")
    got = rows(text)
    assert ("gdp", "level", 2020, None, "actual", "eq", 500.0, "CNY_100M") in got
    assert ("gdp", "level", 2020, None, "actual", "eq", 348.6, "CNY_100M") in got
    assert ("fdi_utilized", "level", 2020, None, "actual", "eq", 3.0, "USD_100M") in got
