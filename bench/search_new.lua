-- wrk script: the query mix of search_mix.lua, but every request a query no
-- request asked before (issue #19): each query starts with the exclusion of a
-- word that occurs nowhere ("-zq" and letters from a serial number), so it
-- finds what the query of the mix finds while neither the cached ranking nor
-- the cached results of an earlier request fit it. What a search costs when
-- nothing about it is cached yet.
-- Usage: wrk -s bench/search_new.lua http://127.0.0.1:PORT/suche/

local queries = {
  "Vertrieb",
  "Vertrieb+Mittelstand",
  "viral",
  "%22neue+Kunden%22",
  "Vertreib",
  "FACHKR%C3%84FTE",
  "Digitalisier",
}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  serial = 0
end

-- A number in letters (a = 0 … z = 25): the stemmers keep letters only.
local function letters(number)
  local text = ""
  repeat
    text = string.char(97 + number % 26) .. text
    number = math.floor(number / 26)
  until number == 0
  return text
end

function request()
  serial = serial + 1
  local q = queries[(serial % #queries) + 1]
  local unique = "-zq" .. letters(id) .. "x" .. letters(os.time()) .. "x" .. letters(serial)
  return wrk.format("GET", "/suche/?q=" .. unique .. "+" .. q)
end
