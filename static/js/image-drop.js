// The guide editor's images: an image file dropped on the upload form, or on the text itself,
// is put in the form's file field and the description field is focused. The description is
// required: asked for here before anything is sent, so the chosen file is not lost to a
// round trip. After an upload answered through htmx, "Insérer dans le texte" puts the image's
// Markdown where the cursor is, and tells the live preview and the draft keeper that the text
// changed. Without JavaScript the form is an ordinary upload, checked by the server.
(function () {
  "use strict";

  function uploadForm() {
    return document.querySelector("[data-image-drop]");
  }

  function imageFiles(event) {
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || !files.length) return null;
    return Array.prototype.every.call(files, function (file) {
      return /^image\//.test(file.type);
    }) ? files : null;
  }

  function choose(files) {
    var form = uploadForm();
    if (!form) return;
    var input = form.querySelector("input[type=file]");
    var transfer = new DataTransfer();
    transfer.items.add(files[0]);
    input.files = transfer.files;
    var status = form.querySelector(".drop-status");
    if (status) status.textContent = files[0].name + " — " + form.dataset.chosen;
    var field = description(form);
    if (field) {
      field.scrollIntoView({ block: "center" });
      field.focus();
    }
  }

  function description(form) {
    return form.querySelector("input[type=text], textarea");
  }

  // Capture: runs before htmx sends the form.
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-image-drop]");
    if (!form) return;
    var field = description(form);
    if (!field || field.value.trim()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    field.setAttribute("aria-invalid", "true");
    form.querySelector(".drop-status").textContent = form.dataset.describe;
    field.focus();
  }, true);

  function isDropTarget(element) {
    return element.closest("[data-image-drop]") || element.id === "id_body";
  }

  document.addEventListener("dragover", function (event) {
    if (!isDropTarget(event.target) || !event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    var form = uploadForm();
    if (form) form.classList.add("dragging");
  });

  document.addEventListener("dragleave", function (event) {
    var form = uploadForm();
    if (form && isDropTarget(event.target)) form.classList.remove("dragging");
  });

  document.addEventListener("drop", function (event) {
    if (!isDropTarget(event.target)) return;
    var files = imageFiles(event);
    var form = uploadForm();
    if (form) form.classList.remove("dragging");
    if (!files) return;  // dropped text goes into the text as usual
    event.preventDefault();
    choose(files);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-insert-markdown]");
    if (!button) return;
    var field = document.getElementById(button.dataset.insertInto);
    if (!field) return;
    var at = field.selectionStart === undefined ? field.value.length : field.selectionEnd;
    var before = field.value.slice(0, at).replace(/\s*$/, "");
    var after = field.value.slice(at).replace(/^\s*/, "");
    var block = button.dataset.insertMarkdown;
    field.value = (before ? before + "\n\n" : "") + block + (after ? "\n\n" + after : "\n");
    var caret = (before ? before.length + 2 : 0) + block.length;
    field.focus();
    field.setSelectionRange(caret, caret);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
