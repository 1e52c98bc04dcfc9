"""HTML pages → documents: title, dates, kind and normalised main text, without per-site selectors.

Common Chinese government CMS layouts are recognised by their containers (szlh-style ``div.tit`` and
``news_cont_d_wrap``, TRS ``#zoom``/``.TRS_Editor``, generic article/content divs), with the densest
block of paragraphs as the fallback. A page listing several complete items (an aggregator) is split
into one document per item. Every walk over the tree is iterative and linear, so enormous or deeply
nested pages cannot exhaust the stack or take quadratic time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bs4 import BeautifulSoup, NavigableString, Tag

from govreports.context import TARGETS_OF_YEAR, YEAR_DIGIT, arabic_years, latest_repeated_year, report_year_from_text
from govreports.decode import Decoded, decode
from govreports.normalize import Normalized, normalize, simplify_char

BODY_SELECTORS = (
    "#zoom", ".TRS_Editor", ".news_cont_d_wrap", ".article-content", ".article_content", ".content_text",
    "#content", ".article", "article", ".detail-content", ".main-content", ".view", ".con_text",
)
TITLE_SELECTORS = (".tit h1", ".xxgk_title h1", ".article-title", ".title h1", "h1", ".tit", ".title")
INFO_SELECTORS = (".tit_info", ".xxgk_info", ".info", ".article-info", ".source", ".time", ".date")
DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "button", "select", "nav", "header", "footer", "template")
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th",
    "section", "article", "blockquote", "pre", "dd", "dt", "dl", "aside",
}
BOILERPLATE = re.compile(r"^\s*(扫一扫|掃一掃|分享到|分享至|上一篇|下一篇|上一条|下一条|【?打印|关闭窗口|【?关闭|责任编辑|编辑[:：]|来源[:：].{0,20}$)")
RELATED = re.compile(r"^\s*(相关报道|相关链接|相关新闻|相关文章|延伸阅读|相關報道|相關鏈接)\s*$")

DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
LABELLED_DATE = re.compile(r"(?:发布时间|發布時間|发布日期|發布日期|日期|时间|時間)\s*[:：]?\s*" + DATE.pattern)
CN_DATE = re.compile("([" + "".join(YEAR_DIGIT) + "]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
# —2021年2月5日在博野县第十七届人民代表大会第五次会议上; (二〇〇八年二月二十日…); anywhere near the top
MEETING_DATE = re.compile(r"(?m:^|[—\-－(（]|(?<=报告))[\s—\-－(（]*(?:" + DATE.pattern + "|" + CN_DATE.pattern + r")[)）]?\s*在[^。\n]{0,40}?\n?(?:人民代表大会|人大)")  # a line may break before 人民代表大会
MEETING_THEN_DATE = re.compile(r"在[^。\n]{0,40}?(?:人民代表大会|人大)[^。\n]{0,20}\n(?:[^\n]{0,30}\n)?\s*[(（](?:"
                               + DATE.pattern + "|" + CN_DATE.pattern + r")[)）]")
MEETING_WINDOW = 4000
# the report's own year in its title or opening lines: 2021年博野县政府工作报告
REVIEW_HEAD = re.compile(r"^\s*[一二]、[^\n\d]{0,12}(?:过去|回顾)[^\n\d]{0,12}$", re.M)  # 一、过去五年的工作回顾: no year of its own
NEXT_HEAD = re.compile(r"^\s*[二三]、", re.M)  # where such a review ends
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年[^。\n]{0,20}?政府工作报告")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,6}[〔\[（(](?:19|20)\d{2}[〕\]）)]\d{1,4}号")

KINDS = ("work_report", "news", "plan_notice", "other")
PLAN_TITLE = re.compile(r"(通知|方案|规划|计划|纲要|意见|办法|决定|公告|通告)$")


@dataclass
class Document:
    """One document of a page. ``text`` is normalised; observation offsets point into it."""

    doc_id: str
    ordinal: int
    title: str
    page_date: date | None  # the date the page shows (a re-post date on mirrors)
    published: date | None  # vintage: the delivery date of a report, else the page date
    meeting_date: date | None
    kind: str
    report_year: int | None  # the year the document is dated in (a work report: the year it was delivered)
    text: str
    source_text: str  # the page's own text of the document, before normalisation
    norm: Normalized = field(repr=False)
    encoding: str = ""
    encoding_how: str = ""
    encoding_declared: str | None = None
    year_stated: bool = False  # report_year is stated by the report (meeting line, headings, targets), not guessed


def _cn_small(numeral: str) -> int:
    """一 … 三十一 (months and days)."""
    if "十" not in numeral:
        return YEAR_DIGIT.get(numeral, 0)
    tens, _, units = numeral.partition("十")
    return (YEAR_DIGIT[tens] if tens else 1) * 10 + (YEAR_DIGIT[units] if units else 0)


def meeting_date(text: str) -> date | None:
    """The day a report was delivered to the people's congress, from the line that says so (or from the
    dated line under it: ——在河北省第十一届人民代表大会第三次会议上 / 河北省代省长 陈全国 / (2010年1月18日))."""
    m = MEETING_DATE.search(text, 0, MEETING_WINDOW) or MEETING_THEN_DATE.search(text, 0, MEETING_WINDOW)
    if not m:
        return None
    try:
        if m.group(1):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        year = int("".join(str(YEAR_DIGIT[c]) for c in m.group(4)))
        return date(year, _cn_small(m.group(5)), _cn_small(m.group(6)))
    except (ValueError, KeyError):  # 二月三十日, 十十日: no date
        return None


def report_year(title: str, text: str, meeting: date | None) -> tuple[int | None, bool]:
    """The year a work report is for, and whether the report states it itself: its meeting's (the next, for
    a congress held in November or December, which reviews the year it meets in), else what its own
    headings and targets say; else, guessed, its title's (copy sites title reports with the wrong year more
    often than the reports misdate themselves), else the latest year it keeps speaking of."""
    if meeting:
        return (meeting.year + 1 if meeting.month >= 11 else meeting.year), True
    years_text = arabic_years(text[:60000])  # 二〇〇七年 → 2007年, once for both readings below
    if found := report_year_from_text(years_text):
        return found, True
    first_lines = "\n".join(text.lstrip()[:200].split("\n", 3)[:3])  # a copy site's page: 工作报告\n满城区2021年政府工作报告
    if m := TITLE_YEAR.search(title + "\n" + first_lines):  # not 2020年政府工作报告确定的目标… quoted later
        return int(m.group(1)), False
    review = REVIEW_HEAD.search(years_text)
    after = NEXT_HEAD.search(years_text, review.end()) if review else None
    return latest_repeated_year(years_text, review_end=after.start() if after else None), False


def parse_date(text: str) -> date | None:
    m = DATE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def block_text(el: Tag) -> str:
    """Visible text of ``el`` with a newline at every block boundary and none inside inline runs."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n")
        elif isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment, CDATA or doctype
                parts.append(str(node))
        elif isinstance(node, Tag):
            if node.name in BLOCK_TAGS:
                parts.append("\n")
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
    lines = (line.strip(" \t\r") for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line.strip())


class _Index:
    """First element per id, class and tag name, built in one pass (CSS engines rescan the tree per selector)."""

    def __init__(self, soup: BeautifulSoup):
        self.soup = soup
        self.first: dict[str, Tag] = {}
        for el in soup.find_all(True):
            for key in [el.name, *(f".{c}" for c in el.get("class", ())), *((f"#{el['id']}",) if el.get("id") else ())]:
                self.first.setdefault(key, el)

    def select(self, selector: str) -> Tag | None:
        """Simple selectors ("#id", ".class", "tag", ".class tag") from the index; others via soupsieve."""
        parts = selector.split()
        if len(parts) == 1 and re.fullmatch(r"[#.]?[\w-]+", parts[0]):
            return self.first.get(parts[0])
        if len(parts) == 2 and all(re.fullmatch(r"[#.]?[\w-]+", p) for p in parts):
            outer = self.first.get(parts[0])
            if outer is None:
                return None
            name = parts[1]
            if name[0] == ".":
                return outer.find(class_=name[1:])
            return outer.find(id=name[1:]) if name[0] == "#" else outer.find(name)
        return self.soup.select_one(selector)

    def first_of(self, selectors: tuple[str, ...]) -> Tag | None:
        for sel in selectors:
            el = self.select(sel)
            if el is not None and el.get_text(strip=True):
                return el
        return None


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        el = soup.find("meta", attrs={"name": re.compile(f"^{name}$", re.I)})
        if el and el.get("content"):
            return el["content"].strip()
    return None


def _block_parent(node) -> Tag | None:
    parent, hops = node.parent, 0
    while parent is not None and parent.name not in BLOCK_TAGS and hops < 6:
        parent, hops = parent.parent, hops + 1
    return parent


def _link_share(el: Tag) -> float:
    text = len(el.get_text(strip=True))
    return sum(len(a.get_text(strip=True)) for a in el.find_all("a")) / text if text else 1.0


def _drop_boilerplate(body: Tag) -> None:
    """Remove share/print/pager lines and 相关报道 headings with the link lists that follow them."""
    for s in body.find_all(string=BOILERPLATE):
        block = _block_parent(s)
        if block is not None and not block.decomposed and block is not body and len(block.get_text(strip=True)) < 60:
            block.decompose()
    for s in body.find_all(string=RELATED):
        block = _block_parent(s)
        if block is None or block.decomposed or block is body:
            continue
        for sib in list(block.find_next_siblings()):
            if sib.name in ("ul", "ol") or _link_share(sib) > 0.6:
                sib.decompose()
            else:
                break
        block.decompose()


def _densest_block(soup: BeautifulSoup) -> Tag | None:
    """The element whose direct paragraphs hold the most non-link text: the usual article body."""
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is None:
            continue
        text = len(p.get_text(strip=True))
        links = sum(len(a.get_text(strip=True)) for a in p.find_all("a"))
        score, _ = scores.get(id(parent), (0, parent))
        scores[id(parent)] = (score + text - 2 * links, parent)
    best = max(scores.values(), key=lambda sp: sp[0], default=None)
    return best[1] if best and best[0] > 0 else None


def _items(soup: BeautifulSoup) -> list[Tag]:
    """Repeated siblings that each carry a heading and a long text: the items of an aggregator page."""
    for container in soup.find_all(["ul", "ol", "div", "section"]):
        kids = [k for k in container.find_all(["li", "div", "article", "section"], recursive=False)]
        if len(kids) < 2:
            continue
        full = [k for k in kids if k.find(["h2", "h3", "h4"]) is not None and len(k.get_text(strip=True)) > 300]
        if len(full) >= 2:
            return full
    return []


def _kind(title: str, text: str, trust: str) -> str:
    head = title + text[:300]
    if "政府工作报告" not in title and PLAN_TITLE.search(title):
        return "plan_notice"  # a 规划纲要 opening with 一、“十三五”时期发展回顾 is still a plan
    if "政府工作报告" in head or MEETING_DATE.search(text, 0, 600) or re.search(r"向大会(?:作|报告)", text[:400]) or (
        re.search(r"各位代表|人民代表大会", text[:3000]) and re.search(r"工作回顾|预期目标", text)
    ) or re.search(r"^[一二]、[^\n]{0,24}(?:工作)?回顾", text[:20000], re.M) or (  # no preamble: reviews, then sets targets
        TARGETS_OF_YEAR.search(text, 0, 60000) and re.search(r"过去的?[一五]年|一年来|五年来|工作回顾", text[:20000])
    ):
        return "work_report"
    if PLAN_TITLE.search(title) or DOC_NUMBER.search(text[:300]):
        return "plan_notice"
    if trust in ("news", "mirror") or re.search(r"记者|讯[(（]|日电|报道", text[:300]):
        return "news"
    return "other"


def _document(page_sha: str, ordinal: int, title: str, page_date: date | None, body: str, trust: str) -> Document:
    norm = normalize(body)
    meeting = meeting_date(norm.text)
    title = normalize(title, tight=False).text
    kind = _kind(title, norm.text, trust)
    year, year_stated = report_year(title, norm.text, meeting) if kind == "work_report" else (None, False)
    if meeting and (page_date is None or meeting <= page_date):
        published = meeting
    elif year and page_date and page_date.year != year:
        published = None  # a copy posted in another year: the page's date is not the report's
    else:
        published = page_date
    if norm.traditional:  # short titles carry too few characters to detect the script themselves
        title = "".join(simplify_char(c) if len(simplify_char(c)) == 1 else c for c in title)
    return Document(
        doc_id=f"{page_sha[:16]}-{ordinal}",
        ordinal=ordinal,
        title=title,
        page_date=page_date,
        published=published,
        meeting_date=meeting,
        kind=kind,
        report_year=year or (published.year if published else None),
        text=norm.text,
        source_text=body,
        norm=norm,
        year_stated=year_stated,
    )


def _page_date(soup: BeautifulSoup, index: _Index, selectors: dict) -> date | None:
    if "date" in selectors and (el := soup.select_one(selectors["date"])) is not None:
        if found := parse_date(el.get_text(" ")):
            return found
    info = index.first_of(INFO_SELECTORS)
    if info is not None and (m := LABELLED_DATE.search(info.get_text(" "))):
        return parse_date(m.group(0))
    if meta := _meta(soup, "PubDate", "publishdate", "firstpublishedtime", "pubtime", "article:published_time"):
        if found := parse_date(meta):
            return found
    m = LABELLED_DATE.search(soup.get_text(" ")[:20000])
    return parse_date(m.group(0)) if m else None


def parse_html(html: str, page_sha: str, trust: str = "official", selectors: dict | None = None) -> list[Document]:
    """Documents held by one decoded HTML page (several for an aggregator page).

    ``selectors`` (title/date/body CSS selectors from the source) are tried before the generic ones.
    """
    selectors = selectors or {}
    soup = BeautifulSoup(html, "lxml")
    for el in soup(DROP_TAGS):
        el.decompose()
    items = [] if "body" in selectors else _items(soup)
    if items:
        docs = []
        for i, item in enumerate(items):
            heading = item.find(["h2", "h3", "h4"])
            title = heading.get_text(strip=True)
            heading.decompose()
            texts = sorted((block_text(x) for x in item.find_all(["div", "p"])), key=len, reverse=True)
            body = texts[0] if texts else block_text(item)
            docs.append(_document(page_sha, i, title, parse_date(item.get_text(" ")[-40:]), body, trust))
        return docs

    def own(key: str) -> tuple[str, ...]:
        return (selectors[key],) if key in selectors else ()

    index = _Index(soup)
    title_el = index.first_of(own("title") + TITLE_SELECTORS)
    if title_el is not None:
        title = title_el.get_text(" ", strip=True)
    else:
        title = re.split(r"[_|｜-]", soup.title.get_text(strip=True))[0] if soup.title else ""
    body_el = index.first_of(own("body") + BODY_SELECTORS) or _densest_block(soup) or soup.body or soup
    page_date = _page_date(soup, index, selectors)
    _drop_boilerplate(body_el)
    return [_document(page_sha, 0, title, page_date, block_text(body_el), trust)]


def _plain_text(decoded: Decoded, page_sha: str, trust: str) -> list[Document]:
    first_line = next((ln.strip() for ln in decoded.text.splitlines() if ln.strip()), "")
    return [_document(page_sha, 0, first_line[:80], parse_date(decoded.text[:2000]), decoded.text, trust)]


def parse_page(data: bytes, page_sha: str, header_charset: str | None = None, trust: str = "official",
               selectors: dict | None = None) -> list[Document]:
    """Decode and parse archived page bytes; plain text becomes one document. Raises ``NotText``."""
    decoded = decode(data, header_charset)
    head = decoded.text.lstrip()[:1000].lower()
    if re.search(r"<(?:!doctype|html|body|div|p|table)[\s>]", head):
        try:
            docs = parse_html(decoded.text, page_sha, trust, selectors)
        except RecursionError:  # a tree too deep for the HTML library itself: keep the text, drop the markup
            stripped = re.sub(r"<[^>]*>", "\n", decoded.text)
            docs = _plain_text(Decoded(stripped, decoded.encoding, decoded.how, decoded.declared), page_sha, trust)
    else:
        docs = _plain_text(decoded, page_sha, trust)
    for d in docs:
        d.encoding, d.encoding_how, d.encoding_declared = decoded.encoding, decoded.how, decoded.declared
    return docs
