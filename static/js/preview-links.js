// The writing screen's preview links: "Create link" and "Revoke" post their
// own small forms (outside the article's form) and swap the panel in place,
// so nothing typed into the article is lost. Without this script the same
// forms post and the change page comes back with a message. „Link kopieren“
// puts a link on the clipboard where the browser allows it (HTTPS or localhost).
"use strict";

function offerCopyButtons(root) {
  if (!navigator.clipboard || !window.isSecureContext) return;
  root.querySelectorAll("[data-copy-preview]").forEach((button) => { button.hidden = false; });
}

document.addEventListener("DOMContentLoaded", () => offerCopyButtons(document));

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-preview]");
  if (!button) return;
  const panel = button.closest("[data-preview-links]");
  const status = panel.querySelector("[data-preview-links-status]");
  try {
    await navigator.clipboard.writeText(button.dataset.copyPreview);
    status.textContent = panel.dataset.copiedText;
  } catch (problem) {
    status.textContent = panel.dataset.copyFailedText;
  }
});

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
    offerCopyButtons(replacement);
    replacement.querySelector("[data-preview-links-status]").textContent = data.message;
  } catch (problem) {
    panel.querySelector("[data-preview-links-status]").textContent =
      panel.dataset.errorText || "Nicht gespeichert – keine Verbindung";
  }
});
