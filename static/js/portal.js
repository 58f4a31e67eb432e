// Small enhancements htmx does not do. Every page works without this file.
(function () {
  "use strict";

  function enableCopyButtons(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
      button.hidden = false;
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.copy).then(function () {
          var label = button.textContent;
          button.textContent = document.documentElement.lang === "en" ? "Copied" : "Copié";
          button.classList.add("copied");
          setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 1500);
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enableCopyButtons(document); });
  document.addEventListener("htmx:afterSettle", function (event) { enableCopyButtons(event.target); });

  // Diagnostic: a 429 (too many reports) or a 503 (every slot busy) carries a message to show
  // in place, like a 200.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if ((status === 429 || status === 503) && event.detail.target.id === "diagnostic") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Message doctor: unreadable (400), too big (413) or too many (429) is said in place too.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if ([400, 413, 429].indexOf(status) !== -1 && event.detail.target.id === "answer") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
