"""What the docs must cover, read from the code, and what they leave out (tests/test_docs.py).

Each `*_names` / `*_paths` function reads one source of truth (the settings class, the bot's
environment reads, the playbook schema, the argparse parser); each `missing_*` function
returns what a document does not mention. Mentions are in backticks, as the docs write names.
"""

from __future__ import annotations

import argparse
import ast
import re
import types
import typing
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from pydantic import AliasChoices, BaseModel
from pydantic_settings import BaseSettings

ENV_READS = {("os", "getenv"), ("environ", "get"), ("os", "environ")}
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]*`")


def _env_name(alias: str) -> str:
    return alias.upper() if alias.islower() else alias


def setting_names(settings_class: type[BaseSettings]) -> set[str]:
    """The environment names a settings class reads: its aliases, else the upper-cased field."""
    names = set()
    for field_name, field in settings_class.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            # Names are read case-insensitively; a snake_case choice is its upper-case name.
            names.update(_env_name(c) for c in alias.choices if isinstance(c, str))
        elif isinstance(alias, str):
            names.add(_env_name(alias))
        else:
            names.add(field_name.upper())
    return names


def environ_reads(source: str) -> set[str]:
    """Names read with os.getenv("X"), os.environ.get("X") or os.environ["X"] in Python source."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args:
            target, key = node.func, node.args[0]
        elif isinstance(node, ast.Subscript):
            target, key = node.value, node.slice
        else:
            continue
        owner = target.value if isinstance(target, ast.Attribute) else None
        pair = (getattr(owner, "id", getattr(owner, "attr", None)), getattr(target, "attr", None))
        if pair in ENV_READS and isinstance(key, ast.Constant) and isinstance(key.value, str):
            names.add(key.value)
    return names


def environ_reads_in(folder: Path) -> set[str]:
    return set().union(*(environ_reads(p.read_text("utf-8")) for p in folder.rglob("*.py")))


def _models_in(annotation) -> list[type[BaseModel]]:
    """The pydantic models inside an annotation: Model, list[Model], Model | None ..."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
    return []


def model_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field of a model as a dotted path, nested models and lists of them included."""
    paths = []
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        path = f"{prefix}{name}"
        paths.append(path)
        for nested in _models_in(field.annotation):
            paths.extend(model_paths(nested, f"{path}."))
    return paths


def subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """Every command path of an argparse parser: 'tip', 'playbooks list', 'logs export' ..."""
    paths = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix}{name}"
                paths.append(path)
                paths.extend(subcommands(sub, f"{path} "))
    return paths


def options(parser: argparse.ArgumentParser) -> set[str]:
    """Every long option of a parser and its subcommands (--json, --since ...), but --help."""
    found = set()
    for action in parser._actions:
        found.update(o for o in action.option_strings if o.startswith("--") and o != "--help")
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= options(sub)
    return found


def mentioned(text: str) -> set[str]:
    """What a document names in backticks (each whole inline-code span)."""
    return {span[1:-1].strip() for span in INLINE_CODE.findall(text)}


def missing_names(names: Iterable[str], text: str) -> list[str]:
    """Names that no backtick span of the text contains as a whole word."""
    spans = mentioned(text)
    return sorted(
        name
        for name in set(names)
        if not any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", span) for span in spans)
    )


def missing_env_lines(names: Iterable[str], env_example: str) -> list[str]:
    """Names with no `NAME=` line (commented or not) in an .env example."""
    present = set(re.findall(r"^#?\s*([A-Za-z_][A-Za-z0-9_]*)=", env_example, re.M))
    return sorted(set(names) - present)


def missing_commands(commands: Iterable[str], text: str) -> list[str]:
    """Command paths not written as `mot-coach PATH ...` in backticks."""
    spans = mentioned(text)
    return sorted(c for c in commands if not any(s.startswith(f"mot-coach {c}") for s in spans))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return text.replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    found, seen = set(), {}
    for line in FENCE.sub("", markdown).splitlines():
        if match := re.match(r"#{1,6}\s+(.*)", line):
            base = slug(match.group(1))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def broken_links(document: Path) -> list[str]:
    """Relative links (and #anchors) in a markdown file that lead nowhere, as 'target: why'."""
    text = INLINE_CODE.sub("", FENCE.sub("", document.read_text("utf-8")))
    problems = []
    for target in LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...
            continue
        path_part, _, anchor = target.partition("#")
        linked = (document.parent / path_part).resolve() if path_part else document
        if not linked.exists():
            problems.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked.read_text("utf-8")):
            problems.append(f"{target}: no heading #{anchor} in {linked.name}")
    return problems
