// Runsmith: progressive enhancements only; every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("rs-js");
  // The theme button goes round auto (the system's choice), light and dark, and the page remembers it.
  var themeButton = document.querySelector(".rs-theme");
  if (themeButton) {
    var themes = ["auto", "light", "dark"];
    var showTheme = function (theme) {
      themeButton.textContent = "Theme: " + theme;
      themeButton.setAttribute("aria-label", "Theme: " + theme + " (change)");
    };
    var currentTheme = document.documentElement.getAttribute("data-theme") || "auto";
    themeButton.hidden = false;
    showTheme(currentTheme);
    themeButton.addEventListener("click", function () {
      currentTheme = themes[(themes.indexOf(currentTheme) + 1) % themes.length];
      if (currentTheme === "auto") document.documentElement.removeAttribute("data-theme");
      else document.documentElement.setAttribute("data-theme", currentTheme);
      try {
        if (currentTheme === "auto") localStorage.removeItem("runsmith:theme"); else localStorage.setItem("runsmith:theme", currentTheme);
      } catch (e) { /* private mode: this page only */ }
      showTheme(currentTheme);
    });
  }
  // On a narrow screen the sidebar waits off the page: the menu button brings it, Escape, a click
  // beside it or the button again sends it back, and the focus returns to the button.
  var menu = document.querySelector(".rs-menu"), sidebar = document.getElementById("rs-sidebar");
  if (menu && sidebar) {
    menu.hidden = false;
    var setOpen = function (open) {
      document.body.classList.toggle("rs-nav-open", open);
      menu.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        var current = sidebar.querySelector("[aria-current=page]") || sidebar.querySelector("a");
        if (current) current.focus();
      }
    };
    menu.addEventListener("click", function () { setOpen(!document.body.classList.contains("rs-nav-open")); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && document.body.classList.contains("rs-nav-open")) { setOpen(false); menu.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (document.body.classList.contains("rs-nav-open") && !sidebar.contains(event.target) && !menu.contains(event.target)) setOpen(false);
    });
  }
  // The sidebar: a page with pages under it can fold them away; the branch of the page being read stays
  // open, the others start folded. Without this script every branch is open.
  Array.prototype.forEach.call(document.querySelectorAll(".rs-sidebar .rs-nav-item"), function (item, i) {
    var list = item.querySelector(":scope > .rs-nav-list");
    if (!list) return;
    var toggle = document.createElement("button");
    var name = item.querySelector(":scope > a, :scope > span");
    toggle.type = "button";
    toggle.className = "rs-nav-toggle";
    toggle.setAttribute("aria-label", "Pages under " + (name ? name.textContent : ""));
    list.id = list.id || "rs-nav-branch-" + i;
    toggle.setAttribute("aria-controls", list.id);
    var show = function (open) { list.hidden = !open; toggle.setAttribute("aria-expanded", open ? "true" : "false"); };
    show(item.classList.contains("rs-open"));
    toggle.addEventListener("click", function () { show(list.hidden); });
    item.insertBefore(toggle, list);
  });
  // "On this page" marks the section being read: the last heading above the top fifth of the window.
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".rs-toc-list a[href^='#']"));
  var targets = tocLinks.map(function (a) {
    try { return document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1))); } catch (e) { return null; }
  });
  var pending = false;
  function follow() {
    pending = false;
    var line = window.innerHeight / 5, active = -1;
    targets.forEach(function (target, i) { if (target && target.getBoundingClientRect().top <= line) active = i; });
    tocLinks.forEach(function (a, i) {
      a.classList.toggle("rs-toc-active", i === active);
      if (i === active) a.setAttribute("aria-current", "location"); else a.removeAttribute("aria-current");
    });
  }
  if (tocLinks.length) {
    window.addEventListener("scroll", function () { if (!pending) { pending = true; window.requestAnimationFrame(follow); } }, { passive: true });
    follow();
  }
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
  // A code block or table wider than its column scrolls in its own box; a keyboard reaches it too
  // (Tab, then the arrow keys), as one that does not scroll needs no stop.
  function scrollables() {
    document.querySelectorAll(".rs-main pre, .rs-main table").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", box.tagName === "PRE" ? "Code, scrolls sideways" : "Table, scrolls sideways");
        if (box.tagName === "PRE") box.setAttribute("role", "region");
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }
  scrollables();
  window.addEventListener("resize", scrollables);
  // A link to an expandable block's summary (GitBook gives each one an anchor) opens the block.
  function openTarget() {
    if (!location.hash) return;
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var target = document.getElementById(id);
    for (var block = target && target.closest("details"); block; block = block.parentElement && block.parentElement.closest("details")) {
      block.open = true;
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
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
// Checklists: ticks are kept in localStorage (per tenant and runbook), so they survive reloads and
// rebuilds; an item whose text changed since it was ticked says so instead of staying ticked.
(function () {
  "use strict";
  var list = document.querySelector(".rs-checklist");
  if (!list) return;
  var key = list.getAttribute("data-storage-key");
  var rows = Array.prototype.slice.call(list.querySelectorAll(".rs-item"));
  function load() {
    try { return JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(state) { try { localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode */ } }
  function render(state) {
    var done = 0;
    var ids = {};
    rows.forEach(function (row) {
      var id = row.getAttribute("data-id");
      ids[id] = true;
      var box = row.querySelector("input[type=checkbox]");
      box.checked = !!state[id];
      if (box.checked) done += 1;
      row.querySelector(".rs-changed").hidden = true;
    });
    // A saved tick whose item is gone: its text changed. The unticked item now in its place (same
    // section, same position) says so, with the text that was ticked; no other item does.
    Object.keys(state).forEach(function (id) {
      if (ids[id] || !state[id] || !state[id].slot) return;
      rows.forEach(function (row) {
        if (row.getAttribute("data-slot") === state[id].slot && !state[row.getAttribute("data-id")]) {
          var note = row.querySelector(".rs-changed");
          note.textContent = "Changed since checked (was: \u201c" + state[id].text + "\u201d)";
          note.hidden = false;
        }
      });
    });
    list.querySelector(".rs-progress").value = done;
    list.querySelector(".rs-progress-text").textContent = done + " of " + rows.length + " done";
  }
  var state = load();
  rows.forEach(function (row) {
    row.querySelector("input[type=checkbox]").addEventListener("change", function (event) {
      var id = row.getAttribute("data-id");
      if (event.target.checked) {
        state[id] = { key: row.getAttribute("data-key"), slot: row.getAttribute("data-slot"), text: row.getAttribute("data-text"),
                      at: new Date().toISOString() };
      } else {
        delete state[id];
      }
      save(state);
      render(state);
    });
  });
  list.querySelector(".rs-reset").addEventListener("click", function () {
    var ticked = Object.keys(state).length;
    if (ticked > 0 && !window.confirm("Clear all " + ticked + " ticks of this checklist? This cannot be undone.")) return;
    state = {};
    save(state);
    render(state);
  });
  list.querySelector(".rs-export").addEventListener("click", function () {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify({ key: key, ticks: state }, null, 2)], { type: "application/json" }));
    link.download = key.replace(/[^a-z0-9-]+/gi, "-") + ".json";
    link.click();
  });
  list.querySelector(".rs-import").addEventListener("change", function (event) {
    var file = event.target.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data = JSON.parse(text);
      if (data && data.ticks) { state = data.ticks; save(state); render(state); }
    });
  });
  render(state);
})();
