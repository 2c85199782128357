// The header's search box (templates/partials/search.html) and its results: the page's side
// of search. static/search-engine.js, loaded just before this file (both `defer`, which keeps
// their order), cuts the query into words, fetches the parts of the index it needs and ranks
// the documents; this file takes the reader's typing, draws the results and handles the keys.
//
// The texts are the sources' own, so untrusted: results are built with createElement and
// textContent only, and a result links only to a relative path inside the site.
//
// data-search-root on the box gives the site root relative to the page, so the site works
// from any sub-path. Browsers refuse fetches from file:// pages: opened as a file, the page
// shows a short note instead of a search box that cannot work.
(function () {
  "use strict";
  var box = document.querySelector(".site-search[data-search-root]");
  if (!box) {
    return;
  }
  var form = box.querySelector("form, [role=search]");
  var input = box.querySelector("input[type=search]");
  var note = box.querySelector(".site-search-note");
  // Set here rather than in the markup, which the older HTML validators in CI do not know.
  if (input) {
    input.enterKeyHint = "search";
  }

  function explain(text) {
    if (!note) {
      return;
    }
    if (text) {
      note.textContent = text;
    }
    note.hidden = false;
  }

  if (location.protocol === "file:" || !form || !input) {
    explain();
    return;
  }
  var engine = window.SitegenSearch; // static/search-engine.js
  if (!engine) {
    explain("Search could not be loaded.");
    return;
  }

  var PAGE_SIZE = 10; // results shown at first, and added by "More results"
  var MAX_SUBS = 3; // passages shown under a result besides its excerpt
  var EXCERPT_WORDS = 30;
  var SUB_WORDS = 18;
  var DEBOUNCE_MS = 100;

  var root = box.getAttribute("data-search-root") || "";
  var siteRoot = new URL(root || "./", location.href); // a folder, not this page
  var searcher = engine.createSearcher(function (url, init) {
    return fetch(url, init);
  }, new URL("search/", siteRoot));

  // ------------------------------------------------------------------ the box and its results

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    // The form never submits (the policy's form-action is 'none'): Enter searches at once.
    event.preventDefault();
    schedule(0);
  });

  // The live region stays in the page, empty when there is nothing to say: a region that
  // appears together with its text is not reliably announced.
  var status = element("p", "site-search-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.setAttribute("aria-atomic", "true");

  var panel = element("div", "site-search-results");
  panel.id = "site-search-results";
  panel.hidden = true;
  var filters = element("div", "site-search-filters");
  filters.setAttribute("role", "group");
  filters.setAttribute("aria-label", "Show only results of one type");
  var list = element("ol", "site-search-list");
  list.setAttribute("aria-label", "Search results");
  var more = element("button", "site-search-more", "More results");
  more.type = "button";
  more.hidden = true;
  panel.appendChild(filters);
  panel.appendChild(list);
  panel.appendChild(more);
  form.parentNode.insertBefore(status, form.nextSibling);
  form.parentNode.insertBefore(panel, status.nextSibling);
  input.setAttribute("aria-controls", panel.id);

  // ------------------------------------------------------------------ state

  var timer = 0;
  var generation = 0; // bumped by every query and every clear: stale answers are dropped
  var current = null; // {query, data, matchers, ids, filter, shown}

  function schedule(delay) {
    clearTimeout(timer);
    if (!input.value.trim()) {
      clear();
      return;
    }
    timer = setTimeout(search, delay);
  }

  function clear() {
    clearTimeout(timer);
    generation += 1;
    current = null;
    status.textContent = "";
    panel.hidden = true;
    panel.removeAttribute("aria-busy");
    filters.replaceChildren();
    list.replaceChildren();
    more.hidden = true;
  }

  function failed() {
    clear();
    explain("Search could not be loaded.");
  }

  function search() {
    var query = input.value.trim();
    if (!query) {
      clear();
      return;
    }
    var mine = ++generation;
    var qwords = engine.queryWords(query);
    if (!qwords.length) {
      show(mine, { query: query, data: null, matched: [], matchers: [], ids: [], filter: null, shown: 0 });
      return;
    }
    panel.setAttribute("aria-busy", "true");
    searcher.load(qwords)
      .then(function (loaded) {
        if (mine !== generation) {
          return;
        }
        var found = engine.match(loaded.data, qwords, loaded.chunks);
        var data = found.data;
        var ids = found.ids;
        // A filter chosen for the last query stays while the new one has results of its type.
        var filter = current && current.filter;
        if (filter && !ids.some(function (id) { return engine.typeOf(data, id) === filter; })) {
          filter = null;
        }
        return show(mine, {
          query: query, data: data, matched: found.matched, matchers: found.matchers, ids: ids,
          filter: filter, shown: 0,
        });
      })
      .catch(function () {
        if (mine === generation) {
          failed();
        }
      });
  }

  // ------------------------------------------------------------------ showing results

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    if (content) {
      el.textContent = content;
    }
    return el;
  }

  function visible(state) {
    if (!state.filter) {
      return state.ids;
    }
    return state.ids.filter(function (id) { return engine.typeOf(state.data, id) === state.filter; });
  }

  // The link to a document: root + its URL, only for a relative path inside the site (no
  // scheme, no leading slash, no "..", no backslash, no control character or space).
  function docHref(url, anchor) {
    if (!url || /[\u0000-\u0020\u007f\\]/.test(url) || url.charAt(0) === "/" ||
        /^[^/?#]*:/.test(url) || url.indexOf("..") !== -1 || /%2e/i.test(url)) {
      return null;
    }
    var href = root + url;
    var resolved = new URL(href, location.href);
    if (resolved.origin !== siteRoot.origin || resolved.pathname.indexOf(siteRoot.pathname) !== 0) {
      return null;
    }
    return anchor ? href.split("#")[0] + "#" + encodeURIComponent(anchor) : href;
  }

  function plural(n, one, many) {
    return n.toLocaleString("en") + " " + (n === 1 ? one : many);
  }

  function statusText(state, shown) {
    var quoted = "\u201c" + state.query + "\u201d";
    if (!state.data) {
      return "Type at least two letters to search.";
    }
    if (!state.ids.length) {
      return "No results for " + quoted;
    }
    if (state.filter) {
      return shown.toLocaleString("en") + " of " + plural(state.ids.length, "result", "results") +
        " for " + quoted + " (" + state.filter + ")";
    }
    return plural(state.ids.length, "result", "results") + " for " + quoted;
  }

  // Shows a new answer: the status, the filters and the first page of results.
  function show(mine, state) {
    return page(mine, state, visible(state).slice(0, PAGE_SIZE)).then(function (items) {
      if (mine !== generation) {
        return;
      }
      current = state;
      state.shown = Math.min(PAGE_SIZE, visible(state).length);
      if (note) {
        note.hidden = true;
      }
      status.textContent = statusText(state, visible(state).length);
      drawFilters(state);
      list.replaceChildren.apply(list, items);
      more.hidden = state.shown >= visible(state).length;
      panel.hidden = false;
      panel.removeAttribute("aria-busy");
    });
  }

  // The list items of some results, once their documents are fetched.
  function page(mine, state, ids) {
    if (!ids.length) {
      return Promise.resolve([]);
    }
    var loads = ids.map(function (id) { return searcher.loadDoc(state.data, id); });
    return Promise.all(loads).then(function (docs) {
      if (mine !== generation) {
        return [];
      }
      var sections = engine.sectionsOf(state.matched, ids);
      var items = [];
      docs.forEach(function (doc, i) {
        if (doc) {
          items.push(result(state, ids[i], doc, sections.get(ids[i])));
        }
      });
      return items;
    });
  }

  function drawFilters(state) {
    var counts = new Map();
    state.ids.forEach(function (id) {
      var name = engine.typeOf(state.data, id);
      counts.set(name, (counts.get(name) || 0) + 1);
    });
    var buttons = [];
    if (counts.size > 1) {
      state.data.types.forEach(function (t) {
        var n = counts.get(t.name);
        if (!n) {
          return;
        }
        var button = element("button", "site-search-filter", t.name + " ");
        button.type = "button";
        button.value = t.name;
        button.setAttribute("aria-pressed", String(state.filter === t.name));
        button.appendChild(element("span", "site-search-filter-count", n.toLocaleString("en")));
        button.addEventListener("click", function () {
          choose(current && current.filter === t.name ? null : t.name);
        });
        buttons.push(button);
      });
    }
    filters.replaceChildren.apply(filters, buttons);
    filters.hidden = buttons.length === 0;
  }

  // Shows only the results of one type (or all, for null).
  function choose(type) {
    var state = current;
    if (!state) {
      return;
    }
    var mine = ++generation;
    var chosen = {
      query: state.query, data: state.data, matched: state.matched, matchers: state.matchers, ids: state.ids,
      filter: type, shown: 0,
    };
    panel.setAttribute("aria-busy", "true");
    page(mine, chosen, visible(chosen).slice(0, PAGE_SIZE)).then(function (items) {
      if (mine !== generation) {
        return;
      }
      current = chosen;
      chosen.shown = Math.min(PAGE_SIZE, visible(chosen).length);
      status.textContent = statusText(chosen, visible(chosen).length);
      Array.prototype.forEach.call(filters.children, function (button) {
        button.setAttribute("aria-pressed", String(button.value === type));
      });
      list.replaceChildren.apply(list, items);
      more.hidden = chosen.shown >= visible(chosen).length;
      panel.removeAttribute("aria-busy");
    }, function () {
      if (mine === generation) {
        failed();
      }
    });
  }

  more.addEventListener("click", function () {
    var state = current;
    if (!state) {
      return;
    }
    var mine = generation;
    var ids = visible(state).slice(state.shown, state.shown + PAGE_SIZE);
    more.disabled = true;
    page(mine, state, ids).then(function (items) {
      more.disabled = false;
      if (mine !== generation || current !== state) {
        return;
      }
      items.forEach(function (item) { list.appendChild(item); });
      state.shown += ids.length;
      more.hidden = state.shown >= visible(state).length;
      // Keyboard readers go on from the first new result, not from the top or a lost button.
      var first = items[0] && items[0].querySelector("a");
      if (first) {
        first.focus();
      }
    }, function () {
      more.disabled = false;
      if (mine === generation) {
        failed();
      }
    });
  });


  // Where an excerpt of `size` words should start, as an index into `starts` (the offsets of
  // the text's words): a little before the first hit, or before a later one when its window
  // holds more of the query's words.
  function excerptStart(starts, hits, size) {
    var lead = Math.floor(size / 3);
    var at = hits.map(function (h) { return Math.max(0, engine.floorIndex(starts, h.start)); });
    var best = 0;
    var bestWords = -1;
    for (var c = 0; c < hits.length && c < 50; c++) {
      var from = Math.max(0, at[c] - lead);
      var seen = new Set();
      for (var h = c; h < hits.length && at[h] < from + size; h++) {
        hits[h].of.forEach(function (q) { seen.add(q); });
      }
      if (seen.size > bestWords) {
        best = from;
        bestWords = seen.size;
      }
    }
    return best;
  }

  // About `size` words of a section's text around its first hit, the hits marked.
  function excerpt(section, hits, size) {
    var text = section.text;
    var all = engine.wordStarts(text);
    var from = excerptStart(all, hits, size);
    var firstHit = from < all.length ? all[from] : 0;
    hits.some(function (h) {
      if (h.start >= firstHit) {
        firstHit = h.start;
        return true;
      }
      return false;
    });
    var to = Math.min(all.length, from + size);
    from = Math.max(0, to - size);
    var start = from > 0 ? all[from] : 0;
    var end = to < all.length ? all[to] : text.length;
    // A text may have long runs of punctuation between words: keep the excerpt short anyway.
    start = Math.max(start, firstHit - 160);
    end = Math.min(end, Math.max(firstHit, start) + 400);
    var out = document.createDocumentFragment();
    var before = text.slice(start, end).replace(/^\s+/, "");
    var cutStart = start + (text.slice(start, end).length - before.length);
    if (cutStart > 0) {
      out.appendChild(document.createTextNode("\u2026 "));
    }
    var pos = cutStart;
    hits.forEach(function (h) {
      if (h.start < pos || h.end > end) {
        return;
      }
      out.appendChild(document.createTextNode(text.slice(pos, h.start)));
      out.appendChild(element("mark", "", text.slice(h.start, h.end)));
      pos = h.end;
    });
    var rest = text.slice(pos, end);
    if (end < text.length) {
      out.appendChild(document.createTextNode(rest.replace(/\s+$/, "") + " \u2026"));
    } else {
      out.appendChild(document.createTextNode(rest));
    }
    return out;
  }

  // A passage of a result: its label and an excerpt, a link to its place on the page (to the
  // page itself when it has no anchor). The header's excerpt, or a passage with neither
  // anchor nor label, is no link: it would only repeat the title's.
  function passage(state, doc, section, size, className, linked) {
    var href = linked && (section.anchor || section.label) ? docHref(doc.url, section.anchor) : null;
    var el = element(href ? "a" : "p", className);
    if (href) {
      el.href = href;
    }
    // A heading's section may be labelled with its own text: show it once.
    if (section.label && section.label !== section.text.trim()) {
      el.appendChild(element("span", "site-search-label", section.label));
      el.appendChild(document.createTextNode(" "));
    }
    var body = element("span", "site-search-passage-text");
    body.appendChild(excerpt(section, engine.hitsIn(state.matchers, section.text), size));
    el.appendChild(body);
    return el;
  }

  function result(state, id, doc, candidates) {
    var item = element("li", "site-search-result");
    var href = docHref(doc.url, "");
    var title = element("p", "site-search-title");
    var link = element(href ? "a" : "span", "", doc.title || doc.url);
    if (href) {
      link.href = href;
    }
    title.appendChild(link);
    item.appendChild(title);

    var facts = [engine.typeOf(state.data, id)].concat(doc.meta).filter(Boolean);
    if (facts.length) {
      var meta = element("p", "site-search-meta");
      facts.forEach(function (fact, i) {
        if (i) {
          meta.appendChild(element("span", "sep", "\u00b7"));
          meta.appendChild(document.createTextNode(" "));
        }
        meta.appendChild(element("span", i ? "" : "site-search-type", fact));
        meta.appendChild(document.createTextNode(" "));
      });
      item.appendChild(meta);
    }

    // Sections (not the header) with hits, in page order, and the query words of each.
    var found = candidates || new Map();
    var hit = [];
    found.forEach(function (words, n) {
      if (n > 0 && n < doc.sections.length) {
        hit.push(n);
      }
    });
    hit.sort(function (a, b) { return a - b; });
    var size = function (n) { return found.get(n).size; };

    // The excerpt: the section holding the most query words (the first of them), else the header.
    var best = 0;
    hit.forEach(function (n) {
      if (!best || size(n) > size(best)) {
        best = n;
      }
    });
    // Only the header matched (a title, a speaker, an alias): the header repeats the title
    // and facts already shown, so the excerpt is the start of the first passage, which then
    // links like any other passage (a quotation, an entity's description, a first paragraph).
    if (!best && doc.sections.length > 1) {
      item.appendChild(passage(state, doc, doc.sections[1], EXCERPT_WORDS, "site-search-excerpt", true));
    } else if (doc.sections.length) {
      var main = best ? doc.sections[best] : { anchor: "", label: "", text: doc.sections[0].text };
      item.appendChild(passage(state, doc, main, EXCERPT_WORDS, "site-search-excerpt", best > 0));
    }

    // Other sections with hits, shown in page order: first those that hold query words not
    // shown yet, then those with the most query words.
    var others = hit.filter(function (n) { return n !== best; });
    var covered = new Set(best ? found.get(best) : []);
    var subs = [];
    var pool = others.slice();
    while (subs.length < MAX_SUBS && pool.length) {
      var pick = 0;
      var pickNew = -1;
      for (var k = 0; k < pool.length; k++) {
        var fresh = 0;
        found.get(pool[k]).forEach(function (q) {
          if (!covered.has(q)) {
            fresh += 1;
          }
        });
        if (fresh > pickNew || (fresh === pickNew && size(pool[k]) > size(pool[pick]))) {
          pick = k;
          pickNew = fresh;
        }
      }
      found.get(pool[pick]).forEach(function (q) { covered.add(q); });
      subs.push(pool[pick]);
      pool.splice(pick, 1);
    }
    subs.sort(function (a, b) { return a - b; });
    if (subs.length) {
      var ul = element("ul", "site-search-subs");
      subs.forEach(function (n) {
        var li = element("li");
        li.appendChild(passage(state, doc, doc.sections[n], SUB_WORDS, "site-search-sub", true));
        ul.appendChild(li);
      });
      item.appendChild(ul);
    }
    if (others.length > subs.length) {
      var left = others.length - subs.length;
      item.appendChild(element("p", "site-search-also", "and " + plural(left, "more passage", "more passages")));
    }
    return item;
  }

  // ------------------------------------------------------------------ events

  input.addEventListener("focus", function () {
    searcher.loadIndex().catch(function () {});
  });

  input.addEventListener("input", function () {
    schedule(DEBOUNCE_MS);
  });

  // Escape clears the search and closes the results, keeping focus in the box (or bringing
  // it back there from a result).
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && (input.value || !panel.hidden)) {
      event.preventDefault();
      input.value = "";
      clear();
      input.focus();
      return;
    }
    // Arrow keys step through the results' links as well as Tab does; up from the first
    // goes back to the box.
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !panel.hidden &&
        !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a[href]"));
      var at = links.indexOf(document.activeElement);
      if (document.activeElement === input && event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[0].focus();
      } else if (at !== -1) {
        event.preventDefault();
        if (event.key === "ArrowDown") {
          (links[at + 1] || links[at]).focus();
        } else if (at === 0) {
          input.focus();
        } else {
          links[at - 1].focus();
        }
      }
    }
  });
})();
