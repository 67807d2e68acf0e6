#!/usr/bin/env bash
# Shop pages under load (issue 15 item 2). Publishes the app (Release), starts it on 127.0.0.1 with a fresh SQLite data
# folder that it seeds with the demo shop at start, and starts scripts/plain-kestrel.cs (Kestrel answering "ok") as the
# yardstick in the same run. Then wrk loads, one after the other and with the same threads and connections: the plain
# answer, home /, a top category, a product and a search, each for a warm-up and then for the measured seconds (anonymous:
# no cookies, so guests' pages come from the output cache). Prints per page requests/s, p99 and the ratio to plain
# Kestrel; home and category pass at ratio >= 0.015 with p99 < 100 ms. Exits 1 when one of them fails or a page answers
# anything but 2xx. Every process it starts is stopped by its pid on exit.
# Needs wrk (apt-get install -y wrk). Run: bash scripts/bench-pages.sh [seconds=10] [connections=32] [threads=2]
set -euo pipefail
SECONDS_PER_PAGE=${1:-10}
CONNECTIONS=${2:-32}
THREADS=${3:-2}
WARMUP=3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

WORK="$(mktemp -d /tmp/mallportal-bench-pages.XXXXXX)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url, seconds
    for _ in $(seq 1 "$2"); do
        curl -fs -o /dev/null "$1" && return 0
        sleep 1
    done
    echo "no answer from $1 after $2 s" >&2; return 1
}

echo "publishing (Release)..." >&2
dotnet publish "$ROOT/MallPortal/MallPortal.csproj" -c Release -o "$WORK/app" -v q -nologo >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }
dotnet publish "$ROOT/scripts/plain-kestrel.cs" -c Release -o "$WORK/plain" -v q -nologo >>"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }

PLAIN_PORT=$(free_port)
(cd "$WORK/plain" && exec ./plain-kestrel --urls "http://127.0.0.1:$PLAIN_PORT" >"$WORK/plain.log" 2>&1) &
PIDS+=($!)
APP_PORT=$(free_port)
(cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APP_PORT" \
    Data__Folder="$WORK/data" Admin__Password="bench-$RANDOM$RANDOM" Demo__SeedOnFirstRun=true \
    Logging__LogLevel__Default=Warning exec ./MallPortal >"$WORK/app.log" 2>&1) &
PIDS+=($!)
echo "starting the app and seeding the demo shop..." >&2
wait_for "http://127.0.0.1:$PLAIN_PORT/" 30
wait_for "http://127.0.0.1:$APP_PORT/healthz" 300 || { tail -30 "$WORK/app.log" >&2; exit 1; }

# Real routes from the seeded shop: the first top category and the first product linked from home, and a search term.
HOME_HTML="$(curl -fs "http://127.0.0.1:$APP_PORT/")"
CATEGORY=$(grep -o 'href="/category/[0-9]*"' <<<"$HOME_HTML" | head -1 | grep -o '[0-9]*')
PRODUCT=$(grep -o 'href="/product/[0-9]*"' <<<"$HOME_HTML" | head -1 | grep -o '[0-9]*')
TERM_Q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("手机"))')
declare -a NAMES=(plain home category product search)
declare -A URLS=(
    [plain]="http://127.0.0.1:$PLAIN_PORT/"
    [home]="http://127.0.0.1:$APP_PORT/"
    [category]="http://127.0.0.1:$APP_PORT/category/$CATEGORY"
    [product]="http://127.0.0.1:$APP_PORT/product/$PRODUCT"
    [search]="http://127.0.0.1:$APP_PORT/search?q=$TERM_Q"
)

# wrk's latency lines read like "99%   12.34ms" (units us, ms, s): in ms.
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } else if (v ~ /m$/) { sub(/m$/,"",v); v*=60000 } printf "%.2f", v }' <<<"$1"; }
declare -A RPS P99 ERRORS
for name in "${NAMES[@]}"; do
    url=${URLS[$name]}
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_PAGE}s" --latency "$url")"
    RPS[$name]=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    ERRORS[$name]=$(( $(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out" | grep . || echo 0) + \
        $(awk '/Socket errors:/ { gsub(",",""); print $4+$6+$8+$10 }' <<<"$out" | grep . || echo 0) ))
done

echo "bench-pages: ${SECONDS_PER_PAGE}s per page after ${WARMUP}s warm-up, $CONNECTIONS connections, $THREADS wrk threads, anonymous"
printf '%-10s %-34s %12s %10s %9s %7s  %s\n' page path "requests/s" "p99 ms" ratio errors verdict
status=0
for name in "${NAMES[@]}"; do
    url=${URLS[$name]}
    path="/${url#http://127.0.0.1:*/}"
    ratio=$(awk -v a="${RPS[$name]}" -v b="${RPS[plain]}" 'BEGIN { printf "%.4f", a / b }')
    verdict=""
    if [[ $name == home || $name == category ]]; then
        if awk -v r="$ratio" -v p="${P99[$name]}" 'BEGIN { exit !(r >= 0.015 && p < 100) }'; then verdict=PASS; else verdict="FAIL (target ratio >= 0.015, p99 < 100 ms)"; status=1; fi
    fi
    if [[ ${ERRORS[$name]} != 0 ]]; then verdict="$verdict errors!"; status=1; fi
    printf '%-10s %-34s %12s %10s %9s %7s  %s\n' "$name" "$path" "${RPS[$name]}" "${P99[$name]}" "$ratio" "${ERRORS[$name]}" "$verdict"
done
exit $status
