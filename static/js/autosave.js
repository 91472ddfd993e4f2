// Autosave of the writing screen (articles/newsroom/autosave.py): the form's
// content goes to the server within 5 s after typing stops and at least every
// 30 s while typing goes on, as this person's autosave, never into the
// article. A failure is shown and retried; typing is never blocked.
"use strict";

(() => {
  const screen = document.querySelector("[data-writing-screen][data-autosave-url]");
  if (!screen || !screen.dataset.autosaveUrl) return;
  const form = screen.closest("form");
  const status = screen.querySelector("[data-autosave-status]");
  const FIELDS = ["title", "lead", "body", "category", "tags", "slug", "meta_description",
    "picture", "image_caption"];
  const QUIET_MS = 5000;     // after typing stops
  const LONGEST_MS = 30000;  // during continuous typing
  const RETRY_MAX_MS = 30000;

  let dirtySince = null;   // first change not yet autosaved
  let timer = null;
  let inFlight = false;
  let retryMs = QUIET_MS;
  let stopped = false;

  const snapshot = () => {
    const data = new FormData(form);
    const fields = {};
    for (const name of FIELDS) {
      const value = data.get(name);
      if (typeof value === "string") fields[name] = value;
    }
    return fields;
  };
  const csrfToken = () => form.querySelector("[name=csrfmiddlewaretoken]").value;
  const show = (text, state) => {
    status.textContent = text;
    status.dataset.state = state;
  };

  const schedule = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(save, Math.max(0, delay));
  };

  async function save() {
    if (stopped || dirtySince === null) return;
    if (inFlight) { schedule(1000); return; }
    inFlight = true;
    const startedFrom = dirtySince;
    dirtySince = null;
    show(screen.dataset.autosaveSaving, "saving");
    try {
      const response = await fetch(screen.dataset.autosaveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify({ fields: snapshot() }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const data = await response.json();
      retryMs = QUIET_MS;
      show(data.label, "saved");
      screen.dataset.autosavedAt = data.saved_at;
    } catch (problem) {
      // Keep the change pending and try again, waiting longer each time.
      dirtySince = dirtySince ?? startedFrom;
      show(screen.dataset.autosaveFailed, "failed");
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      schedule(retryMs);
    } finally {
      inFlight = false;
    }
    if (dirtySince !== null && status.dataset.state !== "failed") changed();
  }

  function changed() {
    if (stopped) return;
    const now = Date.now();
    if (dirtySince === null) dirtySince = now;
    if (status.dataset.state === "failed") return; // the retry is scheduled
    schedule(Math.min(QUIET_MS, dirtySince + LONGEST_MS - now));
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // A real save removes the autosave on the server; send no more after it.
  form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.hasAttribute("data-preview")) return;
    stopped = true;
    clearTimeout(timer);
  });
})();
