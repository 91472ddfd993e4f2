// The pre-publish checklist beside the writing screen (articles/newsroom/
// checklist.py): ticks what the form already has, live while editing. The
// server checks the same again when the article is published.
"use strict";

(() => {
  const list = document.querySelector("[data-checklist]");
  if (!list) return;
  const form = list.closest("form");
  const value = (name) => (form.querySelector(`[name=${name}]`)?.value || "").trim();
  const hasImage = () => {
    const file = form.querySelector("input[type=file][name=image]");
    const cleared = form.querySelector("[name=image-clear]")?.checked;
    const current = form.querySelector(".field-image a[href]") !== null;
    return Boolean((file && file.files.length) || (current && !cleared));
  };
  const hasByline = () => [...form.querySelectorAll("select[name^=bylines-][name$=-author]")]
    .some((select) => {
      if (select.name.includes("__prefix__") || !select.value) return false;
      const remove = form.querySelector(`[name="${select.name.replace(/-author$/, "-DELETE")}"]`);
      return !(remove && remove.checked) && !select.closest(".empty-form");
    });
  const checks = {
    lead: () => value("lead") !== "",
    category: () => value("category") !== "",
    byline: hasByline,
    image_alt: () => !hasImage() || value("image_alt") !== "",
    image_credit: () => !hasImage() || value("image_credit") !== "",
  };
  const update = () => {
    for (const item of list.querySelectorAll("[data-check]")) {
      const ok = checks[item.dataset.check]?.() ?? false;
      item.dataset.ok = ok ? "yes" : "no";
    }
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  // Select2 (the author autocomplete) changes the select without an input event.
  new MutationObserver(update).observe(form.querySelector("#bylines-group") || form, { childList: true, subtree: true });
  update();
})();
