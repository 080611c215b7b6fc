"""The Coach: the one service every channel calls. It sits above the domain (bot/core) and the
backends (bot/llm), so neither of those imports the other's caller."""

from bot.coach.result import CoachingResult, NullSink, SuggestionSink
from bot.coach.service import Coach
from bot.core.assessment import Assessment

__all__ = ["Assessment", "Coach", "CoachingResult", "NullSink", "SuggestionSink"]
