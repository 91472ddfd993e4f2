// The pre-publish checklist beside the writing screen (articles/newsroom/
// checklist.py): ticks what the form already has, live while editing. The
// server checks the same again when the article is published.
"use strict";

(() => {
  const list = document.querySelector("[data-checklist]");
  if (!list) return;
  const form = list.closest("form");
  const value = (name) => (form.querySelector(`[name=${name}]`)?.value || "").trim();
  // A picture uploaded in place brings its alt text and credit into this form.
  // For the library picture the page came with, the server's ticks stand; for
  // another one picked now the server checks on saving.
  const uploading = () =>
    Boolean(form.querySelector("input[type=file][name=picture_upload]")?.files.length);
  const pictureAtLoad = value("picture");
  const serverSaid = (key) => list.querySelector(`[data-check="${key}"]`)?.dataset.serverOk !== "no";
  const atLoad = { image_alt: serverSaid("image_alt"), image_credit: serverSaid("image_credit") };
  const pictureCheck = (key, uploaded) => () => {
    if (uploading()) return uploaded();
    return value("picture") === pictureAtLoad ? atLoad[key] : true;
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
    image_alt: pictureCheck("image_alt", () => value("picture_upload_alt") !== ""),
    image_credit: pictureCheck("image_credit", () => value("picture_upload_photographer") !== ""
      || value("picture_upload_source") !== ""),
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
