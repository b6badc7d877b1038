#!/usr/bin/env bash
# Debian packages the tests and the demo hall use: Chromium for browser tests, CJK fonts so Chinese renders,
# socat for virtual serial ports, libusb for node-hid at run time, and PC/SC for social-security card readers
# (headers to build the pcsclite addon, the pcscd daemon, and the vpcd virtual reader the tests plug a simulated card into),
# PostgreSQL 15 for the region server's tests (each run starts a throwaway cluster of its own), poppler-utils to read back
# the text of the PDFs the console prints (the self-inspection report), and espeak-ng + sox, with which scripts/voice
# generates the packs' voice clips offline.
set -euo pipefail

needed=(chromium fonts-noto-cjk socat libusb-1.0-0 libpcsclite-dev pcscd vsmartcard-vpcd postgresql poppler-utils espeak-ng sox)
missing=()
for pkg in "${needed[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "The tests need these Debian packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
