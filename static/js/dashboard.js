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
  try {
    const answer = await window.Redaktion.postForm(form, {
      busy: row,
      submitter: event.submitter,
    });
    if (!answer.ok || !answer.data) throw new Error(String(answer.status));
    const data = answer.data;
    const counter = document.querySelector("[data-held-count]");
    if (counter) counter.textContent = data.held;
    row.remove();
  } catch (problem) {
    error.textContent = form.dataset.errorText || "Nicht gespeichert – bitte erneut versuchen.";
    error.hidden = false;
  }
});
