// The search engine behind the header's search box: words, matching, ranking, and fetching
// the index's files. static/search.js, loaded after this file (both `defer`, which keeps
// their order), draws the box and its results. There is no DOM here, only a fetch function
// and the index's URL, so tests/e2e/search-engine.test.mjs runs this same file in Node.
//
// The build writes the index into search/ at the site root (format: crates/searchindex,
// "Format, version 1"): index.json, term chunks (terms/<n>.json, each holding a range of the
// sorted terms with their postings) and document files (docs/<n>.json, each holding a run of
// documents with their text cut into sections). A searcher loads index.json when first asked
// (search.js asks when the reader first focuses the box or types), then for each query only
// the term chunks its words fall in and the document files of the results shown, and keeps
// all of them for later queries.
//
// Matching: every query word must match (AND). A word matches the terms equal to it (weight
// 1), the terms it begins (0.6), and, when it has 5 or more letters, the terms beginning with
// it less one English suffix (0.5): "negotiat" finds "negotiations", "talks" finds "talked".
// Ranking: a document's score adds, for each query word, the best of its terms' weight × idf ×
// (1 + ln sections holding it), doubled when the term is in the header (title and facts).
//
// The site has no modules and no bundler, and its policy runs only its own script files:
// everything is one global object, SitegenSearch.
(function (global) {
  "use strict";

  var MAX_TERMS = 200; // terms one query word may expand to (the most frequent are kept)
  var SUFFIXES = ["ies", "ing", "es", "ed", "s"]; // longest first
  // The rule of crates/searchindex/src/words.rs, which the two must share exactly.
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;

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

  // Every run of letters and digits in `text`, as regular expression matches.
  function runs(text) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      out.push(m);
    }
    return out;
  }

  // The words of `text` as the index cuts them: runs of letters and digits, 2 to 40 of them,
  // lowercased. Each is {term, start, end} (offsets into text).
  function words(text) {
    return runs(text)
      .filter(function (m) {
        var n = codePoints(m[0]);
        return n >= 2 && n <= 40;
      })
      .map(function (m) {
        return { term: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length };
      });
  }

  // Where every run of letters and digits in `text` starts, whatever its length: the places
  // an excerpt may begin or end.
  function wordStarts(text) {
    return runs(text).map(function (m) {
      return m.index;
    });
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

  // ------------------------------------------------------------------ the index's files

  function isCount(n) {
    return typeof n === "number" && n >= 0 && n % 1 === 0;
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

  // A searcher of the index in the folder `base` (a URL ending in "search/"), fetching with
  // `fetchFn(url, init)`, which answers like the browser's fetch. It keeps every file it has
  // fetched for later queries.
  function createSearcher(fetchFn, base) {
    var index = null; // the promise of index.json, checked
    var chunks = new Map(); // term chunk number -> promise of {keys (sorted), terms}
    var docFiles = new Map(); // document file number -> promise of its documents

    function getJSON(path) {
      return fetchFn(new URL(path, base), { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(path + ": HTTP " + response.status);
        }
        return response.json();
      });
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

    // The index and the term chunks the words of a query fall in (with their stems):
    // {data, chunks: Map chunk number -> chunk}, for match().
    function load(qwords) {
      return loadIndex().then(function (data) {
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
          return { data: data, chunks: byNumber };
        });
      });
    }

    // Document `id` (checked), or null.
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

    // A whole query at once: load() then match(); null for a query with no word.
    function search(query) {
      var qwords = queryWords(query);
      if (!qwords.length) {
        return Promise.resolve(null);
      }
      return load(qwords).then(function (loaded) {
        return match(loaded.data, qwords, loaded.chunks);
      });
    }

    return { loadIndex: loadIndex, load: load, loadDoc: loadDoc, search: search };
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

  // The answer to the words of a query (queryWords) from the index and their chunks (what
  // a searcher's load() gives): {data, matched: each word's terms (expand), matchers: each
  // word's terms as a Set, ids: the matching documents, best first}.
  function match(data, qwords, loaded) {
    var matched = qwords.map(function (w) { return expand(data, w, loaded); });
    var ids = matched.some(function (terms) { return !terms.length; }) ? [] :
      rank(data, matched.map(function (terms) { return wordScores(data, terms); }));
    var matchers = matched.map(function (terms) {
      return new Set(terms.map(function (t) { return t.term; }));
    });
    return { data: data, matched: matched, matchers: matchers, ids: ids };
  }

  // The name of the type document `id` is of ("Source", "Quotation"…), or "".
  function typeOf(data, id) {
    for (var i = 0; i < data.types.length; i++) {
      var t = data.types[i];
      if (id >= t.from && id < t.to) {
        return t.name;
      }
    }
    return "";
  }

  // For each of some documents, which query words each of its sections holds, from the
  // postings of `matched` (match()): Map id -> Map section -> Set of query word indexes.
  // (Reading the texts instead would be slow: the quotations page is one document with
  // thousands of sections.)
  function sectionsOf(matched, ids) {
    var wanted = new Map();
    ids.forEach(function (id) { wanted.set(id, new Map()); });
    matched.forEach(function (terms, word) {
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

  // The query words in a text, and where: [{start, end, of: the query words' indexes}], for
  // the `matchers` of match().
  function hitsIn(matchers, text) {
    var hits = [];
    words(text).forEach(function (w) {
      var of = [];
      for (var i = 0; i < matchers.length; i++) {
        if (matchers[i].has(w.term)) {
          of.push(i);
        }
      }
      if (of.length) {
        hits.push({ start: w.start, end: w.end, of: of });
      }
    });
    return hits;
  }

  global.SitegenSearch = Object.freeze({
    words: words,
    wordStarts: wordStarts,
    queryWords: queryWords,
    stem: stem,
    floorIndex: floorIndex,
    chunksFor: chunksFor,
    checkedDoc: checkedDoc,
    createSearcher: createSearcher,
    expand: expand,
    wordScores: wordScores,
    rank: rank,
    match: match,
    typeOf: typeOf,
    sectionsOf: sectionsOf,
    hitsIn: hitsIn,
  });
})(globalThis);
