// Keeps a copy of the guide editor's text in this browser while someone types. The server keeps
// what it receives, but a save that never reaches it (session expired: the POST lands on the
// sign-in page; tab or browser crash) would lose the text; the copy is offered back next time.
// The server renders, in data-draft-* attributes: which guide (or "new-<language>"), the base
// revision the form was opened with, and the latest revision if this person saved it. The copy
// is dropped only once a revision of theirs newer than its base exists, so a refused save
// (conflict, invalid field, sign-in page) keeps it. Without localStorage it does nothing.
(function () {
  "use strict";

  var PREFIX = "ovhportal:draft:";

  function storage() {
    try {
      window.localStorage.setItem(PREFIX + "probe", "1");
      window.localStorage.removeItem(PREFIX + "probe");
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function clean(text) {
    return (text || "").replace(/\r\n?/g, "\n").trim();
  }

  function textFields(form) {
    return Array.prototype.filter.call(
      form.querySelectorAll("textarea[name], input[type=text][name]"),
      function (field) { return !field.disabled; }
    );
  }

  function enable(form, store) {
    var key = PREFIX + form.dataset.draftKey;
    var notice = document.querySelector("[data-draft-notice]");
    var timer = null;
    var undecided = false; // while the notice waits for an answer, the old copy is kept as is

    function read(name) {
      try { return JSON.parse(store.getItem(name)); } catch (error) { return null; }
    }

    function keep(submitted) {
      if (undecided) { return; }
      var fields = {};
      textFields(form).forEach(function (field) { fields[field.name] = field.value; });
      var copy = { base: Number(form.dataset.draftBase), submitted: submitted, fields: fields };
      try { store.setItem(key, JSON.stringify(copy)); } catch (error) { /* full: nothing kept */ }
    }

    function differs(copy) {
      return Object.keys(copy.fields).some(function (name) {
        var field = form.elements.namedItem(name);
        return clean(field ? field.value : "") !== clean(copy.fields[name]);
      });
    }

    function restore(copy) {
      var changed = null;
      Object.keys(copy.fields).forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (field && field.value !== copy.fields[name]) {
          field.value = copy.fields[name];
          changed = field;
        }
      });
      // Back to the copy's base: if someone saved since, the server shows the conflict.
      if (form.elements.namedItem("base")) { form.elements.namedItem("base").value = copy.base; }
      form.dataset.draftBase = copy.base;
      if (changed) { changed.dispatchEvent(new Event("input", { bubbles: true })); }
      (changed || textFields(form)[0]).focus();
    }

    var copy = read(key);
    var saved = Number(form.dataset.draftSaved || 0);
    if (copy && copy.submitted && saved > copy.base) { store.removeItem(key); copy = null; }
    var created = form.dataset.draftCreated && read(PREFIX + form.dataset.draftCreated);
    if (created && created.submitted && created.fields && form.elements.namedItem("title") &&
        clean(created.fields.title) === clean(form.elements.namedItem("title").value)) {
      store.removeItem(PREFIX + form.dataset.draftCreated);
    }

    // A page the server rendered from posted text (a merge, a refused save, text kept from
    // an expired session) already shows what was typed: the copy is not offered over it.
    var shown = form.dataset.unsaved === "true";
    if (copy && copy.fields && notice && !shown && differs(copy)) {
      undecided = true;
      notice.hidden = false;
      notice.querySelector("[data-draft-restore]").addEventListener("click", function () {
        undecided = false;
        notice.hidden = true;
        restore(copy);
      });
      notice.querySelector("[data-draft-discard]").addEventListener("click", function () {
        undecided = false;
        notice.hidden = true;
        store.removeItem(key);
        textFields(form)[0].focus();
      });
    }

    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { keep(false); }, 700);
    });
    form.addEventListener("submit", function () {
      window.clearTimeout(timer);
      keep(true);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-draft-key]");
    var store = form && storage();
    if (store) { enable(form, store); }
  });
})();
