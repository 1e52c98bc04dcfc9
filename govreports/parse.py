"""HTML pages → documents: title, dates, kind and normalised main text, without per-site selectors.

Common Chinese government CMS layouts are recognised by their containers (szlh-style ``div.tit`` and
``news_cont_d_wrap``, TRS ``#zoom``/``.TRS_Editor``, generic ``article``/content divs). A page that
lists several full items (an aggregator) is split into one document per item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bs4 import BeautifulSoup, NavigableString, Tag

from govreports.decode import decode
from govreports.normalize import Normalized, normalize

BODY_SELECTORS = (
    "#zoom", ".TRS_Editor", ".news_cont_d_wrap", ".article-content", ".article_content", ".content_text",
    "#content", ".article", "article", ".detail-content", ".main-content",
)
TITLE_SELECTORS = (".tit h1", ".xxgk_title h1", ".article-title", ".title h1", "h1", ".tit", ".title")
INFO_SELECTORS = (".tit_info", ".xxgk_info", ".info", ".article-info", ".source", ".time", ".date")
DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "button", "select", "nav", "header", "footer")
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th",
    "section", "article", "blockquote", "pre", "dd", "dt", "dl",
}
BOILERPLATE = re.compile(r"^(扫一扫|掃一掃|分享到|上一篇|下一篇|【?打印|关闭窗口|相关报道|相关链接|责任编辑)")

DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
LABELLED_DATE = re.compile(r"(?:发布时间|發布時間|发布日期|發布日期|日期|时间|時間)\s*[:：]?\s*" + DATE.pattern)
MEETING_DATE = re.compile(r"^\s*[(（]?" + DATE.pattern + r"[)）]?\s*在.{0,30}?(?:人民代表大会|人大)")

KINDS = ("work_report", "news", "plan_notice", "other")


@dataclass
class Document:
    """One document of a page. ``text`` is normalised; offsets of observations point into it."""

    doc_id: str
    ordinal: int
    title: str
    page_date: date | None
    published: date | None  # vintage: the delivery date of a report, else the page date
    meeting_date: date | None
    kind: str
    text: str
    source_text: str
    norm: Normalized = field(repr=False)
    encoding: str = ""
    encoding_how: str = ""


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

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # skip comments, CDATA, doctype
                    parts.append(str(child))
            elif isinstance(child, Tag):
                block = child.name in BLOCK_TAGS
                if block:
                    parts.append("\n")
                walk(child)
                if block:
                    parts.append("\n")

    walk(el)
    lines = (line.strip(" \t\r") for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line.strip())


def _first(soup: Tag, selectors: tuple[str, ...]) -> Tag | None:
    for sel in selectors:
        el = soup.select_one(sel)
        if el is not None and el.get_text(strip=True):
            return el
    return None


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        el = soup.find("meta", attrs={"name": re.compile(f"^{name}$", re.I)})
        if el and el.get("content"):
            return el["content"].strip()
    return None


def _drop_boilerplate(body: Tag) -> None:
    for el in body.find_all(True):
        if el.decomposed:
            continue
        own = el.get_text(strip=True)
        if own and len(own) < 40 and BOILERPLATE.match(own):
            el.decompose()


def _densest_block(soup: BeautifulSoup) -> Tag | None:
    """The element whose direct paragraphs hold the most non-link text: the usual article body."""
    best, best_score = None, 0
    for el in soup.find_all(["div", "td", "section", "article"]):
        text = sum(len(p.get_text(strip=True)) for p in el.find_all(["p"], recursive=False))
        links = sum(len(a.get_text(strip=True)) for a in el.find_all("a"))
        score = text - 2 * links
        if score > best_score:
            best, best_score = el, score
    return best


def _items(soup: BeautifulSoup) -> list[Tag]:
    """Repeated list items that each carry a heading and a long text: an aggregator page."""
    for ul in soup.find_all(["ul", "ol"]):
        kids = ul.find_all("li", recursive=False)
        full = [k for k in kids if k.find(["h2", "h3", "h4"]) and len(k.get_text(strip=True)) > 300]
        if len(full) >= 2:
            return full
    return []


def _kind(title: str, text: str, trust: str) -> str:
    head = title + text[:200]
    if "政府工作报告" in head or re.search(r"向大会(作|报告)", text[:400]):
        return "work_report"
    if re.search(r"(通知|方案|规划|计划|意见|办法|決定|决定)", title):
        return "plan_notice"
    if trust in ("news", "mirror"):
        return "news"
    return "other"


def _document(page_sha: str, ordinal: int, title: str, page_date: date | None, body: str, trust: str) -> Document:
    norm = normalize(body)
    meeting = None
    if m := MEETING_DATE.search(norm.text[:200]):
        meeting = parse_date(m.group(0))
    published = meeting if meeting and (page_date is None or meeting <= page_date) else page_date
    title = normalize(title).text
    return Document(
        doc_id=f"{page_sha[:16]}-{ordinal}",
        ordinal=ordinal,
        title=title,
        page_date=page_date,
        published=published,
        meeting_date=meeting,
        kind=_kind(title, norm.text, trust),
        text=norm.text,
        source_text=body,
        norm=norm,
    )


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
            docs.append(_document(page_sha, i, title, parse_date(item.get_text(" ")[-40:]) or None, body, trust))
        return docs
    def own(key: str) -> tuple[str, ...]:
        return (selectors[key],) if key in selectors else ()

    title_el = _first(soup, own("title") + TITLE_SELECTORS)
    title = title_el.get_text(" ", strip=True) if title_el else (soup.title.get_text(strip=True).split("_")[0] if soup.title else "")
    page_date = None
    if "date" in selectors and (el := soup.select_one(selectors["date"])) is not None:
        page_date = parse_date(el.get_text(" "))
    info = _first(soup, INFO_SELECTORS)
    if page_date is None and info is not None and (m := LABELLED_DATE.search(info.get_text(" "))):
        page_date = parse_date(m.group(0))
    if page_date is None and (meta := _meta(soup, "PubDate", "publishdate", "firstpublishedtime", "pubtime")):
        page_date = parse_date(meta)
    if page_date is None and (m := LABELLED_DATE.search(soup.get_text(" "))):
        page_date = parse_date(m.group(0))
    body_el = _first(soup, own("body") + BODY_SELECTORS) or _densest_block(soup) or soup.body or soup
    _drop_boilerplate(body_el)
    return [_document(page_sha, 0, title, page_date, block_text(body_el), trust)]


def parse_page(data: bytes, page_sha: str, header_charset: str | None = None, trust: str = "official",
               selectors: dict | None = None) -> list[Document]:
    """Decode and parse archived page bytes; plain text files become one document."""
    decoded = decode(data, header_charset)
    head = decoded.text.lstrip()[:1000].lower()
    if "<html" in head or "<body" in head or "<div" in head or "<p>" in head or "<!doctype" in head:
        docs = parse_html(decoded.text, page_sha, trust, selectors)
    else:
        first_line = next((ln.strip() for ln in decoded.text.splitlines() if ln.strip()), "")
        docs = [_document(page_sha, 0, first_line[:80], parse_date(decoded.text[:2000]), decoded.text, trust)]
    for d in docs:
        d.encoding, d.encoding_how = decoded.encoding, decoded.how
    return docs
