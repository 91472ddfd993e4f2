-- wrk script: every request comes from a new visitor.
--
-- The visitor key is a hash of IP address and user agent, and wrk sends no
-- cookies, so a user agent that no request has used before makes every request a
-- new visitor (a counted view). The user agents are those of an ordinary desktop
-- Firefox with a serial number appended: nothing in them looks like a bot.
-- Usage: wrk -s bench/newvisitor.lua http://127.0.0.1:PORT/artikel/SLUG/
-- The page's live request the same way, as a browser sends it (an empty POST
-- with its Origin):
--        wrk -s bench/newvisitor.lua -H "Origin: http://127.0.0.1:PORT" \
--            http://127.0.0.1:PORT/live/ID/ -- POST

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  method = args[1] or "GET"
  serial = 0
  prefix = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Leser/"
    .. id .. "-" .. tostring(os.time()) .. "-"
end

function request()
  serial = serial + 1
  wrk.headers["User-Agent"] = prefix .. serial
  if method == "POST" then
    return wrk.format("POST", nil, wrk.headers, "")
  end
  return wrk.format(nil, nil, wrk.headers)
end
