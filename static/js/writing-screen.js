// The article writing screen: live word count and reading time of the body,
// character counts for title and meta description, and Ctrl/Cmd+S to save
// and keep editing. Texts come translated from the template's data attributes.
"use strict";

(() => {
  const screen = document.querySelector("[data-writing-screen]");
  if (!screen) return;
  const form = screen.closest("form");
  const WORDS_PER_MINUTE = 200; // as Article.reading_minutes

  const words = (text) => (text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) || []).length;
  const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  const number = (value) => value.toLocaleString(document.documentElement.lang || "de");

  // --- Word count and reading time ---
  const stats = screen.querySelector("[data-writing-stats]");
  const lead = form.querySelector("[name=lead]");
  const bodyText = () => {
    const editor = form.querySelector(".ProseMirror[contenteditable]");
    if (editor) return editor.innerText;
    const textarea = form.querySelector("[name=body]");
    const scratch = document.createElement("div");
    scratch.innerHTML = textarea ? textarea.value : "";
    return scratch.textContent;
  };
  const updateStats = () => {
    const bodyWords = words(bodyText());
    const minutes = Math.max(1, Math.round((bodyWords + words(lead ? lead.value : "")) / WORDS_PER_MINUTE));
    const wordLabel = bodyWords === 1 ? screen.dataset.wordOne : screen.dataset.wordOther;
    const reading = format(screen.dataset.readingTime, { count: number(minutes) });
    const text = `${format(wordLabel, { count: number(bodyWords) })} · ${reading}`;
    // Only on a change: writing the text is itself a mutation the observer sees.
    if (stats.textContent === text) return;
    stats.textContent = text;
    stats.dataset.words = String(bodyWords);
    stats.dataset.minutes = String(minutes);
  };

  // --- Character counts with the recommended ranges ---
  const RANGES = { title: [40, 70], meta_description: [120, 160] };
  for (const [name, [min, max]] of Object.entries(RANGES)) {
    const field = form.querySelector(`[name=${name}]`);
    if (!field) continue;
    const counter = document.createElement("span");
    counter.className = "char-count";
    counter.dataset.charCount = name;
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    const update = () => {
      const count = [...field.value].length;
      counter.textContent = format(screen.dataset.chars, { count: number(count), min, max });
      counter.dataset.state = count < min ? "short" : count > max ? "long" : "ok";
    };
    field.addEventListener("input", update);
    update();
  }

  // The editor mounts after this script and changes its DOM on every edit.
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; updateStats(); });
  }).observe(form.querySelector("[name=body]")?.parentElement || form, { childList: true, subtree: true, characterData: true });
  form.addEventListener("input", updateStats);
  updateStats();

  // --- Ctrl/Cmd+S: save and continue editing ---
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") return;
    event.preventDefault();
    const button = form.querySelector("[name=_continue]");
    if (!button || form.dataset.saving) return;
    form.dataset.saving = "1";
    form.requestSubmit(button);
  });
})();
