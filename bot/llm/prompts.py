"""Prompts as data: Jinja2 templates in prompts/, versioned by name (`suggest-v1.j2`).

A template defines two blocks, `system` and `user`; each becomes one chat message. The prompt
id (`suggest`) and version (`1`) go into every result, so a log record says which words the
model was given. `MOT_PROMPTS_DIR` adds templates or overrides built-in ones by file name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, TemplateError

from bot.core import prebuilt
from bot.core.language import LANGUAGE_NAMES
from bot.llm.base import BackendError
from bot.resources import data_dir

BUILTIN_PROMPTS_DIR = data_dir("prompts")
_NAME = prebuilt.compile(r"^(?P<id>[a-z0-9][a-z0-9_-]*?)-v(?P<version>[0-9]+)$")
BLOCKS = ("system", "user")


def untrusted_json(value: object) -> str:
    """JSON on one line with angle brackets escaped, so data can never close its fence."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def fence_id(messages: list[dict]) -> str:
    """A marker derived from the fenced content itself: the content cannot contain it."""
    digest = hashlib.sha256(json.dumps(messages, sort_keys=True).encode()).hexdigest()
    return f"UNTRUSTED-{digest[:12].upper()}"


@dataclass(frozen=True)
class Prompt:
    id: str
    version: int
    path: Path
    template: Template

    @property
    def name(self) -> str:
        return f"{self.id}-v{self.version}"

    def render(self, **context) -> list[dict[str, str]]:
        """Chat messages: one per block, `system` then `user`."""
        try:
            ctx = self.template.new_context(context)
            parts = {name: "".join(self.template.blocks[name](ctx)).strip() for name in BLOCKS}
        except TemplateError as exc:
            raise BackendError(f"prompt {self.path}: {exc} (MOT_LLM_PROMPT)") from exc
        return [{"role": name, "content": parts[name]} for name in BLOCKS]


def prompt_context(request) -> dict:
    """What v2 prompts add to the playbook and the conversation: the case, facts, voice, slots
    and the customer's language ({"code", "name"}, or None when unknown).

    `case` is None until the case extractor fills `SuggestionRequest.case` (bot/core/case.py).
    """
    case = getattr(request, "case", None)
    knowledge = request.knowledge
    code = getattr(case, "language", None)
    return {
        "case": case.to_dict() if case is not None else None,
        "language": {"code": code, "name": LANGUAGE_NAMES[code]} if code else None,
        "facts": knowledge.facts.known() if knowledge else {},
        "voice": knowledge.voice.model_dump(exclude_defaults=True) if knowledge else {},
        "slots": request.slots,
    }


def _directories(extra_dir: Path | None) -> list[Path]:
    return [d for d in (extra_dir, BUILTIN_PROMPTS_DIR) if d is not None]


def available(extra_dir: Path | None = None) -> dict[str, Path]:
    """Template name ("suggest-v1") -> file; a file in `extra_dir` wins over a built-in one."""
    found: dict[str, Path] = {}
    for directory in reversed(_directories(extra_dir)):
        for path in sorted(directory.glob("*.j2")):
            if _NAME.match(path.stem):
                found[path.stem] = path
    return found


def resolve(name: str, extra_dir: Path | None = None) -> Path:
    """`suggest-v1` exactly, or `suggest` for its newest version; BackendError otherwise."""
    if extra_dir is not None and not extra_dir.is_dir():
        raise BackendError(f"MOT_PROMPTS_DIR: {extra_dir} is not a directory")
    templates = available(extra_dir)
    if name in templates:
        return templates[name]
    versions = [m for m in map(_NAME.match, templates) if m and m["id"] == name]
    if versions:
        newest = max(versions, key=lambda m: int(m["version"]))
        return templates[newest.string]
    known = ", ".join(sorted(templates)) or "none"
    raise BackendError(f"MOT_LLM_PROMPT: no prompt template {name!r}; known templates: {known}")


def load(name: str, extra_dir: Path | None = None) -> Prompt:
    path = resolve(name, extra_dir)
    env = Environment(
        loader=FileSystemLoader(str(path.parent)),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )
    env.filters["untrusted_json"] = untrusted_json
    try:
        template = env.get_template(path.name)
    except TemplateError as exc:
        raise BackendError(f"prompt {path}: {exc} (MOT_LLM_PROMPT)") from exc
    missing = [block for block in BLOCKS if block not in template.blocks]
    if missing:
        raise BackendError(f"prompt {path}: needs a {{% block {missing[0]} %}} (MOT_LLM_PROMPT)")
    match = _NAME.match(path.stem)
    assert match is not None  # resolve() only returns names that match
    return Prompt(match["id"], int(match["version"]), path, template)
