-- wrk script: the search page with a realistic mix of German queries, in turn
-- (issue #19): one very common word, two common words, a rare word, a phrase,
-- a misspelling, an umlaut word (upper case), and the last word half typed.
-- Usage: wrk -s bench/search_mix.lua http://127.0.0.1:PORT/suche/

local queries = {
  "Vertrieb",
  "Vertrieb+Mittelstand",
  "viral",
  "%22neue+Kunden%22",
  "Vertreib",
  "FACHKR%C3%84FTE",
  "Digitalisier",
}
local counter = 0

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/suche/?q=" .. q)
end
