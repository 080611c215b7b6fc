"""The `workspace_settings` table on SQLite and PostgreSQL, and the channels' resolution of each
event's workspace: cached, forgotten on edit, and the last known settings while the database
is down."""

from bot.channels.workspaces import Workspaces
from bot.config import Settings
from bot.services import build_coach, build_sink
from bot.store import Store
from bot.workspaces import WorkspaceKey, WorkspaceSettings, WorkspaceSource
from bot.workspaces.stored import logged_workspaces, read_stored, stored_rows, write_stored
from tests.store_helpers import event_row

T1, T2 = WorkspaceKey("slack", "T1"), WorkspaceKey("slack", "T2")


def test_settings_are_stored_per_workspace(database_url):
    store = Store(database_url)
    write_stored(store, T1, WorkspaceSettings(support_channels=["C1"], name="One"), "alice")
    write_stored(store, T2, WorkspaceSettings(support_channels=["C2"]), "alice")
    write_stored(store, T1, WorkspaceSettings(support_channels=["C1", "C9"]), "bob")
    assert read_stored(store, T1).support_channels == ["C1", "C9"]
    assert read_stored(store, T1).name is None  # replaced as a whole, as the form is
    assert read_stored(store, T2).support_channels == ["C2"]
    assert read_stored(store, WorkspaceKey("teams", "T1")) is None  # the kind is part of it
    assert stored_rows(store)[T1]["updated_by"] == "bob"
    write_stored(store, T2, WorkspaceSettings(), "bob")  # nothing overridden: no row
    assert read_stored(store, T2) is None
    store.insert_events([event_row(channel_kind="teams", workspace="tenant-9")])
    assert logged_workspaces(store) >= {T1, WorkspaceKey("teams", "tenant-9")}
    store.close()


def _workspaces(database_url, tmp_path, files=None) -> Workspaces:
    settings = Settings(
        mot_database_url=database_url,
        mot_support_channels=["C_ENV"],
        mot_spool_path=tmp_path / "spool.jsonl",
    )
    sink = build_sink(settings, observe=False)
    source = WorkspaceSource(sink.store, files)
    return Workspaces(settings, build_coach(settings, sink=sink), source)


def test_resolution_is_cached_forgotten_on_edit_and_survives_an_outage(database_url, tmp_path):
    workspaces = _workspaces(database_url, tmp_path)
    store = workspaces.source.store
    assert workspaces.get("slack", "T1").places.channels == {"C_ENV"}  # nothing stored yet
    knowledge = {"facts": {"refund_time": "in 2 days"}}
    write_stored(store, T1, WorkspaceSettings(support_channels=["C1"], knowledge=knowledge), "a")
    workspaces.forget(T1)
    first = workspaces.get("slack", "T1")
    assert first.places.channels == {"C1"} and first.origin == "dashboard"
    assert first.coach.knowledge.facts.refund_time == "in 2 days"
    assert first.coach.backend is workspaces.coach.backend  # one backend and log for all
    assert workspaces.get("slack", "T2").coach is workspaces.coach  # no knowledge of its own
    workspaces.forget(T1)
    assert workspaces.get("slack", "T1") is first  # read again, unchanged: the same object
    write_stored(store, T1, WorkspaceSettings(support_channels=["C7"]), "a")
    assert workspaces.get("slack", "T1") is first  # cached until forgotten (or expired)
    workspaces.forget(T1)
    assert workspaces.get("slack", "T1").places.channels == {"C7"}
    workspaces.forget(T1)
    write_stored(store, T1, WorkspaceSettings(support_channels=["C1"], knowledge=knowledge), "a")
    first = workspaces.get("slack", "T1")
    workspaces.source.store = Store(f"sqlite:///{tmp_path}/no/such/folder/log.db")  # unreachable
    workspaces.forget(T1)
    assert workspaces.get("slack", "T1") is first  # the database is down: the last known
    assert workspaces.get("slack", "T3").places.channels == {"C_ENV"}  # never known: the env's


def test_a_workspace_file_wins_over_its_stored_settings(database_url, tmp_path):
    files = {T1: WorkspaceSettings(support_channels=["C_FILE"])}
    workspaces = _workspaces(database_url, tmp_path, files)
    write_stored(workspaces.source.store, T1, WorkspaceSettings(support_channels=["C_DB"]), "a")
    resolved = workspaces.get("slack", "T1")
    assert resolved.places.channels == {"C_FILE"} and resolved.origin == "file"


def test_a_workspace_playbooks_folder_overrides_playbooks_for_it_alone(database_url, tmp_path):
    from bot.core.conversation import Conversation
    from bot.core.playbooks import BUILTIN_DIR

    folder = tmp_path / "acme-playbooks"
    folder.mkdir()
    builtin = (BUILTIN_DIR / "billing-dispute.yaml").read_text(encoding="utf-8")
    title = next(line for line in builtin.splitlines() if line.startswith("title:"))
    (folder / "billing-dispute.yaml").write_text(builtin.replace(title, "title: Acme billing"))
    files = {T1: WorkspaceSettings(playbooks_dir=folder)}
    workspaces = _workspaces(database_url, tmp_path, files)
    ask = Conversation.from_text("Customer: I was charged twice for my order, refund me now")
    acme = workspaces.get("slack", "T1").coach.coach(ask, record=False)
    other = workspaces.get("slack", "T2").coach.coach(ask, record=False)
    assert acme.assessment.playbook.title == "Acme billing"
    assert other.assessment.playbook.id == "billing-dispute"
    assert other.assessment.playbook.title != "Acme billing"
