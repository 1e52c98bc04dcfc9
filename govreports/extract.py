"""Indicator observations from normalised report text, each with its sentence and offsets.

The text is cut into sentences (。) and clauses (；). In each clause, catalog aliases (mentions) and
printed quantities are found; a quantity is attached to the mention it follows when nothing but
connective words stands between them, to each member of an enumeration when 分别/均 says so, and
never across a comparison (高于预期目标…), a share of something else (占…比重) or a sub-annual period.
Year and status come from the clause (到2015年, 2020年, 预计 …), then the document's section
(一、2013年工作回顾 / 二、2014年的发展目标), then the running context of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreports.catalog import BY_ID, COMPOUND_ALIASES, CONTINUATION_ALIASES, INDICATORS
from govreports.numbers import Quantity, find_quantities

YEAR = r"((?:19|20)\d{2})"
DAMAGED = "\ufffd"
CN_NUM = "一二三四五六七八九十"

_aliases = sorted(
    [(a, (ind.id,)) for ind in INDICATORS for a in ind.aliases] + list(COMPOUND_ALIASES.items()),
    key=lambda x: len(x[0]),
    reverse=True,
)
ALIAS_TO_IDS = dict(_aliases)
MENTION = re.compile("|".join(re.escape(a) for a, _ in _aliases))
CONTINUATION = re.compile("|".join(sorted(map(re.escape, CONTINUATION_ALIASES), key=len, reverse=True)))
INTENSITY_HEAD = re.compile(r"万元(?:GDP|生产总值)")

# Mentions that are really about something else: 万元GDP二氧化碳…, 占GDP比重, 人均… handled by aliases.
BLOCK_BEFORE = re.compile(r"(?:万元|单位|每|占[^,。;]{0,8}|城市更新|更新项目|工业|民间|房地产|基础设施|产业|政府投资|项目)$")
SUB_ANNUAL = re.compile(r"(一季度|第[一二三四]季度|[一二三]季度|上半年|下半年|前三季度|\d{1,2}-\d{1,2}月|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,2}月|前\S{1,2}个月)")

SENTENCE_END = re.compile(r"[。!?！？\n]")
CLAUSE_END = re.compile(r"[;；]")
SEPARATOR = re.compile(r"^[\s、,和及与以及或]*$")

GROWTH = re.compile(
    r"(?P<kind>年均|累计)?(?:同比|比上年|较上年|比去年|较去年)?"
    r"(?P<verb>增长|递增|增速|增幅|上升|提高|拉升|增加|下降|回落|减少|降低|下滑|降|增)"
    r"(?:了|为|达到|达)?$"
)
TO_LEVEL = re.compile(r"(?:增加|增长|提高|上升|下降|降低|减少|降|升)(?:到|至)$")
ABSOLUTE_CHANGE = re.compile(r"(?:增加|新增|增长|减少|下降)了?$")
DOWN = {"下降", "回落", "减少", "降低", "下滑", "降"}
COMPARISON = re.compile(r"(?:高于|低于|超过|超出|快于|慢于|多于|少于|比全[市省国]|全[市省国](?:平均)?水平的|是全[市省国])[^,]*$")
QUAL_BEFORE = [
    (re.compile(r"(?:约|近|接近|大约)$"), "approx"),
    (re.compile(r"(?:突破|超过|逾|超|不低于|不少于|达到或超过)$"), "ge"),
    (re.compile(r"(?:控制在|不超过|不高于|低于)$"), "le"),
]
QUAL_AFTER = [
    (re.compile(r"左右"), "approx"),
    (re.compile(r"以上|多"), "ge"),
    (re.compile(r"以内|以下"), "le"),
]
# Connective words that may stand between a mention and its value; anything else means another subject.
FILLER = re.compile(
    r"\([^)]*\)|（[^）]*）|同比|比上年|较上年|比去年|较去年|全年|年均|累计|分别|均|实际|名义|按可比价格计算|按可比口径计算?|"
    r"剔[除出][^,]{0,20}?因素后?|扣除[^,]{0,20}?因素后?|不含[^,]{0,20}|同口径|首次|继续|再度|进一步|保持|约|近|超过|突破|"
    r"达到|达|为|是|完成|实现|增长|增速|增幅|下降|回落|减少|降低|上升|提高|拉升|递增|控制在|以内|左右|以上|了|至|到|降|"
    r"占GDP的?比重|比重|占比|居全[市省国区][^,]{0,6}第[一二三四五六七八九十\d]+位?|(?:排名|位居|居)[^,]{0,8}第[一二三四五六七八九十\d]+位?|"
    r"创[^,]{0,12}(?:新高|新低|最高|最低|最好)|总量|总额|"
    + YEAR + r"年的?|全区|辖区|本区|我区|预计|初步(?:核算|统计|预计|测算)"
)
CJK = re.compile(r"[\u4e00-\u9fff]")

PRELIMINARY = re.compile(r"预计|初步核算|初步统计|初步预计|初步测算")
TARGET_WORDS = re.compile(r"预期目标(?:为|是|:)|主要目标|目标(?:为|是)|力争|争取|确保|计划|预期")
COMPARED_TO_TARGET = re.compile(r"(?:高于|低于|超过|超出|完成|实现|达到)了?(?:年度|年初|全年)?(?:预期)?目标")
BY_YEAR = re.compile(r"到" + YEAR + r"年")
EXPLICIT_YEAR = re.compile(r"(?<![由从比较自至到\d])" + YEAR + r"年(?=[,:]|实现|完成|全[区年]|罗湖|我区|本区|辖区|地区|是)")
YEAR_BEFORE_VALUE = re.compile(r"(?:由|从|到|至)?" + YEAR + r"年(?:的|底|末)?$")
PLAN_PERIODS = {"十一五": (2005, 2010), "十二五": (2010, 2015), "十三五": (2015, 2020), "十四五": (2020, 2025), "十五五": (2025, 2030)}
BASE_YEAR = re.compile(r"(?:比|较|由|从|与)" + YEAR + r"年")

HEADING = re.compile(rf"(?:^|(?<=[。\n\s:]))[{CN_NUM}]{{1,3}}、")
REVIEW_HEAD = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年)?[^。]{0,6}?(?:工作)?回顾")
TARGET_HEAD = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年)?[^。,]{0,4}?(?:的)?(?:发展目标|主要目标|工作安排|主要工作|工作任务|主要任务|总体要求)")


@dataclass(frozen=True)
class Observation:
    indicator: str
    measure: str
    year: int
    base_year: int | None
    status: str
    qualifier: str
    value: float
    unit: str
    value_as_printed: str
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Section:
    start: int
    kind: str  # review | target | other
    year: int | None


@dataclass(frozen=True)
class Mention:
    ids: tuple[str, ...]
    start: int
    end: int


def sections(text: str, published_year: int | None) -> list[Section]:
    """Top-level sections (一、…) with what they are about: a reviewed year or a target year."""
    out = [Section(0, "other", None)]
    for m in HEADING.finditer(text):
        head = text[m.end() : m.end() + 40]
        if (r := REVIEW_HEAD.match(head)) and "回顾" in head[:20]:
            year = int(r.group("year")) if r.group("year") else (published_year - 1 if published_year else None)
            out.append(Section(m.start(), "review", year))
        elif (t := TARGET_HEAD.match(head)) :
            year = int(t.group("year")) if t.group("year") else None
            out.append(Section(m.start(), "target", year))
        else:
            out.append(Section(m.start(), "other", None))
    resolved = []
    for i, s in enumerate(out):
        end = out[i + 1].start if i + 1 < len(out) else len(text)
        if s.kind == "target" and s.year is None and (by := BY_YEAR.search(text, s.start, end)):
            s = Section(s.start, s.kind, int(by.group(1)))
        resolved.append(s)
    return resolved


def document_years(text: str, published_year: int | None) -> tuple[int | None, int | None]:
    """(reviewed year, target year) of a document: its first review and first target sections."""
    found = sections(text, published_year)
    reviewed = next((s.year for s in found if s.kind == "review"), None)
    target = next((s.year for s in found if s.kind == "target"), None)
    return reviewed, target


def _spans(pattern: re.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in pattern.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def mentions(text: str, start: int, end: int) -> list[Mention]:
    out: list[Mention] = []
    for m in MENTION.finditer(text, start, end):
        alias = m.group(0)
        if BLOCK_BEFORE.search(text[max(start, m.start() - 10) : m.start()]) and "占" not in alias:
            continue
        out.append(Mention(ALIAS_TO_IDS[alias], m.start(), m.end()))
    heads = [m for m in out if INTENSITY_HEAD.match(text, m.start)]
    if heads:
        taken = [(m.start, m.end) for m in out]
        for c in CONTINUATION.finditer(text, heads[0].end, end):
            if not any(a <= c.start() < b for a, b in taken):
                out.append(Mention((CONTINUATION_ALIASES[c.group(0)],), c.start(), c.end()))
    return sorted(out, key=lambda m: m.start)


def _gap_ok(gap: str) -> bool:
    """True when ``gap`` holds only connective words (no other subject between mention and value)."""
    rest = FILLER.sub("", gap)
    return len(CJK.findall(rest)) <= 1 and not re.search(r"[A-Za-z]{2,}", rest)


def _qualifier(text: str, q: Quantity, lead: str, run_end: int) -> str:
    """左右/以上/以内 after the value (or after the last value of its list), else 约/突破/控制在 before it."""
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


class _Context:
    """What a document says about years and status around a position."""

    def __init__(self, text: str, published_year: int | None):
        self.text = text
        self.published_year = published_year
        self.sections = sections(text, published_year)

        self.plan_starts = {end: start for name, (start, end) in PLAN_PERIODS.items() if name in text}

    def plan_before(self, pos: int) -> tuple[int, int] | None:
        """The plan period (“十三五”…) named closest before ``pos`` in the same paragraph."""
        start = self.text.rfind("\n", 0, pos) + 1
        window = self.text[max(start, pos - 300) : pos]
        found = [(window.rfind(name), name) for name in PLAN_PERIODS if name in window]
        return PLAN_PERIODS[max(found)[1]] if found else None

    def section_at(self, pos: int) -> Section:
        current = self.sections[0]
        for s in self.sections:
            if s.start <= pos:
                current = s
        return current


def _measure(lead: str, q: Quantity, unit: str | None) -> tuple[str, int] | None:
    """(measure, sign) for a quantity given the words right before it; None when it is no statement."""
    if COMPARISON.search(lead):
        return None
    if q.dim in ("pp",):
        g = GROWTH.search(lead)
        if not g or g.group("kind"):
            return None
        return "change_pp", -1 if g.group("verb") in DOWN else 1
    if TO_LEVEL.search(lead):
        return "level", 1
    g = GROWTH.search(lead)
    if q.dim == "percent":
        if g:
            kind = {"年均": "cagr", "累计": "cumulative"}.get(g.group("kind") or "", "growth")
            return kind, -1 if g.group("verb") in DOWN else 1
        return ("level", 1) if unit == "percent" else None
    if ABSOLUTE_CHANGE.search(lead):
        return None
    return "level", 1


def extract(text: str, published_year: int | None = None) -> list[Observation]:
    """Every core-catalog observation stated in a normalised document text."""
    ctx = _Context(text, published_year)
    out: list[Observation] = []
    running_year: int | None = None
    for s_start, s_end in _spans(SENTENCE_END, text, 0, len(text)):
        sentence = text[s_start:s_end]
        plain = COMPARED_TO_TARGET.sub("", sentence)
        section = ctx.section_at(s_start)
        by_year = BY_YEAR.search(sentence)
        is_target = section.kind == "target" or bool(TARGET_WORDS.search(plain)) or bool(
            by_year and (published_year is None or int(by_year.group(1)) >= published_year)
        )
        status = "target" if is_target else ("preliminary" if PRELIMINARY.search(sentence) else "actual")
        for c_start, c_end in _spans(CLAUSE_END, text, s_start, s_end):
            out.extend(_clause(text, c_start, c_end, status, section, running_year, ctx))
        for m in EXPLICIT_YEAR.finditer(sentence):
            running_year = int(m.group(1))
    return out


def _clause(text, c_start, c_end, status, section, running_year, ctx) -> list[Observation]:
    if DAMAGED in text[c_start:c_end]:
        return []  # a clause with an unrecoverable character never yields an observation
    found = mentions(text, c_start, c_end)
    if not found:
        return []
    quantities = [q for q in find_quantities(text, c_start, c_end)
                  if q.start >= found[0].end and text[q.start - 1] not in "?？"]  # 1?88亿元: a lost digit
    tokens = sorted([("m", m.start, m) for m in found] + [("q", q.start, q) for q in quantities], key=lambda t: t[1])
    clause_text = text[c_start:c_end].strip()
    out: list[Observation] = []
    group: list[Mention] = []
    prev_end = c_start
    prev_kind = None
    i = 0
    while i < len(tokens):
        kind, _, tok = tokens[i]
        if kind == "m":
            joined = prev_kind in ("m", "paren") and SEPARATOR.match(text[prev_end : tok.start])
            group = group + [tok] if joined else [tok]
            prev_end, prev_kind = tok.end, "m"
            i += 1
            continue
        # a run of quantities separated only by 、/和/,
        run = [tok]
        j = i + 1
        while j < len(tokens) and tokens[j][0] == "q" and SEPARATOR.match(text[run[-1].end : tokens[j][2].start]):
            run.append(tokens[j][2])
            j += 1
        lead_full = text[prev_end : run[0].start]
        i = j
        if not group:
            prev_end, prev_kind = run[-1].end, "q"
            continue
        # (2.6平方米) right after a mention: that mention's level
        if prev_kind == "m" and lead_full in ("(", "（") and text[run[-1].end : run[-1].end + 1] in (")", "）"):
            chosen = [(group[-1], group[-1].ids[0], run[0])]
            out.extend(_observe(text, chosen, "", status, section, running_year, ctx, clause_text))
            prev_end, prev_kind = run[-1].end + 1, "paren"
            continue
        paren_depth = text[c_start : run[0].start].count("(") - text[c_start : run[0].start].count(")")
        if paren_depth > 0 or SUB_ANNUAL.search(text[c_start : run[0].start]) or not _gap_ok(lead_full):
            prev_end, prev_kind = run[-1].end, "q"
            continue
        pairs = [(m, ind) for m in group for ind in m.ids]
        lead = lead_full[-14:]
        if len(pairs) == 1:
            chosen = [(pairs[0][0], pairs[0][1], run[0])]
        elif len(run) == len(pairs):
            chosen = [(m, ind, q) for (m, ind), q in zip(pairs, run)]
        elif len(run) == 1 and "均" in lead:
            chosen = [(m, ind, run[0]) for m, ind in pairs]
        else:
            chosen = []  # an enumeration whose values do not line up: no guess
        out.extend(_observe(text, chosen, lead, status, section, running_year, ctx, clause_text))
        prev_end, prev_kind = run[-1].end, "q"
    return out


def _observe(text, chosen, lead, status, section, running_year, ctx, clause_text) -> list[Observation]:
    out = []
    run_end = max((q.end for _, _, q in chosen), default=0)
    year_m = YEAR_BEFORE_VALUE.search(lead)
    verb_lead = lead[: year_m.start()] if year_m else lead
    for mention, ind_id, q in chosen:
        ind = BY_ID[ind_id]
        got = _measure(verb_lead, q, ind.unit)
        if got is None:
            continue
        measure, sign = got
        if verb_lead.endswith(("由", "从")) and not year_m:
            continue  # 由184亿元增长至384亿元: the starting year is not printed
        if measure not in ind.measures or q.high is not None:
            continue
        unit = ind.unit_for(measure)
        value = q.in_unit(unit)
        if value is None:
            continue
        year, base_year, obs_status = _when(text, mention.start, q, year_m, measure, status, section, running_year, ctx)
        if year is None:
            continue
        out.append(
            Observation(
                indicator=ind_id,
                measure=measure,
                year=year,
                base_year=base_year,
                status=obs_status,
                qualifier=_signed(_qualifier(text, q, verb_lead, run_end), sign),
                value=sign * value,
                unit=unit,
                value_as_printed=q.printed,
                text=clause_text,
                char_start=mention.start,
                char_end=q.end,
            )
        )
    return out


def _when(text, m_start, q, year_m, measure, status, section, running_year, ctx):
    """(year, base_year, status) of a statement."""
    sentence_start = max(text.rfind(ch, 0, m_start) for ch in "。\n!?") + 1
    before = text[sentence_start : q.start]
    year = None
    if year_m:
        year = int(year_m.group(1))
    elif by := list(BY_YEAR.finditer(before)):
        year = int(by[-1].group(1))
    elif explicit := list(EXPLICIT_YEAR.finditer(before)):
        year = int(explicit[-1].group(1))
    elif section.year is not None:
        year = section.year
    elif running_year is not None:
        year = running_year
    base_year = None
    if measure in ("cagr", "cumulative") and year is not None:
        if b := BASE_YEAR.search(before):
            base_year = int(b.group(1))
        elif (plan := ctx.plan_before(q.start)) and plan[1] == year:
            base_year = plan[0]
        else:  # 到2015年…年均增长10% in a document about the 十二五 plan
            base_year = ctx.plan_starts.get(year)
    if year is not None and status != "target" and ctx.published_year and year >= ctx.published_year + 1:
        status = "target"
    return year, base_year, status
