"""How well extraction generalises: the corpus gold set and whole-corpus measures (``make eval``)."""
