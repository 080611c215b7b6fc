"""Alembic environment. `bot.store.migrate` hands over a connection already in a transaction.

Run without one (e.g. `alembic revision --autogenerate` during development, with an alembic.ini
whose script_location is bot.store:migrations), it connects to MOT_DATABASE_URL.
"""

from alembic import context

from bot.store.models import Base

connection = context.config.attributes.get("connection")


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        transactional_ddl=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run(connection)
else:
    from bot.config import Settings
    from bot.store.database import WRITE, create_database_engine, database_url

    engine = create_database_engine(database_url(Settings().mot_database_url))
    with engine.connect() as fresh, fresh.execution_options(**WRITE).begin():
        run(fresh)
    engine.dispose()
