/* The editor sees the errors of the form it saved.

   wagtail-modeltranslation's language picker hides the fields of the languages that are not
   switched on (wrappers with class "l10n-hidden", their label ending in " [en]"), and Wagtail
   shows one tab at a time. An error in a hidden language or on another tab was invisible:
   the English slug's "already in use", say, while the editor looked at the Slovene fields.
   After the page has loaded (the picker is built on jQuery's ready), this switches on the
   language of every field with an error, opens the tab of the first error and scrolls to it.
   Loaded by the insert_editor_js hook (urbact_portal/wagtail_hooks.py). */
(function () {
  "use strict";

  var LANGUAGE = / \[([a-z]{2})\]/;

  function showLanguage(code) {
    var toggles = document.querySelectorAll("button.locale-toggle");
    for (var i = 0; i < toggles.length; i++) {
      var toggle = toggles[i];
      if (toggle.textContent.trim() === code && !toggle.classList.contains("showing-locale")) {
        toggle.click();
      }
    }
  }

  function reveal() {
    var form = document.querySelector("form[data-edit-form]");
    if (!form) return;
    var errors = form.querySelectorAll(".w-field--error, .error-message");
    if (!errors.length) return;
    for (var i = 0; i < errors.length; i++) {
      var hidden = errors[i].closest(".l10n-hidden");
      var match = hidden && LANGUAGE.exec(hidden.textContent);
      if (match) showLanguage(match[1]);
    }
    var first = null;
    for (var j = 0; j < errors.length; j++) {
      if (!errors[j].closest(".l10n-hidden")) {
        first = errors[j];
        break;
      }
    }
    if (!first) return;
    var panel = first.closest('[role="tabpanel"]');
    if (panel && panel.hidden) {
      var trigger = document.querySelector('a[href="#' + panel.id + '"][role="tab"]');
      if (trigger) trigger.click();
    }
    var field = first.closest("[data-field]") || first;
    var input = field.querySelector("input:not([type=hidden]), textarea, select");
    field.scrollIntoView({ block: "center" });
    if (input) input.focus({ preventScroll: true });
  }

  window.addEventListener("load", function () {
    window.setTimeout(reveal, 0);
  });
})();
