// Runsmith: the reader's choice of light or dark, read before the page is drawn (this script is not
// deferred), so a page never flashes the other theme. runsmith.js draws the button that changes it.
(function () {
  "use strict";
  try {
    var chosen = localStorage.getItem("runsmith:theme");
    if (chosen === "light" || chosen === "dark") document.documentElement.setAttribute("data-theme", chosen);
  } catch (e) { /* storage refused: the system's choice */ }
})();
