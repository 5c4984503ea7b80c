// Broadsheet's static search: no dependencies, no server. The index files are fetched the first time
// the reader focuses or types in the search box; every query word must match the start of a word.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  if (!input) return;
  var results = document.getElementById("search-results");
  var status = document.querySelector(".search-status");
  var base = input.getAttribute("data-base");
  var data = null, quotes = null, loading = null, timer = null;
  var TYPES = { person: "Person", organisation: "Organisation", place: "Place" };

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function fetchJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  function load() {
    if (!loading) {
      status.textContent = "Loading the index…";
      loading = Promise.all([fetchJSON(input.getAttribute("data-index")), fetchJSON(input.getAttribute("data-quotes"))])
        .then(function (parts) {
          data = parts[0];
          quotes = parts[1].quotes;
          data.articles.forEach(function (a) { a.key = " " + words(a[0] + " " + a[3] + " " + a[4]).join(" "); a.head = " " + words(a[0]).join(" "); });
          data.entities.forEach(function (e) { e.key = " " + words(e[0] + " " + e[3]).join(" "); });
          // A quotation's speaker is an entity's position in the index, or a description.
          quotes.forEach(function (q) {
            q.entity = typeof q[1] === "number" ? data.entities[q[1]] : null;
            q.speaker = q.entity ? q.entity[0] : q[1];
            q.key = " " + words(q[0] + " " + q.speaker).join(" ");
          });
          status.textContent = "";
        })
        .catch(function (error) { status.textContent = "The search index could not be loaded (" + error.message + ")."; });
    }
    return loading;
  }
  // Every term must start a word of `key`; the score favours terms that start words of `head`.
  function matches(key, terms) {
    for (var i = 0; i < terms.length; i++) if (key.indexOf(" " + terms[i]) < 0) return false;
    return true;
  }
  function score(head, terms) {
    var s = 0;
    for (var i = 0; i < terms.length; i++) if (head.indexOf(" " + terms[i]) >= 0) s++;
    return s;
  }
  // Wraps the words of `text` that start with a query term in <mark>.
  function highlight(text, terms) {
    return text.split(/([\p{L}\p{N}]+)/u).map(function (part) {
      var folded = fold(part);
      var hit = terms.some(function (t) { return folded.indexOf(t) === 0; });
      return hit ? "<mark>" + escape(part) + "</mark>" : escape(part);
    }).join("");
  }
  function section(title, items) {
    if (!items.length) return "";
    return '<section class="search-group"><h2>' + title + " <span class=\"count\">" + items.length +
      "</span></h2><ol>" + items.join("") + "</ol></section>";
  }
  function search(query) {
    var terms = words(query);
    history.replaceState(null, "", terms.length ? "?q=" + encodeURIComponent(query) : location.pathname);
    if (!terms.length) { results.innerHTML = ""; status.textContent = ""; return; }
    var limit = 50;
    var articles = data.articles.filter(function (a) { return matches(a.key, terms); })
      .sort(function (x, y) { return score(y.head, terms) - score(x.head, terms); }).slice(0, limit)
      .map(function (a) {
        return '<li><a href="' + base + a[1] + '">' + highlight(a[0], terms) + "</a>" +
          (a[2] ? ' <time datetime="' + a[2] + '">' + a[2] + "</time>" : "") +
          (a[3] ? "<p>" + highlight(a[3], terms) + "</p>" : "") + "</li>";
      });
    var entities = data.entities.filter(function (e) { return matches(e.key, terms); }).slice(0, limit)
      .map(function (e) {
        return '<li><a href="' + base + e[1] + '">' + highlight(e[0], terms) + "</a> <span class=\"meta\">" +
          (TYPES[e[2]] || e[2]) + ", " + e[4] + (e[4] === 1 ? " article" : " articles") + "</span></li>";
      });
    var found = [];
    for (var i = 0; i < quotes.length && found.length < limit; i++) if (matches(quotes[i].key, terms)) found.push(quotes[i]);
    var quoteItems = found.map(function (q) {
      var article = data.articles[q[2]];
      var speaker = q.entity ? '<a href="' + base + q.entity[1] + '">' + highlight(q.speaker, terms) + "</a>"
        : highlight(q.speaker, terms);
      return '<li><blockquote><a href="' + base + article[1] + "#" + q[3] + '">“' + highlight(q[0], terms) +
        "”</a></blockquote><p class=\"meta\">" + (q.speaker ? speaker + ", " : "") + escape(article[0]) + "</p></li>";
    });
    results.innerHTML = section("Articles", articles) + section("People, organisations and places", entities) +
      section("Quotations", quoteItems);
    var total = articles.length + entities.length + quoteItems.length;
    status.textContent = total ? total + (total === 1 ? " result" : " results") : "Nothing matches “" + query + "”.";
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () { load().then(function () { if (data) search(input.value); }); }, 120);
  }
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", schedule);
  input.form.addEventListener("submit", function (event) { event.preventDefault(); schedule(); });
  // Arrow keys move between the search box and the result links; Esc clears the query.
  document.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(results.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      event.preventDefault();
      if (links[at + 1]) links[at + 1].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    } else if (event.key === "Escape" && (document.activeElement === input || at >= 0)) {
      input.value = "";
      input.focus();
      search("");
    }
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; schedule(); }
})();
