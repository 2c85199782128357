#!/usr/bin/env node
// Tests of the search engine (static/search-engine.js) without a browser.
//
//   node tests/e2e/search-engine.test.mjs [SITE_DIR]        (SITE_DIR defaults to "site")
//
// Runs the built site's static/search-engine.js in a `vm` context (no DOM, no fetch: only
// what the engine may use) and points it at the site's search/ folder through a fetch that
// reads the files from disk. It checks what a reader relies on: words are cut as the Rust
// index cuts them (crates/searchindex/src/words.rs), every query word must match, prefixes
// and suffix stripping find longer words, and the order of results does not change between
// runs. Ends with the line "N passed, M failed" and exits non-zero on a failure. It builds
// nothing: run `cargo run -p sitegen` first.

import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath, pathToFileURL } from "node:url";

const siteDir = path.resolve(process.argv[2] ?? "site");
const searchDir = path.join(siteDir, "search");
const engineFile = path.join(siteDir, "static", "search-engine.js");

for (const file of [path.join(searchDir, "index.json"), engineFile]) {
  if (!fs.existsSync(file)) {
    console.error(`search-engine: ${file} not found; build the site first (cargo run -p sitegen)`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

// ---------------------------------------------------------------- the engine, in a sandbox

// The engine's only outside needs: URL, timers (it retries a failed index.json later) and
// the fetch function it is given.
const context = vm.createContext({ URL, setTimeout, clearTimeout });
vm.runInContext(fs.readFileSync(engineFile, "utf8"), context, { filename: engineFile });
const engine = context.SitegenSearch;
const base = pathToFileURL(searchDir + path.sep);

// Answers like fetch(), from the files under search/ only.
function fetchFromDisk(url) {
  const missing = { ok: false, status: 404, json: () => Promise.reject(new Error("404")) };
  const u = new URL(String(url));
  if (u.protocol !== "file:") return Promise.resolve(missing);
  const file = fileURLToPath(u);
  if (!file.startsWith(searchDir + path.sep)) return Promise.resolve(missing);
  return fs.promises.readFile(file, "utf8").then(
    (text) => ({ ok: true, status: 200, json: () => Promise.resolve(JSON.parse(text)) }),
    () => missing,
  );
}

const searcher = engine.createSearcher(fetchFromDisk, base);

// The answer to a query: {ids, urls} (plain arrays of this realm), best first.
async function search(query, using = searcher) {
  const answer = await using.search(query);
  if (!answer) return { ids: [], urls: [] };
  const docs = await Promise.all(Array.from(answer.ids, (id) => using.loadDoc(answer.data, id)));
  return { ids: Array.from(answer.ids), urls: docs.map((d) => (d ? d.url : null)) };
}

// Every document of the index whose text (title, facts or a section) holds `word` as a
// whole word, read from the document files directly rather than through the engine.
function documentsHolding(word) {
  const index = JSON.parse(fs.readFileSync(path.join(searchDir, "index.json"), "utf8"));
  const re = new RegExp(`(?<![\\p{Alphabetic}\\p{N}])${word}(?![\\p{Alphabetic}\\p{N}])`, "iu");
  const urls = [];
  index.doc_files.forEach((_, n) => {
    const docs = JSON.parse(fs.readFileSync(path.join(searchDir, "docs", `${n}.json`), "utf8"));
    for (const doc of docs) {
      const texts = [doc.title, ...(doc.meta ?? []), ...(doc.sections ?? []).map((s) => s[2])];
      if (texts.some((t) => typeof t === "string" && re.test(t))) urls.push(doc.url);
    }
  });
  return urls;
}

// ---------------------------------------------------------------- tests

const results = [];

async function test(name, body) {
  try {
    await body();
    results.push(true);
    console.log(`ok    ${name}`);
  } catch (err) {
    results.push(false);
    console.log(`FAIL  ${name}\n      ${String(err?.message ?? err).replace(/\n/g, "\n      ")}`);
  }
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

await test("words are cut as crates/searchindex/src/words.rs cuts them", () => {
  const text = "Kerry's talks in Genève, 9 Sept. 2016";
  const want = ["kerry", "talks", "in", "genève", "sept", "2016"];
  const got = Array.from(engine.words(text), (w) => w.term);
  check(same(got, want), `words(${JSON.stringify(text)}) = ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
  const query = Array.from(engine.queryWords(`${text} kerry TALKS`));
  check(same(query, want), `queryWords keeps repeated words: ${JSON.stringify(query)}`);
});

await test('"hotbed" finds the New Arab source, a quotation and the overview', async () => {
  const { urls } = await search("hotbed");
  for (const want of ["sources/2016-07-15-new-arab-kerry-moscow.html", "index.html"]) {
    check(urls.includes(want), `no ${want} in ${JSON.stringify(urls)}`);
  }
  check(urls.some((u) => u && u.startsWith("quotes.html#q")), `no quotation (quotes.html#q…) in ${JSON.stringify(urls)}`);
});

await test('every word must match: "kerry moscow" gives some of "kerry"\'s results, no other', async () => {
  const kerry = await search("kerry");
  const both = await search("kerry moscow");
  check(both.ids.length > 0, '"kerry moscow" finds nothing');
  check(both.ids.length < kerry.ids.length, `"kerry moscow" finds ${both.ids.length}, "kerry" ${kerry.ids.length}: no narrower`);
  const extra = both.urls.filter((u) => !kerry.urls.includes(u));
  check(extra.length === 0, `"kerry moscow" finds what "kerry" does not: ${JSON.stringify(extra)}`);
  const none = await search("kerry zzzqqqxx");
  check(none.ids.length === 0, `a word found nowhere still gives ${none.ids.length} result(s)`);
});

const negotiations = documentsHolding("negotiations");

for (const [query, how] of [["negotiat", "as a prefix"], ["negotiated", "less its suffix"]]) {
  await test(`"${query}" (${how}) finds every document holding "negotiations"`, async () => {
    check(negotiations.length > 0, 'no document holds "negotiations": the test has nothing to find');
    const { urls } = await search(query);
    const missed = negotiations.filter((u) => !urls.includes(u));
    check(missed.length === 0, `"${query}" misses ${JSON.stringify(missed)} (found ${JSON.stringify(urls)})`);
  });
}

await test("ranking is deterministic: the same query gives the same order, cached or fresh", async () => {
  for (const query of ["kerry", "russia syria", "negotiat"]) {
    const first = await search(query);
    const again = await search(query);
    const fresh = await search(query, engine.createSearcher(fetchFromDisk, base));
    check(first.ids.length > 0, `"${query}" finds nothing`);
    check(same(first.ids, again.ids), `"${query}" twice: ${JSON.stringify(first.ids)} then ${JSON.stringify(again.ids)}`);
    check(same(first.ids, fresh.ids), `"${query}" with a new searcher: ${JSON.stringify(first.ids)} then ${JSON.stringify(fresh.ids)}`);
  }
});

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
