"""Build the bundled static site from the seed texts in ``corpus/seeds/``.

Every non-empty seed line becomes exactly one text node of its page, in order, so the page holds the
seed's text unchanged; the markup around it imitates the CMS the page came from (navigation, info
line, share widgets, related lists, footers). Run ``python corpus/build_site.py`` after changing a
layout; ``tests/test_corpus_site.py`` fails when the committed site and this script disagree.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
SITE = HERE / "site"

NEWS_SEED = "news-2013-08-29-quality-development.txt"
MIRROR_SEED = "mirror-aggregator-work-reports.txt"
NOTICE_SEED = "gov-2012-03-05-plan-notice-traditional.txt"

NEWS_PAGE = "lhnews/lhxw/2013-08/29/content_8442317.htm"
MIRROR_PAGE = "invest-luohu/zhaoshang/news_97.html"
NOTICE_PAGE = "www.szlh.gov.cn/xxgk/zcfg/content/post_2318743.html"


def seed_lines(name: str) -> list[str]:
    """Non-empty lines of a seed, as they are (no stripping)."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()]


def t(line: str) -> str:
    return escape(line, quote=False)


def page(title: str, charset: str, body: str, meta: str = "") -> str:
    if charset == "gbk":  # charset only in an http-equiv meta, as old CMS pages do
        head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    else:
        head = f'<meta charset="{charset}">'
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n" + head + "\n"
        f"<title>{t(title)}</title>\n{meta}</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def news_page() -> tuple[str, str]:
    """szlh-style news article: div.tit, info line, news_cont_d_wrap body, 相关报道, pager."""
    lines = seed_lines(NEWS_SEED)
    login1, login2, title, info, subtitle = lines[:5]
    related_at = lines.index("相关报道")
    body, related, pager = lines[5:related_at], lines[related_at + 1 : -1], lines[-1]
    headings = {"产业升级叫响“质量罗湖”", "城市更新成全市“领头羊”", "改善民生成就“幸福罗湖”", "优化环境打造“美丽罗湖”"}
    paras = "\n".join(
        f'<p style="text-align:center"><strong>{t(x)}</strong></p>' if x in headings else f"<p>{t(x)}</p>"
        for x in body
    )
    related_html = f'<h3 class="xgbd_t"><a href="content_8442290.htm">{t(related[0])}</a></h3>\n' + "\n".join(
        f"<p>{t(x)}</p>" for x in related[1:]
    )
    html = f"""<div class="top_bar"><div class="w1000"><span class="welcome">欢迎访问罗湖新闻网</span>
<div class="user">{t(login1)}</div></div></div>
<div class="header"><div class="logo"><a href="../../index.htm"><img src="../../images/logo.png" alt="罗湖新闻网"></a></div>
<div class="nav"><ul><li><a href="../../index.htm">首页</a></li><li><a href="../index.htm">罗湖新闻</a></li>
<li><a href="../../tzgg/index.htm">通知公告</a></li><li><a href="../../zt/index.htm">专题</a></li></ul>
<div class="member">{t(login2)}</div></div></div>
<div class="position">当前位置：<a href="../../index.htm">首页</a> &gt; <a href="../index.htm">罗湖新闻</a> &gt; 正文</div>
<div class="main w1000"><div class="left">
<div class="news_cont">
<div class="tit"><h1>{t(title)}</h1></div>
<div class="tit_info">{t(info)}</div>
<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a></div>
<div class="news_cont_d_wrap">
<p class="subtitle"><strong>{t(subtitle)}</strong></p>
{paras}
</div>
<div class="xgbd"><div class="xgbd_tit">相关报道</div>
<div class="xgbd_cont">
{related_html}
<p>&nbsp;</p>
</div></div>
<div class="page_turn">{t(pager)}</div>
</div></div>
<div class="right"><div class="hot"><h4>热点排行</h4><ul><li><a href="content_8440001.htm">东门步行街改造提升启动</a></li>
<li><a href="content_8439876.htm">罗湖区开展文明交通宣传月活动</a></li></ul></div></div></div>
<div class="footer">主办：罗湖新闻网 地址：深圳市罗湖区 版权所有 未经授权禁止复制或建立镜像</div>"""
    return NEWS_PAGE, page(title + "_罗湖新闻网", "gbk", html)


def mirror_page() -> tuple[str, str]:
    """Investment-promotion mirror: one page listing three work reports and four news items in full."""
    lines = seed_lines(MIRROR_SEED)
    items, rest = [], lines
    while rest and rest[0] == "-" and len(rest) >= 4 and rest[1] != "- 联系我们":
        items.append(rest[1:4])
        rest = rest[4:]
    contribute, *footer = rest
    lis = "\n".join(
        f'<li class="item"><span class="dot">-</span>\n<h3 class="item-title"><a href="detail_{90 + i}.html">{t(title)}</a></h3>\n'
        f'<div class="item-text">{t(text)}</div>\n<span class="item-date">{t(date)}</span></li>'
        for i, (title, text, date) in enumerate(items)
    )
    foot = "".join(f"<li>{t(x)}</li>" for x in footer)
    html = f"""<div class="site-header"><a class="brand" href="../index.html">罗湖招商网</a>
<ul class="menu"><li><a href="../index.html">首页</a></li><li><a href="index.html">招商动态</a></li>
<li><a href="../policy/index.html">政策</a></li><li><a href="../park/index.html">园区</a></li></ul></div>
<div class="crumb">首页 &gt; 招商动态 &gt; 罗湖区</div>
<div class="container"><div class="list-main">
<ul class="news-list">
{lis}
</ul>
<div class="contribute"><a href="../contribute.html">{t(contribute)}</a></div>
</div>
<div class="sidebar"><h4>热门区域</h4><ul><li><a href="../futian/index.html">福田区</a></li><li><a href="../nanshan/index.html">南山区</a></li></ul></div>
</div>
<div class="site-footer"><ul class="links">{foot}</ul><p>本站信息来源于网络，仅供参考</p></div>"""
    return MIRROR_PAGE, page("罗湖区招商动态_罗湖招商网", "utf-8", html)


def notice_page() -> tuple[str, str]:
    """District government (TRS-style) notice, served through a traditional-script converter."""
    lines = seed_lines(NOTICE_SEED)
    site_name, title, info, scan = lines[:4]
    tail_at = lines.index("知識圖譜")
    body, tail = lines[4:tail_at], lines[tail_at:]
    paras = "\n".join(f"<p>{t(x)}</p>" for x in body)
    graph, related, current, click = tail
    html = f"""<div class="header"><div class="logo"><a href="../../../index.html">{t(site_name)}</a></div>
<div class="nav"><a href="../../../index.html">首頁</a><a href="../../index.html">信息公開</a><a href="../index.html">政策法規(guī)</a><a class="jt" href="#">繁體</a></div></div>
<div class="content-wrap">
<div class="xxgk_title"><h1>{t(title)}</h1></div>
<div class="xxgk_info">{t(info)}</div>
<div class="code"><span>{t(scan)}</span></div>
<div id="zoom"><div class="TRS_Editor">
{paras}
</div></div>
<div class="zsdt"><h4>{t(graph)}</h4></div>
<div class="xgxx"><h4>{t(related)}</h4><p>{t(current)}</p><p>{t(click)}</p></div>
</div>
<div class="footer"><p>主辦：深圳市羅湖區(qū)人民政府辦公室</p></div>"""
    meta = '<meta name="PubDate" content="2012-03-05 10:32">\n<meta name="ColumnName" content="政策法規">\n'
    return NOTICE_PAGE, page(title, "utf-8", html, meta)


def listing(title: str, links: list[tuple[str, str, str]], charset: str = "utf-8") -> str:
    lis = "\n".join(f'<li><a href="{href}" target="_blank">{t(text)}</a><span>{date}</span></li>' for href, text, date in links)
    body = f"""<div class="header"><a href="/">首页</a></div>
<div class="list"><h2>{t(title)}</h2><ul>
{lis}
</ul><div class="pages">共1页 <a href="index.html">首页</a></div></div>
<div class="footer">版权所有</div>"""
    return page(title, charset, body)


def pages() -> dict[str, bytes]:
    """Relative path → bytes of every file of the site."""
    out: dict[str, bytes] = {}
    path, html = news_page()
    out[path] = html.encode("gbk", errors="xmlcharrefreplace")
    out["lhnews/lhxw/index.htm"] = listing(
        "罗湖新闻",
        [
            ("2013-08/29/content_8442317.htm", "罗湖实现有质量可持续发展", "2013-08-29"),
            ("../tzgg/index.htm", "通知公告", ""),
        ],
        "gbk",
    ).encode("gbk")
    path, html = mirror_page()
    out[path] = html.encode("utf-8")
    out["invest-luohu/zhaoshang/index.html"] = listing(
        "招商动态", [("news_97.html", "罗湖区招商动态（政府工作报告、招商新闻）", "2025-08-06"), ("../index.html", "首页", "")]
    ).encode("utf-8")
    path, html = notice_page()
    out[path] = html.encode("utf-8")
    out["www.szlh.gov.cn/xxgk/zcfg/index.html"] = listing(
        "政策法规",
        [
            ("content/post_2318743.html", "深圳市罗湖区人民政府办公室印发罗湖区关于贯彻落实《深圳市“十二五”规划纲要实施方案》……的工作方案的通知", "2012-03-05"),
            ("../index.html", "信息公开", ""),
        ],
    ).encode("utf-8")
    return out


def main() -> int:
    for rel, data in pages().items():
        target = SITE / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(pages())} files under {SITE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
