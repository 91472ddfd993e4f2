"""Which user agents are bots: the one place to extend.

The bulk comes from ``crawler-user-agents`` (github.com/monperrus/crawler-user-agents,
~600 patterns kept up to date by many contributors; the same list Matomo-style tools
use). ``EXTRA_PATTERNS`` adds what it misses or what a site wants to exclude on top
(regular expressions, matched case-insensitively anywhere in the user agent).
"""

import re
from functools import lru_cache

from crawleruseragents import is_crawler

EXTRA_PATTERNS: list[str] = [
    # Anything that calls itself a bot, spider or crawler ("Googlebot" without a
    # version is not in the list), but not the Android phones made by Cubot.
    r"(?<!cu)bot\b|spider|crawl",
    r"headless",  # HeadlessChrome and friends driven by scripts
    r"lighthouse",
    r"pagespeed",
    r"preview",  # link previews of chat apps (Slack, WhatsApp, Skype…)
    r"monitor",  # uptime monitors
    r"python-|curl/|wget/|httpie|go-http-client|okhttp|java/|libwww",
]

_extra = re.compile("|".join(f"(?:{p})" for p in EXTRA_PATTERNS), re.IGNORECASE)


@lru_cache(maxsize=4096)
def is_bot(user_agent: str) -> bool:
    """True for known crawlers, scripts and an empty user agent (browsers always
    send one). Cached: a site sees few distinct user agents."""
    if not user_agent.strip():
        return True
    return bool(_extra.search(user_agent)) or is_crawler(user_agent)
