// Runsmith: progressive enhancements only; every page works without this file.
(function () {
  "use strict";
  // Copy buttons on code blocks copy the code text alone.
  document.querySelectorAll("pre > code").forEach(function (code) {
    var pre = code.parentElement;
    var wrap = document.createElement("div");
    wrap.className = "rs-codeblock";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "rs-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code to clipboard");
    button.addEventListener("click", function () {
      var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard) { navigator.clipboard.writeText(code.textContent).then(done); }
    });
    wrap.appendChild(button);
  });
  // Tabs with the same title switch together across the page (Services vs Server, say).
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("rs-tab-input")) return;
    var label = input.nextElementSibling ? input.nextElementSibling.textContent : null;
    document.querySelectorAll(".rs-tab-input").forEach(function (other) {
      if (other !== input && other.nextElementSibling && other.nextElementSibling.textContent === label) other.checked = true;
    });
  });
})();
