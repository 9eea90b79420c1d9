#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages the project needs to build and test, if any
# are missing. As root it runs apt-get; otherwise it says what to run.
set -euo pipefail

pkgs=(
	make gcc clang libclang-rt-14-dev pkg-config file python3 python3-yaml python3-cryptography bc cpio
	kmod xz-utils zstd
	flex bison libelf-dev sparse
	linux-source-6.1 linux-headers-amd64
	qemu-system-x86 busybox-static
	libnl-3-dev libnl-genl-3-dev libmnl-dev libjson-c-dev libssl-dev
	libsqlite3-dev libcmocka-dev
	gnuplot-nox
)

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
# Debian bookworm also ships 6.12 kernels: build and test against the
# newest 6.12 header set too.
if ! ls -d /usr/src/linux-headers-6.12.*-amd64 >/dev/null 2>&1; then
	missing+=(linux-headers-6.12)
fi
# The newest header sets the package lists know of (they are as fresh as the
# last apt-get update): a newer 6.1 ABI comes with linux-headers-amd64, a
# newer 6.12 by its name. The header sets already installed stay.
if dpkg-query -W -f '${Status}' linux-headers-amd64 2>/dev/null | grep -q 'install ok installed'; then
	inst=$(dpkg-query -W -f '${Version}' linux-headers-amd64)
	cand=$(apt-cache policy linux-headers-amd64 2>/dev/null | sed -n 's/^ *Candidate: //p')
	if [ -n "$cand" ] && [ "$cand" != "(none)" ] && dpkg --compare-versions "$cand" gt "$inst"; then
		missing+=(linux-headers-amd64)
	fi
fi
newest612=$(apt-cache search --names-only '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' 2>/dev/null |
	awk '{ print $1 }' | sort -V | tail -n 1)
if [ -n "$newest612" ] && [ ! -f "/usr/src/$newest612/Makefile" ] &&
	ls -d /usr/src/linux-headers-6.12.*-amd64 >/dev/null 2>&1; then
	missing+=("$newest612")
fi

[ ${#missing[@]} = 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "missing Debian packages: ${missing[*]}" >&2
	echo "run as root: make deps" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "deps: installing ${missing[*]}" >&2
apt-get update -q >/dev/null
for i in "${!missing[@]}"; do
	if [ "${missing[$i]}" = linux-headers-6.12 ]; then
		missing[$i]=$(apt-cache search --names-only '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' |
			awk '{ print $1 }' | sort -V | tail -n 1)
	fi
done
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
