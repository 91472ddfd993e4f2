from django.conf import settings


class PermissionsPolicyMiddleware:
    """Add ``Permissions-Policy``: the site needs no camera, microphone, location…

    Django's SecurityMiddleware covers the other headers (nosniff, Referrer-Policy,
    COOP, HSTS); this one it does not know.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
