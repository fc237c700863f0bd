/* Contact form: the error summary (or notice) takes the focus, so keyboard and screen-reader
   users start there; its links move the focus to the field they name. */
(function () {
  "use strict";
  var box = document.querySelector("[data-focus-on-load]");
  if (box && document.activeElement !== box) { box.focus(); }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (field) { event.preventDefault(); field.focus(); }
  });
})();
