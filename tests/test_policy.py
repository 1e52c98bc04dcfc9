"""The written policy names every rule the code runs, with its severity."""

from pathlib import Path

from validators.rules import RULES

POLICY = (Path(__file__).resolve().parent.parent / "validators" / "POLICY.md").read_text(encoding="utf-8")


def test_every_rule_is_in_the_written_policy_with_its_severity():
    for rule in RULES:
        line = next((ln for ln in POLICY.splitlines() if f"`{rule.name}`" in ln), None)
        assert line is not None, f"{rule.name} is not in validators/POLICY.md"
        if rule.severity == "warn":
            assert "| warn |" in line, rule.name
        else:
            assert "| warn |" not in line, rule.name
