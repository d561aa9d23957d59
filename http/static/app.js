// Links the event and quote lists beside an article to the words they came
// from: pointing at (or focusing) an item lights up its evidence in the text.
(function () {
  function toggle(attr, id, on) {
    document.querySelectorAll("[" + attr + "]").forEach(function (el) {
      var ids = (el.getAttribute(attr) || "").split(" ");
      if (ids.indexOf(id) >= 0) { el.classList.toggle("on", on); }
    });
  }
  function wire(attr) {
    document.querySelectorAll("aside [" + attr + "]").forEach(function (li) {
      var id = li.getAttribute(attr);
      ["mouseenter", "focus"].forEach(function (ev) { li.addEventListener(ev, function () { toggle(attr, id, true); }); });
      ["mouseleave", "blur"].forEach(function (ev) { li.addEventListener(ev, function () { toggle(attr, id, false); }); });
      li.addEventListener("click", function () {
        toggle(attr, id, true);
        var first = document.querySelector(".body [" + attr + "~='" + id + "']");
        if (first) { first.scrollIntoView({ behavior: "smooth", block: "center" }); }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { wire("data-ev"); wire("data-quote"); });
})();
