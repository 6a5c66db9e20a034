-- wrk script for the pay flow: every connection pays its own share of the Due invoices, once each:
-- GET the Pay now blade, POST its form (the blade's own CSRF token, idempotency key and the checked
-- saved card), GET the page it redirects to, and on to the next invoice. wrk keeps one Lua state per
-- thread, not per connection, so bench/run starts as many threads as connections.
-- Arguments (after --): the file of Due invoice numbers, the number of threads, the path of the
-- account's invoices ("/billing/accounts/ID/invoices"), a file of Cookie header values, one per
-- thread: each connection is a browser of its own, signed in on its own session (the success message
-- after Pay now is a flash attribute of the session: two connections on one session would take each
-- other's).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(args[2])
  invoices = args[3]
  queue, pos = {}, 0
  local i = 0
  for line in io.lines(args[1]) do
    if line ~= "" then
      if i % n == id then table.insert(queue, line) end
      i = i + 1
    end
  end
  local c = 0
  for line in io.lines(args[4]) do
    if c == id then cookie = line end
    c = c + 1
  end
  flows, failures, exhausted, last_failure = 0, 0, 0, ""
  follow_path = invoices
  next_invoice()
end

function next_invoice()
  pos = pos + 1
  if pos > #queue then
    exhausted, step = 1, "done"
    wrk.thread:stop()
  else
    step = "blade"
    blade_path = invoices .. "/" .. queue[pos] .. "/pay"
  end
end

local function fail(why)
  failures = failures + 1
  last_failure = why
  next_invoice()
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The pay form of the blade: its action and the fields a payer would send with the default card.
local function pay_form(body)
  for start, tag in body:gmatch("()(<form[^>]*>)") do
    local action = tag:match('action="([^"]*)"')
    if tag:find('method="post"') and action and action:find("/pay") then
      local inner = body:sub(start, body:find("</form>", start, true))
      local csrf, key, card
      for input in inner:gmatch("<input[^>]*>") do
        local name, value = input:match('name="([^"]*)"'), input:match('value="([^"]*)"')
        if name == "_csrf" then csrf = value end
        if name == "idempotencyKey" then key = value end
        if name == "paymentMethod" and input:find("checked") then card = value end
      end
      if csrf and key and card then
        return action:gsub("&amp;", "&"),
          "_csrf=" .. encode(csrf) .. "&idempotencyKey=" .. encode(key) .. "&paymentMethod=" .. encode(card)
      end
    end
  end
end

-- wrk.format adds to the table it is given: a new one each time.
local function headers()
  local h = { Cookie = cookie }
  for name, value in pairs(wrk.headers) do h[name] = value end
  return h
end

-- Called once more by wrk before the run to check the request: it must not change the state.
function request()
  if step == "blade" then
    return wrk.format("GET", blade_path, headers())
  elseif step == "pay" then
    local h = headers()
    h["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", pay_path, h, pay_body)
  end
  return wrk.format("GET", follow_path, headers())
end

function response(status, headers, body)
  if step == "blade" then
    if status ~= 200 then return fail("blade answered " .. status) end
    pay_path, pay_body = pay_form(body)
    if not pay_path then return fail("no pay form in the blade") end
    step = "pay"
  elseif step == "pay" then
    local location = headers["Location"] or headers["location"]
    if status ~= 302 or not location then return fail("Pay now answered " .. status) end
    follow_path = location:gsub("^https?://[^/]+", "")
    if follow_path:find("/login") then return fail("Pay now redirected to sign-in") end
    step = "follow"
  elseif step == "follow" then
    if status ~= 200 then return fail("the page after Pay now answered " .. status) end
    if not body:find("flash%-success") then return fail("no success message after Pay now") end
    flows = flows + 1
    next_invoice()
  end
end

function done(summary, latency, requests)
  local f, bad, ex, last = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    f = f + t:get("flows")
    bad = bad + t:get("failures")
    ex = ex + t:get("exhausted")
    if t:get("last_failure") ~= "" then last = t:get("last_failure") end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"flows":%d,"failures":%d,"last_failure":"%s",' ..
    '"exhausted_threads":%d,"socket_errors":%d,"p50_us":%.0f,"p99_us":%.0f}\n',
    summary.requests, summary.duration, f, bad, last, ex,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
