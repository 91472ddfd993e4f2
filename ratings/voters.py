"""Who is voting? Hashed identities for logged-in users and anonymous visitors.

* A logged-in user is identified by the account.
* An anonymous visitor gets a signed first-party cookie holding a random id on
  their first vote (``django.core.signing`` via ``set_signed_cookie``).
* In addition, ``machine_key`` is ``core.visitors.visitor_key(purpose=
  "ratings")``: today's HMAC of IP address and user agent. A visitor who clears
  the cookie is still recognised on the same day (see ``services.rating_set``).

What is stored is only ever an HMAC (keyed with ``SECRET_KEY``) of the account id
or cookie id, never the raw value, and no IP address.
"""

import secrets

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

from core.visitors import visitor_key

COOKIE_NAME = "redaktion_voter"
COOKIE_SALT = "ratings.voter-cookie"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def _hashed(kind: str, value: str) -> str:
    return salted_hmac(
        "ratings.voter", f"{kind}:{value}", algorithm="sha256"
    ).hexdigest()


def cookie_id(request: HttpRequest) -> str | None:
    """The random id from the visitor's signed cookie; ``None`` if absent or
    tampered with."""
    try:
        value = request.get_signed_cookie(
            COOKIE_NAME, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
        )
    except (KeyError, signing.BadSignature):
        return None
    return value or None


def identify(request: HttpRequest) -> tuple[str, str, str | None]:
    """``(voter, machine_key, new_cookie_id)`` for this request.

    ``new_cookie_id`` is set when an anonymous visitor has no valid cookie yet:
    the response must then carry it (``remember``).
    """
    if request.user.is_authenticated:
        return _hashed("user", str(request.user.pk)), "", None
    machine = visitor_key(request, purpose="ratings")
    existing = cookie_id(request)
    if existing:
        return _hashed("cookie", existing), machine, None
    new_id = secrets.token_urlsafe(18)
    return _hashed("cookie", new_id), machine, new_id


def remember(request: HttpRequest, response: HttpResponse, new_cookie_id: str):
    response.set_signed_cookie(
        COOKIE_NAME,
        new_cookie_id,
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
