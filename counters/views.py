"""The view beacon (``DJANGO_VIEW_COUNT_BEACON``): for sites whose pages are
cached whole. It exists only when switched on; otherwise every address of it
answers 404, and views are counted by the page itself."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.models import Article
from counters.rules import is_counted_view
from counters.services import view_count


class BeaconForm(forms.Form):
    article = forms.IntegerField(min_value=1)

    def clean_article(self) -> int:
        article_id = self.cleaned_data["article"]
        if not Article.objects.published().filter(pk=article_id).exists():
            raise forms.ValidationError(_("No published article has this number."))
        return article_id


def _same_origin(request) -> bool:
    """Browsers send ``Origin`` with every POST; refuse other sites' pages."""
    origin = request.headers.get("Origin")
    if not origin:
        return request.headers.get("Sec-Fetch-Site", "same-origin") == "same-origin"
    return urlsplit(origin).netloc == request.get_host()  # "null" never matches


# CSRF exemption, and why it is safe: pages that are cached whole (the reason for
# the beacon) carry no per-visitor CSRF token. A forged request could only add a
# view, which the forger can do with a plain request anyway, and the same rules
# apply (bots, window). Cross-site pages are still refused by the Origin check.
@csrf_exempt
@never_cache
@require_POST
def beacon(request):
    """``POST article=<id>``: count a view by the same rules as the page; 204."""
    if not settings.VIEW_COUNT_BEACON:
        raise Http404("The view beacon is switched off.")
    if not _same_origin(request):
        return JsonResponse(
            {"errors": {"__all__": [_("Cross-site request.")]}}, status=403
        )
    form = BeaconForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    article_id = form.cleaned_data["article"]
    if is_counted_view(request, article_id):
        view_count(article_id=article_id)
    return HttpResponse(status=204)
