// Full-text search in the header's search box (templates/partials/search.html).
//
// The build writes the index into search/ at the site root (format: crates/searchindex,
// "Format, version 1"): index.json, term chunks (terms/<n>.json, each holding a range of the
// sorted terms with their postings) and document files (docs/<n>.json, each holding a run of
// documents with their text cut into sections). This script loads index.json when the reader
// first focuses the box or types, then for each query only the term chunks its words fall in
// and the document files of the results it shows, and keeps all of them for later queries.
//
// Matching: every query word must match (AND). A word matches the terms equal to it (weight
// 1), the terms it begins (0.6), and, when it has 5 or more letters, the terms beginning with
// it less one English suffix (0.5): "negotiat" finds "negotiations", "talks" finds "talked".
// Ranking: a document's score adds, for each query word, the best of its terms' weight × idf ×
// (1 + ln sections holding it), doubled when the term is in the header (title and facts).
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

  var PAGE_SIZE = 10; // results shown at first, and added by "More results"
  var MAX_TERMS = 200; // terms one query word may expand to (the most frequent are kept)
  var MAX_SUBS = 3; // passages shown under a result besides its excerpt
  var EXCERPT_WORDS = 30;
  var SUB_WORDS = 18;
  var DEBOUNCE_MS = 100;
  var SUFFIXES = ["ies", "ing", "es", "ed", "s"]; // longest first
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;

  var root = box.getAttribute("data-search-root") || "";
  var siteRoot = new URL(root || "./", location.href); // a folder, not this page
  var indexBase = new URL("search/", siteRoot);

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

  // ------------------------------------------------------------------ words

  function codePoints(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) {
        n += 1;
      }
    }
    return n;
  }

  // The words of `text` as the index cuts them: runs of letters and digits, 2 to 40 of them,
  // lowercased. Each is {term, start, end} (offsets into text).
  function words(text) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var n = codePoints(m[0]);
      if (n >= 2 && n <= 40) {
        out.push({ term: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
      }
    }
    return out;
  }

  // The distinct words of a query, in order.
  function queryWords(query) {
    var seen = new Set();
    var out = [];
    words(query).forEach(function (w) {
      if (!seen.has(w.term)) {
        seen.add(w.term);
        out.push(w.term);
      }
    });
    return out;
  }

  // A word of 5 or more letters less one English suffix, keeping 3 letters; or null.
  function stem(word) {
    var n = codePoints(word);
    if (n < 5) {
      return null;
    }
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      if (word.endsWith(suffix) && n - suffix.length >= 3) {
        return word.slice(0, word.length - suffix.length);
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ fetching

  var index = null; // the promise of index.json, checked
  var chunks = new Map(); // term chunk number -> promise of {keys (sorted), terms}
  var docFiles = new Map(); // document file number -> promise of its documents

  function getJSON(path) {
    return fetch(new URL(path, indexBase), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ": HTTP " + response.status);
      }
      return response.json();
    });
  }

  // Fetches once; a failed fetch is forgotten, so a later query tries again.
  function cached(map, key, load) {
    var promise = map.get(key);
    if (!promise) {
      promise = load();
      map.set(key, promise);
      promise.catch(function () {
        if (map.get(key) === promise) {
          map.delete(key);
        }
      });
    }
    return promise;
  }

  function isCount(n) {
    return typeof n === "number" && n >= 0 && n % 1 === 0;
  }

  function loadIndex() {
    if (!index) {
      index = getJSON("index.json").then(function (data) {
        var ok = data && data.version === 1 && isCount(data.docs) && Array.isArray(data.types) &&
          Array.isArray(data.term_chunks) && Array.isArray(data.doc_files) &&
          data.term_chunks.every(function (t) { return typeof t === "string"; }) &&
          data.doc_files.every(isCount) &&
          data.types.every(function (t) {
            return t && typeof t.name === "string" && isCount(t.from) && isCount(t.to) && t.from <= t.to;
          });
        if (!ok) {
          throw new Error("search/index.json: not an index of format version 1");
        }
        return data;
      });
      // After a failure, the next query a few seconds later tries again.
      index.catch(function () {
        setTimeout(function () {
          index = null;
        }, 3000);
      });
    }
    return index;
  }

  function loadChunk(n) {
    return cached(chunks, n, function () {
      return getJSON("terms/" + n + ".json").then(function (terms) {
        if (!terms || typeof terms !== "object" || Array.isArray(terms)) {
          throw new Error("search/terms/" + n + ".json: not an object");
        }
        // Sorted here: an object keeps keys like "2016" first, in numeric order.
        var keys = Object.keys(terms).sort();
        return { keys: keys, terms: terms };
      });
    });
  }

  // The last i with sorted[i] <= key, or -1.
  function floorIndex(sorted, key) {
    var lo = 0;
    var hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (sorted[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  // The term chunks that may hold terms beginning with `prefix`: the one its range starts in,
  // and the following ones while they start with it.
  function chunksFor(data, prefix) {
    var starts = data.term_chunks;
    if (!starts.length) {
      return [];
    }
    var first = Math.max(0, floorIndex(starts, prefix));
    var out = [first];
    for (var n = first + 1; n < starts.length && starts[n].startsWith(prefix); n++) {
      out.push(n);
    }
    return out;
  }

  function loadDoc(data, id) {
    var n = floorIndex(data.doc_files, id);
    if (n < 0) {
      return Promise.resolve(null);
    }
    return cached(docFiles, n, function () {
      return getJSON("docs/" + n + ".json");
    }).then(function (docs) {
      var doc = Array.isArray(docs) ? docs[id - data.doc_files[n]] : null;
      return checkedDoc(doc);
    });
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  // A document as the results need it, whatever the file held.
  function checkedDoc(doc) {
    if (!doc || typeof doc !== "object") {
      return null;
    }
    var sections = Array.isArray(doc.sections) ? doc.sections : [];
    return {
      url: text(doc.url),
      title: text(doc.title),
      meta: (Array.isArray(doc.meta) ? doc.meta : []).map(text).filter(Boolean),
      sections: sections.map(function (s) {
        s = Array.isArray(s) ? s : [];
        return { anchor: text(s[0]), label: text(s[1]), text: text(s[2]) };
      }),
    };
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

  // ------------------------------------------------------------------ matching and ranking

  // The number of documents in a term's postings (its groups).
  function groups(postings) {
    var n = 0;
    for (var p = 0; p + 1 < postings.length; p += 2 + postings[p + 1]) {
      if (!(postings[p + 1] >= 1) || postings[p + 1] % 1 !== 0) {
        break;
      }
      n += 1;
    }
    return n;
  }

  // The terms a query word matches, from its loaded chunks: [{term, weight, postings, df}],
  // at most MAX_TERMS of them (the exact term, then the most frequent).
  function expand(data, word, loaded) {
    var found = new Map();
    function collect(prefix, weight) {
      chunksFor(data, prefix).forEach(function (n) {
        var chunk = loaded.get(n);
        var keys = chunk.keys;
        for (var i = Math.max(0, floorIndex(keys, prefix)); i < keys.length; i++) {
          var term = keys[i];
          if (term < prefix) {
            continue;
          }
          if (!term.startsWith(prefix)) {
            break;
          }
          var w = term === word ? 1 : weight;
          var seen = found.get(term);
          if (!seen) {
            var postings = chunk.terms[term];
            if (Array.isArray(postings)) {
              found.set(term, { term: term, weight: w, postings: postings, df: groups(postings) });
            }
          } else if (w > seen.weight) {
            seen.weight = w;
          }
        }
      });
    }
    collect(word, 0.6);
    var stemmed = stem(word);
    if (stemmed) {
      collect(stemmed, 0.5);
    }
    var terms = Array.from(found.values()).filter(function (t) { return t.df > 0; });
    if (terms.length > MAX_TERMS) {
      terms.sort(function (a, b) {
        return (b.weight === 1) - (a.weight === 1) || b.df - a.df || b.weight - a.weight ||
          (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
      });
      terms.length = MAX_TERMS;
    }
    return terms;
  }

  // Each document's best score for one query word (0: no match).
  function wordScores(data, terms) {
    var docs = data.docs;
    var best = new Float64Array(docs);
    terms.forEach(function (t) {
      var base = t.weight * Math.log(1 + docs / t.df);
      var postings = t.postings;
      var id = 0;
      for (var p = 0; p + 1 < postings.length;) {
        id += postings[p];
        var count = postings[p + 1];
        if (!(id >= 0 && id < docs) || !(count >= 1) || count % 1 !== 0) {
          break;
        }
        var score = base * (1 + Math.log(count)) * (postings[p + 2] === 0 ? 2 : 1);
        if (score > best[id]) {
          best[id] = score;
        }
        p += 2 + count;
      }
    });
    return best;
  }

  // Document ids matching every word, best first (ties: lower id first).
  function rank(data, perWord) {
    var total = perWord[0];
    for (var i = 1; i < perWord.length; i++) {
      var scores = perWord[i];
      for (var d = 0; d < total.length; d++) {
        total[d] = total[d] > 0 && scores[d] > 0 ? total[d] + scores[d] : 0;
      }
    }
    var ids = [];
    for (var id = 0; id < total.length; id++) {
      if (total[id] > 0) {
        ids.push(id);
      }
    }
    ids.sort(function (a, b) {
      return total[b] - total[a] || a - b;
    });
    return ids;
  }

  function typeOf(data, id) {
    for (var i = 0; i < data.types.length; i++) {
      var t = data.types[i];
      if (id >= t.from && id < t.to) {
        return t.name;
      }
    }
    return "";
  }

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
    var qwords = queryWords(query);
    if (!qwords.length) {
      show(mine, { query: query, data: null, matched: [], matchers: [], ids: [], filter: null, shown: 0 });
      return;
    }
    panel.setAttribute("aria-busy", "true");
    var data;
    loadIndex()
      .then(function (d) {
        data = d;
        var needed = new Set();
        qwords.forEach(function (w) {
          chunksFor(data, w).forEach(function (n) { needed.add(n); });
          var s = stem(w);
          if (s) {
            chunksFor(data, s).forEach(function (n) { needed.add(n); });
          }
        });
        var numbers = Array.from(needed);
        return Promise.all(numbers.map(loadChunk)).then(function (loaded) {
          var byNumber = new Map();
          numbers.forEach(function (n, i) { byNumber.set(n, loaded[i]); });
          return byNumber;
        });
      })
      .then(function (loaded) {
        if (mine !== generation) {
          return;
        }
        var matched = qwords.map(function (w) { return expand(data, w, loaded); });
        var ids = matched.some(function (terms) { return !terms.length; }) ? [] :
          rank(data, matched.map(function (terms) { return wordScores(data, terms); }));
        var matchers = matched.map(function (terms) {
          return new Set(terms.map(function (t) { return t.term; }));
        });
        // A filter chosen for the last query stays while the new one has results of its type.
        var filter = current && current.filter;
        if (filter && !ids.some(function (id) { return typeOf(data, id) === filter; })) {
          filter = null;
        }
        return show(mine, {
          query: query, data: data, matched: matched, matchers: matchers, ids: ids, filter: filter, shown: 0,
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
    return state.ids.filter(function (id) { return typeOf(state.data, id) === state.filter; });
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
    return Promise.all(ids.map(function (id) { return loadDoc(state.data, id); })).then(function (docs) {
      if (mine !== generation) {
        return [];
      }
      var sections = sectionsOf(state, ids);
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
      var name = typeOf(state.data, id);
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

  // For each of some documents, which query words each of its sections holds, from the
  // postings: Map id -> Map section -> Set of query word indexes. (Reading the texts instead
  // would be slow: the quotations page is one document with thousands of sections.)
  function sectionsOf(state, ids) {
    var wanted = new Map();
    ids.forEach(function (id) { wanted.set(id, new Map()); });
    state.matched.forEach(function (terms, word) {
      terms.forEach(function (t) {
        var postings = t.postings;
        var id = 0;
        for (var p = 0; p + 1 < postings.length;) {
          id += postings[p];
          var count = postings[p + 1];
          if (!(count >= 1) || count % 1 !== 0) {
            break;
          }
          var sections = wanted.get(id);
          if (sections) {
            for (var k = 0; k < count; k++) {
              var n = postings[p + 2 + k];
              var found = sections.get(n);
              if (!found) {
                found = new Set();
                sections.set(n, found);
              }
              found.add(word);
            }
          }
          p += 2 + count;
        }
      });
    });
    return wanted;
  }

  // The query words in a text, and where: [{start, end, of: the query words' indexes}].
  function hitsIn(state, text) {
    var hits = [];
    words(text).forEach(function (w) {
      var of = [];
      for (var i = 0; i < state.matchers.length; i++) {
        if (state.matchers[i].has(w.term)) {
          of.push(i);
        }
      }
      if (of.length) {
        hits.push({ start: w.start, end: w.end, of: of });
      }
    });
    return hits;
  }

  // Where an excerpt of `size` words should start, as an index into `starts` (the offsets of
  // the text's words): a little before the first hit, or before a later one when its window
  // holds more of the query's words.
  function excerptStart(starts, hits, size) {
    var lead = Math.floor(size / 3);
    var at = hits.map(function (h) { return Math.max(0, floorIndex(starts, h.start)); });
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
    var all = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      all.push(m.index);
    }
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
    body.appendChild(excerpt(section, hitsIn(state, section.text), size));
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

    var facts = [typeOf(state.data, id)].concat(doc.meta).filter(Boolean);
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
    loadIndex().catch(function () {});
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
