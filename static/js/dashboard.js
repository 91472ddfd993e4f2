// The newsroom dashboard: the moderators' approve / reject / spam buttons act
// without leaving the page. Without this script the same forms post and come
// back to the dashboard.
"use strict";

document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-dashboard-moderate]");
  if (!form) return;
  event.preventDefault();
  const row = form.closest("[data-comment]");
  const error = row.querySelector(".row-error");
  const body = new FormData(form);
  if (event.submitter) body.set(event.submitter.name, event.submitter.value);
  row.querySelectorAll("button").forEach((button) => { button.disabled = true; });
  try {
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(String(response.status));
    const data = await response.json();
    const counter = document.querySelector("[data-held-count]");
    if (counter) counter.textContent = data.held;
    row.remove();
  } catch (problem) {
    error.textContent = form.dataset.errorText || "Nicht gespeichert – bitte erneut versuchen.";
    error.hidden = false;
    row.querySelectorAll("button").forEach((button) => { button.disabled = false; });
  }
});
