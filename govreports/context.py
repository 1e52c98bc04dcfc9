"""Where a statement sits in its document: section, years in force, five-year-plan summaries, status words.

A work report reviews one year (一、2013年工作回顾) and sets targets for the next (二、2014年的发展目标);
a plan sets targets 到2015年; a passage that opens with “十三五”时期 summarises a whole plan period
until the text turns to something else (各位代表, 过去一年, a new heading or a dated sentence).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

YEAR = r"((?:19|20)\d{2})"
CN_NUM = "一二三四五六七八九十"
PLAN_PERIODS = {"十五": (2000, 2005), "十一五": (2005, 2010), "十二五": (2010, 2015), "十三五": (2015, 2020), "十四五": (2020, 2025), "十五五": (2025, 2030)}

HEADING_START = re.compile(r"[。!?！？\n:： \t]([一二三四五六七八九十]{1,3}、)")  # opens with its boundary: a fast scan
BY_YEAR = re.compile(r"到" + YEAR + r"年")
TARGET_YEAR = re.compile(YEAR + r"年[^。,;]{0,12}?目标")  # 2021年经济社会发展的主要预期目标是:…
# a year that sets the context of what follows: 2020年实现…, 统计数据显示,2012年,全区…
EXPLICIT_YEAR = re.compile(YEAR + r"年(?=[,:]|实现|完成|预计|初步|有望|(?:首次)?(?:跨越|突破|跨上|迈上)|全[市县区省州盟旗年]|[我本][市县区省州盟旗]|辖区|地区|是)")
NOT_CONTEXT_BEFORE = set("由从比较自至到0123456789")  # 比2010年…, 由2010年…: a comparison, not the context
# a plan by its name: “十二五”; the older 十五 in quotes only (not 十五届, 第十五)
PLAN_NAME = r"十(?:[一二三四五]五|五(?<=[“\"]十五)(?=[”\"]))"  # opens on a literal: a fast scan
PLAN_NAME_RE = re.compile(PLAN_NAME)
PLAN_OPENER = re.compile(rf"({PLAN_NAME})[”\"]?(?:规划|计划)?(?:时期|期间|以来)")
# a sentence setting a plan's goals: 《纲要》提出了我市“十一五”期间经济社会发展的基本目标:
PLAN_GOALS = re.compile(rf"({PLAN_NAME})[”\"]?(?:规划|计划)?(?:时期|期间|末)?[^。:：\n,;]{{0,16}}目标(?:是|为)?[:：]")
# periods named relative to the report: 过去五年, 五年来, 这五年, 本届政府以来 (ending the year before the
# report), 今后五年, 未来五年 (starting the report's year)
N_YEARS = {"两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# (each opens with a character class: Python's re then scans for it fast, which matters on every page)
PAST_PERIOD = re.compile(r"[过这近三四五六本](?:(?<=过)去(?P<a>[三四五六])年[来间里中]?|(?<=[这近])(?P<b>[三四五六])年[来间里中]?"
                         r"|(?<=[三四五六])年来|(?<=本)届政府(?:任期)?(?:以来|期间))")
FUTURE_PERIOD = re.compile(r"[今未](?:(?<=今)后|(?<=未)来)([三四五])年")

# 主要预期目标是: followed by a list of lines (——地区生产总值增长5.5%以上;): every line is a target
TARGET_LIST_OPENER = re.compile(r"目标(?:是|为)?[:：]\s*\n")  # after 主要预期目标, 预期目标, 主要目标, 发展目标 (checked)
TARGET_LIST_HEAD = re.compile(r"(?:主要预期|预期|主要|发展)$")
BULLET = re.compile(r"\s*(?:——|—|-|•|·|\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]是|[一二三四五六七八九十]{1,2}、)")
CLOSER = re.compile(rf"\n|[。!?！？](?=\s*(?:各位代表|过去一年|这一年|一年来|[{CN_NUM}]{{1,3}}、|\([{CN_NUM}]{{1,3}}\)|[{CN_NUM}]是|(?:19|20)\d{{2}}年))")  # a paragraph end, or a sentence turning away

PRELIMINARY = re.compile(r"预计|有望|初步核算|初步统计|初步预计|初步测算")
TARGET_WORDS = re.compile(r"预期(?:目标|指标)(?:为|是|:)|主要(?:预期)?目标|主要预期指标|目标(?:为|是|:)|力争|争取|确保|预期(?:增长|达到|实现)|计划(?:增长|达到|实现|完成)")
STRONG_TARGET_WORDS = re.compile(r"预期(?:目标|指标)(?:为|是|:)|主要(?:预期)?目标|主要预期指标|目标(?:为|是|:)|力争|预期(?:增长|达到|实现)")  # 争取到, 确保了 review
# an outcome measured against a target is no target: 高于预期目标, 超额完成“十五”计划目标, 接近10%左右的预期目标
COMPARED_TO_TARGET = re.compile(r"(?:高于|低于|超过|超出|完成|实现|达到|好于|接近)了?[^,。;]{0,12}?(?:预期目标|预期|目标|计划|任务)")
REPORT_CUES = re.compile(r"各位代表|政府工作报告|工作报告|人民代表大会|工作回顾|过去的一年|过去一年|一年来")


def past_period(m: re.Match, published_year: int) -> tuple[int, int]:
    """(base, last) years a 过去五年 / 这三年 / 四年来 / 本届政府以来 passage covers (五 when unsaid)."""
    n = N_YEARS.get(m.group("a") or m.group("b") or m.group(0)[0], 5)
    return published_year - 1 - n, published_year - 1


def future_period(m: re.Match, published_year: int) -> tuple[int, int]:
    """(base, last) years a 今后五年 / 未来三年 passage plans for."""
    return published_year - 1, published_year - 1 + N_YEARS[m.group(1)]


def after_last(text: str, marks: str, lo: int, pos: int) -> int:
    """Where the stretch before ``pos`` that holds none of ``marks`` begins, looking back to ``lo`` at most
    (bounded searches keep every caller linear)."""
    return max(lo, max(text.rfind(ch, lo, pos) for ch in marks) + 1)


@dataclass(frozen=True)
class Section:
    start: int
    kind: str  # review | target | other
    year: int | None
    period: tuple[int, int] | None = None  # a targets section about a five-year plan: its (base, last) years


# a line of its own heading a section, unnumbered: 2019年工作回顾, “十三五”目标任务和2016年的主要工作
_NO_STOP = r"[^\n。,;:，；：!?！？]"
BARE_HEADING = re.compile(rf"^(?=[^\n]{{4,30}}$){_NO_STOP}*?(?:(?:19|20)\d{{2}}年|过去[一五]年|今年|今后五年|{PLAN_NAME})"
                          rf"{_NO_STOP}*?(?:回顾|工作(?!报)|部署|任务|目标|安排|建议|打算)(?![^\n]*报告){_NO_STOP}{{0,8}}$"  # not a title
                          r"|^(?:经济社会发展的?)?主要预期(?:目标|指标)$", re.M)  # 主要预期目标\n全市地区生产总值增长6.5%以上;…
REVIEW_WORDS = re.compile(r"回顾|回首|回眸|回望|过去|去年|上年|一年来|工作总结|本届政府|这五年|五年来|成就|成效|成绩")  # 成就/成效/成绩: what was achieved
PLAN_HEAD_WORDS = re.compile(r"今年|目标|(?:主要|工作|重点)任务|安排|建议|打算|总体要求|部署|思路|展望|今后|未来|重点工作|工作重点")


def _heading_section(at: int, head: str, published_year: int | None) -> Section:
    """What a top-level heading (一、…) announces: a review of a year, targets for a year, or neither."""
    head = arabic_years(re.split(r"[\n。]", head, maxsplit=1)[0][:40])
    years = [int(y) for y in re.findall(YEAR + "年", head)]
    last = max(years) if years else None
    if (review := REVIEW_WORDS.search(head)) or (last and published_year and last < published_year):  # 一、全面完成2008年各项目标任务
        reviewed = [int(y) for y in re.findall(YEAR + "年", head[: review.start()])] if review else []
        last = max(reviewed) if reviewed else last  # 一、2003年工作回顾和2004年工作总体要求 → 2003
        year = last if last else (published_year - 1 if published_year else None)
        return Section(at, "review", year)
    if PLAN_HEAD_WORDS.search(head) or (last and published_year and last >= published_year):
        five_year = re.search(PLAN_NAME + r"|五年|20\d\d年[^\n]{0,4}(?:远景|愿景)", head)
        year = last if last and not five_year and (not published_year or last <= published_year + 1) else None
        period = None  # 二、“十一五”主要任务及2006年工作 names a year of its own: no plan section
        if not last and (m := FUTURE_PERIOD.search(head)) and published_year:
            period = future_period(m, published_year)
        elif not last and (m := PLAN_NAME_RE.search(head)):
            period = PLAN_PERIODS[m.group(0)]
        return Section(at, "target", year, period)
    return Section(at, "other", None)


def _term_ahead(text: str, section: Section, end: int, published_year: int) -> Section:
    """A targets section naming no year is about a term ahead when its heading says 新一届政府 or its
    body opens on 今后五年 (二、新一届政府的总体要求和目标任务\n今后五年,是…)."""
    line_end = text.find("\n", end, end + 60)
    head = text[end : line_end if line_end > 0 else end + 40]
    if re.search(YEAR + "年|今年|明年|本年", head):
        return section
    if "新一届政府" in head:
        return Section(section.start, "target", None, (published_year - 1, published_year + 4))
    body = line_end + 1 if line_end > 0 else end + 40
    if m := FUTURE_PERIOD.search(text, body, body + 12):
        return Section(section.start, "target", None, future_period(m, published_year))
    return section


BODY_REVIEWS = re.compile(r"\s*(?:" + YEAR + r"年(?:是|,|我们|全市|全县|全区|全省)|过去的?一年|一年来)")
BODY_PLANS = re.compile(r"\s*(?:" + YEAR + r"年|(?:实现)?今年)")


def _opening_of_body(text: str, section: Section, end: int, published_year: int) -> Section:
    """A heading that says neither (一、创业创新开拓奋进…) is told by the first words under it:
    2008年是很不平凡的一年 reviews 2008; 2009年外部环境…, 实现今年…目标 plan the report's year."""
    line_end = text.find("\n", end, end + 60)
    if line_end < 0 or "。" in text[end:line_end]:
        return section  # not a heading line of its own (一、准确定位。当前,…)
    if (m := BODY_REVIEWS.match(text, line_end + 1)) and (m.group(1) is None or int(m.group(1)) < published_year):
        return Section(section.start, "review", int(m.group(1)) if m.group(1) else published_year - 1)
    if (m := BODY_PLANS.match(text, line_end + 1)) and (m.group(1) is None or int(m.group(1)) == published_year):
        return Section(section.start, "target", published_year)
    return section


def sections(text: str, published_year: int | None) -> list[Section]:
    """Top-level sections (一、…) with what they are about: a reviewed year or a target year."""
    out = [Section(0, "other", None)]
    starts = [m.start(1) for m in HEADING_START.finditer(text)]  # 一、 … at the start of a line or sentence
    if (first := re.match(r"[一二三四五六七八九十]{1,3}、", text)) is not None:
        starts.insert(0, first.start())
    for at in starts:
        end = text.index("、", at) + 1
        found = _heading_section(at, text[end : end + 40], published_year)
        if found.kind == "target" and found.year is None and found.period is None and published_year:
            found = _term_ahead(text, found, end, published_year)
        elif found.kind == "other" and published_year:
            found = _opening_of_body(text, found, end, published_year)
        out.append(found)
    # a line of its own may head a section, where no numbered heading tells one or where the numbered ones
    # are the parts of a review (…五、政府自身建设不断加强 … 2019年工作建议)
    # (…五、政府自身建设不断加强 … 2019年工作建议); numbered headings under a targets line are its parts
    telling = [s for s in out if s.kind != "other"]
    bare = [found for m in BARE_HEADING.finditer(text)
            if (not telling or (m.start() > telling[-1].start and not re.match("[一二三四五六七八九十]{1,3}、", m.group(0))))
            and (found := _heading_section(m.start(), m.group(0), published_year)).kind != "other"]
    if bare:
        plans = [s.start for s in bare if s.kind == "target"]
        out = sorted([s for s in out if s.kind != "other" or not plans or s.start < plans[0]] + bare, key=lambda s: s.start)
    if any(s.kind == "review" for s in out):
        return _plans_opened_in_reviews(text, out, published_year)
    resolved = []  # a plan or notice: its targets section is about the year it aims at (到2015年)
    for i, s in enumerate(out):
        end = out[i + 1].start if i + 1 < len(out) else len(text)
        if s.kind == "target" and (s.year is None or s.year == published_year) and (by := BY_YEAR.search(text, s.start, end)) \
                and (not published_year or int(by.group(1)) <= published_year + 5) and not TODAY_TARGETS.search(text, s.start, end):
            s = Section(s.start, s.kind, int(by.group(1)))  # not a report's 今年…目标 nor a distant vision (到2020年)
        resolved.append(s)
    return resolved


def _plans_opened_in_reviews(text: str, out: list[Section], published_year: int | None) -> list[Section]:
    """A paragraph opening on the report's own year (2011年是“十二五”的开局之年) inside a review section
    starts the plans when no heading does (not 今年是…: a report delivered in December says so of the year
    it reviews)."""
    if not published_year:
        return out
    opening = re.compile(rf"\n\s*{published_year}年,?是")
    found = []
    for i, s in enumerate(out):
        end = out[i + 1].start if i + 1 < len(out) else len(text)
        if s.kind == "review" and (m := opening.search(text, s.start, end)):
            found.append(Section(m.start() + 1, "target", published_year))
    return sorted(out + found, key=lambda s: s.start) if found else out


def document_years(text: str, published_year: int | None) -> tuple[int | None, int | None]:
    """(reviewed year, target year) of a document: its first review and first target sections."""
    found = sections(text, published_year)
    reviewed = next((s.year for s in found if s.kind == "review"), None)
    target = next((s.year for s in found if s.kind == "target"), None)
    return reviewed, target


# digits of years printed in Chinese numerals, with the stand-ins copies use for 〇 (○, O, Ο, Ｏ)
YEAR_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {c: 0 for c in "零○OΟＯ"}
CN_YEAR = re.compile("([" + "".join(YEAR_DIGIT) + "]{4})年")
TARGETS_OF_YEAR = re.compile(r"(?:^|[。\n:：,])(?:今年|明年)?" + YEAR + r"年,?[^。\n:：,]{0,24}?主要(?:预期)?(?:目标|指标)(?:是|为|确定为)?[:：]", re.M)
HEADING = re.compile(r"(?:^|(?<=[。!?！？]))[一二三四五六七八九十]{1,2}、([^\n]{2,40})$", re.M)  # top-level headings only (a lost line break before one too)
YEAR_MARK = re.compile(YEAR + "年")
TODAY_TARGETS = re.compile(r"今年[^。]{0,30}(?:目标|力争|预期|计划)")
FUTURE_YEAR = re.compile(r"(?:到|至|展望|～|-)$")


def arabic_years(text: str) -> str:
    """二〇〇七年 / 二OO七年 → 2007年 (year numerals only; lengths change, so not for offsets)."""
    return CN_YEAR.sub(lambda m: "".join(str(YEAR_DIGIT[c]) for c in m.group(1)) + "年", text)


def report_year_from_text(text: str) -> int | None:
    """The year a work report is for, read from what it plans and what it reviews: its headings
    (三、2018年工作建议 → 2018; 一、2007年工作回顾 → 2008), else its targets (2018年…主要预期目标:).
    ``text`` has its years in Arabic digits (``arabic_years``)."""
    found = _report_year_from_headings(text)
    if found and PLAUSIBLE[0] <= found <= PLAUSIBLE[1]:
        return found
    return int(m.group(1)) if (m := TARGETS_OF_YEAR.search(text)) else None


PLAUSIBLE = (1978, 2060)


YEAR_S_WORK = re.compile(r"(?:[一二三四五六七八九十]{1,2}、)?(?:19|20)\d{2}年的?(?:主要)?工作(?:情况)?")  # 一、2004年的工作 (first)


def _report_year_from_headings(text: str) -> int | None:
    found = {h.end(): h.group(0) for h in BARE_HEADING.finditer(text)} | {h.end(): h.group(1) for h in HEADING.finditer(text)}
    heads = sorted(found.items())  # a numbered heading once, though both patterns find it
    reviews = [i == 0 and YEAR_S_WORK.fullmatch(head.strip()) or REVIEW_WORDS.search(head) for i, (_, head) in enumerate(heads)]
    planned = [int(y.group(1)) for (_, head), review in zip(heads, reviews) if not review
               for y in re.finditer(r"(?<![到至])" + YEAR + "年(?!远景|以来)", head)]
    if planned:  # 三、2018年工作建议, 三、努力做好2006年工作 → the latest year a heading plans
        return max(planned)
    for i, (end, head) in enumerate(heads):  # 一、2007年工作回顾, 一、过去五年回顾和2017年主要工作 → 2008
        if (review := REVIEW_WORDS.search(head)) or (i == 0 and "工作" in head):
            if years := [int(y) for y in re.findall(YEAR + "年(?!远景)", head[: review.start()] if review else head)] or \
                    [int(y) for y in re.findall(YEAR + "年(?!远景)", head)]:
                return max(years) + 1
            if (plan := PLAN_NAME_RE.search(head)) and "回顾" in head:  # 一、“十二五”时期经济社会发展回顾
                return PLAN_PERIODS[plan.group(0)][1] + 1
            if re.search("去年|上年|过去一年", head) and (y := YEAR_MARK.search(text, end, end + 200)):
                return int(y.group(1)) + 1  # 一、去年工作回顾\n2013年,在市委的正确领导下…
    return None


def latest_repeated_year(text: str, review_end: int | None = None) -> int | None:
    """The latest year a text keeps speaking of, in a run of years (a plan's distant 2023 or 2035 is no
    report's year); the year after it when the text calls its own year 今年 and sets that year targets, when
    it estimates that year (预计2007年), or when it opens with a review naming no year that ends at
    ``review_end`` and the year is not spoken of after it, or when a sentence opens on the next year
    (2009年是…的重要一年).
    ``text`` has its years in Arabic digits (``arabic_years``)."""
    counts: dict[int, int] = {}
    for m in YEAR_MARK.finditer(text):
        if text.startswith("政府工作报告", m.end(), m.end() + 20) or "报告\n" in text[m.end() : m.end() + 24]:
            continue  # titles of other reports listed around a copy (…2025年政府工作报告)
        if PLAUSIBLE[0] <= int(m.group(1)) <= PLAUSIBLE[1] and not FUTURE_YEAR.search(text, max(0, m.start() - 2), m.start()) \
                and not text.startswith("远景", m.end()):
            counts[int(m.group(1))] = counts.get(int(m.group(1)), 0) + 1
    frequent = [y for y, n in counts.items() if n >= 2 and (y - 1 in counts or y - 2 in counts)]
    if not frequent:
        return None
    latest = max(frequent)  # its own year, or the year it reviews when it calls its own 今年 or estimates it
    if (TODAY_TARGETS.search(text) and not re.search(f"{latest}年[^。]{{0,30}}(?:目标|力争|预期|计划)", text)) \
            or re.search(f"预计{latest}年|{latest}年(?:全年)?预计", text) \
            or (review_end is not None and f"{latest}年" not in text[review_end:]) \
            or re.search(f"(?:^|[。\n]){latest + 1}年是", text, re.M):
        return latest + 1
    return latest


def _start_of_sentence(text: str, pos: int) -> int:
    return after_last(text, "。!?！？\n", max(0, pos - 400), pos)  # a sentence is not longer


def _sentence_start(text: str, pos: int) -> int | None:
    """Where the sentence starts if only spaces or an opening quote stand before ``pos``, else None."""
    i = pos - 1
    while i >= 0 and text[i] in " \t“\"—-":
        i -= 1
    return i + 1 if i < 0 or text[i] in "。!?！？\n" else None


WHOLE_OF = re.compile(r"全[国省市县区州盟旗]")
SUBJECT_HEAD = re.compile(r"(?:^|[,。;:\n])(?:[^,。;:\n]{0,6}年,?)?$")  # 全X at the head of a phrase: ,全市… / 2012年,全市…
OWN_REFERENCE = re.compile(r"[我本该][市县区省州盟旗]|辖区")
# the region a report speaks for, from its meeting line or its opening: 在博野县第十七届人民代表大会…, 我代表博野县人民政府
OWN_NAME = re.compile(r"在([\u4e00-\u9fff]{2,12}?)第[一二三四五六七八九十\d]{1,3}届人民代表大会|我代表([\u4e00-\u9fff]{2,12}?)人民政府")
PLACE_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|地区|新区|市|县|区|省|州|盟|旗)$")


def _region_of(text: str) -> tuple[tuple[str, ...], str | None]:
    """(names the document's region goes by, its 全X word): 深圳市罗湖区 → (深圳市罗湖区, 罗湖区, 罗湖), 全区.

    The 全X word follows the name's suffix; without a name, it is the one the text most often makes a
    subject (at the head of a phrase: a city's report ranks itself 居全省第一 but says ,全市…)."""
    names: list[str] = []
    whole = None
    if m := OWN_NAME.search(text, 0, 4000):
        full = (m.group(1) or m.group(2)).removesuffix("人民")
        last = re.split(r"(?<=[省市州盟])(?=.)", full)[-1] or full  # 深圳市罗湖区 → 罗湖区
        names = [n for n in {full, last, PLACE_SUFFIX.sub("", last)} if len(n) >= 2]
        whole = "全" + last[-1] if last[-1] in "省市县区州盟旗" else None
    if whole is None:
        counts: dict[str, int] = {}
        for m in WHOLE_OF.finditer(text):
            if m.group(0) != "全国" and SUBJECT_HEAD.search(text, max(0, m.start() - 9), m.start()):
                counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        whole = max(counts, key=counts.get) if counts else None
    return tuple(sorted(names, key=len, reverse=True)), whole


class DocContext:
    """Positions of sections, context years and plan-period passages of one document."""

    def __init__(self, text: str, published_year: int | None):
        self.text = text
        self.published_year = published_year
        self.sections = sections(text, published_year)
        # before 2014 rural income was measured as 纯收入: a report that says so means it by 城乡居民收入 too
        self.rural_income_is_net = "纯收入" in text and not re.search(r"农村(?:常住)?居民人均可支配收入", text)
        self.own_names, self.self_word = _region_of(text)
        # a report reviews the year before it; other documents have no default year
        is_report = any(s.kind == "review" for s in self.sections) or REPORT_CUES.search(text, 0, 3000)
        self.reviewed_year = published_year - 1 if published_year and is_report else None
        self._section_starts = [s.start for s in self.sections]
        self._year_pos: list[int] | None = None  # context years, found on first use
        self._year_val: list[int] = []
        self._openers = sorted(
            [(start, PLAN_PERIODS[m.group(1)]) for m in PLAN_OPENER.finditer(text)
             if (start := _sentence_start(text, m.start())) is not None]
            + [(start, period) for m, period in self._relative_periods(text)
               if (start := _sentence_start(text, m.start())) is not None]
            + [(_start_of_sentence(text, m.start()), PLAN_PERIODS[m.group(1)]) for m in PLAN_GOALS.finditer(text)]
        )
        self._opener_starts = [o for o, _ in self._openers]
        self._target_lists = self._target_list_spans(text)
        self._target_list_starts = [a for a, _ in self._target_lists]
        self._closers = []
        if self._openers:  # sentences that turn away from a plan summary: only needed when there is one
            self._closers = [m.start() for m in CLOSER.finditer(text)]
        self.plan_starts = {PLAN_PERIODS[m.group(0)][1]: PLAN_PERIODS[m.group(0)][0] for m in PLAN_NAME_RE.finditer(text)}

    def _relative_periods(self, text: str):
        """Passages opened by 过去五年/今后五年…, with the years they span (needs the report's year)."""
        y = self.published_year
        if not y:
            return []
        return [(m, past_period(m, y)) for m in PAST_PERIOD.finditer(text)] + \
            [(m, future_period(m, y)) for m in FUTURE_PERIOD.finditer(text)]

    @staticmethod
    def _target_list_spans(text: str) -> list[tuple[int, int]]:
        spans = []
        for m in TARGET_LIST_OPENER.finditer(text):
            if not TARGET_LIST_HEAD.search(text, max(0, m.start() - 4), m.start()):
                continue
            if spans and m.start() < spans[-1][1]:
                continue  # inside the list before: spans stay sorted and apart
            end = pos = m.end()
            if pos < len(text) and not BULLET.match(text, pos):  # 主要预期目标是:\n全县生产总值…: the paragraph it opens
                nl = text.find("\n", pos)
                end = len(text) if nl < 0 else nl + 1
            while pos < len(text) and BULLET.match(text, pos):
                nl = text.find("\n", pos)
                end = pos = len(text) if nl < 0 else nl + 1
            spans.append((m.start(), end))
        return spans

    def names_itself(self, text: str, start: int, end: int) -> bool:
        """The words name the document's region: its 全X word (全市 in a city's report), 我市/本区, its name."""
        found = text[start:end]
        return (self.self_word is not None and self.self_word in found) or bool(OWN_REFERENCE.search(found)) \
            or any(name in found for name in self.own_names)

    def names_another_place(self, text: str, start: int, end: int) -> bool:
        """The words name another place: 全国, or a 全X that is not the document's own (全省 in a city's report)."""
        return any(w != self.self_word for w in WHOLE_OF.findall(text, start, end)) if self.self_word else "全国" in text[start:end]

    def names_a_single_year(self, text: str, start: int, end: int, plan: tuple[int, int]) -> bool:
        """The sentence is about one year, not a plan's span: 今年, 明年, or a year by number that is not
        where the plan ends or begins (2022年…增长8% inside a 今后五年 passage)."""
        sentence = text[start:end]
        if "今年" in sentence or "明年" in sentence:
            return True
        return any(int(m.group(1)) not in plan and (not m.start() or sentence[m.start() - 1] not in "到至比较由从")
                   for m in YEAR_MARK.finditer(sentence))

    def in_target_list(self, pos: int) -> bool:
        i = bisect.bisect_right(self._target_list_starts, pos)  # the spans do not overlap: they are sorted
        return bool(i) and pos < self._target_lists[i - 1][1]

    def period_at(self, pos: int) -> tuple[int, int] | None:
        """The five-year period a review section about 过去五年 covers, for base years of 年均增长."""
        section = self.section_at(pos)
        if section.kind != "review" or not self.published_year:
            return None
        head = self.text[section.start : section.start + 40].split("\n", 1)[0]
        return past_period(m, self.published_year) if (m := PAST_PERIOD.search(head)) else None

    def section_at(self, pos: int) -> Section:
        return self.sections[bisect.bisect_right(self._section_starts, pos) - 1]

    def running_year(self, pos: int) -> int | None:
        """The last context-setting year stated before ``pos``."""
        if self._year_pos is None:
            marks = [(m.start(), int(m.group(1))) for m in EXPLICIT_YEAR.finditer(self.text)
                     if not m.start() or self.text[m.start() - 1] not in NOT_CONTEXT_BEFORE]
            self._year_pos, self._year_val = [p for p, _ in marks], [y for _, y in marks]
        i = bisect.bisect_left(self._year_pos, pos)
        return self._year_val[i - 1] if i else None

    def plan_scope(self, pos: int) -> tuple[int, int] | None:
        """(start, end) years of the plan period a summary passage around ``pos`` is about."""
        i = bisect.bisect_right(self._opener_starts, pos)
        if not i:
            return None
        opened, period = self._openers[i - 1]
        j = bisect.bisect_right(self._closers, opened)
        if j < len(self._closers) and self._closers[j] <= pos:
            return None
        return period

    def plan_near(self, pos: int) -> tuple[int, int] | None:
        """The plan period named closest before ``pos`` in the same paragraph (300 characters at most)."""
        start = self.text.rfind("\n", max(0, pos - 300), pos) + 1
        last = None
        for last in PLAN_NAME_RE.finditer(self.text, max(start, pos - 300), pos):  # noqa: B007 — the last match is kept
            pass
        return PLAN_PERIODS[last.group(0)] if last else None

    def status(self, sentence: str, section: Section, pos: int) -> str:
        """Status words of a sentence (up to 。), or the section's: target, preliminary or actual."""
        plain = COMPARED_TO_TARGET.sub("", sentence)
        by = BY_YEAR.search(sentence)
        cues = STRONG_TARGET_WORDS if section.kind == "review" else TARGET_WORDS
        if section.kind == "target" or cues.search(plain) or self.in_target_list(pos) or (
            by and (self.published_year is None or int(by.group(1)) >= self.published_year)
        ):
            return "target"
        return "preliminary" if PRELIMINARY.search(sentence) else "actual"
