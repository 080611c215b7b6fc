"""The docs keep up with the code: every setting, playbook field and command is documented, and
every relative link resolves. The checker itself is tested on small fake documents below."""

import argparse
import importlib.util

import pytest
from pydantic import BaseModel

from bot.cli import _parser
from bot.config import DEPRECATED, Settings
from bot.core.knowledge import Knowledge
from bot.core.playbooks import Playbook
from tests.conftest import REPO
from tests.docs_check import (
    broken_links,
    environ_reads,
    environ_reads_in,
    missing_commands,
    missing_env_lines,
    missing_names,
    model_paths,
    options,
    setting_names,
    subcommands,
)

DOCS = REPO / "docs"
DOCUMENTS = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


def read(path):
    return path.read_text(encoding="utf-8")


def every_setting() -> set[str]:
    return setting_names(Settings) | environ_reads_in(REPO / "bot")


# --- the real docs ---


def test_every_setting_is_in_the_settings_page():
    assert missing_names(every_setting(), read(DOCS / "settings.md")) == []


def test_every_setting_is_in_env_example():
    # Old names still work but are not offered to new installs (docs/settings.md lists them).
    current = every_setting() - DEPRECATED.keys()
    assert missing_env_lines(current, read(REPO / ".env.example")) == []


def test_every_playbook_field_is_in_the_playbooks_page():
    assert missing_names(model_paths(Playbook), read(DOCS / "playbooks.md")) == []


def test_every_knowledge_field_is_in_the_playbooks_page():
    leaves = {path.rpartition(".")[2] for path in model_paths(Knowledge)}
    assert missing_names(leaves, read(DOCS / "playbooks.md")) == []


def test_every_command_and_option_is_in_the_commands_page():
    text = read(DOCS / "cli.md")
    assert missing_commands(subcommands(_parser()), text) == []
    assert missing_names(options(_parser()), text) == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_relative_links_resolve(document):
    assert broken_links(document) == []


def test_readme_links_every_docs_page():
    readme = read(REPO / "README.md")
    unlinked = [p.name for p in DOCS.glob("*.md") if f"(docs/{p.name})" not in readme]
    assert unlinked == []


# --- the checker, on fake documents: it must fail on what is missing ---


class FakeSettings(Settings):
    mot_brand_new_setting: int = 0


def test_a_new_setting_is_reported_until_documented():
    names = setting_names(FakeSettings)
    assert {"MOT_BRAND_NEW_SETTING", "MicrosoftAppId", "SLACK_BOT_TOKEN"} <= names
    assert missing_names(names, read(DOCS / "settings.md")) == ["MOT_BRAND_NEW_SETTING"]
    current = names - DEPRECATED.keys()
    assert missing_env_lines(current, read(REPO / ".env.example")) == ["MOT_BRAND_NEW_SETTING"]


def test_names_count_only_in_backticks_and_as_whole_names():
    doc = "| `MOT_A` | | |\nMOT_B in prose\n`MOT_C_LONGER`\n`MOT_D`, `MOT_E` | both"
    assert missing_names(["MOT_A", "MOT_B", "MOT_C", "MOT_D", "MOT_E"], doc) == ["MOT_B", "MOT_C"]


def test_env_example_lines_commented_or_not():
    env = "MOT_A=1\n# MOT_B=\n# mentions MOT_C in a comment\n"
    assert missing_env_lines(["MOT_A", "MOT_B", "MOT_C"], env) == ["MOT_C"]


def test_environ_reads_are_found_in_source():
    source = (
        "import os\nfrom os import environ\n"
        "a = os.getenv('MOT_ONE')\nb = os.environ.get('MOT_TWO', '')\n"
        "c = os.environ['MOT_THREE']\nd = environ.get('MOT_FOUR')\ne = {}.get('NOT_ENV')\n"
    )
    assert environ_reads(source) == {"MOT_ONE", "MOT_TWO", "MOT_THREE", "MOT_FOUR"}


class Inner(BaseModel):
    pattern: str
    weight: float = 1.0


class Outer(BaseModel):
    title: str
    signals: list[Inner]
    maybe: Inner | None = None


def test_model_paths_walk_nested_models_and_report_the_undocumented():
    paths = model_paths(Outer)
    assert paths == [
        "title",
        "signals",
        "signals.pattern",
        "signals.weight",
        "maybe",
        "maybe.pattern",
        "maybe.weight",
    ]
    doc = "`title`, `signals`, `signals.pattern`, `maybe` and `maybe.pattern`; weight is 1"
    assert missing_names(paths, doc) == ["maybe.weight", "signals.weight"]


def test_playbook_paths_include_nested_fields():
    paths = model_paths(Playbook)
    assert {"nudge.note", "matching.signals.weight", "rubric.required_moves.any_of"} <= set(paths)


def test_subcommands_and_options_are_reported_until_documented():
    parser = argparse.ArgumentParser(prog="mot-coach")
    commands = parser.add_subparsers()
    commands.add_parser("tip").add_argument("--json", action="store_true")
    logs = commands.add_parser("logs").add_subparsers()
    logs.add_parser("list")
    logs.add_parser("purge").add_argument("--dry-run", action="store_true")
    assert subcommands(parser) == ["tip", "logs", "logs list", "logs purge"]
    assert options(parser) == {"--json", "--dry-run"}
    doc = "`mot-coach tip FILE [--json]` and `mot-coach logs list`; mot-coach logs purge"
    assert missing_commands(subcommands(parser), doc) == ["logs purge"]
    assert missing_names(options(parser), doc) == ["--dry-run"]


def test_broken_links_and_anchors_are_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "other.md").write_text("# Other page\n\n## The log's database\n")
    (tmp_path / "picture.png").write_bytes(b"")
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Title\n\n## Local part\n\n"
        "[ok](docs/other.md) [ok](docs/other.md#the-logs-database) ![ok](picture.png)\n"
        "[ok](#local-part) [web](https://example.com/missing.md)\n"
        "[gone](docs/gone.md) [bad anchor](docs/other.md#nowhere) [bad local](#elsewhere)\n"
        "`[in code](docs/ignored.md)`\n```\n[in a fence](docs/ignored.md)\n```\n"
    )
    assert broken_links(readme) == [
        "docs/gone.md: no such file",
        "docs/other.md#nowhere: no heading #nowhere in other.md",
        "#elsewhere: no heading #elsewhere in README.md",
    ]


# --- the README's commands and picture ---


def test_readme_keeps_the_two_commands_and_their_example():
    readme = read(REPO / "README.md")
    run = "pip install . && mot-coach tip examples/tense-escalation.txt"
    assert run in readme
    assert (REPO / "examples/tense-escalation.txt").is_file()
    assert 'pip install -e ".[test]" && pytest' in readme


def _render_module():
    spec = importlib.util.spec_from_file_location("render_slack_tip", DOCS / "render_slack_tip.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tip_picture_renders_every_block_of_a_real_tip():
    render = _render_module()
    blocks = render.tip_blocks(REPO / "examples/double-charge.txt")
    page = render.page_html(blocks)
    sections = [b for b in blocks if b["type"] == "section"]
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert len(sections) >= 4 and len(buttons) == 10  # summary, coaching, 3 replies; 3x3 + 1
    assert page.count('class="section"') == len(sections)
    assert page.count('class="button') == len(buttons)
    assert "<b>Moment:</b> <b>Billing dispute</b>" in page
    assert "💡" in page and ":bulb:" not in page


def test_the_renderer_refuses_a_block_it_cannot_draw():
    with pytest.raises(ValueError, match="'image'"):
        _render_module().block_html({"type": "image"})
