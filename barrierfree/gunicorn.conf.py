"""gunicorn's settings for `scripts/serve` and the systemd unit (deploy/systemd/): all from the
environment, with defaults for a town's small server. See README, Production; why gunicorn's
threaded workers behind nginx: docs/decisions/0006-gunicorn-behind-nginx.md."""

import multiprocessing
import os

# Where the application listens: the loopback, behind nginx (deploy/nginx/).
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Processes and threads per process: every request holds a database connection while it runs.
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("WEB_THREADS", "4"))
worker_class = "gthread"
# A request that takes longer is a bug or an attack: the statement timeout (30 s) ends it first.
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that slow growth of memory (large imports, PDFs) never adds up.
max_requests = 2000
max_requests_jitter = 200
# nginx on the same machine sets X-Forwarded-Proto; Django reads it when BEHIND_TLS_PROXY is set.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# gunicorn's control socket (one path per user by default) is not used: systemd sends the signals.
control_socket_disable = True

# LOG_FORMAT=json (README, Configuration): gunicorn's own lines as JSON too, through the
# application's formatter, and no access log of gunicorn's: the application writes one JSON line
# per request itself (mapping/accesslog.py), so every line of the service's output is JSON.
if os.environ.get("LOG_FORMAT", "text").strip().lower() == "json":
    accesslog = None
    logconfig_dict = {
        "root": {"level": "INFO", "handlers": []},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["json"], "propagate": False},
            "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        },
        "handlers": {
            "json": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "formatters": {"json": {"()": "barrierfree.jsonlog.JsonFormatter"}},
    }
