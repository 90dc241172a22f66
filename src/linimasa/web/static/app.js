// linimasa: a little behaviour on top of pages that work without it.
(function () {
  "use strict";
  document.documentElement.classList.add("has-js");
  document.addEventListener("DOMContentLoaded", function () {
    document.body.classList.add("has-js");
    // "/" focuses the search box, as in most reading tools
    document.addEventListener("keydown", function (ev) {
      var t = ev.target;
      if (ev.key === "/" && !(t instanceof HTMLInputElement) && !(t instanceof HTMLTextAreaElement) && !(t instanceof HTMLSelectElement)) {
        var box = document.getElementById("topq");
        if (box) { ev.preventDefault(); box.focus(); box.select(); }
      }
    });
    // story page: hide or show background events (each is also foldable on its own)
    var btn = document.getElementById("toggle-bg");
    var tl = document.getElementById("timeline");
    if (btn && tl) {
      var label = btn.textContent;
      btn.addEventListener("click", function () {
        var hidden = tl.classList.toggle("hide-bg");
        btn.setAttribute("aria-pressed", hidden ? "true" : "false");
        btn.textContent = hidden ? label.replace("Hide", "Show") : label;
      });
    }
  });
})();
