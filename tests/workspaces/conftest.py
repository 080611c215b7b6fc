from tests.slack.conftest import mock_slack, slack_server  # noqa: F401
from tests.teams.conftest import connector  # noqa: F401
