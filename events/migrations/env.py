"""Alembic environment: migrations run on the connection :func:`events.db.upgrade` passes in.

On PostgreSQL an advisory lock makes app servers that start together migrate one at a time
(the second finds the store already at head and does nothing).
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None,
                  render_as_batch=connection.dialect.name == "sqlite")

with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7310451)")
    context.run_migrations()
