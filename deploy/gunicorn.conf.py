"""gunicorn's configuration for the production stack: docker compose's `web` service and
`make prod` both start `gunicorn --config deploy/gunicorn.conf.py urbact_portal.wsgi:application`.

Environment: GUNICORN_BIND (default 0.0.0.0:8000), WEB_CONCURRENCY (workers; default sized
for the machine, see workers_for_machine), EMAIL_TIMEOUT (the graceful timeout outlasts it)."""

import os

# What one worker may need at most, with headroom: its own (proportional) share measured by
# `make bench` is 64-78 MiB after 10,000 requests, but a worker's resident size, shared pages
# with the master included, was ~230 MiB; sizing by that keeps a spike of large renditions safe.
WORKER_MEMORY_MIB = 256


def _cgroup_cpus() -> float | None:
    """The CPU limit of the container (cgroup v2 `cpu.max`), if there is one."""
    try:
        with open("/sys/fs/cgroup/cpu.max") as file:
            quota, period = file.read().split()
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        return None


def _memory_mib() -> int | None:
    """The memory the workers may use: the container's limit or the machine's RAM."""
    try:
        with open("/sys/fs/cgroup/memory.max") as file:
            limit = file.read().strip()
        if limit != "max":
            return int(limit) // (1024 * 1024)
    except (OSError, ValueError):
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (OSError, ValueError):
        return None


def workers_for_machine(cpus: float | None = None, memory_mib: int | None = None) -> int:
    """gunicorn's rule of thumb, 2 x CPUs + 1 (sync workers wait on the database), capped so
    that all workers fit in half the memory, and never fewer than 2 (one request may be
    slow while the other serves)."""
    if cpus is None:
        cpus = _cgroup_cpus() or len(os.sched_getaffinity(0))
    if memory_mib is None:
        memory_mib = _memory_mib()
    workers = int(2 * cpus) + 1
    if memory_mib:
        workers = min(workers, memory_mib // 2 // WORKER_MEMORY_MIB)
    return max(2, workers)


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or workers_for_machine())
worker_class = "sync"
# Import the app once in the master and fork the workers from it: the code and data loaded
# at import are shared between them (copy-on-write) instead of held once per worker, which
# keeps each worker's proportional set size small (make bench measures it). The garbage
# collector's objects are frozen before forking so collections do not touch (and copy) them.
preload_app = True


def when_ready(server):
    """In the master, after the app is loaded and before the first fork: serve a few pages
    once, so that what first requests load lazily is shared by the workers too
    (urbact_portal/ops/warmup.py)."""
    if preload_app:
        from urbact_portal.ops.warmup import warm_up

        warm_up()


def pre_fork(server, worker):
    import gc

    from django.core.cache import caches
    from django.db import connections

    # No connection made while importing may be shared by the forked workers.
    connections.close_all()
    for cache in caches.all(initialized_only=True):
        cache.close()
    gc.freeze()


# Recycle workers now and then (a slow leak never grows for long).
max_requests = 1000
max_requests_jitter = 100
# A request may run 60 s (large uploads, image renditions) before its worker is replaced.
timeout = 60
# On TERM (docker stop, Ctrl-C in make prod) a worker finishes its request: longer than one
# SMTP exchange (EMAIL_TIMEOUT, 20 s), as admin views may send mail (password reset).
graceful_timeout = int(os.environ.get("EMAIL_TIMEOUT", "20")) + 10
keepalive = 5
# The proxy logs every request (JSON, with the request id); gunicorn logs its own life.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "urbact_portal.ops.logs.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
        }
    },
    "handlers": {
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "root": {"level": "INFO", "handlers": []},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False}
    },
}
# Only the proxy talks to gunicorn; it sets X-Forwarded-Proto itself.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket (gunicornc): it would be one fixed path for every instance on the host.
control_socket_disable = True
# Temporary files of the worker heartbeat in memory, not on a (possibly slow) container disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
