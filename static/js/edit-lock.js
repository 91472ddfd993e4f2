// "Who else is editing" (articles/newsroom/locks.py): a heartbeat marks the
// article as open by this person; the notice names whoever else has it open,
// or tells this person that an editor took it over.
"use strict";

(() => {
  const notice = document.querySelector("[data-edit-lock]");
  if (!notice) return;
  const form = document.querySelector("form#article_form");
  const message = notice.querySelector("[data-edit-lock-message]");
  const seconds = Number(notice.dataset.heartbeatSeconds) || 20;
  let hadLock = false;

  async function beat() {
    const body = new FormData();
    body.set("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    body.set("had_lock", hadLock ? "1" : "0");
    try {
      const response = await fetch(notice.dataset.heartbeatUrl, {
        method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" },
      });
      if (!response.ok) return;
      const data = await response.json();
      notice.dataset.state = data.state;
      if (data.state === "mine") {
        hadLock = true;
        notice.hidden = true;
      } else {
        // Taken over: say so and stop; reloading the page starts afresh.
        if (data.state === "taken") clearInterval(timer);
        hadLock = false;
        message.textContent = data.message;
        notice.hidden = false;
        const takeOver = notice.querySelector("[data-take-over]");
        if (takeOver) takeOver.hidden = data.state !== "other";
      }
    } catch (problem) {
      // No connection: the next beat tries again; autosave reports the outage.
    }
  }

  const timer = setInterval(beat, seconds * 1000);
  beat();
})();
