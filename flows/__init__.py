"""Prefect flows and the command line (``python -m flows``). Orchestration only: the work is in ``govreports``."""
