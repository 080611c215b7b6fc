"""The web process: health, status page, and the mount point for Slack, Teams and the dashboard."""
