"""The log's newest schema revision, importable without loading SQLAlchemy or alembic."""

# The newest revision in migrations/versions/; tests/store/test_migrations.py checks the two agree.
HEAD = "0011"
