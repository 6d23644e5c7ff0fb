# tools/prepare.bash — sourced by test/run and demo/run: install what is
# missing, build and install the extension, and choose a free port for the
# throwaway cluster.
# shellcheck shell=bash

export PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config

# en_prepare NAME: deps, build, install; NAME is the caller, for messages
en_prepare() {
  tools/deps
  make -s PG_CONFIG="$PG_CONFIG" >/dev/null
  if [ -w "$("$PG_CONFIG" --sharedir)/extension" ] && [ -w "$("$PG_CONFIG" --pkglibdir)" ]; then
    make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
  else
    echo "$1: cannot write PostgreSQL's extension directories; run 'sudo make install' first, or run this as root" >&2
    exit 1
  fi
  en_free_port
}

# pg_virtualenv -t takes port 5432 (or $PGPORT) and fails if a server, yours
# or another throwaway one, already listens there: export a free port
en_free_port() {
  local port
  unset PGPORT
  for port in $(seq 5432 5631); do
    { [ -e "/var/run/postgresql/.s.PGSQL.$port" ] || [ -e "/tmp/.s.PGSQL.$port" ]; } && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    export PGPORT=$port
    return 0
  done
  echo "no free port between 5432 and 5631" >&2
  exit 1
}
