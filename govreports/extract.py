"""Indicator observations from normalised report text, each with its clause and offsets.

The text is cut into sentences (。) and clauses (；). In each clause holding a catalog alias, the
aliases (mentions) and printed quantities are found; a quantity is attached to the mention it
follows when nothing but connective words stands between them, to each member of an enumeration
when 分别/均 says so, and never across a comparison (高于预期目标…), a share of something else
(占…比重), a sub-aggregate (城市更新固定资产投资) or a sub-annual period (一季度). Year, base year and
status come from the clause, then from where it sits in the document (``govreports.context``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreports.catalog import BY_ID, COMPOUND_ALIASES, CONTINUATION_ALIASES, INDICATORS, INTENSITY, Indicator
from govreports.context import (
    BY_YEAR,
    EXPLICIT_YEAR,
    N_YEARS,
    NOT_CONTEXT_BEFORE,
    PLAN_NAME,
    PLAN_PERIODS,
    PRELIMINARY,
    TARGET_YEAR,
    YEAR,
    YEAR_MARK,
    DocContext,
    Section,
    after_last,
    document_years,
)
from govreports.numbers import Quantity, find_quantities

__all__ = ["Observation", "extract", "document_years"]

DAMAGED = "\ufffd"

_aliases = sorted(
    [(a, (ind.id,)) for ind in INDICATORS for a in ind.aliases] + list(COMPOUND_ALIASES.items()),
    key=lambda x: len(x[0]),
    reverse=True,
)
ALIAS_TO_IDS = dict(_aliases)


def _trie_pattern(words) -> str:
    """One regex for many literals, prefixes shared (longest match wins, like longest-first alternation)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


MENTION = re.compile(_trie_pattern(ALIAS_TO_IDS))
CONTINUATIONS = [
    (re.compile(head), re.compile("|".join(sorted(map(re.escape, members), key=len, reverse=True))), members)
    for head, members in CONTINUATION_ALIASES.items()
]

# A mention right after these (and 完成/实现) is about something else: 万元GDP二氧化碳…, 占GDP比重, 城市更新固定资产投资,
# 城镇以上完成固定资产投资.
BLOCK_BEFORE = re.compile(r"(?:用于[^,。;]{1,12}的|\d+个[县区市乡镇](?:[(（][^)）]{0,6}[)）])?|[市县]本级|万元|单位|每|占[^,。;]{0,8}|城镇|地方|万元以上|限额以上|限上|城镇以上|合同|海洋|对台|城市更新|更新项目|工业|农业|民间|房地产|基础设施|产业|政府投资|项目|农户|职工|服务贸易|数字贸易|电商|现代|生产性|生活性|新兴|高技术|高新技术|文化|旅游|调查)(?:完成|实现)?$")
# parts of the region and other places: a named county, district or zone standing as the subject,
# right before the mention or its verb (东乡县财政收入, 沿海“一区一县”完成地区生产总值, 开发区完成…)
PLACE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:县|区(?!域)|旗|镇|乡|街办|街道|开发区|新区|高新区|园区|聚集区|集聚区|城区|市区)[”\"]?(?:完成|实现|全年|共|的|累计|环境)?$")
NOT_A_PLACE = ("地区", "社区", "小区", "辖区", "山区", "老区", "苏区", "牧区", "灾区", "库区", "县区", "区县", "城镇", "自治区",
               "建成区", "禁煤区", "全区", "全县", "我区", "我县", "本区", "本县")
ZONE_SUBJECT = re.compile(r"(?<![^,;:。\n])[^,;:。\n]{0,12}?([\u4e00-\u9fff]{0,4}(?:开发区|新区|高新区|园区|聚集区|集聚区|功能区|示范区)|[\u4e00-\u9fff“”\"]{1,8}?(?:县|区(?!域)|旗))[”\"]?(?:[、和及]|总数|共|累计|完成|实现|入驻|全年)")
PLACE_CHAR = re.compile("(?<![地全我本辖社小])[县区旗镇乡]")
AIR = {"pm25", "good_air_days", "good_air_rate"}
URBAN_AIR = re.compile(r"(?:主城区|中心城区|市区|城区|县城|市本级)(?:[^,;。]{0,4}?(?:环境)?空气|(?=二级|优良|PM|细颗粒))")
REGION_WIDE = re.compile(r"全[市县区省州盟旗]")
NUMBER_OR_VERB = re.compile(r"(?:同比|比上年|较上年|总计)?(?:\d|增长|下降|增速|达|完成|实现|突破|超|为|预计)")
TRADE_WITH = re.compile(r"(?:对|与)[^,;。]{0,10}$|(?:国家|地区|电商|口岸|市场|港|保税区|自营|贸易)$")  # trade with some partners, through a channel or of a kind
PHRASE_WINDOW = 40  # characters before a mention searched for its subject (bounded: linear in long sentences)
SUBJECT_WINDOW = 240  # a place heading the sentence stays its subject over its clauses (bounded likewise)
# 经济增长X% at the head of a clause is GDP growth (主要预期目标是:经济增长6%左右; 全市经济增长7.5%)
ECONOMY = re.compile(r"经济(?=(?:增长|增速)[^,;。\d]{0,6}\d|总量[^,;。\d]{0,10}\d)")  # 经济增长8%, 经济总量达到1000亿元  # the scan opens on 经济; its head is checked after
ECONOMY_HEAD = re.compile(r"(?:^|[:,;。\n])(?:全年|全[市县区省州盟旗])?$")
# 规模以上工业总产值2313亿元、增加值564亿元: a bare 增加值 after the output of industry above size is its value added
BARE_VALUE_ADDED = re.compile(r"增加值(?<=[、,;和及]增加值)")
INDUSTRY_OUTPUT = re.compile(r"(?:规模以上|规上|规模)工业(?:企业)?(?:完成|实现|累计)?(?:总产值|产值|销售产值|主营业务收入|销售收入|营业收入)$")
OUTPUT_WORD = re.compile(r"产值|收入")
THRESHOLD_AFTER = re.compile(r"(?:以上|以下)?的?(?:项目|工程|企业|乡镇)|(?:以上|以下)?的(?:\d+)?[县市区镇乡户家个企]")  # 过千万元的乡镇, 超5000万美元的20家企业
THRESHOLD_OF = {DAMAGED, "县", "市", "区", "镇", "乡", "户", "家", "个", "企"}
YEAR_WINDOW = 300  # characters before a value searched for the year it is about
SUB_ANNUAL_WINDOW = 80  # a sub-annual period governs a value it stands near (bounded: linear in long clauses)
SUB_ANNUAL = re.compile(r"一季度|第[一二三四]季度|[一二三]季度|上半年|下半年|前三季度|\d{1,2}[-–—~～至]\d{1,2}月|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,2}月|前\S{1,2}个月")

SENTENCE_ENDS = "。!?！？\n"
SENTENCE_END_RE = re.compile(f"[{SENTENCE_ENDS}]")
SENTENCE_LIMIT = 3000  # longer "sentences" are lists or damage; they are read in pieces of this size
CLAUSE_END = re.compile(r"[;；]")
LIST_JOIN = re.compile(r"[、和及与]")
# other members of a list around a mention: …外资和市外资金分别… / PM10、PM2.5… (short names, no numbers)
OTHER_MEMBERS_AFTER = re.compile(r"((?:[、和及与][\u4e00-\u9fffA-Za-z0-9.]{1,12}?)+)(?=(?:同比|比上年|较上年)?(?:分别|均)?(?:增长|下降|降低|提高|上升|达到|为))")
OTHER_STATEMENT = re.compile(r"[、,和及与][\u4e00-\u9fff]{1,8}?(?:实现|完成|达到|达)?")  # …亿元、利税98.2亿元
OTHER_MEMBERS_BETWEEN = re.compile(r"(?:[、和及与][\u4e00-\u9fffA-Za-z0-9.]{1,12}?)+[、和及与]")
RESPECTIVELY = re.compile(r"分别|均")
OTHER_MEMBERS_BEFORE = re.compile(r"(?:[\u4e00-\u9fffA-Za-z0-9.]{1,12}?[、和及与])+")
SEPARATOR = re.compile(r"(?:[\s、,和及与或]|以及|以上|以下|以内|左右|\([^()]{0,12}\))*$")  # 465亿元(预计,下同)、41.3亿元  # used with match(text, pos, endpos): no ^

GROWTH = re.compile(
    r"(?P<kind>年均|年平均|累计|(?<![\d〇一二三四五六七八九十])[两三四五六七八九十]年(?:来|间)?(?:平均|累计)?|平均|(?<![全今去当明上本同前后\d两三四五六七八九十])年)?"
    r"(?:分别|均)?(?:同比|比上年|较上年|比去年|较去年)?(?:分别|均)?"
    r"(?P<verb>增长|递增|增速|增幅|上升|提高|拉升|增加|下降|回落|减少|降低|下滑|降|增)"
    r"(?:了|为|达到|达)?(?:约|近|大约)?$"
)
TO_LEVEL = re.compile(r"(?:增加|增长|提高|上升|下降|降低|减少|降|升)(?:到|至)$")
ABSOLUTE_CHANGE = re.compile(r"(?:增加|新增|净增|增长|减少|净减|下降)了?$")
RATE_OF_GROWTH = re.compile(r"增速|增幅|速度")  # 增速回落1.2个百分点 changes a growth rate
YEAR_ON_YEAR = re.compile(r"同比|(?:比|较)(?:上年|去年|上一年)")
DOWN = {"下降", "回落", "减少", "降低", "下滑", "降"}
# a comparison names what it compares with (高于全省平均水平2个百分点); 低于5%, 超过1000亿元 are bounds
COMPARISON = re.compile(r"(?:高于|低于|超过|超出|快于|慢于|多于|少于)[^,\d]+$|(?:比全[市省国]|全[市省国](?:平均)?水平的|是全[市省国])[^,]*$")
QUAL_BEFORE = [
    (re.compile(r"(?:约|近|接近|大约)$"), "approx"),
    (re.compile(r"(?:突破|超过|逾|超|不低于|不少于|达到或超过|跨越|跨过|越过|迈过|闯过|迈上|跨上|跃上|登上|站上)了?$"), "ge"),
    (re.compile(r"(?:控制在了?|不超过|不高于|低于)$"), "le"),
]
QUAL_AFTER = [(re.compile(r"左 ?右"), "approx"), (re.compile(r"以 ?上|多|(?:[两三四五]个?大?)?(?:台阶|大关|关口)"), "ge"), (re.compile(r"以 ?内|以 ?下"), "le")]
# Connective words that may stand between a mention and its value; anything else means another subject.
FILLER = re.compile(
    r"(?:突破|超过|跨越|迈上)[百千万亿]+(?:亿)?元?(?:大关|台阶)?|[两三四五]个?大?(?:台阶|关口)|先后|\([^)]*\)|（[^）]*）|可比|同比|比上年|较上年|比去年|较去年|全年|年均|累计|分别|均|实际|名义|按可比价格计算|按可比口径计算?|(?<![\d〇一二三四五六七八九十])[两三四五六七八九十]年(?:来|间)?(?:平均)?(?=年均|累计|增长|递增|下降|提高)|"
    r"剔[除出][^,]{0,20}?因素后?|在[^,;。\d]{0,16}?的?(?:情况|背景|条件)下|扣除[^,]{0,20}?因素后?|不含[^,]{0,20}|按[^,]{0,8}?(?:统计|计算|口径)|同口径|首次|继续|连续|再度|"
    r"净(?:增|减)|(?:不)?(?:低于|高于)|(?:[两三四五六七八九十]年(?:内)?)?翻(?:一|了一)?番|历史性|(?:年均|平均|年平均|年)?浓度值?|[一二两三四五六七八九十百千万]+亿元?(?:和|、)?|“?(?:" + PLAN_NAME + r")[”\"]?(?:期)?末的?|进一步|总体|(?:较快|快速|平稳|稳步|持续)(?:增长)?|(?:保持|稳定|维持)在?|力争|确保|争取|努力|有望|预期|计划|约|近|超过|突破|跨越|跨过|越过|迈过|闯过|(?:迈|跨|跃|登|再|站)上|(?:新)?台阶|"
    r"达到|达|为|是|完成|实现|增长|增速|增幅|增加|下降|回落|减少|降低|上升|(?:跃|攀)升|提高|拉升|递增|控制在|以内|左右|以上|了|至|到|降|由|从|"
    r"占GDP的?比重|占(?:全[市县区省])?(?:地区)?(?:生产总值|GDP|国民经济)的?(?:比重|比例)?|比重|占比|居全[市省国区][^,]{0,6}第[一二三四五六七八九十\d]+位?|(?:排名|位居|居)[^,]{0,8}第[一二三四五六七八九十\d]+位?|"
    r"创[^,]{0,12}(?:新高|新低|最高|最低|最好)|总量|总额|产出|大关|关口|"
    + YEAR + r"年的?|全[市县区省州盟旗]|辖区|[本我][市县区省州盟旗]|预计|初步(?:核算|统计|预计|测算)"
)
CJK = re.compile(r"[\u4e00-\u9fff]")
# 由2010年的162.4亿元增加到2015年的287.9亿元; 由1032亿元增加到“十二五”末的1902.7亿元
YEAR_BEFORE_VALUE = re.compile(r"(?:" + YEAR + r"年(?:的|底|末)?|(" + PLAN_NAME + r")[”\"]?(?:期)?末的?)$")
YEAR_SPAN = re.compile(YEAR + r"年?(?:—|-|－|~|～|至|到)" + YEAR + "年")
YEARS_TOTAL = re.compile(r"(?<![\d〇一二三四五六七八九十])([两三四五六七八九十])年(?:来|间)?(?:累计|共|年均|平均|增长|递增|下降|提高)")
BASE_YEAR = re.compile(r"(?:比|较|由|从|与|[是为](?=(?:19|20)\d{2}年的[\d.]+倍))" + YEAR + r"年")  # 比2010年; 是2003年的2.7倍,年均增长20%
ASPIRATION = re.compile(r"力争|争取")
TOTAL_CHAR = re.compile("[计年]")
YEAR_RESTART = re.compile(r"[,;](?=(?:预计|初步预计|初步核算|初步统计)?全年|预计|初步(?:预计|核算|统计|测算))(?!.*[,;])")
SINCE_YEAR = re.compile(r"(?:比|较)(?:" + YEAR + r"年(?:底|末)?|[“\"]?(" + PLAN_NAME + r")[”\"]?(?:期)?末)[^,;]{0,4}$")  # 比2002年, 比“十五”期末
# 全市生产总值从2005年的…增加到2010年的…。人均生产总值从22395元增加到41582元: the years a paragraph's changes span
RUNNING_SPAN = re.compile(r"(?:从|由)" + YEAR + r"年(?:底|末)?的?[^。;\n]{0,40}?(?:到|至)" + YEAR + r"年")
FROM_TO = re.compile(r"(?:从|由)[^,;。]{1,30}?(?:增加|增长|提高|上升|下降|降低|减少|降|升)(?:到|至)[^,;。]{1,30}?,")  # 从0.632吨下降到0.505吨,下降20%
ON_BASIS_OF = re.compile(r"在" + YEAR + r"年(?:的)?基础上")  # 到2010年,在2005年的基础上,万元生产总值能耗降低30%
COMPARED_YEAR = re.compile(r"^[^;。]{0,6}?(?:比|较)" + YEAR + r"年")  # 由184亿元增长至384亿元,较2016年翻了一番


@dataclass(frozen=True)
class Observation:
    indicator: str
    measure: str
    year: int
    base_year: int | None
    status: str
    qualifier: str
    value: float
    value_high: float | None
    unit: str
    value_as_printed: str
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Mention:
    ids: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class _Where:
    """What the surroundings of a clause say about its statements."""

    status: str
    section: Section
    sentence_start: int
    plan: tuple[int, int] | None  # the plan period of a summary passage (“十三五”时期…)
    clause_text: str
    clause_start: int
    clause_end: int


def _spans(pattern: re.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in pattern.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _about_a_part(text: str, sentence_start: int, pos: int, ctx: DocContext, zones: bool = True) -> bool:
    """True when the words before ``pos`` make a part of the region, or another place, the subject
    (东乡县财政收入…, 沿海“一区一县”完成地区生产总值…, 全国国内生产总值…, 全省… in a city's report), unless
    the mention's own phrase names the region itself (全市 in a city's report, 我区, its own name).
    ``zones``: whether zones heading the sentence count (not for air quality, which no zone measures)."""
    lo = max(sentence_start, pos - PHRASE_WINDOW)
    segment_start = after_last(text, ",;:", lo, pos)
    near_place = PLACE_CHAR.search(text, max(sentence_start, pos - SUBJECT_WINDOW), pos)
    if near_place is None and text.find("全", segment_start, pos) < 0:
        return False  # neither a 县/区/旗/镇/乡 nor a 全X nearby (most mentions end here)
    if ctx.names_itself(text, segment_start, pos):
        return False
    if ctx.names_another_place(text, segment_start, pos):
        return True
    if near_place is None:
        return False
    p = PLACE.search(text, segment_start, pos)
    if p is not None and not _is_self_or_no_place(p.group(0).rstrip("完成实现全年共的累计”\""), ctx):
        return True
    if not zones:
        return False
    # places heading the sentence as its subject: 全市工业聚集区、开发区总数达到18个,…,完成固定资产投资455亿元;
    # 沿海“一区一县”完成地区生产总值439.4亿元,…,固定资产投资420.5亿元
    lo = max(sentence_start, pos - SUBJECT_WINDOW)
    return any(not _is_self_or_no_place(z.group(1), ctx) for z in ZONE_SUBJECT.finditer(text, lo, pos)
               if z.start() == sentence_start or text[z.start() - 1] in ",;")


def _urban_air(text: str, sentence_start: int, pos: int) -> bool:
    """市区空气质量优良率98.5%, …,PM2.5年均浓度…: the air of the city proper, a part, named before ``pos``."""
    parts = list(URBAN_AIR.finditer(text, max(sentence_start, pos - SUBJECT_WINDOW), pos))
    return bool(parts) and REGION_WIDE.search(text, parts[-1].end(), pos) is None


def _is_self_or_no_place(place: str, ctx: DocContext) -> bool:
    return place.endswith(NOT_A_PLACE) or any(place.endswith(name) for name in ctx.own_names)


def mentions(text: str, start: int, end: int, sentence_start: int | None = None, ctx: DocContext | None = None) -> list[Mention]:
    out: list[Mention] = []
    for m in MENTION.finditer(text, start, end):
        alias = m.group(0)
        if "占" not in alias and BLOCK_BEFORE.search(text, max(start, m.start() - 10), m.start()):
            continue
        if out and out[-1].end == m.start() - 1 and text[m.start() - 1] in "(（" and text[m.end() : m.end() + 1] in ")）":
            continue  # 地区生产总值(GDP): the same figure named again
        ids = ALIAS_TO_IDS[alias]
        if ctx is not None and sentence_start is not None and _about_a_part(text, sentence_start, m.start(), ctx, ids[0] not in AIR):
            continue
        if ids[0] in AIR and sentence_start is not None and _urban_air(text, sentence_start, m.start()):
            continue
        if alias == "进出口" and (not NUMBER_OR_VERB.match(text, m.end()) or TRADE_WITH.search(text, max(start, m.start() - 12), m.start())):
            continue  # 进出口增长14%, 进出口807.5亿元; not 对金砖国家进出口, 进出口实绩企业
        if alias == "城乡居民收入" and ctx is not None and ctx.rural_income_is_net:
            ids = (ids[0], "rural_net_income")  # 城乡居民收入 of a report that measures rural income as 纯收入
        out.append(Mention(ids, m.start(), m.end()))
    for m in ECONOMY.finditer(text, start, end):  # 主要预期目标是:经济增长8.5%左右
        if ECONOMY_HEAD.search(text, max(0, m.start() - 3), m.start()) and not any(o.start <= m.start() < o.end for o in out):
            out.append(Mention(("gdp",), m.start(), m.end()))
            out.sort(key=lambda x: x.start)
    if sentence_start is not None and "增加值" in text[start:end]:
        for m in BARE_VALUE_ADDED.finditer(text, start, end):
            lo = max(sentence_start, m.start() - PHRASE_WINDOW * 2)
            last = None  # the nearest output before it must be that of industry above size
            for last in OUTPUT_WORD.finditer(text, lo, m.start()):  # noqa: B007 — the last match is kept
                pass
            if last is not None and INDUSTRY_OUTPUT.search(text, max(lo, last.end() - 20), last.end()) \
                    and not any(o.start <= m.start() < o.end for o in out):
                out.append(Mention(("industrial_value_added",), m.start(), m.end()))
        out.sort(key=lambda x: x.start)
    for head, member, ids in CONTINUATIONS:
        first = next((m for m in out if head.match(text, m.start)), None)
        if first is None:
            continue
        taken = [(m.start, m.end) for m in out]
        for c in member.finditer(text, first.end, end):
            # a sibling named in the list or at a phrase's head (…建设用地、水耗; …,优良率79.1%), not another
            # subject's (六大高耗能行业综合能耗)
            if not any(a <= c.start() < b for a, b in taken) and text[c.start() - 1] in "、和及与,;:":
                out.append(Mention((ids[c.group(0)],), c.start(), c.end()))
        out.sort(key=lambda m: m.start)
    return out


def _gap_ok(gap: str) -> bool:
    """True when ``gap`` holds only connective words (no other subject between mention and value)."""
    rest = FILLER.sub("", gap)
    return len(CJK.findall(rest)) <= 1 and not re.search(r"[A-Za-z]{2,}", rest)


def _qualifier(text: str, q: Quantity, lead: str, run_end: int) -> str:
    """左右/以上/以内 after the value (or after the last value of its list), else 约/突破/控制在 before it."""
    if q.high is not None:
        return "range"
    if q.more:
        return "ge"
    for pos in (q.end, run_end):
        for pat, name in QUAL_AFTER:
            if pat.match(text, pos):
                return name
    for pat, name in QUAL_BEFORE:
        if pat.search(lead):
            return name
    return "eq"


def _signed(qualifier: str, sign: int) -> str:
    """下降15%以上 is a change of at most -15%: bounds turn round with the sign."""
    return {"ge": "le", "le": "ge"}.get(qualifier, qualifier) if sign < 0 else qualifier


def _kind_of_change(kind: str) -> str:
    """年均 → cagr; 累计, 五年 → cumulative; 五年平均 → cagr over those years; 年, 平均 → the year's, or a
    plan's average (annual)."""
    if kind[:1] in N_YEARS:  # 五年增长65.8%, 五年累计增长…: over the years counted; 五年平均增长9.6%: on average
        return "cagr" if kind.endswith("平均") else "cumulative"
    return {"年均": "cagr", "年平均": "cagr", "累计": "cumulative", "年": "annual", "平均": "annual"}.get(kind, "growth")


def _measure(lead: str, q: Quantity, ind: Indicator) -> tuple[str, int] | None:
    """(measure, sign) for a quantity given the words right before it; None when it is no statement."""
    unit = ind.unit
    if COMPARISON.search(lead):
        return None
    if q.dim == "pp" and ind.measures == INTENSITY and not RATE_OF_GROWTH.search(lead):
        # 万元GDP能耗下降3.85个百分点: an intensity's change printed as points
        g = GROWTH.search(lead)
        return ("growth", -1 if g.group("verb") in DOWN else 1) if g and not g.group("kind") else None
    if q.dim == "pp":
        g = GROWTH.search(lead)
        if not g or g.group("kind"):
            return None
        return "change_pp", -1 if g.group("verb") in DOWN else 1
    if TO_LEVEL.search(lead):
        return "level", 1
    g = GROWTH.search(lead)
    if q.dim == "percent":
        if g:
            kind = _kind_of_change(g.group("kind") or "")
            return kind, -1 if g.group("verb") in DOWN else 1
        return ("level", 1) if unit == "percent" else None
    if ABSOLUTE_CHANGE.search(lead):
        return None
    return "level", 1


def extract(text: str, published_year: int | None = None) -> list[Observation]:
    """Every core-catalog observation stated in a normalised document text."""
    hits = [m.start() for m in MENTION.finditer(text)]
    if "经济" in text:
        hits = sorted(hits + [m.start() for m in ECONOMY.finditer(text)])
    if "工业" in text:
        hits = sorted(hits + [m.start() for m in BARE_VALUE_ADDED.finditer(text)])
    if not hits:
        return []
    ctx = DocContext(text, published_year)
    out: list[Observation] = []
    s_end = -1
    for pos in hits:
        if pos < s_end:
            continue  # this sentence is done
        # the sentence around the hit; searches bounded by SENTENCE_LIMIT keep this linear whatever the text
        lo = max(s_end + 1, pos - SENTENCE_LIMIT)
        s_start = after_last(text, SENTENCE_ENDS, lo, pos)
        found = SENTENCE_END_RE.search(text, pos, pos + SENTENCE_LIMIT)
        s_end = found.start() if found else min(len(text), pos + SENTENCE_LIMIT)
        section = ctx.section_at(s_start)
        status = ctx.status(text[s_start:s_end], section, s_start)
        plan = ctx.plan_scope(s_start)
        if plan is None and section.kind == "target":
            plan = section.period
        clauses = _spans(CLAUSE_END, text, s_start, s_end)
        # 2004年全市经济和社会发展的预期目标为…;…, 今年… inside a five-year passage: a year named in the first
        # clause holds for the sentence, one named in a later clause for that clause (…;2007年…翻一番,…;…)
        single = bool(plan) and bool(clauses) and ctx.names_a_single_year(text, s_start, clauses[0][1], plan)
        found = []
        for c_start, c_end in clauses:
            in_plan = plan if plan and not single and not ctx.names_a_single_year(text, c_start, c_end, plan) else None
            where = _Where(status, section, s_start, in_plan, text[c_start:c_end].strip(), c_start, c_end)
            found.extend(_clause(text, c_start, c_end, where, ctx))
        out.extend(_without_aspirations(text, found))
    return out


def _without_aspirations(text: str, found: list[Observation]) -> list[Observation]:
    """增长8%,力争10%; 66.1亿元,力争跨越70亿元: the aspiration beside a firmer value of the same figure goes."""
    aspiring = [ASPIRATION.search(text, o.char_start, o.char_end) is not None for o in found]
    firm = {(o.indicator, o.measure) for o, a in zip(found, aspiring) if not a}
    return [o for o, a in zip(found, aspiring) if not a or (o.indicator, o.measure) not in firm]


def _clause(text: str, c_start: int, c_end: int, where: _Where, ctx: DocContext) -> list[Observation]:
    found = mentions(text, c_start, c_end, where.sentence_start, ctx)
    if not found:
        return []
    # 1?88亿元, 2�.5%: a number touching a lost character is no number
    # 过百亿元县, 超10亿元企业: a threshold describing places or firms, not a value
    quantities = [q for q in find_quantities(text, found[0].end, c_end)
                  if text[q.start - 1] not in "?？" + DAMAGED and text[q.end : q.end + 1] not in THRESHOLD_OF
                  and not THRESHOLD_AFTER.match(text, q.end)]  # 过千万元的乡镇, 500万美元以上的项目
    tokens = sorted([(m.start, 0, m) for m in found] + [(q.start, 1, q) for q in quantities], key=lambda t: t[0])
    out: list[Observation] = []
    group: list[Mention] = []
    slots: list[int] = []  # each mention's place in its list, counting members the catalog does not hold
    # mentions given a value in this clause, in order, and None for another subject given one (for a later
    # 分别 list: 规模以上工业实现增加值279.9亿元、利税98.2亿元,分别增长23.5%和27%)
    # …规模以上工业总产值2313亿元、增加值564亿元,分别增长…: values before the first mention are other subjects'
    stated: list[Mention | None] = [None] * len(find_quantities(text, c_start, found[0].start)) \
        if found[0].start > c_start and "分别" in text[found[0].end : c_end] else []
    prev_end, prev_kind = c_start, None
    i = 0
    while i < len(tokens):
        _, is_q, tok = tokens[i]
        if not is_q:
            if prev_kind in ("m", "paren") and SEPARATOR.match(text, prev_end, tok.start):
                group, slots = group + [tok], slots + [slots[-1] + 1]
            elif prev_kind == "m" and (between := OTHER_MEMBERS_BETWEEN.fullmatch(text, prev_end, tok.start)) \
                    and RESPECTIVELY.search(text, tok.end, c_end):  # 地区生产总值、工业增加值、财政总收入…分别
                group, slots = group + [tok], slots + [slots[-1] + len(LIST_JOIN.findall(between.group(0)))]
            else:
                group, slots = [tok], [0]
            prev_end, prev_kind = tok.end, "m"
            i += 1
            continue
        run = [tok]  # a run of quantities separated only by 、/和/,
        i += 1
        while i < len(tokens) and tokens[i][1] and SEPARATOR.match(text, run[-1].end, tokens[i][2].start):
            run.append(tokens[i][2])
            i += 1
        lead_full = text[prev_end : run[0].start]
        if not group and not (any(stated) and "分别" in lead_full[-14:]):
            prev_end, prev_kind = run[-1].end, "q"
            continue
        if prev_kind == "m" and lead_full in ("(", "（") and text[run[-1].end : run[-1].end + 1] in (")", "）"):
            # 万元GDP建设用地(2.6平方米): that mention's level
            out.extend(_observe(text, [(group[-1], group[-1].ids[0], run[0])], "", where, ctx))
            prev_end, prev_kind = run[-1].end + 1, "paren"
            continue
        before = text[max(c_start, run[0].start - YEAR_WINDOW) : run[0].start]  # bounded: linear in long clauses
        # a value in brackets after its mention is a remark on it: 实际利用外资35亿美元(历史可比口径); a mention
        # in the brackets with it is a statement of its own: 财政收入增长20%以上(公共财政预算收入增长15%以上)
        in_brackets = before.count("(") > before.count(")") and before.rfind("(") > group[-1].start - (run[0].start - len(before))
        if in_brackets or _sub_annual(before) or _sub_annual_sentence(text, where.sentence_start, run[0].start):
            prev_end, prev_kind = run[-1].end, "q"
            continue
        # 地区生产总值逐季升位,预计全年增长8%: 全年 takes the statement up again after a remark
        gap = lead_full[restart.end() :] if (restart := YEAR_RESTART.search(lead_full)) else lead_full
        before_items = after_items = 0  # members of a 分别/均 list the catalog does not hold (PM10、PM2.5…)
        if group and (len(run) > 1 or _one_value_for_all(gap, run[0])):  # PM10、PM2.5、二氧化硫浓度同比下降13.6%、9.1%、21.7%
            if prev_kind == "m" and (m := OTHER_MEMBERS_AFTER.match(gap)):
                after_items, gap = len(LIST_JOIN.findall(m.group(1))), gap[m.end(1) :]
            head = text[after_last(text, ",;:。\n", max(c_start, group[0].start - PHRASE_WINDOW), group[0].start) : group[0].start]
            before_items = len(LIST_JOIN.findall(head)) if OTHER_MEMBERS_BEFORE.fullmatch(head) else 0
        # …(其中外商直接投资4523万美元),同比增长12.5%: a mention in brackets speaks only inside them
        if not _gap_ok(gap) or gap.count(")") > gap.count("("):  # another subject stands between: the mention no longer speaks
            if prev_kind == "q" and OTHER_STATEMENT.fullmatch(gap):
                stated.append(None)
            group = []
            prev_end, prev_kind = run[-1].end, "q"
            continue
        pairs = [(m, ind) for m in group for ind in m.ids]
        lead = lead_full[-14:]
        n_items = before_items + (slots[-1] + 1 if group else 0) + after_items
        if group and n_items > len(group) and len(pairs) == len(group) and (
            len(run) == n_items or (len(run) == 1 and _one_value_for_all(gap, run[0]))
        ):
            # 城镇调查失业率和城镇登记失业率分别控制在5%左右和4%以内; 实际利用外资和市外资金分别增长10%
            chosen = [(m, ind, run[before_items + k] if len(run) > 1 else run[0]) for (m, ind), k in zip(pairs, slots)]
        elif "分别" in lead and len(run) > len(pairs):
            # 城镇居民人均可支配收入18375元,农民人均纯收入6514元,分别增长14%和17.8%: the last subjects stated
            subjects = [(m, ind) for m in stated for ind in (m.ids if m else (None,))][-len(run):]
            chosen = [(m, ind, q) for (m, ind), q in zip(subjects, run) if m] if len(subjects) == len(run) else []
        elif len(pairs) == 1:
            chosen = [(pairs[0][0], pairs[0][1], run[0])]
        elif len(run) == len(pairs):
            chosen = [(m, ind, q) for (m, ind), q in zip(pairs, run)]
        elif len(run) == 1 and _one_value_for_all(lead, run[0]):
            # 城镇居民…、农民人均纯收入分别增长12%; 全口径财政收入、地方级财政收入增长20%以上: each grows by it
            chosen = [(m, ind, run[0]) for m, ind in pairs]
        else:
            chosen = []  # an enumeration whose values do not line up: no guess
        out.extend(_observe(text, chosen, lead, where, ctx))
        last = max((m.start for m in stated if m), default=-1)
        stated.extend(m for m in group if m.start > last)
        prev_end, prev_kind = run[-1].end, "q"
    return out


def _one_value_for_all(words: str, q: Quantity) -> bool:
    """One value stated for a whole list: 分别/均, or a growth printed once (…、地方级财政收入增长20%以上)."""
    return bool(RESPECTIVELY.search(words)) or (q.dim == "percent" and GROWTH.search(words) is not None)


MULTI_YEAR_TOTAL = re.compile(r"累计|总计|合计|(?:两|(?<![〇○零一二三四五六七八九十\d])[三四五六七八九十])年(?:来)?(?:共|总共|合计|累计)?(?:完成|实现)"
                              r"|(?:两|(?<![〇○零一二三四五六七八九十\d])[三四五六七八九十])年(?:来)?共"
                              r"|(?:两|(?<![〇○零一二三四五六七八九十\d])[三四五六七八九十])年(?:来|间)?(?:实际)?$")  # 五年实际利用外资10亿美元


# 实际利用外资4.3亿美元,是“十五”时期的4.2倍: a value compared with a whole plan period is a period's total
PERIOD_MULTIPLE = re.compile(r",?(?:是|为|相当于)[“\"]?(?:十[一二三四五]?五|九五)[”\"]?(?:计划)?(?:时期|期间)")
# 累计引进域外资金234.4亿元,其中,利用外资9426万美元: a part of a total is a total too
PART_OF_TOTAL = re.compile(r"(?:(?<!全年)累计|总计|合计|年来?共)[^。;]{0,40}其中[,:]?[^,;。]{0,8}$")


# “十五”时期,全市完成固定资产投资583亿元: what a whole plan period accomplished is its total
PERIOD_ACCOMPLISHED = re.compile(r"[“\"]?(?:" + PLAN_NAME + r"|九五)[”\"]?(?:计划)?(?:时期|期间)[,，]?(?:全[市县区省州盟旗])?(?:共|累计)?(?:完成|实现)$")
# 五年间,实际利用外资22.9亿美元: so is a flow summed over periods stated for a span of years (not 五年来, which opens achievements)
YEARS_OF_FLOW = re.compile(r"(?<![\d〇一二三四五六七八九十])[两三四五六七八九十]年(?:间|里|中)[,，]?(?:全[市县区省州盟旗])?(?:共|累计)?(?:完成|实现)?$")


def _multi_year_total(text: str, mention_start: int, lead: str) -> bool:
    """累计/合计 in the words before the value or in the mention's own phrase, 其中 after such a total, or
    what a plan period accomplished."""
    if MULTI_YEAR_TOTAL.search(lead) or PART_OF_TOTAL.search(text, max(0, mention_start - 60), mention_start) \
            or PERIOD_ACCOMPLISHED.search(text, max(0, mention_start - 30), mention_start):
        return True
    lo = max(0, mention_start - 30)
    if TOTAL_CHAR.search(text, lo, mention_start) is None:
        return False  # no 计 and no 年 before the mention: nothing to look for (most mentions end here)
    phrase_start = after_last(text, ",;:。\n", lo, mention_start)
    return bool(MULTI_YEAR_TOTAL.search(text, phrase_start, mention_start))


# 五年累计引进国内资金2156亿元,…;实际利用外资38亿美元,…: a tally of years opening a sentence holds for the flows
# summed over periods in its later clauses
TALLY_HEAD = re.compile(r"(?<![\d〇一二三四五六七八九十])[两三四五六七八九十]年(?:来|间)?(?:累计|共计|共)")
TALLIED = {"fixed_asset_investment", "fdi_utilized", "trade_total", "retail_sales"}
YEAR_ON_YEAR_AFTER = re.compile(r"[,，]?(?:同比|比上年|较上年|比去年|较去年)")


def _in_a_sentence_of_totals(text: str, where: _Where, mention_start: int) -> bool:
    head_end = min(where.clause_start, where.sentence_start + 20)  # the tally opens the sentence (after a short lead-in)
    tally = TALLY_HEAD.search(text, where.sentence_start, head_end) if where.clause_start > where.sentence_start else None
    return tally is not None and not re.search(r"\d", text[where.sentence_start : tally.start()]) \
        and YEAR_MARK.search(text, where.clause_start, mention_start) is None


SHARE_OF = re.compile(r"[,，]?占(?:全[市县区省])?([^,;。]{2,16}?)(?:总额|总量)?的?(?:比重|比例)?(?:为|达)?\d")


def _share_of_itself(text: str, pos: int, ind_id: str) -> bool:
    """The value is followed by its share of the same indicator's whole (…,占实际利用外资总额的65%)."""
    m = SHARE_OF.match(text, pos)
    return m is not None and any(ind_id in ALIAS_TO_IDS.get(a.group(0), ()) for a in MENTION.finditer(m.group(1)))


def _sub_annual(before: str) -> bool:
    """A sub-annual period (一季度, 1-11月) governs the value, unless 全年 follows it."""
    near = before[-SUB_ANNUAL_WINDOW:]
    found = list(SUB_ANNUAL.finditer(near))
    return bool(found) and "全年" not in near[found[-1].end() :]


SUB_ANNUAL_OPENING = re.compile(r"\s*(?:各位代表,)?(?:今年以来,?)?(?:全市|全县|全区|全省)?(?:" + SUB_ANNUAL.pattern + r")[,:]")


def _sub_annual_sentence(text: str, sentence_start: int, pos: int) -> bool:
    """A sentence opening on a sub-annual period (今年以来,1-4月,全市…;…;…) speaks of it in every clause."""
    m = SUB_ANNUAL_OPENING.match(text, sentence_start, pos)
    return m is not None and "全年" not in text[m.end() : pos]


def _observe(text: str, chosen, lead: str, where: _Where, ctx: DocContext) -> list[Observation]:
    out = []
    run_end = max((q.end for _, _, q in chosen), default=0)
    year_m = YEAR_BEFORE_VALUE.search(lead)
    verb_lead = lead[: year_m.start()] if year_m else lead
    starts_change = verb_lead.endswith(("由", "从")) and not year_m  # 由184亿元增长至384亿元
    for mention, ind_id, q in chosen:
        if DAMAGED in text[mention.start : q.end]:
            continue  # a statement with an unrecoverable character in it never yields an observation
        ind = BY_ID[ind_id]
        if ind.as_share and q.dim == "percent" and not GROWTH.search(verb_lead):
            ind_id, ind = ind.as_share, BY_ID[ind.as_share]
        got = _measure(verb_lead, q, ind)
        if got is None:
            continue
        measure, sign = got
        if measure == "level" and _share_of_itself(text, q.end, ind_id):
            continue  # 实际利用外资3.9亿美元,占实际利用外资的55%: a part of the whole, not the whole
        if measure == "level" and not YEAR_ON_YEAR_AFTER.match(text, q.end) and (
                _multi_year_total(text, mention.start, verb_lead) or PERIOD_MULTIPLE.match(text, q.end)
                or (ind_id in TALLIED and (_in_a_sentence_of_totals(text, where, mention.start)
                                           or YEARS_OF_FLOW.search(text, max(0, mention.start - 16), mention.start)))):
            continue  # 五年累计完成固定资产投资2000亿元: a sum of several years is no year's level (累计…,同比增长30% is the year's)
        if measure == "annual":  # 年增长7%: on average over a plan period, else simply the year's growth
            measure = "cagr" if where.plan else "growth"
        elif (where.plan or FROM_TO.search(text, mention.end, q.start)) and measure == "growth" and not YEAR_ON_YEAR.search(verb_lead):
            measure = "cumulative"  # a change stated for a whole plan period, or between two levels (比上年增长 stays the year's)
        if measure not in ind.measures:
            continue
        units = ind.units_for(measure) if q.dim is not None else (ind.unit_for(measure),)  # 突破3亿: no currency named
        unit, value = next(((u, v) for u in units if (v := q.in_unit(u)) is not None), (None, None))
        if q.dim == "pp" and measure == "growth":
            unit, value = "percent", q.in_unit("pp")  # the points printed are the rate's change
        if value is None or (measure == "level" and value < ind.level_range[0] / 1000):
            continue  # another dimension, or a magnitude no statement of this indicator has (人均10万元 as GDP)
        when = _when(text, mention.start, q, year_m, starts_change, measure, where, ctx)
        if when is None:
            continue
        year, base_year, status = when
        if measure == "cagr" and base_year is None:
            continue  # an average over an unknown span says nothing usable
        if measure == "cumulative" and base_year is None:
            measure = "growth"  # 全年累计增长8%: accumulated over the year, the year's growth
        since = (SINCE_YEAR.search(verb_lead) or ON_BASIS_OF.search(text, max(where.clause_start, q.start - PHRASE_WINDOW), q.start)) \
            if measure == "growth" else None
        if since and (since_year := int(since.group(1)) if since.group(1) else PLAN_PERIODS[since.group(2)][1]) < year - 1:
            if "cumulative" not in ind.measures:
                continue
            measure, base_year = "cumulative", since_year  # 比2002年增长58.1%: over four years
        high = None
        if q.high is not None:
            high = float(q.high) / float(q.amount) * value if q.amount else None
            value, high = sorted((sign * value, sign * high)) if high is not None else (sign * value, None)
        else:
            value = sign * value
        out.append(Observation(
            indicator=ind_id, measure=measure, year=year, base_year=base_year, status=status,
            qualifier=_signed(_qualifier(text, q, verb_lead, run_end), sign), value=value, value_high=high,
            unit=unit, value_as_printed=q.printed, text=where.clause_text, char_start=mention.start, char_end=q.end,
        ))
    return out


def _running_span(text: str, where: _Where, pos: int) -> tuple[int, int] | None:
    """(from, to) years of the last 从2005年的…到2010年 earlier in the paragraph, when the paragraph reviews a span."""
    line_start = text.rfind("\n", max(0, pos - YEAR_WINDOW), pos) + 1
    found = None
    for found in RUNNING_SPAN.finditer(text, max(line_start, pos - YEAR_WINDOW), pos):  # noqa: B007 — the last is kept
        pass
    return (int(found.group(1)), int(found.group(2))) if found else None


def _when(text, m_start, q, year_m, starts_change, measure, where: _Where, ctx: DocContext):
    """(year, base_year, status) of a statement, or None when its year cannot be told."""
    before = text[max(where.sentence_start, q.start - YEAR_WINDOW) : q.start]
    status = where.status
    if status == "target" and where.section.kind != "target" and not ctx.in_target_list(where.sentence_start):
        # the target words may only come after this value: 财政总收入66.1亿元,增长15%,力争跨越70亿元大关
        status = ctx.status(text[where.sentence_start : q.end], where.section, where.sentence_start)
    elif status == "preliminary" and not PRELIMINARY.search(text, where.sentence_start, q.end) \
            and not text.startswith(("(预计", "（预计"), q.end):  # 465亿元(预计,下同)
        status = "actual"  # 跨越了400亿元台阶,预计达到487亿元: only what follows 预计 is an estimate
    year = None
    if starts_change:  # the start of 由X…到Y: the year compared with, or the year before the plan period
        compared = COMPARED_YEAR.search(text, q.end, where.clause_end)
        if compared and not re.search(r"\d", text[q.end : compared.start(1)]):
            year = None
        if (c := re.search(r"(?:比|较)" + YEAR + r"年", text[q.end : where.clause_end])):
            year = int(c.group(1))
        elif span := _running_span(text, where, q.start):
            year = span[0]
        elif where.plan:
            year = where.plan[0]
        elif period := ctx.period_at(q.start):  # 过去五年…收入分别从28993元、16367元增加到…
            year = period[0]
        else:
            return None
    elif year_m:
        year = int(year_m.group(1)) if year_m.group(1) else PLAN_PERIODS[year_m.group(2)][1]
    elif by := list(BY_YEAR.finditer(before)):
        year = int(by[-1].group(1))
    elif status == "target" and (t := TARGET_YEAR.search(before)):
        year = int(t.group(1))
    elif explicit := [m for m in EXPLICIT_YEAR.finditer(before) if not m.start() or before[m.start() - 1] not in NOT_CONTEXT_BEFORE]:
        year = int(explicit[-1].group(1))
    elif where.plan:
        year = where.plan[1]
    elif where.section.year is not None and (status == "target") == (where.section.kind == "target"):
        year = where.section.year
    elif status == "target" and ctx.published_year:
        year = ctx.published_year  # a target with no year of its own: the year the document plans
    else:
        year = ctx.running_year(where.sentence_start) or ctx.reviewed_year
    if year is None:
        return None
    base_year = None
    if measure in ("cagr", "cumulative"):
        own_clause = max(0, where.clause_start - (q.start - len(before)))  # where the value's clause starts in ``before``
        if b := BASE_YEAR.search(before, own_clause):
            base_year = int(b.group(1))
        elif (span := _running_span(text, where, q.start)) and span[1] == year:
            base_year = span[0]
        elif where.plan and where.plan[1] == year:
            base_year = where.plan[0]
        elif (plan := ctx.plan_near(q.start)) and plan[1] == year:
            base_year = plan[0]
        elif (period := ctx.period_at(q.start)) and period[1] == year:
            base_year = period[0]
        elif (span := YEAR_SPAN.search(before, own_clause)) and int(span.group(2)) == year:
            base_year = int(span.group(1)) - 1  # 2004年—2007年,地区生产总值年均增长13.2%
        elif (total := YEARS_TOTAL.search(before, own_clause)) and year == ctx.reviewed_year:
            base_year = year - N_YEARS[total.group(1)]  # 五年累计利用外资78亿美元,年均增长10.3%
        else:  # 到2015年…年均增长10% in a document about the 十二五 plan
            base_year = ctx.plan_starts.get(year)
    if status != "target" and ctx.published_year and year >= ctx.published_year:
        status = "target"  # no outcome of the report's own year or later is known when it is delivered
    elif status == "target" and ctx.published_year and year < ctx.published_year:  # a report targets its own year on
        status = "preliminary" if PRELIMINARY.search(text, where.sentence_start, q.end) else "actual"
    return year, base_year, status
