/* Star rating widget (ratings app): submit the form in place.
 *
 * Without this file the form posts normally and the server redirects back with
 * a message. With it, a click on a star (or the button, or Enter) sends the form
 * with fetch() and updates average and count without reloading the page.
 * Arrow keys only move between the stars; keyboard users confirm with the
 * button, so browsing the stars does not send five votes.
 */
(function () {
  "use strict";

  function setText(root, selector, text) {
    var node = root.querySelector(selector);
    if (node) { node.textContent = text; }
  }

  function post(form) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }

  function send(form) {
    var root = form.closest("[data-rating]");
    var message = form.querySelector("[data-rating-message]");
    if (!form.querySelector("input[name=score]:checked")) { return; }
    form.setAttribute("aria-busy", "true");
    post(form).then(function (result) {
      // Sent before the page's live request brought the CSRF token (live.js):
      // the answer carries a fresh one; send once more with it.
      if (result.status === 403 && result.data.csrf_token) {
        form.querySelectorAll("[data-live-csrf]").forEach(function (input) {
          input.value = result.data.csrf_token;
        });
        return post(form);
      }
      return result;
    }).then(function (result) {
      var data = result.data;
      if (result.ok && data.ok) {
        setText(root, "[data-rating-label]", data.label);
        setText(root, "[data-rating-spoken]", data.spoken_label);
        setText(root, "[data-rating-glyphs]", data.glyphs);
        // The short form in the article's header line, if it is shown.
        setText(document, "[data-rating-compact]", data.compact_label);
        setText(document, "[data-rating-spoken-compact]", data.spoken_label);
        message.textContent = data.message;
        message.classList.remove("rating__message--error");
      } else {
        message.textContent = data.error || form.dataset.errorText || "";
        message.classList.add("rating__message--error");
      }
    }).catch(function () {
      // Network trouble: fall back to the ordinary form post.
      form.submit();
    }).finally(function () {
      form.removeAttribute("aria-busy");
    });
  }

  document.querySelectorAll("[data-rating-form]").forEach(function (form) {
    var pointer = false;
    form.addEventListener("pointerdown", function () { pointer = true; });
    form.addEventListener("keydown", function () { pointer = false; });
    form.addEventListener("change", function (event) {
      if (pointer && event.target.name === "score") { send(form); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(form);
    });
  });
}());
