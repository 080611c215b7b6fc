"""Suggestion backends: the offline composer and pluggable LLM backends."""
