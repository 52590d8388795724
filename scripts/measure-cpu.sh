#!/usr/bin/env bash
# The dashboard's own CPU use: run the release build in a private tmux at 120x40 for SECONDS
# (default 20) and read utime+stime from /proc/<pid>/stat just before quitting.
# usage: scripts/measure-cpu.sh [SECONDS] [rcutop flags...]     target: <= 0.13 CPU-seconds per 20 s at 10 fps
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}; shift || true
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/rcutop
sock=$(mktemp -u /tmp/rcutop-cpu-XXXXXX.sock)
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -f "$sock"' EXIT
tmux -S "$sock" -f /dev/null new-session -d -x 120 -y 40 \
  "env TERM=xterm-256color LANG=C.UTF-8 $(printf '%q ' "$bin" "$@"); sleep 30"
tmux -S "$sock" set-option -g status off >/dev/null
pane=$(tmux -S "$sock" display-message -p '#{pane_pid}')
pid=""
for _ in $(seq 50); do
  pid=$(pgrep -x rcutop -P "$pane" || true)
  [ -n "$pid" ] || pid=$(pgrep -x rcutop -P "$(pgrep -P "$pane" | head -1)" 2>/dev/null || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "rcutop did not start"; exit 1; }
sleep "$seconds"
ticks=$(getconf CLK_TCK)
read -r utime stime < <(awk '{print $14, $15}' "/proc/$pid/stat")
tmux -S "$sock" send-keys q
awk -v u="$utime" -v s="$stime" -v t="$ticks" -v secs="$seconds" 'BEGIN {
  cpu = (u + s) / t
  printf "rcutop CPU over %s s: %.2f s (user %.2f, system %.2f), %.2f%% of one core\n", secs, cpu, u / t, s / t, 100 * cpu / secs
}'
