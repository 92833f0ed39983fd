#!/usr/bin/env bash
# Screenshots of the Preferences dialog, a start with saved preferences, and "yours" in the search
# results, on a real X server (Xvfb + openbox), at 1366x768 and 1920x1080.
#   tests/screenshots/research_gaps.sh DISPLAY_NUMBER [OUT_DIR]
# Uses a throwaway config folder and user-data folder: the user's own are never touched.
set -euo pipefail
d=${1:?display number}
out=${2:-docs/screenshots}
venv=${VENV:-.venv}
wait_s=${WAIT:-12}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shoot() {  # shoot SIZE NAME KEYS APP-ARGS...: start, optionally press keys, screenshot, stop
  local size=$1 name=$2 keys=$3
  shift 3
  rm -f "$tmp/user/session.json"  # each picture starts from its own options, not the last one's session
  Xvfb ":$d" -screen 0 "${size}x24" >/dev/null 2>&1 &
  local xp=$!
  sleep 2
  DISPLAY=":$d" openbox >/dev/null 2>&1 &
  local wm=$!
  sleep 1
  XDG_CONFIG_HOME="$tmp/cfg" DISPLAY=":$d" "$venv/bin/maisky-desktop" --user-data "$tmp/user" "$@" \
    >"$tmp/app.log" 2>&1 &
  local ap=$!
  sleep "$wait_s"
  if [ -n "$keys" ]; then
    DISPLAY=":$d" xdotool search --name "Maisky Timeline" windowactivate --sync 2>/dev/null || true
    DISPLAY=":$d" xdotool key $keys
    sleep 2
  fi
  DISPLAY=":$d" import -window root "$out/$name-$size.png"
  kill "$ap" || true
  sleep 1
  kill "$wm" "$xp" || true
  sleep 1
  echo "$out/$name-$size.png"
}

mkdir -p "$tmp/cfg" "$tmp/user"
cat >"$tmp/events.csv" <<'CSV'
title,date,note
Weekend at Cherkley with Beaverbrook,1938-09-02,Litvinov's telegram read out after dinner
Cherkley again: the Czech crisis,1938-09-24,
CSV
"$venv/bin/maisky-desktop" --user-data "$tmp/user" import events "$tmp/events.csv" --yes >/dev/null

for size in 1366x768 1920x1080; do
  rm -f "$tmp/cfg/maisky-timeline/preferences.ini" "$tmp/cfg/maisky-timeline/layout.ini"
  shoot "$size" preferences-dialog "ctrl+comma" --event treaty-of-rapallo
  shoot "$size" search-yours "" --search "Litvinoff"
  mkdir -p "$tmp/cfg/maisky-timeline"
  printf '[look]\nfont_scale=1.5\nhigh_contrast=true\n' >"$tmp/cfg/maisky-timeline/preferences.ini"
  rm -f "$tmp/cfg/maisky-timeline/layout.ini"
  shoot "$size" preferences-applied "" --event treaty-of-rapallo
done
