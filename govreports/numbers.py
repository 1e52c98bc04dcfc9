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

# A scale with no unit is money only at these magnitudes (突破300亿), and not before a counter (亿人次).
BARE_MONEY_SCALES = ("亿", "千亿", "万亿")
COUNTERS = set("人户个家套平册张项次台辆吨件条所座名")

_unit_alt = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_scale_alt = "|".join(sorted(SCALES, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?<![\d.])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:\s*[-~～至到]\s*(?P<high>\d+(?:\.\d+)?))?"
    rf"\s*(?P<scale>{_scale_alt})?(?P<unit>{_unit_alt})?"
)


@dataclass(frozen=True)
class Quantity:
    """A printed quantity. ``amount`` is in the base unit of ``dim`` (yuan, dollars, %, …)."""

    amount: Decimal
    dim: str | None  # None: a bare scaled number (突破300亿) whose currency the context supplies
    start: int
    end: int
    printed: str
    high: Decimal | None = None  # upper end of a printed range (增长5.5-6%)

    def in_unit(self, unit: str) -> float | None:
        """The amount in a catalog unit, or None when the dimensions differ."""
        dim, size = CATALOG_UNITS[unit]
        own = self.dim if self.dim is not None else "CNY"
        if own != dim:
            return None
        return float(self.amount / size)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity with a unit or a scale in ``text[start:end]``; bare counts and years are skipped."""
    out = []
    for m in QUANTITY.finditer(text, start, len(text) if end is None else end):
        unit, scale = m.group("unit"), m.group("scale")
        if unit is None and scale is None:
            continue
        if unit is None and (scale not in BARE_MONEY_SCALES or text[m.end() : m.end() + 1] in COUNTERS):
            continue
        factor = SCALES[scale] if scale else Decimal(1)
        dim, unit_factor = UNITS[unit] if unit else (None, Decimal(1))
        amount = Decimal(m.group("num").replace(",", "")) * factor * unit_factor
        high = Decimal(m.group("high")) * factor * unit_factor if m.group("high") else None
        out.append(Quantity(amount, dim, m.start(), m.end(), m.group(0), high))
    return out
