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
  try {
    // A refusal (4xx) also answers with the panel and a message to show.
    const { data } = await window.Redaktion.postForm(form, {
      busy: panel,
      submitter: event.submitter,
    });
    if (!data || !data.html) throw new Error("no panel in the answer");
    const fresh = document.createElement("div");
    fresh.innerHTML = data.html;
    const replacement = fresh.firstElementChild;
    panel.replaceWith(replacement);
    replacement.querySelector("[data-preview-links-status]").textContent = data.message;
  } catch (problem) {
    panel.querySelector("[data-preview-links-status]").textContent =
      panel.dataset.errorText || "Nicht gespeichert – keine Verbindung";
  }
});
