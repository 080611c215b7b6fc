"""`mot-coach knowledge show | validate [FILE]`: the team's facts and voice."""

from __future__ import annotations

import sys

import yaml

from bot.config import Settings
from bot.core.knowledge import KnowledgeError, load_knowledge
from bot.core.playbooks import KNOWLEDGE_SLOTS
from bot.messages import UserError
from bot.services import knowledge_from


def run_show(args, settings: Settings) -> int:
    knowledge = knowledge_from(settings)
    print(f"# {knowledge.source or 'no MOT_KNOWLEDGE_FILE: no facts, neutral voice'}")
    data = {
        "facts": {name: getattr(knowledge.facts, name) for name in KNOWLEDGE_SLOTS},
        "voice": knowledge.voice.model_dump(),
    }
    print(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96), end="")
    return 0


def run_validate(args, settings: Settings) -> int:
    path = args.file or settings.mot_knowledge_file
    if path is None:
        raise UserError("no file to validate: give FILE or set MOT_KNOWLEDGE_FILE")
    try:
        knowledge = load_knowledge(path)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    missing = [name for name in KNOWLEDGE_SLOTS if not getattr(knowledge.facts, name)]
    print(f"{path}: valid; {len(KNOWLEDGE_SLOTS) - len(missing)} fact(s) stated", end="")
    print(f", placeholders stay for: {', '.join(missing)}" if missing else "")
    return 0
