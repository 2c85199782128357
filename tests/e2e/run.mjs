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
// (light, the default, or dark), SITEGEN_BIN (the sitegen binary for the `sitegen serve` test;
// default target/debug/sitegen or target/release/sitegen, whichever is newer; the test is
// skipped when there is none).
//
// Every page is opened under the site's Content-Security-Policy (its <meta> tag): any CSP
// violation (a securitypolicyviolation event, or a console message about the policy) fails
// the test it happens in, like any other console error.

import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");

const SUITE_TIMEOUT_MS = 150_000; // the whole run, server and browser included
const TEST_TIMEOUT_MS = 30_000; // one test
const ACTION_TIMEOUT_MS = 8_000; // one click, fill or wait
const NAVIGATION_TIMEOUT_MS = 15_000; // one page load
const MOUNT = "/briefing/"; // the site is served under a sub-path to prove relative links
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 360, height: 740 };
const SEARCH_INPUT = "header [role=search] input[type=search]";

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
// A speaker named outside the catalogue has a page of their own (none in the seeds, whose
// quoted people are all in the catalogue).
const SPEAKER_PAGE = firstMatching("speakers");
if (SPEAKER_PAGE) PAGES.speaker = SPEAKER_PAGE;

// A source with a passage many sources carry, counted in its margin and linked to its row on
// the story page (none in the seeds: their passages have one or two other carriers).
const WIDE_SOURCE = firstMatching("sources", (html) => /<a class="xref-story" href="[^"]*#p\d+"/.test(html));

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

// What Chromium prints when the Content-Security-Policy blocks something, or ignores a directive.
const CSP_MESSAGE = /Content[- ]Security[- ]Policy|Refused to /i;

// Runs in every page before its own scripts: reports each CSP violation to the test
// (window.__e2eCspViolation is a binding exposed on the browser context, see test()).
function cspListener() {
  const report = (e) =>
    window.__e2eCspViolation?.({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
      disposition: e.disposition,
    });
  document.addEventListener("securitypolicyviolation", report, true);
}

// Records console errors, uncaught exceptions, failed requests and HTTP errors of a page, and
// any console message about the Content-Security-Policy, whatever its level.
function watch(page, errors, seen) {
  if (seen.has(page)) return;
  seen.add(page);
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  page.on("console", (msg) => {
    const csp = CSP_MESSAGE.test(msg.text());
    if (msg.type() !== "error" && !csp) return;
    const where = msg.location()?.url ? ` (${rel(msg.location().url)})` : "";
    errors.push(`${csp ? "CSP: " : ""}console ${msg.type()} on ${rel(page.url())}: ${msg.text()}${where}`);
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
  const allowed = []; // patterns of browser errors a test provokes on purpose
  const violations = []; // every CSP violation reported in this test
  let context;
  let failure;
  try {
    context = await browser.newContext({ viewport: WIDE, colorScheme, reducedMotion: "reduce" });
    await context.exposeBinding("__e2eCspViolation", ({ page }, v) => {
      const text =
        `CSP violation on ${rel(page?.url() ?? "?")}: ${v.directive} blocked ${v.blocked || "?"}` +
        `${v.source ? ` (${rel(v.source)}:${v.line})` : ""}${v.sample ? ` sample "${v.sample}"` : ""}`;
      violations.push({ ...v, text });
      errors.push(text);
    });
    await context.addInitScript(cspListener);
    context.on("page", (p) => watch(p, errors, seen));
    const newPage = async (viewport = WIDE) => {
      const page = await context.newPage();
      watch(page, errors, seen);
      await page.setViewportSize(viewport);
      return page;
    };
    const allow = (pattern) => allowed.push(pattern);
    const run = fn({ newPage, note: (line) => notes.push(line), allow, violations, context });
    run.catch(() => {}); // a timed-out test may still reject later
    await withTimeout(run, timeout, name);
    const unexpected = errors.filter((e) => !allowed.some((re) => re.test(e)));
    check(unexpected.length === 0, `errors in the browser:\n${unexpected.map((e) => "    " + e).join("\n")}`);
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
  // Evaluated through the DevTools protocol, not added as an inline <script>, which the
  // site's Content-Security-Policy refuses.
  await page.evaluate(axeSource);
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

// ---------------------------------------------------------------- Content-Security-Policy

// The policy as the page's <meta> tags give it, and where the first one stands in <head>.
async function policyOf(page) {
  return page.evaluate(() => {
    const metas = [...document.querySelectorAll("meta[http-equiv]")].filter(
      (m) => m.httpEquiv.toLowerCase() === "content-security-policy",
    );
    const head = [...document.head.children];
    const firstLoad = head.findIndex((el) => el.matches("script, link, style, base"));
    const at = metas[0] ? head.indexOf(metas[0]) : -1;
    return {
      count: metas.length,
      inHead: metas.length > 0 && metas.every((m) => m.parentElement === document.head),
      beforeLoads: at !== -1 && (firstLoad === -1 || at < firstLoad),
      content: metas[0]?.content ?? "",
    };
  });
}

function parsePolicy(content) {
  const directives = new Map();
  for (const part of content.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    // A repeated directive is ignored by browsers: the first one counts.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

// What the default theme's policy promises (themes/default/README.md, "Content-Security-Policy").
function policyProblems(content) {
  const d = parsePolicy(content);
  const problems = [];
  const fallback = d.get("default-src");
  const script = d.get("script-src") ?? fallback;
  if (!script) {
    problems.push("no script-src and no default-src: any script may run");
  } else {
    if (!script.includes("'self'")) problems.push("script-src lacks 'self'");
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:", "http:", "https:"]) {
      if (script.includes(bad)) problems.push(`script-src allows ${bad}`);
    }
  }
  for (const name of ["script-src-elem", "script-src-attr", "style-src", "style-src-elem", "style-src-attr"]) {
    if ((d.get(name) ?? []).includes("'unsafe-inline'")) problems.push(`${name} allows 'unsafe-inline'`);
  }
  const object = (d.get("object-src") ?? fallback ?? []).join(" ");
  if (object !== "'none'") problems.push(`object-src is "${object}", not 'none'`);
  if ((d.get("base-uri") ?? []).join(" ") !== "'none'") problems.push("base-uri is not 'none'");
  if (!d.has("form-action")) problems.push("no form-action (it does not fall back to default-src)");
  for (const name of ["frame-ancestors", "report-uri", "sandbox"]) {
    if (d.has(name)) problems.push(`${name} is ignored in a <meta> policy (and Chromium logs an error)`);
  }
  return problems;
}

// Every HTML file of the site, relative to it.
function htmlFiles(dir = realSiteDir, prefix = "") {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relPath = prefix + entry.name;
    if (entry.isDirectory()) out.push(...htmlFiles(path.join(dir, entry.name), relPath + "/"));
    else if (entry.name.endsWith(".html")) out.push(relPath);
  }
  return out.sort();
}

// ---------------------------------------------------------------- sitegen serve

// The sitegen binary for the live-reload test: SITEGEN_BIN, or the newer of the debug and
// release builds in target/.
function sitegenBinary() {
  if (process.env.SITEGEN_BIN) return process.env.SITEGEN_BIN;
  const builds = ["debug", "release"]
    .map((profile) => path.join(repoRoot, "target", profile, "sitegen"))
    .filter((file) => fs.existsSync(file));
  builds.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return builds[0] ?? null;
}

let serveChild; // the running `sitegen serve`, stopped by cleanup() if a test could not

// Starts `sitegen serve --port 0` on a copy of content/ (themes/ linked beside it, as the
// project layout wants) and resolves to {dir, url} once it prints its address.
async function startServe(bin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sitegen-e2e-serve-"));
  fs.cpSync(path.join(repoRoot, "content"), path.join(dir, "content"), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, "themes"), path.join(dir, "themes"));
  const args = ["serve", "--content", path.join(dir, "content"), "--output", path.join(dir, "site"), "--port", "0"];
  const child = spawn(bin, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  serveChild = child;
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const url = await withTimeout(
    new Promise((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        const m = out.match(/serving (http:\/\/\S+?)\/?\s/);
        if (m) resolve(m[1] + "/");
      });
      child.once("error", reject);
      child.once("exit", (code) => reject(new Failure(`sitegen serve exited with ${code} before serving:\n${stderr}`)));
    }),
    20_000,
    "sitegen serve's first build",
  );
  return { dir, url, child, stderr: () => stderr };
}

async function stopServe(serve) {
  const child = serve?.child ?? serveChild;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await withTimeout(exited, 5000, "stopping sitegen serve").catch(() => child.kill("SIGKILL"));
  }
  if (serve?.dir) fs.rmSync(serve.dir, { recursive: true, force: true });
  if (child === serveChild) serveChild = undefined;
}

// ---------------------------------------------------------------- search

// Types a query into the header's search box and waits for its answer; returns the status
// line ("12 results for “kerry”").
async function searchFor(page, query) {
  const input = page.locator(SEARCH_INPUT).first();
  const found = await input.waitFor({ state: "visible", timeout: 5000 }).then(() => true, () => false);
  check(found, `${rel(page.url())}: no visible search box in the header (${SEARCH_INPUT})`);
  await input.fill("");
  await input.click();
  await input.pressSequentially(query, { delay: 10 });
  const done = await page
    .waitForFunction(
      (q) => {
        const status = document.querySelector(".site-search-status");
        return status && status.textContent.includes(`\u201c${q}\u201d`) && !document.querySelector(".site-search-results[aria-busy]");
      },
      query,
      { timeout: 10_000 },
    )
    .then(() => true, () => false);
  const status = (await page.locator(".site-search-status").textContent().catch(() => "")) ?? "";
  check(done, `no answer to "${query}" within 10 s (status: "${status}")`);
  return status.trim();
}

// Every result of a query (title links, clicking "More results" until it goes) and the count
// the status announces.
async function allResults(page, query) {
  const status = await searchFor(page, query);
  const count = /^No results/.test(status) ? 0 : Number(status.match(/^([\d,]+) results?/)?.[1].replace(/,/g, "") ?? NaN);
  const more = page.locator(".site-search-more");
  for (let i = 0; i < 100 && (await more.isVisible()); i++) {
    const shown = await page.locator(".site-search-result").count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll(".site-search-result").length > n, shown);
  }
  const titles = await page.locator(".site-search-title a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  return { count, titles };
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

  await test("a widely carried passage's note leads to its row on the story page", async ({ newPage, note }) => {
    if (!WIDE_SOURCE) {
      note("no widely carried passage in this site: nothing to follow");
      return;
    }
    const page = await open(await newPage(), WIDE_SOURCE);
    const wide = page.locator("main .xref-wide").first();
    const named = await wide.locator("a.xref").count();
    check(named >= 1 && named <= 3, `${WIDE_SOURCE}: a wide note names ${named} outlets, not one to three`);
    const link = wide.locator("a.xref-story");
    check((await link.count()) === 1, `${WIDE_SOURCE}: the first wide note has no a.xref-story`);
    const url = await follow(page, link, "story-page link");
    const target = new URL(url);
    check(/\/stories\/[^/]+\.html$/.test(target.pathname), `the note led to ${rel(url)}, not a story page`);
    const id = target.hash.slice(1);
    const row = page.locator(`tr[id="${id}"]`);
    check((await row.count()) === 1, `${rel(url)}: no row with id="${id}"`);
    const inView = await row.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    check(inView, `${rel(url)}: the row #${id} is not scrolled into view`);
    note(`${WIDE_SOURCE} -> ${rel(url)}`);
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

  await test("CSP: every page sets one policy before anything loads; no page type violates it", async ({ newPage, note }) => {
    const problems = [];
    // Every HTML file on disk carries the same policy in one <meta> tag.
    const files = htmlFiles();
    const indexPolicy = fs.readFileSync(path.join(realSiteDir, "index.html"), "utf8").match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i)?.[1];
    check(indexPolicy, 'index.html has no <meta http-equiv="Content-Security-Policy" content="...">');
    for (const file of files) {
      const html = fs.readFileSync(path.join(realSiteDir, file), "utf8");
      const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/gi)].map((m) => m[1]);
      if (policies.length !== 1) problems.push(`${file}: ${policies.length} Content-Security-Policy <meta> tags, expected 1`);
      else if (policies[0] !== indexPolicy) problems.push(`${file}: its policy differs from index.html's`);
    }
    for (const problem of policyProblems(indexPolicy)) problems.push(`the policy: ${problem}`);
    // Each page type, in the browser: the policy comes before any script or stylesheet, the
    // page's scripts ran (the search box, the entity filter) and nothing was refused.
    const page = await newPage();
    for (const [kind, relPath] of Object.entries(PAGES)) {
      await open(page, relPath);
      const p = await policyOf(page);
      if (p.count !== 1) problems.push(`${kind} (${relPath}): ${p.count} policies in the DOM`);
      if (!p.inHead || !p.beforeLoads) problems.push(`${kind} (${relPath}): the policy is not in <head> before every script and stylesheet`);
      const box = await page.locator(SEARCH_INPUT).first().waitFor({ state: "visible", timeout: 5000 }).then(() => true, () => false);
      if (!box) problems.push(`${kind} (${relPath}): no search box (did search.js run?)`);
      if (kind === "entities" && !(await page.locator(".entity-filter").isVisible())) {
        problems.push(`${kind} (${relPath}): the filter form is hidden (did entities.js run?)`);
      }
    }
    check(problems.length === 0, problems.join("\n"));
    note(`${files.length} HTML files, ${Object.keys(PAGES).length} page types; policy: ${indexPolicy}`);
  });

  await test("CSP: the policy is enforced: inline script, inline style and string eval are refused", async ({ newPage, allow, violations, note }) => {
    const page = await open(await newPage(), PAGES.index);
    check(violations.length === 0, `violations before the probe: ${violations.map((v) => v.text).join("; ")}`);
    // Everything below is refused on purpose: only these messages are allowed.
    allow(/CSP violation on index\.html: (script-src-elem|style-src-elem|style-src-attr|script-src) blocked (inline|eval)/);
    allow(/CSP: console error on index\.html: (Executing inline script|Applying inline style|Evaluating a string as JavaScript) violates/);
    const probe = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__e2eInlineScript = true;";
      document.head.append(script);
      const style = document.createElement("style");
      style.textContent = "body { --e2e-inline-style: 1; }";
      document.head.append(style);
      const div = document.createElement("div");
      div.innerHTML = '<p id="e2e-inline-attr" style="--e2e-inline-attr: 1">x</p>';
      document.body.append(div);
      let timer = "ran";
      try {
        setTimeout("window.__e2eStringTimer = true;", 0); // string timers are eval
      } catch (err) {
        timer = err.name;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      return {
        script: window.__e2eInlineScript === true,
        style: getComputedStyle(document.body).getPropertyValue("--e2e-inline-style").trim() !== "",
        attr: getComputedStyle(document.getElementById("e2e-inline-attr")).getPropertyValue("--e2e-inline-attr").trim() !== "",
        timer: window.__e2eStringTimer === true,
      };
    });
    const ran = Object.entries(probe).filter(([, on]) => on).map(([what]) => what);
    check(ran.length === 0, `the policy let these through: ${ran.join(", ")}`);
    const seen = new Set(violations.map((v) => v.directive));
    for (const directive of ["script-src-elem", "style-src-elem", "style-src-attr"]) {
      check(seen.has(directive), `no securitypolicyviolation event for ${directive} (got: ${[...seen].join(", ") || "none"})`);
    }
    note(`refused: ${violations.map((v) => `${v.directive} ${v.blocked}`).join(", ")}`);
  });

  await test("CSP: search returns results under the policy, fetching only the site's own index", async ({ newPage, note, violations }) => {
    const page = await newPage();
    const fetched = [];
    page.on("request", (req) => fetched.push(req.url()));
    await open(page, PAGES.index);
    const status = await searchFor(page, "hotbed");
    const hrefs = await page.locator(".site-search-result a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    check(hrefs.some((h) => /new-arab|quotes\.html/.test(h)), `the results do not include the New Arab source or quotes.html: ${JSON.stringify(hrefs)}`);
    check(violations.length === 0, `violations: ${violations.map((v) => v.text).join("; ")}`);
    const index = fetched.filter((u) => u.includes("/search/")).map(rel);
    check(index.includes("search/index.json"), `search/index.json was not fetched: ${JSON.stringify(index)}`);
    check(index.every((u) => /^search\/(index|terms\/\d+|docs\/\d+)\.json$/.test(u)), `unexpected index requests: ${JSON.stringify(index)}`);
    note(`"${status}": ${hrefs.length} link(s), first ${hrefs[0]}; fetched ${index.join(", ")}`);
  });

  await test('search: every word must match ("kerry moscow" narrows "kerry"); prefixes and suffixes match', async ({ newPage, note }) => {
    const page = await open(await newPage(), PAGES.index);
    const one = await allResults(page, "kerry");
    const two = await allResults(page, "kerry moscow");
    check(one.count > 0 && one.titles.length === one.count, `"kerry": ${one.count} result(s) announced, ${one.titles.length} shown after "More results"`);
    check(two.count > 0, `"kerry moscow" finds nothing`);
    check(two.count < one.count, `"kerry moscow" finds ${two.count} result(s), not fewer than "kerry" (${one.count})`);
    const extra = two.titles.filter((t) => !one.titles.includes(t));
    check(extra.length === 0, `"kerry moscow" finds pages that "kerry" does not: ${JSON.stringify(extra)}`);
    const marks = async (query) => {
      await searchFor(page, query);
      return page.locator(".site-search-list mark").evaluateAll((ms) => [...new Set(ms.map((m) => m.textContent.toLowerCase()))]);
    };
    const prefix = await marks("negotiat");
    check(prefix.some((m) => m.startsWith("negotiat") && m.length > 8), `"negotiat" marks no longer word: ${JSON.stringify(prefix)}`);
    const suffix = await marks("negotiated");
    check(suffix.includes("negotiations"), `"negotiated" does not find "negotiations" (marks: ${JSON.stringify(suffix)})`);
    const none = await searchFor(page, "kerry zzzqqq");
    const left = await page.locator(".site-search-result").count();
    check(/^No results/.test(none) && left === 0, `"kerry zzzqqq": "${none}", ${left} result(s)`);
    note(`"kerry" ${one.count}, "kerry moscow" ${two.count}; "negotiat" marks ${prefix.join(" ")}; "negotiated" marks ${suffix.join(" ")}`);
  });

  await test("search: the type filter narrows the results and clears; keyboard: arrows, Tab and Escape", async ({ newPage, note }) => {
    const page = await open(await newPage(), PAGES.index);
    const all = await searchFor(page, "kerry");
    const total = Number(all.match(/^([\d,]+) results?/)?.[1].replace(/,/g, ""));
    const buttons = page.locator(".site-search-filters button");
    check((await buttons.count()) >= 2, `"kerry": ${await buttons.count()} type filter button(s), expected one per type found`);
    const counts = await buttons.evaluateAll((bs) =>
      bs.map((b) => ({ name: b.value, n: Number(b.textContent.replace(/\D/g, "")), pressed: b.getAttribute("aria-pressed") })),
    );
    check(counts.reduce((sum, c) => sum + c.n, 0) === total, `the filter counts ${JSON.stringify(counts)} do not add up to ${total}`);
    check(counts.every((c) => c.pressed === "false"), "a filter is pressed before any was chosen");
    const entity = counts.find((c) => c.name === "Entity") ?? counts[0];
    const button = page.locator(`.site-search-filters button[value="${entity.name}"]`);
    const settled = (filtered) =>
      page.waitForFunction(
        (f) => /\(/.test(document.querySelector(".site-search-status").textContent) === f && !document.querySelector(".site-search-results[aria-busy]"),
        filtered,
      );
    // Chosen with the keyboard: focus the button, press Space.
    await button.focus();
    await page.keyboard.press("Space");
    await settled(true);
    check((await button.getAttribute("aria-pressed")) === "true", `the ${entity.name} filter is not pressed after Space`);
    const filtered = await page.locator(".site-search-status").innerText();
    check(filtered.startsWith(`${entity.n} of ${total} `), `with the ${entity.name} filter the status says "${filtered}"`);
    const types = await page.locator(".site-search-result .site-search-type").allInnerTexts();
    check(types.length === Math.min(entity.n, 10) && types.every((t) => t === entity.name), `with the ${entity.name} filter the results are of types ${JSON.stringify(types)}`);
    await button.click();
    await settled(false);
    check((await button.getAttribute("aria-pressed")) === "false", `the ${entity.name} filter is still pressed after a second click`);
    check((await page.locator(".site-search-status").innerText()) === all, "choosing the filter again does not bring back every result");

    // Keyboard: Down from the box reaches the first result; Tab goes on through plain links.
    const input = page.locator(SEARCH_INPUT);
    const focused = () =>
      page.evaluate(() => ({
        inList: !!document.activeElement.closest(".site-search-list"),
        tag: document.activeElement.tagName,
        href: document.activeElement.getAttribute("href"),
      }));
    await input.focus();
    await page.keyboard.press("ArrowDown");
    const first = await focused();
    check(first.inList && first.tag === "A" && first.href, `ArrowDown from the box focuses ${JSON.stringify(first)}, not the first result link`);
    await page.keyboard.press("Tab");
    const second = await focused();
    check(second.inList && second.tag === "A" && second.href, `Tab from the first result focuses ${JSON.stringify(second)}, not the next result link`);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    check(await input.evaluate((el) => el === document.activeElement), "ArrowUp from the first result does not go back to the box");
    await page.keyboard.press("Escape");
    const after = await page.evaluate(() => ({
      value: document.querySelector("header [role=search] input").value,
      focused: document.activeElement === document.querySelector("header [role=search] input"),
      results: document.querySelectorAll(".site-search-result").length,
      status: document.querySelector(".site-search-status").textContent,
    }));
    check(after.value === "" && after.focused && after.results === 0 && after.status === "", `after Escape: ${JSON.stringify(after)}`);
    note(`"kerry": ${counts.map((c) => `${c.name} ${c.n}`).join(", ")}; ${entity.name}: "${filtered}"`);
  });

  await test("search results: no serious axe violation and no overflow at 1280 and 360 px (screenshots)", async ({ newPage, note }) => {
    for (const viewport of [WIDE, NARROW]) {
      const page = await open(await newPage(viewport), PAGES.index);
      const status = await searchFor(page, "kerry");
      const more = page.locator(".site-search-more");
      if (await more.isVisible()) {
        await more.click();
        await page.waitForFunction(() => document.querySelectorAll(".site-search-result").length > 10);
        const moved = await page.evaluate(() => !!document.activeElement.closest(".site-search-result"));
        check(moved, '"More results" does not move focus to the first new result');
      }
      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
      check(width.scroll <= width.inner, `with results at ${viewport.width} px: scrollWidth ${width.scroll} > innerWidth ${width.inner}`);
      await axe(page, `index with search results at ${viewport.width} px`, note);
      await page.locator("header.site-header").screenshot({ path: path.join(shotDir, `search-${viewport.width}.png`), timeout: 15_000 });
      note(`${viewport.width} px: ${status}`);
      await page.close();
    }
  });

  await test("CSP: opened from file://, pages keep their stylesheet and scripts, with no violation", async ({ newPage, note }) => {
    const page = await newPage();
    const problems = [];
    for (const relPath of [PAGES.index, PAGES.entities, PAGES.source]) {
      await page.goto(pathToFileURL(path.join(realSiteDir, relPath)).href, { waitUntil: "load" });
      const s = await page.evaluate(() => ({
        styled: getComputedStyle(document.querySelector(".skip-link")).position === "absolute",
        note: !!document.querySelector(".site-search-note:not([hidden])"),
        box: !!document.querySelector(".site-search input")?.getClientRects().length,
        filter: document.querySelector(".entity-filter") ? !document.querySelector(".entity-filter").hidden : null,
      }));
      if (!s.styled) problems.push(`${relPath}: static/style.css is not applied`);
      if (!s.note) problems.push(`${relPath}: search.js did not show its file:// note`);
      if (s.box) problems.push(`${relPath}: the search box is shown under file://, where it cannot work`);
      if (s.filter === false) problems.push(`${relPath}: entities.js did not show the filter`);
    }
    check(problems.length === 0, problems.join("\n"));
    note("index, entities index and a source page");
  });

  {
    const bin = sitegenBinary();
    if (!bin) {
      console.log("skip  CSP: sitegen serve's live-reload script (no sitegen binary in target/; set SITEGEN_BIN)");
    } else {
      await test("CSP: sitegen serve's live-reload script runs under the policy: error panel, then reload", async ({ newPage, note }) => {
        const serve = await startServe(bin);
        let page;
        try {
          page = await newPage();
          await page.goto(serve.url + "index.html", { waitUntil: "load" });
          const tag = await page.evaluate(() => {
            const script = document.querySelector('script[src^="/__sitegen/reload.js"]');
            const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
            return {
              script: !!script,
              policy: !!meta,
              covered: !!(script && meta && meta.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_FOLLOWING),
            };
          });
          check(tag.script, "sitegen serve did not add /__sitegen/reload.js to index.html");
          check(tag.policy && tag.covered, "the page served by sitegen serve has no policy before reload.js");
          // Break the build: reload.js shows the error in its panel, styled through the DOM.
          const siteYaml = path.join(serve.dir, "content", "site.yaml");
          const good = fs.readFileSync(siteYaml, "utf8");
          fs.writeFileSync(siteYaml, good + "\nnot_a_field: 1\n");
          const panel = page.locator("#sitegen-errors");
          const shown = await panel.waitFor({ state: "visible", timeout: 20_000 }).then(() => true, () => false);
          check(shown, `no error panel within 20 s of a broken edit; sitegen serve said:\n${serve.stderr().slice(-800)}`);
          const text = await panel.innerText();
          check(/not_a_field/.test(text), `the error panel does not name the bad field: ${text.slice(0, 300)}`);
          const position = await panel.evaluate((el) => getComputedStyle(el).position);
          check(position === "fixed", `the error panel's styles were not applied (position ${position})`);
          // Fix it: the page reloads by itself.
          const reloaded = page.waitForEvent("load", { timeout: 20_000 }).then(() => true, () => false);
          fs.writeFileSync(siteYaml, good);
          check(await reloaded, "the page did not reload within 20 s of fixing the build");
          check((await page.locator("#sitegen-errors").count()) === 0, "the error panel is still there after the reload");
          note(`${rel(serve.url)}: panel shown, then reloaded`);
        } finally {
          // Close the page first: its long poll would fail once the server stops.
          if (page) await page.close().catch(() => {});
          await stopServe(serve);
        }
      }, { timeout: 60_000 });
    }
  }

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
  await stopServe().catch(() => {});
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
