// Counts a view of the article page when whole pages are cached
// (DJANGO_VIEW_COUNT_BEACON=1). The server applies the same rules as for page
// requests (bots, prefetch, staff, 30-minute window) and answers 204.
(function () {
  "use strict";
  var element = document.querySelector("[data-view-beacon]");
  if (!element) return;
  // A prerendered page that is never shown is no view: wait until it is.
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
  function send() {
    var body = new FormData();
    body.append("article", element.dataset.article);
    var url = element.dataset.viewBeacon;
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) return;
    fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: true });
  }
})();
