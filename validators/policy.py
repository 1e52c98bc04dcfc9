"""The validation policy: every threshold, with the one-line reason it has this value.

Severity: an ``error`` sends the row to quarantine with its reasons; a ``warn`` publishes the row and
keeps the flag (observations.flags). No check is muted to make data pass: a number that trips a check
is either wrong (quarantine) or worth a reader's second look (flag). See POLICY.md for the prose.
"""

# Region level (GB/T 2260): amounts of a prefecture-level city or a province are larger than a district's.
AMOUNT_SCALE = {"district": 1.0, "city": 30.0, "province": 300.0}  # Shenzhen ≈ 10–30 × a district; a province ≈ 10 × a city

# A value is about at most this many years before its document, or (targets) this many after.
MAX_YEARS_BACK = 40  # reports look back over several five-year plans, never further
MAX_YEARS_AHEAD = 16  # long-range targets reach 2035 from around 2020

# Stated growth against the growth implied by the levels of two consecutive years (percentage points).
GROWTH_WARN_PP = 3.0  # growth is at comparable prices, levels are nominal: deflators of 1–3 % are normal
GROWTH_ERROR_PP = 10.0  # no deflator explains this: the growth or a level was read wrongly

# Stated change in percentage points against the difference of two consecutive shares.
CHANGE_PP_WARN = 0.25  # shares are printed to 0.1, so two roundings differ by up to 0.1
CHANGE_PP_ERROR = 1.5  # beyond rounding and revision of a share: a misread

# Stated average annual growth against the growth implied by the levels it spans.
CAGR_WARN_PP = 1.0  # compounding nominal levels against real growth drifts about 1 point a year
CAGR_ERROR_PP = 5.0  # a different span or base was read

# Stated cumulative change against the change implied by the levels it spans.
CUMULATIVE_WARN_PP = 3.0  # five years of price effects
CUMULATIVE_ERROR_PP = 15.0  # a different span or indicator was read

# A level that moves this much from one year to the next is flagged unless the text explains a new basis.
JUMP_RATIO = 0.5  # districts do not grow or shrink by half in a year without a redefinition
BASIS_CHANGE_WORDS = r"新口径|口径调整|调整口径|口径变化|重新核算|数据修订|统计范围调整|区划调整|经济普查"  # a new basis, in the text

# Bounds and approximations compare with this much extra room.
APPROX_TOLERANCE_FACTOR = 2.0  # 左右/约 is rounder than a plain figure
