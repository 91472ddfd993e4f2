// Shared by the newsroom's in-place forms (dashboard, moderation queue,
// preview links): post a form's fields as the browser would, ask for JSON back,
// and keep the buttons inside `busy` disabled while the request runs.
// Resolves to {ok, status, data} (data is null when the answer is not JSON);
// rejects only when the request did not get through at all.
"use strict";

window.Redaktion = window.Redaktion || {};

window.Redaktion.postForm = async function postForm(
  form,
  { busy = null, submitter = null, fields = {} } = {},
) {
  const body = new FormData(form);
  if (submitter && submitter.name) body.set(submitter.name, submitter.value);
  Object.entries(fields).forEach(([name, value]) => body.set(name, value));
  const buttons = busy ? [...busy.querySelectorAll("button")] : [];
  buttons.forEach((button) => { button.disabled = true; });
  try {
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const data = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, data };
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
  }
};
