# Varnish in front of Redaktion's gunicorn (Debian's varnish 7, VCL 4.1).
#
# Django decides what may be cached (core.http_cache): a reader's page comes
# with "Cache-Control: public, max-age=0, s-maxage=N" and "X-Cache-Tags";
# everything else (staff, logged-in readers, previews, the admin, POSTs, errors)
# is passed through and never stored. After a change Django bans the pages by
# their tags (core.purge: BAN with "X-Purge-Tags", a regular expression over
# the tags) or purges one address (PURGE), from the hosts in the purgers ACL.
#
# Started by `make run-cached` (the demo on http://127.0.0.1:8080) and by the
# tests (tests/servers.py: varnish()). In production: copy to
# /etc/varnish/default.vcl, set the backend's address, the purgers (every app
# host) and DJANGO_CACHE_PURGE_URLS=http://<cache>:<port>,
# DJANGO_VIEW_COUNT_BEACON=1, DJANGO_TRUSTED_PROXY_COUNT=1 on the app hosts.

vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        # Healthy from the start: a restarted cache serves at once instead of
        # answering 503 until three probes have passed.
        .initial = 3;
    }
}

# Who may ban and purge: the app hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.X-Purge-Tags) {
            return (synth(400, "X-Purge-Tags missing"));
        }
        # On obj.* only: the ban lurker clears old objects in the background.
        # The expression is a regular expression without spaces (core.purge).
        if (std.ban("obj.http.X-Cache-Tags ~ " + req.http.X-Purge-Tags)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }

    # What a client claims about addresses, hosts and schemes is not believed:
    # this cache is the first proxy (DJANGO_TRUSTED_PROXY_COUNT=1), and none of
    # it may reach a page that other readers then get from the cache.
    set req.http.X-Forwarded-For = client.ip;
    unset req.http.X-Forwarded-Host;
    unset req.http.X-Forwarded-Proto;
    unset req.http.X-Forwarded-Port;
    unset req.http.X-Forwarded-Server;
    unset req.http.Forwarded;
    unset req.http.X-Original-URL;
    unset req.http.X-Rewrite-URL;
    # The language comes from the address alone (/en/…), never from the header.
    unset req.http.Accept-Language;

    # Tracking parameters make no other page: one copy for all of them.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url, "(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    set req.url = std.querysort(req.url);

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/healthz") {
        return (pass);
    }
    # Logged-in people and readers with a message waiting (after a form post
    # without JavaScript) get their own page; everyone else the shared one,
    # so their cookies (the CSRF cookie from the live request) are dropped.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;

    # Stale copies only while the backend is down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 2s;
    }
    return (hash);
}

sub vcl_hash {
    # The address alone: not the Host header (see vcl_recv), nor cookies.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Only what Django said is the same for every reader (core.http_cache).
    if (beresp.http.Cache-Control !~ "(^|[ ,])public([ ,]|$)"
            || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    # Django's headers say Vary: Accept-Encoding at most; varnish handles gzip.
    unset beresp.http.Vary;
    # The time to live is s-maxage; when the backend is down, up to an hour
    # of stale copies.
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
        # The id of the request that filled the cache: it would tie every
        # reader's answer to one log line of another request.
        unset resp.http.X-Request-ID;
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags are for bans, not for the world.
    unset resp.http.X-Cache-Tags;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
