// The moderators' queue: approve / reject / spam act in place (the row's
// form, posted with its CSRF token), and the keyboard drives it: j/k move to
// the next/previous comment, a/r/s act on the current one. Without this
// script the same forms post and the queue comes back.
"use strict";

(() => {
  const queue = document.querySelector("[data-moderation-queue]");
  if (!queue) return;
  const status = queue.querySelector("[data-queue-status]");
  const rows = () => Array.from(queue.querySelectorAll("[data-queue-row]"));
  let current = 0;

  function show(index, focus = true) {
    const all = rows();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((row, i) => {
      row.classList.toggle("is-current", i === current);
      if (i === current) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    });
    if (focus) {
      all[current].focus({ preventScroll: true });
      all[current].scrollIntoView({ block: "nearest" });
    }
  }

  async function act(row, action) {
    const form = row.querySelector("form[data-queue-moderate]");
    const error = row.querySelector(".row-error");
    try {
      const answer = await window.Redaktion.postForm(form, {
        busy: row,
        fields: { action },
      });
      if (!answer.ok || !answer.data) throw new Error(String(answer.status));
      const data = answer.data;
      queue.querySelectorAll("[data-held-count]").forEach((counter) => {
        counter.textContent = data.held;
      });
      const index = rows().indexOf(row);
      row.remove();
      status.textContent = queue.dataset[`done${action[0].toUpperCase()}${action.slice(1)}`] || data.message;
      if (rows().length) show(index);
      else queue.querySelector("[data-queue-empty]").hidden = false;
    } catch (problem) {
      error.textContent = queue.dataset.errorText;
      error.hidden = false;
    }
  }

  queue.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-queue-moderate]");
    if (!form) return;
    event.preventDefault();
    const row = form.closest("[data-queue-row]");
    show(rows().indexOf(row), false);
    act(row, event.submitter ? event.submitter.value : "approve");
  });

  queue.addEventListener("click", (event) => {
    const row = event.target.closest("[data-queue-row]");
    if (row && !event.target.closest("button, a, input")) show(rows().indexOf(row));
  });

  const ACTIONS = { a: "approve", r: "reject", s: "spam" };
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    const all = rows();
    if (!all.length) return;
    if (event.key === "j") show(current + 1);
    else if (event.key === "k") show(current - 1);
    else if (ACTIONS[event.key]) {
      const row = all[current];
      if (row.querySelector("button:disabled")) return; // already on its way
      act(row, ACTIONS[event.key]);
    } else return;
    event.preventDefault();
  });

  show(0, false);
})();
