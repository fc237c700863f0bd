"""Operations: what the production stack needs from the app (health checks, structured logs,
error reporting, backups). Nothing here is imported by content apps."""
