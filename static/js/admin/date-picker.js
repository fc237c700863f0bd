/* The Wagtail admin's date and date-time pickers read back what they write.

   Wagtail 8 drives every date field of the admin (page scheduling "Datum začetka objave" /
   "Datum poteka objave", DateField and DateTimeField panels, StreamField date blocks, list
   filters) with the bundled jQuery xdsoft datetimepicker
   (wagtailadmin/js/vendor/jquery.datetimepicker.js), configured with our
   WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT turned into "d. m. Y" / "d. m. Y H:i".

   Two faults in that picker made every picked or typed date become "now":
   1. Its parser (php-date-formatter's DateFormatter.parseDate) cuts the text at EVERY
      separator character and pairs the pieces with the format's letters by position. The
      Slovene ". " is two separators, so "04. 12. 2026" becomes "04", "", "12", "", "2026":
      the month slot gets "" and the date is rejected, although the picker wrote it itself.
   2. On blur (validateOnBlur) a value it cannot parse is replaced with the current date and
      time, silently; the form then submits "now" and a go-live date publishes at once.

   This file, loaded on every admin page right after the vendor script (hook
   insert_global_admin_js in urbact_portal/admin_dates.py), fixes both at their source:
   1. DateFormatter.prototype.parseDate treats a run of separators as one (so "4. 12. 2026",
      "04.12.2026" and "04. 12. 2026 10:00" all read), and refuses a date that does not
      exist (31. 2. 2026) instead of rolling it over into March. Formatting is unchanged, so
      the picker still writes "04. 12. 2026 10:00".
   2. Every picker is created with validateOnBlur off; our own blur handler rewrites a
      readable value in the canonical format and leaves an unreadable one exactly as typed,
      so the server rejects it with an error on the field instead of storing "now".
   Wagtail's onGenerate helper (hideCurrent) parses the value with `new Date(text)`, which
   cannot read "d. m. Y" either and un-highlights the chosen day; it is replaced with one
   that uses the picker's format. */
(function () {
  "use strict";

  var $ = window.jQuery;
  var DateFormatter = window.DateFormatter;
  if (!$ || !$.fn || !$.fn.datetimepicker || typeof DateFormatter !== "function") {
    return;
  }

  // The vendor parser's separators, any number of them in a row (plus whitespace).
  var SEPARATORS = /[\s\-+/.:@]+/;
  // Format letters the vendor parser understands, and those that stand for a number.
  var FORMAT_LETTERS = /[dDjlNSwzWFmMntLoYyaABgGhHisueTIOPZcrU]/g;
  var NUMERIC_LETTERS = /^[djmnYyGHgis]$/;

  var stockParseDate = DateFormatter.prototype.parseDate;
  var stockFormatDate = DateFormatter.prototype.formatDate;

  function pieces(text) {
    return text.trim().split(SEPARATORS).filter(function (piece) {
      return piece !== "";
    });
  }

  /* The value's numbers must be the ones the parsed date formats back to: no day 31 in
     February, no 25 o'clock, no letters inside a number. */
  function readsBack(helper, date, value, format) {
    var letters = (format.match(FORMAT_LETTERS) || []).filter(function (letter) {
      return letter !== "S";
    });
    if (!letters.every(function (letter) { return NUMERIC_LETTERS.test(letter); })) {
      return true; // month names and the like: trust the vendor parser
    }
    var typed = pieces(value);
    var written = pieces(stockFormatDate.call(helper, date, format));
    if (typed.length > written.length) {
      return false;
    }
    return typed.every(function (piece, i) {
      if (!/^\d+$/.test(piece)) {
        return false;
      }
      if (letters[i] === "Y" && piece.length === 2) {
        return written[i].slice(-2) === piece; // "26" for 2026, as the vendor reads it
      }
      if (letters[i] === "Y" && piece.length !== 4) {
        return false;
      }
      return parseInt(piece, 10) === parseInt(written[i], 10);
    });
  }

  DateFormatter.prototype.parseDate = function (value, format) {
    if (typeof value !== "string" || format === "U") {
      return stockParseDate.call(this, value, format);
    }
    var text = pieces(value).join(" ");
    if (!text) {
      return null;
    }
    var date = stockParseDate.call(this, text, format);
    if (!(date instanceof Date) || isNaN(date.getTime())) {
      return null;
    }
    return readsBack(this, date, text, format) ? date : null;
  };

  var helper = new DateFormatter();

  function sameDay(a, b) {
    return (
      a.getFullYear() === b.getFullYear() &&
      a.getMonth() === b.getMonth() &&
      a.getDate() === b.getDate()
    );
  }

  /* Wagtail's hideCurrent, reading the value with the picker's own format. */
  function hideCurrentUnlessSelected(format) {
    return function (current, $input) {
      var selected = helper.parseDate($input.val() || "", format);
      if (!selected || !sameDay(selected, current)) {
        $(this)
          .find(".xdsoft_datepicker .xdsoft_current:not(.xdsoft_today)")
          .removeClass("xdsoft_current");
      }
    };
  }

  /* Blur: a readable value is written the canonical way; anything else stays as typed. */
  function normaliseOnBlur(event) {
    var input = event.currentTarget;
    var format = $(input).data("urbactDateFormat");
    var value = input.value.trim();
    if (!format || !value) {
      return;
    }
    var date = helper.parseDate(value, format);
    if (!date) {
      return; // the server answers with an error on the field
    }
    var canonical = helper.formatDate(date, format);
    if (canonical !== input.value) {
      input.value = canonical;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    var picker = $(input).data("xdsoft_datetimepicker");
    if (picker && picker.data("xdsoft_datetime")) {
      picker.data("xdsoft_datetime").setCurrentTime(canonical);
    }
  }

  var stockPlugin = $.fn.datetimepicker;

  function datetimepicker(options) {
    if ($.isPlainObject(options) && !this.data("xdsoft_datetimepicker")) {
      var format = options.format || stockPlugin.defaults.format;
      options = $.extend({}, options, { validateOnBlur: false });
      if (options.onGenerate && options.onGenerate === window.hideCurrent) {
        options.onGenerate = hideCurrentUnlessSelected(format);
      }
      this.data("urbactDateFormat", format)
        .off("blur.urbactDate")
        .on("blur.urbactDate", normaliseOnBlur);
    }
    return stockPlugin.apply(this, [options].concat([].slice.call(arguments, 1)));
  }
  datetimepicker.defaults = stockPlugin.defaults;
  $.fn.datetimepicker = datetimepicker;
})();
