// Keeps the guide editor's unsaved text from being lost by a slip. The editor works without
// this file; the server's own guards stay (the 409 merge, the text kept from an expired
// session, the confirmation box the publish form gets when the page holds posted text).
// - Leaving the page while the form holds unsaved changes asks first (beforeunload). Changes:
//   the form differs from what the page was loaded with, or the page itself shows text the
//   server has not saved (data-unsaved="true").
// - "Publish revision N" publishes the saved revision, not the form: with unsaved changes it
//   asks first, with the message the page gives in data-confirm-unsaved.
// - Enter in a one-line field does nothing (without this file it updates the preview, the
//   form's first button): it never adds a step nor saves.
(function () {
  "use strict";

  var IGNORED = { csrfmiddlewaretoken: true };
  var NO_ENTER_TYPES = /^(text|search|url|email|number|date|datetime-local|time)$/;

  function snapshot(form) {
    var values = [];
    new FormData(form).forEach(function (value, name) {
      if (!IGNORED[name] && typeof value === "string") { values.push(name + "=" + value); }
    });
    return values.join("\u0000");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.editor-form");
    if (!form) { return; }
    var loaded = snapshot(form);
    var leaving = false;

    function unsaved() {
      return form.dataset.unsaved === "true" || snapshot(form) !== loaded;
    }

    window.addEventListener("beforeunload", function (event) {
      if (leaving || !unsaved()) { return; }
      event.preventDefault();
      event.returnValue = "";
    });
    // Back to this page from the browser's cache after a submission: warn again.
    window.addEventListener("pageshow", function () { leaving = false; });

    form.addEventListener("submit", function () { leaving = true; });

    document.querySelectorAll("form[data-publish-saved]").forEach(function (publish) {
      publish.addEventListener("submit", function (event) {
        // With posted text on the page, the form has its own required confirmation box.
        if (publish.querySelector("[data-unsaved-ack]") || !unsaved() ||
            window.confirm(publish.dataset.confirmUnsaved)) {
          leaving = true;
          return;
        }
        event.preventDefault();
      });
    });

    form.addEventListener("keydown", function (event) {
      var field = event.target;
      if (event.key === "Enter" && field.tagName === "INPUT" && NO_ENTER_TYPES.test(field.type)) {
        event.preventDefault();
      }
    });
  });
})();
