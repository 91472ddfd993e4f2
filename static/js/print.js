// Print view: open the print dialog only when the reader came through the
// „Drucken“ link (it adds ?print=1), never when the page is reached directly.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("print") === "1") {
    // Drop the flag from the address, so reloading or bookmarking the page
    // does not open the dialog again.
    params.delete("print");
    var query = params.toString();
    window.history.replaceState(
      null,
      "",
      window.location.pathname + (query ? "?" + query : "") + window.location.hash
    );
    window.addEventListener("load", function () {
      window.print();
    });
  }
})();
