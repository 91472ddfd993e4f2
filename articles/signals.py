from django.dispatch import Signal

# Sent by the article page (``ArticleDetailView``) after it rendered a published
# article for a GET request, with ``article`` and ``request``. Not sent for
# HEAD, errors, or previews of unpublished articles. The counters app listens
# and decides whether the request counts as a view. For a stored copy of the
# page (core.page_store) ``article`` is an unsaved instance with the article's
# ``pk`` alone: nothing is read from the database to announce it.
article_viewed = Signal()
