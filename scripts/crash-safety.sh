#!/usr/bin/env bash
# Crash safety (issue 16): the published app on a fresh SQLite data folder takes a burst of checkouts, each paid by a signed
# sandbox notification, from two demo buyers bound to distributors (so payment accrues commissions), several at once; the
# app is killed with SIGKILL after a different number of answers each run, restarted on the same folder, given a few
# seconds for its jobs (the outbox dispatcher), stopped, and then checked: `dotnet MallPortal.dll check` (stock equals its
# ledger, each order holds its reservation, a paid order has its payment, receivable, commissions and messages exactly
# once) and every order number and "paid" answer the client received is in the database.
# Usage: scripts/crash-safety.sh [published app folder]   (without one it publishes MallPortal to a temporary folder)
# Settings: CRASH_RUNS (3), CRASH_CHECKOUTS (50), CRASH_PARALLEL (8), CRASH_PORT (55310), CRASH_KILL_AFTER ("5 20 35",
# answers before the kill, cycled over the runs). Needs curl, openssl and sqlite3. Exits 1 on any violation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${CRASH_RUNS:-3}
checkouts=${CRASH_CHECKOUTS:-50}
parallel=${CRASH_PARALLEL:-8}
port=${CRASH_PORT:-55310}
read -r -a kill_after <<<"${CRASH_KILL_AFTER:-5 20 35}"
url="http://127.0.0.1:$port"
sandbox_key=mallportal-sandbox-demo-key
buyers=(13800000023 13800000025)

work=$(mktemp -d /tmp/mallportal-crash.XXXXXX)
stop_all() {
  for pidfile in "$work"/*.pid; do
    [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop_all EXIT

app=${1:-}
if [ -z "$app" ]; then
  app="$work/app"
  dotnet publish "$root/MallPortal" -c Release -o "$app" --nologo -v q >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
fi
app=$(cd "$app" && pwd)

start_app() { # data folder, log
  if curl -s -o /dev/null "$url/healthz"; then echo "crash-safety: port $port is taken"; exit 1; fi
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" Data__Folder="$1" Demo__HistoryDays=0 \
    exec dotnet MallPortal.dll >>"$2" 2>&1) &
  echo $! >"$work/app.pid"
  for _ in $(seq 180); do
    curl -sf "$url/healthz" >/dev/null && return 0
    kill -0 "$(cat "$work/app.pid")" 2>/dev/null || break
    sleep 1
  done
  echo "crash-safety: the app did not start"; tail -40 "$2"; exit 1
}

stop_app() { # graceful: SIGTERM and wait
  local pid; pid=$(cat "$work/app.pid")
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$work/app.pid"
}

sql() { sqlite3 -batch -noheader "$data/mallportal.db" "$1"; }

login() { # phone, cookie jar: the login form with its antiforgery token, as a browser posts it
  local token
  token=$(curl -s -c "$2" -b "$2" "$url/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -w '%{http_code}' -c "$2" -b "$2" "$url/Account/Login" --data-urlencode "_handler=login" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Login=$1" --data-urlencode "Input.Password=demo1234" \
    | grep -q 302 || { echo "crash-safety: $1 could not sign in"; exit 1; }
}

# One checkout and its payment. Each answer the app gives is one line in answers; the order numbers of an answered
# checkout go to orders, the payment number of an acknowledged notification to paid.
checkout_and_pay() {
  local i=$1 b=$(( $1 % 2 )) out code payment amount
  local lines="{\"skuId\":$SKU_A,\"quantity\":1}"
  [ $(( i % 3 )) -ne 0 ] && lines="$lines,{\"skuId\":$SKU_B,\"quantity\":1}"
  local address; address=$(cut -d' ' -f$(( b + 1 )) <<<"$ADDRESSES")
  out=$(curl -s -m 60 -w '\n%{http_code}' -b "$WORK/jar-$b" -H 'Content-Type: application/json' "$URL/api/checkout" \
    -d "{\"lines\":[$lines],\"addressId\":$address,\"paymentMethod\":\"sandbox\",\"idempotencyKey\":\"$RUN-$i\"}") || return 0
  code=${out##*$'\n'}
  [ "$code" = 000 ] && return 0
  echo "checkout $i $code" >>"$WORK/answers"
  [ "$code" = 200 ] || return 0
  payment=$(sed -n 's/.*"paymentNumber":"\([^"]*\)".*/\1/p' <<<"$out")
  amount=$(sed -n 's/.*"amountFen":\([0-9]*\).*/\1/p' <<<"$out")
  grep -o '"orderNumbers":\[[^]]*\]' <<<"$out" | grep -o '"[0-9A-Z]*"' | tr -d '"' | grep -v orderNumbers >>"$WORK/orders"
  local id="crash-$RUN-$i"
  local content="notify_id=$id&out_trade_no=$payment&sign_type=HMAC-SHA256&total_fee=$amount&trade_no=SBX$id&trade_status=SUCCESS"
  local sign; sign=$(printf '%s' "$content" | openssl dgst -sha256 -hmac "$KEY" | sed 's/.*= //' | tr 'a-f' 'A-F')
  out=$(curl -s -m 60 -w '\n%{http_code}' "$URL/payments/notify/sandbox" --data "$content&sign=$sign") || return 0
  code=${out##*$'\n'}
  [ "$code" = 000 ] && return 0
  echo "payment $i $code" >>"$WORK/answers"
  [ "$out" = $'success\n200' ] && echo "$payment" >>"$WORK/paid"
  return 0
}
export -f checkout_and_pay

# The demo data once (migrations, seed), copied for each run.
template="$work/template"
echo "crash-safety: seeding a demo data folder with $app"
start_app "$template" "$work/template.log"
stop_app

total_checkouts=0 total_violations=0
for run in $(seq "$runs"); do
  data="$work/run-$run"
  cp -a "$template" "$data"
  : >"$work/answers"; : >"$work/orders"; : >"$work/paid"
  before=$(sql "select count(*) from Orders;")
  start_app "$data" "$work/run-$run.log"
  addresses=""
  for b in 0 1; do
    login "${buyers[$b]}" "$work/jar-$b"
    addresses="$addresses $(sql "select a.Id from ShippingAddresses a join AspNetUsers u on u.Id = a.UserId where u.PhoneNumber = '${buyers[$b]}' limit 1;")"
  done
  # The SKU with the most units free in each demo shop, so the burst is not refused for want of stock.
  mapfile -t skus < <(sql "select (select s.SkuId from StockItems s join ProductSkus k on k.Id = s.SkuId join Products p on p.Id = k.ProductId
    where s.ShopId = shop.Id and p.Status = 'OnSale' order by s.OnHand - s.Reserved desc limit 1) from Shops shop order by shop.Id limit 2;")
  kill_at=${kill_after[$(( (run - 1) % ${#kill_after[@]} ))]}
  seq "$checkouts" | WORK="$work" URL="$url" KEY="$sandbox_key" RUN="r$run-$$" ADDRESSES="${addresses# }" SKU_A="${skus[0]}" SKU_B="${skus[1]}" \
    xargs -P "$parallel" -I{} bash -c 'checkout_and_pay {}' &
  echo $! >"$work/burst.pid"
  while [ "$(wc -l <"$work/answers")" -lt "$kill_at" ] && kill -0 "$(cat "$work/burst.pid")" 2>/dev/null; do sleep 0.02; done
  answered=$(wc -l <"$work/answers")
  kill -9 "$(cat "$work/app.pid")"
  wait "$(cat "$work/app.pid")" 2>/dev/null || true
  rm -f "$work/app.pid"
  wait "$(cat "$work/burst.pid")" || true
  rm -f "$work/burst.pid"

  start_app "$data" "$work/run-$run.log"
  sleep 5
  stop_app
  set +e
  check=$(cd "$app" && ASPNETCORE_ENVIRONMENT=Production Data__Folder="$data" dotnet MallPortal.dll check 2>&1)
  check_status=$?
  set -e
  violations=$(grep -c '^违规 violation' <<<"$check" || true)
  [ "$check_status" -ne 0 ] && [ "$violations" -eq 0 ] && { echo "$check" | tail -20; violations=1; }
  grep '^违规 violation' <<<"$check" || true
  # What the client was told must have survived: every order number answered, every payment acknowledged as paid.
  quoted() { sort -u "$1" | sed "s/.*/'&'/" | paste -sd, -; }
  told=$(sort -u "$work/orders" | wc -l)
  found=$([ "$told" -eq 0 ] && echo 0 || sql "select count(*) from Orders where Number in ($(quoted "$work/orders"));")
  paid=$(sort -u "$work/paid" | wc -l)
  paid_found=$([ "$paid" -eq 0 ] && echo 0 || sql "select count(*) from Payments where Status = 'Paid' and Number in ($(quoted "$work/paid"));")
  if [ "$found" -ne "$told" ]; then echo "  lost: $(( told - found )) of $told order numbers answered to the client"; violations=$(( violations + 1 )); fi
  if [ "$paid_found" -ne "$paid" ]; then echo "  lost: $(( paid - paid_found )) of $paid payments acknowledged"; violations=$(( violations + 1 )); fi
  placed=$(( $(sql "select count(*) from Orders;") - before ))
  checkouts_done=$(grep -c '^checkout .* 200$' "$work/answers" || true)
  echo "crash-safety: run $run: killed after $answered answers (wanted $kill_at); $checkouts_done checkouts answered, $(grep -c '^payment .* 200$' "$work/answers" || true) payments acknowledged; $placed orders in the database ($told answered); $violations violations"
  total_checkouts=$(( total_checkouts + checkouts_done ))
  total_violations=$(( total_violations + violations ))
done
echo "crash-safety: $runs runs, $total_checkouts checkouts, $total_violations violations"
[ "$total_violations" -eq 0 ]
