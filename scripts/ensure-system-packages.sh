#!/usr/bin/env bash
# Makes sure the distribution packages Kvarter runs on are installed: PostgreSQL ≥ 15 and
# pgBackRest (and, with --with-browser, what only the tests need: Chromium for the browser tests and
# poppler-utils, whose pdftotext/pdftoppm read the PDF report in its tests; with --with-ha, what the
# high-availability topology of `ops ha up` runs on: Patroni, etcd and HAProxy). Installs them with apt
# when we are root or have passwordless sudo; otherwise says exactly what to run.
set -euo pipefail

with_browser=false
with_ha=false
for argument in "$@"; do
  case "$argument" in
    --with-browser) with_browser=true ;;
    --with-ha) with_ha=true ;;
    *) echo "Usage: $0 [--with-browser] [--with-ha]" >&2; exit 2 ;;
  esac
done

have_postgres() {
  local initdb version
  for initdb in /usr/lib/postgresql/*/bin/initdb; do
    version=${initdb#/usr/lib/postgresql/}
    version=${version%%/*}
    if [[ -x "$initdb" && "$version" =~ ^[0-9]+$ ]] && (( version >= 15 )); then return 0; fi
  done
  return 1
}

have_package() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

need_database=false
need_browser=false
# python3-etcd and python3-psycopg2 are Patroni's etcd and PostgreSQL drivers; python3-idna lets its HTTP
# client (urllib3, which only suggests it) talk TLS to etcd; etcd-client gives etcdctl.
ha_packages=(patroni etcd-server etcd-client haproxy python3-etcd python3-psycopg2 python3-idna)
missing_ha=()
if $with_ha; then
  for package in "${ha_packages[@]}"; do have_package "$package" || missing_ha+=("$package"); done
fi
if ! have_postgres || ! command -v pgbackrest >/dev/null; then need_database=true; fi
if $with_browser && { ! command -v chromium >/dev/null || ! have_package fonts-dejavu-core || ! command -v pdftotext >/dev/null; }; then need_browser=true; fi
if ! $need_database && ! $need_browser && ((${#missing_ha[@]} == 0)); then exit 0; fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  as_root=(cannot)
fi
if [[ "${as_root[*]-}" == cannot ]] || ! command -v apt-get >/dev/null; then
  if $need_database; then echo "Kvarter needs PostgreSQL and pgBackRest. Run: sudo apt-get install -y postgresql pgbackrest" >&2; fi
  if $need_browser; then echo "Kvarter's browser and report tests need Chromium and poppler-utils. Run: sudo apt-get install -y chromium fonts-dejavu-core poppler-utils" >&2; fi
  if ((${#missing_ha[@]})); then echo "Kvarter's high-availability topology needs ${missing_ha[*]}. Run: sudo apt-get install -y --no-install-recommends ${missing_ha[*]}" >&2; fi
  exit 1
fi

apt() {
  # Waits for a concurrent apt/dpkg run (e.g. unattended-upgrades) instead of failing on its lock.
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"
}

echo "Updating the package lists (apt-get update)…"
apt update -qq

packages=()
if $need_database; then
  # postgresql-15 is Debian 12's name; elsewhere the unversioned package picks the distribution's default.
  if apt-cache policy postgresql-15 2>/dev/null | grep -q 'Candidate: [0-9]'; then packages+=(postgresql-15); else packages+=(postgresql); fi
  packages+=(pgbackrest)
fi
if $need_browser; then packages+=(chromium fonts-dejavu-core poppler-utils); fi
packages+=("${missing_ha[@]}")

echo "Installing ${packages[*]}…"
apt install -y --no-install-recommends "${packages[@]}"

# Where systemd runs, Debian's packages enable and start their own etcd (plaintext, no client
# authentication, on 127.0.0.1:2379) and HAProxy. `ops ha up` runs its own on free ports, so the
# services we have just installed would only be an open etcd nobody uses: stop and disable them.
# Services that were there before us are left alone.
if [[ -d /run/systemd/system ]]; then
  for package in "${missing_ha[@]}"; do
    case $package in
      etcd-server) "${as_root[@]}" systemctl disable --now etcd.service || true ;;
      haproxy) "${as_root[@]}" systemctl disable --now haproxy.service || true ;;
    esac
  done
fi

if $need_database && ! have_postgres; then
  echo "The installed PostgreSQL is older than 15; Kvarter needs PostgreSQL 15 or newer." >&2
  exit 1
fi
