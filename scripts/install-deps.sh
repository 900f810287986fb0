#!/bin/sh
# Installs tessel's build and test dependencies from Debian 12 packages.
# Idempotent: quiet and fast when everything is already installed.
set -eu

PKGS="build-essential cmake ninja-build git ca-certificates python3
llvm-19-dev libmlir-19-dev mlir-19-tools llvm-19-tools
libboost-dev nlohmann-json3-dev catch2 zlib1g-dev libzstd-dev libedit-dev libxml2-dev libcurl4-openssl-dev
libonnx-dev libprotobuf-dev
libopenmpi-dev openmpi-bin
chromium chromium-driver fonts-dejavu-core"

missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "install-deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
