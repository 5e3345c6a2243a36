// Runsmith search: the index Runsmith wrote at build time (`_runsmith/search/`), loaded part by part as
// script files — which works from file:// (no fetch there) and under the pages' policy (no eval). A
// query loads `index.js`, one shard per term and the documents of the results it shows.
(function () {
  "use strict";
  var box = document.querySelector(".rs-search");
  if (!box) return;
  var base = box.getAttribute("data-index"), root = box.getAttribute("data-root") || "";
  var loaded = {}, waiting = {};
  window.RunsmithSearch = {
    add: function (name, data) {
      loaded[name] = data;
      (waiting[name] || []).forEach(function (resolve) { resolve(data); });
      delete waiting[name];
    }
  };
  function load(name) {
    return new Promise(function (resolve) {
      if (Object.prototype.hasOwnProperty.call(loaded, name)) return resolve(loaded[name]);
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push(resolve);
      if (!first) return;
      var script = document.createElement("script");
      script.src = base + name + ".js";
      script.onerror = function () { window.RunsmithSearch.add(name, null); };
      document.head.appendChild(script);
    });
  }

  // Terms exactly as SearchTerms.swift makes them: NFKD, marks dropped, lowercased; runs of letters and
  // digits; Han and kana one character each; runs over 40 characters dropped.
  function fold(text) { return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(); }
  function ideographic(cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
  }
  var word = /[\p{L}\p{N}]/u;
  function terms(text) {
    var out = [], run = "", length = 0;
    function flush() { if (length > 0 && length <= 40) out.push(run); run = ""; length = 0; }
    for (var ch of fold(text)) {
      if (ideographic(ch.codePointAt(0))) { flush(); out.push(ch); }
      else if (word.test(ch)) { run += ch; length += 1; }
      else flush();
    }
    flush();
    return out;
  }
  function hex(text) {
    return Array.prototype.map.call(new TextEncoder().encode(text), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }
  function shardOf(term) { return hex(Array.from(term).slice(0, 2).join("")); }

  // Documents that have every term (a term may be the start of a word: `conf` finds `configure`),
  // best first: title, then heading, then text; an exact word counts twice a prefix.
  function search(query) {
    var wanted = terms(query).filter(function (t, i, all) { return all.indexOf(t) === i; });
    if (!wanted.length) return Promise.resolve({ terms: [], docs: [], rows: null });
    var meta;
    return load("index").then(function (loadedMeta) {
      meta = loadedMeta;
      if (!meta) return [];
      // A small index holds every term itself; a large one, a shard per two first characters.
      return Promise.all(wanted.map(function (term) {
        if (meta.terms) return meta.terms;
        var key = shardOf(term);
        return meta.shards.indexOf(key) < 0 ? null : load("s-" + key);
      })).then(function (shards) {
        var total = null;
        wanted.forEach(function (term, i) {
          var found = {}, shard = shards[i] || {};
          Object.keys(shard).forEach(function (candidate) {
            var exact = candidate === term;
            if (!exact && !(Array.from(term).length > 1 && candidate.indexOf(term) === 0)) return;
            var postings = shard[candidate];
            for (var k = 0; k < postings.length; k += 2) {
              var score = exact ? postings[k + 1] * 2 : postings[k + 1];
              found[postings[k]] = Math.max(found[postings[k]] || 0, score);
            }
          });
          if (total === null) { total = found; return; }
          var both = {};
          Object.keys(total).forEach(function (doc) { if (found[doc]) both[doc] = total[doc] + found[doc]; });
          total = both;
        });
        return Object.keys(total || {}).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; })
          .map(function (doc) { return { doc: doc, chunk: meta.chunk }; });
      });
    }).then(function (ranked) { return { terms: wanted, docs: ranked, rows: meta && meta.rows }; });
  }

  // The excerpt: the words around the first match, each matching word marked.
  var words = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|(?:(?![\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}\p{M}])+/gu;
  function excerpt(text, wanted, into) {
    var marks = [], match;
    words.lastIndex = 0;
    while ((match = words.exec(text))) {
      var folded = fold(match[0]);
      if (wanted.some(function (t) { return folded.indexOf(t) === 0; })) marks.push([match.index, match.index + match[0].length]);
    }
    var start = marks.length ? Math.max(0, marks[0][0] - 60) : 0;
    // Start at a word: after the first space past the cut.
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < marks[0][0]) start = space + 1; }
    var end = Math.min(text.length, start + 220);
    if (start > 0) into.appendChild(document.createTextNode("…"));
    var at = start;
    marks.forEach(function (m) {
      if (m[0] < at || m[1] > end) return;
      into.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      into.appendChild(mark);
      at = m[1];
    });
    into.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? "…" : "")));
  }

  // The dialog: `/` or Ctrl-K (⌘K) opens it, arrows move through the results, Enter opens one.
  box.hidden = false;
  var open = box.querySelector(".rs-search-open"), dialog = box.querySelector(".rs-search-dialog");
  var input = box.querySelector(".rs-search-input"), list = box.querySelector(".rs-search-results");
  var status = box.querySelector(".rs-search-status");
  var active = -1, current = 0, shown = 10;
  function show() { if (!dialog.open) dialog.showModal(); input.focus(); input.select(); }
  open.addEventListener("click", show);
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if ((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      show();
    }
  });
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  function options() { return list.querySelectorAll("[role=option]"); }
  function select(index) {
    var all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
    // A search field's own Escape would only clear it: here it closes the search, as readers expect.
    else if (event.key === "Escape") { event.preventDefault(); dialog.close(); open.focus(); }
    else if (event.key === "Enter") {
      var all = options();
      if (all.length) { event.preventDefault(); location.href = all[Math.max(active, 0)].querySelector("a").href; }
    }
  });
  // Searched once typing pauses (a tenth of a second): the words typed on the way load nothing.
  var pause = null;
  input.addEventListener("input", function () {
    clearTimeout(pause);
    pause = setTimeout(run, 100);
  });
  function run() {
    var query = input.value, asked = ++current;
    search(query).then(function (found) {
      var top = found.docs.slice(0, shown);
      var chunks = found.rows ? [] : top.map(function (r) { return "d-" + Math.floor(r.doc / r.chunk); });
      return Promise.all(chunks.map(load)).then(function (loadedChunks) {
        if (asked !== current) return;
        list.textContent = "";
        active = -1;
        input.removeAttribute("aria-activedescendant");
        top.forEach(function (r, i) {
          var row = found.rows ? found.rows[r.doc] : (loadedChunks[i] || [])[r.doc % r.chunk];
          if (!row) return;
          var item = document.createElement("li"), link = document.createElement("a");
          item.id = "rs-result-" + i;
          item.setAttribute("role", "option");
          item.setAttribute("aria-selected", "false");
          link.href = root + row[0];
          link.tabIndex = -1;
          var title = document.createElement("span");
          title.className = "rs-result-title";
          title.textContent = row[2] ? row[1] + " › " + row[2] : row[1];
          var text = document.createElement("span");
          text.className = "rs-result-excerpt";
          excerpt(row[3], found.terms, text);
          link.appendChild(title);
          link.appendChild(text);
          item.appendChild(link);
          list.appendChild(item);
        });
        input.setAttribute("aria-expanded", top.length ? "true" : "false");
        // Which query the results answer (they arrive after the typing).
        status.setAttribute("data-query", query);
        status.textContent = !query.trim() ? "" : found.docs.length === 0 ? "No results for “" + query + "”"
          : found.docs.length + (found.docs.length === 1 ? " result" : " results") + (found.docs.length > shown ? ", the first " + shown + " shown" : "");
      });
    });
  }
})();
