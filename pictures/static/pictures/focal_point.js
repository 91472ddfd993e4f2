// The focal point of a library picture, set by a click on its preview
// (pictures/admin.py). Without JavaScript the two number fields do the same.
"use strict";
(function () {
  function place(marker, x, y) {
    marker.style.left = x + "%";
    marker.style.top = y + "%";
  }

  function setUp(picker) {
    const image = picker.querySelector("[data-focal-image]");
    const marker = picker.querySelector("[data-focal-marker]");
    const fieldX = document.getElementById("id_focal_x");
    const fieldY = document.getElementById("id_focal_y");
    if (!image || !marker || !fieldX || !fieldY) return;
    place(marker, marker.dataset.x, marker.dataset.y);
    image.classList.add("focal-picker__image--clickable");
    image.addEventListener("click", function (event) {
      const box = image.getBoundingClientRect();
      const x = Math.round(((event.clientX - box.left) / box.width) * 100);
      const y = Math.round(((event.clientY - box.top) / box.height) * 100);
      fieldX.value = Math.min(100, Math.max(0, x));
      fieldY.value = Math.min(100, Math.max(0, y));
      place(marker, fieldX.value, fieldY.value);
      fieldX.dispatchEvent(new Event("change", { bubbles: true }));
    });
    for (const field of [fieldX, fieldY]) {
      field.addEventListener("input", function () {
        place(marker, fieldX.value || 50, fieldY.value || 50);
      });
    }
  }

  function start() {
    document.querySelectorAll("[data-focal-picker]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
