-- wrk script: the article page's live request (POST /live/<id>/), every one
-- from a new visitor, as bench/newvisitor.lua does for the page itself. The
-- Origin header comes from the command line (-H), as a browser sends it.
-- Usage: wrk -s bench/newvisitor_live.lua -H "Origin: http://HOST:PORT" \
--          http://HOST:PORT/live/ID/

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  serial = 0
  prefix = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Leser/"
    .. id .. "-" .. tostring(os.time()) .. "-"
end

function request()
  serial = serial + 1
  wrk.headers["User-Agent"] = prefix .. serial
  return wrk.format("POST", nil, wrk.headers, "")
end
