// The writing screen's preview links: "Create link" and "Revoke" post their
// own small forms (outside the article's form) and swap the panel in place,
// so nothing typed into the article is lost. Without this script the same
// forms post and the change page comes back with a message.
"use strict";

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (form.id !== "preview-link-create" && form.id !== "preview-link-revoke") return;
  event.preventDefault();
  const panel = document.querySelector("[data-preview-links]");
  if (!panel) return;
  const body = new FormData(form);
  if (event.submitter && event.submitter.name) {
    body.set(event.submitter.name, event.submitter.value);
  }
  panel.querySelectorAll("button").forEach((button) => { button.disabled = true; });
  try {
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const data = await response.json();
    const fresh = document.createElement("div");
    fresh.innerHTML = data.html;
    const replacement = fresh.firstElementChild;
    panel.replaceWith(replacement);
    replacement.querySelector("[data-preview-links-status]").textContent = data.message;
  } catch (problem) {
    panel.querySelectorAll("button").forEach((button) => { button.disabled = false; });
    panel.querySelector("[data-preview-links-status]").textContent =
      panel.dataset.errorText || "Nicht gespeichert – keine Verbindung";
  }
});
