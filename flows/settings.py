"""Prefect settings that make a local run reliable; applied before Prefect is imported.

Explicit environment variables win. With no ``PREFECT_API_URL``, flows start an ephemeral API whose
state lives in the project's ignored ``.state/prefect``.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

DEFAULTS = {
    "PREFECT_HOME": str(PROJECT / ".state" / "prefect"),
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
}


def apply() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
