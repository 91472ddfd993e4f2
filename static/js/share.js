// „Teilen“ button: the device's own share sheet (Web Share API) where it exists.
// Without it (or without JavaScript) the button stays hidden and the plain share
// links do the job; nothing is loaded from any network before the reader clicks.
(function () {
  "use strict";
  if (typeof navigator.share !== "function") return;
  document.querySelectorAll(".share__native").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator
        .share({
          title: button.dataset.shareTitle,
          text: button.dataset.shareText,
          url: button.dataset.shareUrl,
        })
        .catch(function () {
          // The reader closed the share sheet: nothing to do.
        });
    });
  });
})();
