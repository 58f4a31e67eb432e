// The password checker of the change-password guide. It runs in the browser only: the field
// has no name and sits in no form, and nothing here makes a request, so a password typed
// there never leaves the page. The rules come from the server, in data- attributes.
(function () {
  "use strict";

  var ASCII = /^[\x20-\x7e]*$/;

  function checks(box) {
    var min = parseInt(box.dataset.min, 10);
    var max = parseInt(box.dataset.max, 10);
    return {
      length: function (value) {
        var length = Array.from(value).length;
        return length >= min && length <= max;
      },
      ascii: function (value) { return ASCII.test(value); }
    };
  }

  function enable(box) {
    var input = box.querySelector("#password-candidate");
    var show = box.querySelector("#password-show");
    var rules = checks(box);
    function update() {
      box.querySelectorAll("[data-rule]").forEach(function (item) {
        var ok = rules[item.dataset.rule](input.value);
        item.classList.toggle("rule-ok", ok);
        item.classList.toggle("rule-bad", !ok);
        item.querySelector(".rule-state").textContent = ok ? box.dataset.okLabel : box.dataset.badLabel;
      });
    }
    input.addEventListener("input", update);
    show.addEventListener("change", function () { input.type = show.checked ? "text" : "password"; });
    box.hidden = false;
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-password-check]").forEach(enable);
  });
})();
