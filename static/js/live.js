// The article page's live parts (core.http_cache): the page is the same for
// every reader, so the current view count, rating, the forms' CSRF token and
// the comment form's signed fields come from one small request,
// POST /live/<id>/, which also counts the view (DJANGO_VIEW_COUNT_BEACON).
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.liveUrl;
  if (!url) return;

  function setText(selector, text) {
    document.querySelectorAll(selector).forEach(function (node) {
      node.textContent = text;
    });
  }

  function fill(data) {
    if (data.views_label) setText("[data-live-views]", "· " + data.views_label);
    var rating = data.rating;
    if (rating) {
      setText("[data-rating-glyphs]", rating.glyphs);
      setText("[data-rating-label]", rating.label);
      setText("[data-rating-spoken]", rating.spoken_label);
      setText("[data-rating-compact]", rating.compact_label);
      setText("[data-rating-spoken-compact]", rating.spoken_label);
    }
    document.querySelectorAll("[data-live-csrf]").forEach(function (input) {
      input.value = data.csrf_token;
    });
    var fields = data.comment_form || {};
    document.querySelectorAll("[data-live-field]").forEach(function (input) {
      var value = fields[input.dataset.liveField];
      if (value !== undefined) input.value = value;
    });
    document.documentElement.dataset.live = "filled";
  }

  function send() {
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) throw new Error("live request: " + response.status);
      return response.json();
    }).then(fill).catch(function () {
      // Without the live answer the forms still work: they post to the
      // uncached fallback, which shows them again with a fresh token.
      document.documentElement.dataset.live = "failed";
    });
  }

  // A prerendered page that is never shown is no view: wait until it is.
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
})();
