#!/usr/bin/env bash
# Set Reader up on a fresh machine and run it, or run its tests.
#
#   bash packaging/bootstrap.sh run    # install and open Reader
#   bash packaging/bootstrap.sh test   # install the test dependencies and run the tests
#
# It installs the system libraries Qt needs and a CJK font (Debian/Ubuntu, via
# apt-get, when missing and when it may: as root or with sudo), creates .venv
# in the project folder and installs Reader there. Extra arguments go to
# `reader` (run) or `pytest` (test).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
shift || true

system_packages=(
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
  libxcb-shape0 libxcb-randr0 fonts-noto-cjk
)

install_system_packages() {
  command -v apt-get >/dev/null 2>&1 || return 0
  command -v dpkg >/dev/null 2>&1 || return 0
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "bootstrap: please install: ${missing[*]}" >&2; return 0
    fi
  fi
  echo "bootstrap: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

install_system_packages "${system_packages[@]}"

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    install_system_packages python3-venv
    "$python" -m venv .venv
  fi
fi
.venv/bin/python -m pip install --quiet --upgrade pip

case "$mode" in
  run)
    .venv/bin/python -m pip install --quiet .
    exec .venv/bin/reader "$@"
    ;;
  test)
    .venv/bin/python -m pip install --quiet -e ".[test,dev]"
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash packaging/bootstrap.sh run|test [args…]" >&2
    exit 2
    ;;
esac
