"""Alembic migrations for the suggestion log; run them with `mot-coach db upgrade`."""
