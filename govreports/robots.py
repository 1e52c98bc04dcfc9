"""robots.txt, fetched once per host and run, through the same polite client as every page."""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from govreports.fetch import USER_AGENT, Client

AGENT = USER_AGENT.split("/")[0]


class Robots:
    """Answers "may we fetch this URL?" per host. No robots.txt (404) allows all; an unreachable one
    (5xx, timeout) disallows all for this run, as RFC 9309 asks."""

    def __init__(self, client: Client):
        self.client = client
        self._rules: dict[str, RobotFileParser | bool] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme == "file":
            return True
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._rules:
            self._rules[origin] = self._load(origin)
        rules = self._rules[origin]
        return rules if isinstance(rules, bool) else rules.can_fetch(AGENT, url)

    def _load(self, origin: str) -> RobotFileParser | bool:
        rec, data = self.client.get(origin + "/robots.txt", "robots")
        if data is None:
            return rec.status is not None and (400 <= rec.status < 500 or rec.status == 200)  # missing: all allowed
        parser = RobotFileParser()
        parser.parse(data.decode("utf-8", errors="replace").splitlines())
        return parser
