#!/bin/bash
# Runs "$@" with a host name the name service cannot resolve, and a resolver that never answers
# (as in a container whose DNS server drops queries): every lookup of the host name waits for the
# resolver's time-out, 1 s here. Run inside `unshare --uts --net --mount` as root; $1 is a work folder.
set -euo pipefail
work=$1
shift
ip link set lo up
printf 'nameserver 127.0.0.53\noptions timeout:1 attempts:1\n' > "$work/resolv.conf"
mount --bind "$work/resolv.conf" /etc/resolv.conf
hostname fwcts-unresolvable-host
socat -u UDP4-RECV:53,bind=127.0.0.53 /dev/null &
resolver=$!
trap 'kill $resolver' EXIT
# The silent resolver must be listening, or lookups fail at once instead of timing out.
for _ in $(seq 50); do
  grep -qi ':0035 ' /proc/net/udp && break
  sleep 0.1
done
start=$(date +%s%N)
getent hosts fwcts-unresolvable-host || true
echo "host name lookup took $(( ($(date +%s%N) - start) / 1000000 )) ms"
"$@"
