"""Quantities as reports print them: a number, an optional scale (万/亿/万亿) and a unit.

Only matched spans are converted; prose around them is never rewritten. Values are computed with
``Decimal`` so 314.9亿元 becomes exactly 314.9 in ``CNY_100M``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {"万亿": Decimal("1e12"), "千亿": Decimal("1e11"), "亿": Decimal("1e8"), "千万": Decimal("1e7"), "万": Decimal("1e4")}

# printed unit → (dimension, factor to the dimension's base unit)
UNITS = {
    "美元": ("USD", Decimal(1)),
    "元": ("CNY", Decimal(1)),
    "%": ("percent", Decimal(1)),
    "个百分点": ("pp", Decimal(1)),
    "百分点": ("pp", Decimal(1)),
    "平方米": ("m2", Decimal(1)),
    "立方米": ("m3", Decimal(1)),
    "千瓦时": ("kWh", Decimal(1)),
    "吨标准煤": ("tce", Decimal(1)),
    "吨标煤": ("tce", Decimal(1)),
    "微克/立方米": ("ug_m3", Decimal(1)),
    "微克每立方米": ("ug_m3", Decimal(1)),
    "μg/m3": ("ug_m3", Decimal(1)),
    "微克": ("ug_m3", Decimal(1)),  # PM2.5平均浓度35微克: reports print no other mass
    "天": ("days", Decimal(1)),
}

# catalog unit → (dimension, size of one catalog unit in the dimension's base unit)
CATALOG_UNITS = {
    "CNY_100M": ("CNY", Decimal("1e8")),
    "CNY": ("CNY", Decimal(1)),
    "USD_100M": ("USD", Decimal("1e8")),
    "percent": ("percent", Decimal(1)),
    "pp": ("pp", Decimal(1)),
    "m2": ("m2", Decimal(1)),
    "m3": ("m3", Decimal(1)),
    "kWh": ("kWh", Decimal(1)),
    "tce": ("tce", Decimal(1)),
    "ug_m3": ("ug_m3", Decimal(1)),
    "days": ("days", Decimal(1)),
}

_HAS_CN = re.compile("百分之|[零〇一二两三四五六七八九十百千][万亿]?(?:美元|元|%|个百分点|平方米|立方米|千瓦时|吨|微克|天)")

# A scale with no unit is money only at these magnitudes (突破300亿), and not before a counter (亿人次).
BARE_MONEY_SCALES = ("亿", "千亿", "万亿")
COUNTERS = set("人户个家套平册张项次台辆吨件条所座名")

_unit_alt = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_scale_alt = "|".join(sorted(SCALES, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?<![\d.])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:%?\s*[-~～至到—－–]\s*(?P<high>\d+(?:\.\d+)?))?"
    rf"(?P<more>多|余)?\s*(?P<scale>{_scale_alt})?(?P<unit>{_unit_alt})?"  # 3900多万美元: more than 3900万
)
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_cn = "零〇一二两三四五六七八九十百千"
# 一千四百八十八亿元, 两千三百七十五点三亿元, 三万七千八百二十元, 千亿元; 百分之九点二
CN_QUANTITY = re.compile(
    rf"百分之(?P<pct>[{_cn}]+(?:点[零〇一二三四五六七八九]+)?)"
    rf"|(?P<cn>[{_cn}]+(?:[万亿][{_cn}]+)*(?:点[零〇一二三四五六七八九]+)?)(?P<cscale>{_scale_alt})?(?P<cunit>{_unit_alt})"
)
# 多元化, 二元结构, 单元: 元 that is not a currency
NOT_CURRENCY = re.compile(r"元(?:化|素|结构|论|件|宵|旦|首|老|帅|年|月)")


@dataclass(frozen=True)
class Quantity:
    """A printed quantity. ``amount`` is in the base unit of ``dim`` (yuan, dollars, %, …)."""

    amount: Decimal
    dim: str | None  # None: a bare scaled number (突破300亿) whose currency the context supplies
    start: int
    end: int
    printed: str
    high: Decimal | None = None  # upper end of a printed range (增长5.5-6%)
    more: bool = False  # 3900多万美元, 120余亿元: at least the number printed

    def in_unit(self, unit: str) -> float | None:
        """The amount in a catalog unit, or None when the dimensions differ."""
        dim, size = CATALOG_UNITS[unit]
        own = self.dim if self.dim is not None else "CNY"
        if own != dim:
            return None
        return float(self.amount / size)


def cn_number(numeral: str) -> Decimal:
    """Value of a Chinese numeral (一千四百八十八, 两千三百七十五点三, 三万七千八百二十, 千)."""
    whole, _, frac = numeral.partition("点")
    total, section, digit = Decimal(0), Decimal(0), 0
    for ch in whole:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL:
            section += (digit or 1) * CN_SMALL[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10_000
            section, digit = Decimal(0), 0
        elif ch == "亿":
            total = (total + section + digit) * 100_000_000
            section, digit = Decimal(0), 0
    value = total + section + digit
    if frac:
        value += Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return value


def _cn_quantities(text: str, start: int, end: int) -> list[Quantity]:
    out = []
    for m in CN_QUANTITY.finditer(text, start, end):
        if m.group("pct"):
            out.append(Quantity(cn_number(m.group("pct")), "percent", m.start(), m.end(), m.group(0)))
            continue
        numeral, scale, unit = m.group("cn"), m.group("cscale"), m.group("cunit")
        if len(numeral) < 2 and not scale and numeral != "千":
            continue  # 二元结构, 一元: a single character is too weak a signal
        if unit == "元" and NOT_CURRENCY.match(text, m.end("cunit") - 1):
            continue
        dim, unit_factor = UNITS[unit]
        amount = cn_number(numeral) * (SCALES[scale] if scale else 1) * unit_factor
        out.append(Quantity(amount, dim, m.start(), m.end(), m.group(0)))
    return out


# PM2.5 浓度为每立方米22微克: the unit split around the number
PER_CUBIC_METRE = re.compile(r"每立方米(\d+(?:\.\d+)?)微克")


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity with a unit or a scale in ``text[start:end]``; bare counts and years are skipped."""
    end = len(text) if end is None else end
    out = _cn_quantities(text, start, end) if _HAS_CN.search(text, start, end) else []
    out += [Quantity(Decimal(m.group(1)), "ug_m3", m.start(), m.end(), m.group(0))
            for m in PER_CUBIC_METRE.finditer(text, start, end)]
    split_units = [(q.start, q.end) for q in out if q.dim == "ug_m3"]
    for m in QUANTITY.finditer(text, start, end):
        unit, scale = m.group("unit"), m.group("scale")
        if unit is None and scale is None:
            continue
        if split_units and any(a <= m.start() < b for a, b in split_units):
            continue  # the number of 每立方米22微克, already read
        if unit is None and (scale not in BARE_MONEY_SCALES or text[m.end() : m.end() + 1] in COUNTERS):
            continue
        factor = SCALES[scale] if scale else Decimal(1)
        dim, unit_factor = UNITS[unit] if unit else (None, Decimal(1))
        amount = Decimal(m.group("num").replace(",", "")) * factor * unit_factor
        high = Decimal(m.group("high")) * factor * unit_factor if m.group("high") else None
        out.append(Quantity(amount, dim, m.start(), m.end(), m.group(0), high, m.group("more") is not None))
    return sorted(out, key=lambda q: q.start) if len(out) > 1 else out
