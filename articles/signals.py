from django.dispatch import Signal

# Sent by the article page (``ArticleDetailView``) after it rendered a published
# article for a GET request, with ``article`` and ``request``. Not sent for
# HEAD, errors, or previews of unpublished articles. The counters app listens
# and decides whether the request counts as a view.
article_viewed = Signal()
