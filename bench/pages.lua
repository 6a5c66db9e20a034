-- wrk script for one page: counts the answers that are not 200 (wrk itself counts only >= 400,
-- so a redirect to the sign-in page would pass unnoticed) and prints one line of JSON for bench/run.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, other, last_other = 0, 0, ""
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    other = other + 1
    last_other = tostring(status)
  end
end

function done(summary, latency, requests)
  local ok_total, other_total, last = 0, 0, ""
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    other_total = other_total + t:get("other")
    if t:get("last_other") ~= "" then last = t:get("last_other") end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"ok":%d,"not_ok":%d,"last_not_ok":"%s",' ..
    '"socket_errors":%d,"p50_us":%.0f,"p99_us":%.0f}\n',
    summary.requests, summary.duration, ok_total, other_total, last,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
