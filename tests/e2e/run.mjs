#!/usr/bin/env node
// End-to-end browser tests of a built site.
//
//   node tests/e2e/run.mjs [SITE_DIR]        (SITE_DIR defaults to "site")
//
// Serves SITE_DIR on 127.0.0.1 (a free port) under the sub-path /briefing/, drives Debian's
// headless Chromium through playwright-core, injects axe-core for accessibility checks,
// writes screenshots to target/e2e-screenshots/ and ends with the line "N passed, M failed".
// It builds nothing: run `cargo run -p sitegen` first. Environment: CHROMIUM (browser
// binary, default /usr/bin/chromium), E2E_SCREENSHOTS (screenshot folder), E2E_COLOR_SCHEME
// (light, the default, or dark).

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");

const SUITE_TIMEOUT_MS = 110_000; // the whole run, server and browser included
const TEST_TIMEOUT_MS = 30_000; // one test
const ACTION_TIMEOUT_MS = 8_000; // one click, fill or wait
const NAVIGATION_TIMEOUT_MS = 15_000; // one page load
const MOUNT = "/briefing/"; // the site is served under a sub-path to prove relative links
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 360, height: 740 };
const SEARCH_INPUT =
  "header input[type=search], header [role=search] input, header .pagefind-ui__search-input";

const siteDir = path.resolve(process.argv[2] ?? "site");
const shotDir = path.resolve(process.env.E2E_SCREENSHOTS ?? path.join(repoRoot, "target", "e2e-screenshots"));
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const colorScheme = process.env.E2E_COLOR_SCHEME === "dark" ? "dark" : "light";

if (!fs.existsSync(path.join(siteDir, "index.html"))) {
  console.error(`e2e: ${siteDir}/index.html not found; build the site first (cargo run -p sitegen)`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

// ---------------------------------------------------------------- static server

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".webmanifest": "application/manifest+json",
  // Pagefind's index: compressed binary chunks.
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

const realSiteDir = fs.realpathSync(siteDir);
const notFound = []; // every 404 the server gave, for failure messages

function inside(root, file) {
  return file === root || file.startsWith(root + path.sep);
}

function resolveRequest(pathname) {
  if (!pathname.startsWith(MOUNT)) return null;
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(MOUNT.length));
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  const file = path.resolve(realSiteDir, rel);
  if (!inside(realSiteDir, file)) return null;
  let real;
  try {
    real = fs.realpathSync(file); // a symlink may not lead out of the site either
  } catch {
    return null;
  }
  if (!inside(realSiteDir, real)) return null;
  const stat = fs.statSync(real);
  if (stat.isDirectory()) {
    const index = path.join(real, "index.html");
    return fs.existsSync(index) ? { redirect: pathname + "/" } : null;
  }
  return stat.isFile() ? { file: real, size: stat.size } : null;
}

function startServer() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const send = (status, headers, body) => {
      res.writeHead(status, { "Cache-Control": "no-store", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }, "method not allowed\n");
    }
    if (url.pathname === "/" || url.pathname === MOUNT.slice(0, -1)) {
      return send(302, { Location: MOUNT }, "");
    }
    const found = resolveRequest(url.pathname);
    if (!found) {
      notFound.push(url.pathname);
      return send(404, { "Content-Type": "text/plain; charset=utf-8" }, "not found\n");
    }
    if (found.redirect) return send(301, { Location: found.redirect }, "");
    const type = CONTENT_TYPES[path.extname(found.file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, {
      "Content-Type": type,
      "Content-Length": found.size,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff", // a wrong type for a script or style then fails
    });
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(found.file).on("error", () => res.destroy()).pipe(res);
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// ---------------------------------------------------------------- the site's pages

function firstMatching(folder, test) {
  const dir = path.join(siteDir, folder);
  if (!fs.existsSync(dir)) return null;
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(".html") && n !== "index.html").sort();
  for (const name of names) {
    if (!test || test(fs.readFileSync(path.join(dir, name), "utf8"))) return `${folder}/${name}`;
  }
  return null;
}

function firstOverviewEntity() {
  const html = fs.readFileSync(path.join(siteDir, "index.html"), "utf8");
  const m = html.match(/<a class="entity" href="(entities\/[^"#]+\.html)"/);
  return m && fs.existsSync(path.join(siteDir, m[1])) ? m[1] : null;
}

// One page per template. The source is one with cross-references.
const PAGES = {
  index: "index.html",
  source: firstMatching("sources", (html) => /<a class="xref[ "]/.test(html)) ?? firstMatching("sources"),
  entities: "entities/index.html",
  entity: firstOverviewEntity() ?? firstMatching("entities"),
  story: firstMatching("stories"),
  quotes: "quotes.html",
};

// ---------------------------------------------------------------- harness

let browser;
let server;
let base;
const results = [];
const axeFindings = [];
let axeRunCount = 0;
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`${what}: timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function rel(url) {
  return url.startsWith(base) ? url.slice(base.length) : url;
}

// Records console errors, uncaught exceptions, failed requests and HTTP errors of a page.
function watch(page, errors, seen) {
  if (seen.has(page)) return;
  seen.add(page);
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const where = msg.location()?.url ? ` (${rel(msg.location().url)})` : "";
    errors.push(`console error on ${rel(page.url())}: ${msg.text()}${where}`);
  });
  page.on("pageerror", (err) => errors.push(`uncaught exception on ${rel(page.url())}: ${err.message}`));
  page.on("requestfailed", (req) => {
    const why = req.failure()?.errorText ?? "failed";
    if (why.includes("ERR_ABORTED")) return; // a load cut short by a navigation
    errors.push(`request failed on ${rel(page.url())}: ${rel(req.url())} (${why})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()} for ${rel(res.url())}`);
  });
}

async function test(name, fn, { timeout = TEST_TIMEOUT_MS } = {}) {
  const started = Date.now();
  const errors = [];
  const seen = new WeakSet();
  const notes = [];
  let context;
  let failure;
  try {
    context = await browser.newContext({ viewport: WIDE, colorScheme, reducedMotion: "reduce" });
    context.on("page", (p) => watch(p, errors, seen));
    const newPage = async (viewport = WIDE) => {
      const page = await context.newPage();
      watch(page, errors, seen);
      await page.setViewportSize(viewport);
      return page;
    };
    const run = fn({ newPage, note: (line) => notes.push(line) });
    run.catch(() => {}); // a timed-out test may still reject later
    await withTimeout(run, timeout, name);
    check(errors.length === 0, `errors in the browser:\n${errors.map((e) => "    " + e).join("\n")}`);
  } catch (err) {
    failure = err;
  } finally {
    if (context) await withTimeout(context.close(), 5000, "closing the browser context").catch(() => {});
  }
  const ms = Date.now() - started;
  results.push({ name, ok: !failure });
  if (failure) {
    let message = failure instanceof Failure ? failure.message : failure.stack ?? String(failure);
    message = message.replace(/\x1b\[[0-9;]*m/g, ""); // playwright colours its call logs
    if (!(failure instanceof Failure) && errors.length) message += `\n    browser errors:\n${errors.map((e) => "      " + e).join("\n")}`;
    console.log(`FAIL  ${name} (${ms} ms)\n    ${message.replace(/\n/g, "\n    ")}`);
  } else {
    console.log(`ok    ${name} (${ms} ms)`);
  }
  for (const line of notes) console.log(`      ${line}`);
}

async function open(page, relPath) {
  check(relPath, "no page of this kind in the site");
  const response = await page.goto(base + relPath, { waitUntil: "load" });
  check(response && response.status() === 200, `${relPath}: HTTP ${response?.status()}`);
  return page;
}

// The HTTP status of the document the page shows now (after a click, say).
async function documentStatus(page) {
  await page.waitForLoadState("load");
  return page.evaluate(() => performance.getEntriesByType("navigation")[0]?.responseStatus ?? 0);
}

async function headingOf(page) {
  const h1 = page.locator("main h1").first();
  check((await h1.count()) === 1, `${rel(page.url())}: no <h1> in <main>`);
  const text = (await h1.innerText()).trim();
  check(text.length > 0, `${rel(page.url())}: the <h1> is empty`);
  check(await h1.isVisible(), `${rel(page.url())}: the <h1> is not visible`);
  return text;
}

// Clicks a link and waits for the page it leads to.
async function follow(page, link, what, clickTarget = link) {
  const href = await link.evaluate(
    (a) => a.getAttribute("href") ?? a.getAttributeNS("http://www.w3.org/1999/xlink", "href") ?? "",
  );
  const resolved = new URL(href, page.url()).href;
  check(resolved.startsWith(base), `${what} href="${href}" resolves to ${resolved}, outside the site at ${base}`);
  const target = resolved.split("#")[0];
  await Promise.all([
    page.waitForURL((u) => u.href.split("#")[0] === target, { timeout: NAVIGATION_TIMEOUT_MS }),
    clickTarget.click(),
  ]);
  const status = await documentStatus(page);
  check(status === 200, `${what} ${rel(resolved)}: HTTP ${status}`);
  return resolved;
}

// ---------------------------------------------------------------- axe

function describeNode(node) {
  const html = node.html.replace(/\s+/g, " ");
  return `${node.target.join(" ")}  ${html.length > 160 ? html.slice(0, 157) + "..." : html}`;
}

async function axe(page, label, note) {
  axeRunCount += 1;
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, impact: n.impact })),
      })),
    ),
  );
  const order = { critical: 0, serious: 1, moderate: 2, minor: 3 };
  result.sort((a, b) => (order[a.impact] ?? 4) - (order[b.impact] ?? 4));
  const lines = [];
  for (const v of result) {
    axeFindings.push({ page: label, ...v });
    lines.push(`${v.impact ?? "?"}: ${v.id} (${v.help}), ${v.nodes.length} element(s)`);
    for (const n of v.nodes.slice(0, 5)) lines.push(`    ${describeNode(n)}`);
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
  }
  const blocking = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (blocking.length === 0) {
    for (const line of lines) note(`axe ${line}`);
  }
  check(blocking.length === 0, `${blocking.length} serious or critical axe violation(s) on ${label}:\n  ${lines.join("\n  ")}`);
}

// ---------------------------------------------------------------- the tests

async function suite() {
  await test("server serves the site under a sub-path, and nothing else", async () => {
    const get = (p) => fetch(new URL(p, base), { redirect: "manual" });
    const index = await get("index.html");
    check(index.status === 200, `index.html: HTTP ${index.status}`);
    check(index.headers.get("content-type").startsWith("text/html"), "index.html is not served as text/html");
    const css = await get("static/style.css");
    check(css.headers.get("content-type").startsWith("text/css"), "style.css is not served as text/css");
    for (const bad of ["missing.html", "../Cargo.toml", "..%2fCargo.toml", "static/..%2f..%2fCargo.toml", "/index.html"]) {
      const res = await get(bad);
      check(res.status === 404, `${bad} was served with HTTP ${res.status}, expected 404`);
    }
  });

  await test("index loads at 1280 px with no console error", async ({ newPage }) => {
    const page = await open(await newPage(WIDE), PAGES.index);
    await headingOf(page);
    check((await page.title()).trim().length > 0, "index.html has an empty <title>");
    check(await page.locator("header nav").first().isVisible(), "the header nav is not visible at 1280 px");
  });

  await test("an entity link in the overview leads to an entity page", async ({ newPage, note }) => {
    const page = await open(await newPage(), PAGES.index);
    const link = page.locator("main .overview a.entity").first();
    check((await link.count()) === 1, "no a.entity inside the overview (main .overview) of index.html");
    const name = (await link.innerText()).trim();
    const url = await follow(page, link, `entity link "${name}"`);
    check(/\/entities\/[^/]+\.html$/.test(url), `the entity link "${name}" led to ${rel(url)}, not entities/<id>.html`);
    note(`"${name}" -> ${rel(url)}: "${await headingOf(page)}"`);
  });

  await test("a cross-reference leads to the target paragraph of another source", async ({ newPage, note }) => {
    const page = await open(await newPage(), PAGES.source);
    const link = page.locator("main a.xref").first();
    check((await link.count()) === 1, `${PAGES.source} has no a.xref`);
    const url = await follow(page, link, "cross-reference");
    const target = new URL(url);
    check(/\/sources\/[^/]+\.html$/.test(target.pathname), `the cross-reference led to ${rel(url)}, not a source page`);
    check(!target.pathname.endsWith("/" + PAGES.source), `the cross-reference on ${PAGES.source} points to the same source`);
    check(/^#p\d+$/.test(target.hash), `the cross-reference ${rel(url)} has no #pN fragment`);
    const id = target.hash.slice(1);
    const para = page.locator(`[id="${id}"]`);
    check((await para.count()) === 1, `${rel(url)}: no element with id="${id}"`);
    const inView = await para.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    check(inView, `${rel(url)}: the target paragraph #${id} is not scrolled into view`);
    note(`${PAGES.source} -> ${rel(url)}`);
  });

  await test("the first timeline mark leads to a story or source page", async ({ newPage, note }) => {
    const page = await open(await newPage(), PAGES.index);
    const mark = page.locator("svg.timeline-map a").first();
    const found = await mark.waitFor({ state: "attached", timeout: 3000 }).then(() => true, () => false);
    check(found, "index.html has no timeline mark (svg.timeline-map a): is the timeline built?");
    // Click the mark's shape, as a reader would: the centre of the link's box may fall
    // between the shape and its label.
    const shape = mark.locator("circle, rect, ellipse, path, polygon, use, text").first();
    const url = await follow(page, mark, "timeline mark", (await shape.count()) ? shape : mark);
    check(/\/(stories|sources)\/[^/]+\.html$/.test(url.split("#")[0]), `the timeline mark led to ${rel(url)}, not a story or source page`);
    note(`-> ${rel(url)}: "${await headingOf(page)}"`);
  });

  await test('search for "hotbed" finds the New Arab source or the quotes page', async ({ newPage, note }) => {
    const page = await open(await newPage(), PAGES.index);
    const input = page.locator(SEARCH_INPUT).first();
    const found = await input.waitFor({ state: "visible", timeout: 5000 }).then(() => true, () => false);
    check(found, `index.html has no visible search input in the header (${SEARCH_INPUT}): is the search built?`);
    // Links on the page before searching are not results (the nav links to quotes.html).
    await page.evaluate(() => document.querySelectorAll("a").forEach((a) => a.setAttribute("data-e2e-before", "")));
    await input.click();
    await input.pressSequentially("hotbed", { delay: 20 });
    const wanted = /\/sources\/[^/]*new-arab[^/]*\.html|\/quotes\.html/;
    const handle = await page
      .waitForFunction(
        (pattern) => {
          const re = new RegExp(pattern);
          return [...document.querySelectorAll("a[href]:not([data-e2e-before])")].find(
            (a) => re.test(new URL(a.getAttribute("href"), location.href).pathname) && a.getClientRects().length > 0,
          );
        },
        wanted.source,
        { timeout: 10_000 },
      )
      .catch(() => null);
    if (!handle) {
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll("a[href]:not([data-e2e-before])")].map((a) => a.getAttribute("href")).slice(0, 10),
      );
      check(false, `no search result linking to the New Arab source or quotes.html within 10 s; new links: ${JSON.stringify(shown)}`);
    }
    const link = handle.asElement();
    const text = (await link.innerText()).trim().replace(/\s+/g, " ");
    const url = await follow(page, link, "search result");
    const body = await page.locator("main").innerText();
    check(/hotbed/i.test(body), `the search result ${rel(url)} does not contain "hotbed"`);
    note(`"${text.slice(0, 80)}" -> ${rel(url)}`);
  });

  await test('entity index filter: "isis" leaves one row, Islamic State', async ({ newPage }) => {
    const page = await open(await newPage(), PAGES.entities);
    const input = page.locator("#entity-filter-text");
    check(await input.isVisible(), "#entity-filter-text is not visible (did entities.js run?)");
    await input.fill("isis");
    const rows = page.locator("main table tbody tr:visible");
    await page.waitForFunction(() => document.querySelectorAll("main table tbody tr:not([hidden])").length < 5);
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    check(texts.length === 1, `"isis" leaves ${texts.length} visible rows, expected 1: ${JSON.stringify(texts)}`);
    check(/Islamic State/.test(texts[0]), `"isis" leaves the row "${texts[0]}", expected Islamic State`);
  });

  await test("at 360 px no template overflows horizontally and the header nav is visible", async ({ newPage, note }) => {
    const problems = [];
    const page = await newPage(NARROW);
    for (const [kind, relPath] of Object.entries(PAGES)) {
      await open(page, relPath);
      const m = await page.evaluate(() => {
        const width = innerWidth;
        const wide = [];
        for (const el of document.querySelectorAll("body *")) {
          const r = el.getBoundingClientRect();
          if (r.right > width + 0.5 && r.width > 0) {
            // Only the outermost offender of each branch.
            if (!wide.some((w) => w.el.contains(el))) wide.push({ el, right: Math.round(r.right) });
          }
        }
        const name = (el) =>
          el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.classList.length ? "." + [...el.classList].join(".") : "");
        const nav = document.querySelector("header nav");
        const nr = nav?.getBoundingClientRect();
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: width,
          wide: wide.slice(0, 5).map((w) => `${name(w.el)} (right edge ${w.right})`),
          nav: nav ? { left: nr.left, right: nr.right, height: nr.height } : null,
        };
      });
      if (m.scrollWidth > m.innerWidth) {
        problems.push(`${kind} (${relPath}): scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}; widest: ${m.wide.join(", ") || "?"}`);
      }
      const navVisible = await page.locator("header nav").first().isVisible().catch(() => false);
      if (!m.nav || !navVisible || m.nav.height === 0) {
        problems.push(`${kind} (${relPath}): the header nav is not visible`);
      } else if (m.nav.left < 0 || m.nav.right > m.innerWidth + 0.5) {
        problems.push(`${kind} (${relPath}): the header nav sticks out of the viewport (${Math.round(m.nav.left)}..${Math.round(m.nav.right)})`);
      }
    }
    check(problems.length === 0, problems.join("\n"));
    note(`checked ${Object.keys(PAGES).join(", ")}`);
  });

  await test("keyboard: the first Tab focuses the skip link, with a visible focus outline", async ({ newPage }) => {
    const page = await open(await newPage(), PAGES.index);
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        cls: el.className,
        text: el.textContent.trim(),
        href: el.getAttribute("href"),
        outlineStyle: s.outlineStyle,
        outlineWidth: parseFloat(s.outlineWidth) || 0,
        boxShadow: s.boxShadow,
        inView: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
      };
    });
    const isSkip = f.tag === "a" && (/\bskip-link\b/.test(f.cls) || /skip/i.test(f.text));
    check(isSkip, `the first Tab focuses <${f.tag} class="${f.cls}">${f.text.slice(0, 40)}</${f.tag}>, not the skip link`);
    const outlined = (f.outlineStyle !== "none" && f.outlineWidth > 0) || (f.boxShadow && f.boxShadow !== "none");
    check(outlined, `the focused skip link has no focus outline (outline-style ${f.outlineStyle}, width ${f.outlineWidth}px, box-shadow ${f.boxShadow})`);
    check(f.inView, "the focused skip link is not inside the viewport");
    check(f.href && f.href.startsWith("#"), `the skip link points to ${f.href}, not a fragment`);
    await page.keyboard.press("Enter");
    const after = await page.evaluate(() => ({ hash: location.hash, active: document.activeElement?.id }));
    check(after.hash === f.href, `Enter on the skip link left the URL at "${after.hash}"`);
    check(after.active === f.href.slice(1), `Enter on the skip link moved focus to #${after.active}, not ${f.href}`);
  });

  const axeRuns = [
    ...Object.keys(PAGES).map((kind) => [kind, WIDE]),
    ["index", NARROW],
    ["source", NARROW],
  ];
  for (const [kind, viewport] of axeRuns) {
    await test(`axe: ${kind} at ${viewport.width} px has no serious or critical violation`, async ({ newPage, note }) => {
      const page = await open(await newPage(viewport), PAGES[kind]);
      await axe(page, `${kind} (${PAGES[kind]}) at ${viewport.width} px`, note);
    });
  }

  await test("screenshots of the index, a source, a story and an entity at 360 and 1280 px", async ({ newPage }) => {
    for (const viewport of [NARROW, WIDE]) {
      const page = await newPage(viewport);
      for (const kind of ["index", "source", "story", "entity"]) {
        await open(page, PAGES[kind]);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: path.join(shotDir, `${kind}-${viewport.width}.png`), fullPage: true, timeout: 15_000 });
      }
    }
  }, { timeout: 60_000 });
}

// ---------------------------------------------------------------- main

async function cleanup() {
  if (browser) await withTimeout(browser.close(), 10_000, "closing the browser").catch(() => {});
  if (server) {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
  browser = server = undefined;
}

function summary() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const byImpact = (...impacts) => axeFindings.filter((f) => impacts.includes(f.impact)).length;
  console.log(
    `\naxe: ${byImpact("critical", "serious")} serious or critical, ${byImpact("moderate")} moderate and ` +
      `${byImpact("minor")} minor violation(s) in ${axeRunCount} page run(s)`,
  );
  if (fs.existsSync(shotDir)) {
    const shots = fs.readdirSync(shotDir).filter((n) => n.endsWith(".png")).sort();
    console.log(`\nscreenshots in ${shotDir}:`);
    for (const name of shots) {
      const kind = name.replace(/-\d+\.png$/, "");
      console.log(`  ${name.padEnd(18)} ${String(fs.statSync(path.join(shotDir, name)).size).padStart(9)} bytes  ${PAGES[kind] ?? ""}`);
    }
    if (shots.length === 0) console.log("  (none)");
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed;
}

async function main() {
  const started = Date.now();
  fs.rmSync(shotDir, { recursive: true, force: true });
  fs.mkdirSync(shotDir, { recursive: true });

  server = await startServer();
  base = `http://127.0.0.1:${server.address().port}${MOUNT}`;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 30_000,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Nothing leaves this machine: every host name but the local server fails to resolve.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
  console.log(`e2e: ${siteDir} served at ${base}; Chromium ${browser.version()}, ${colorScheme} colour scheme`);
  console.log(`e2e: pages: ${Object.entries(PAGES).map(([k, v]) => `${k}=${v ?? "(none)"}`).join(", ")}\n`);

  await suite();
  await cleanup();
  console.log(`\ne2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return summary();
}

const watchdog = setTimeout(async () => {
  console.log(`FAIL  the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
  results.push({ name: "suite time limit", ok: false });
  await cleanup();
  summary();
  process.exit(1);
}, SUITE_TIMEOUT_MS);
watchdog.unref();

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}

main().then(
  (failed) => {
    clearTimeout(watchdog);
    process.exit(failed ? 1 : 0);
  },
  async (err) => {
    clearTimeout(watchdog);
    console.log(`FAIL  e2e harness: ${err.stack ?? err}`);
    results.push({ name: "harness", ok: false });
    await cleanup();
    summary();
    process.exit(1);
  },
);
