// Live reload for `sitegen serve`. The server adds this script to every HTML page it serves
// (never to the files on disk). It long-polls /__sitegen/status: when a new build succeeds it
// reloads the page; when a build fails it shows the located errors in a panel over the page,
// and the next successful build reloads it. No inline script and no inline style attribute:
// styles are set through the DOM, so a strict Content-Security-Policy allows it.
(function () {
  "use strict";
  var script = document.currentScript;
  // The generation of the site this page was read from, put in the script's URL by the server.
  var loaded = Number(new URL(script.src, location.href).searchParams.get("g"));
  var version = -1;
  var panel = null;

  function style(element, rules) {
    Object.keys(rules).forEach(function (name) {
      element.style.setProperty(name, rules[name]);
    });
  }

  function show(errors) {
    if (!panel) {
      panel = document.createElement("section");
      panel.id = "sitegen-errors";
      panel.setAttribute("role", "alert");
      panel.setAttribute("aria-label", "sitegen: the build failed");
      style(panel, {
        position: "fixed", left: "0", right: "0", bottom: "0", "max-height": "60vh", overflow: "auto",
        "z-index": "2147483647", margin: "0", padding: "1em 1.5em", background: "#2b0b0b", color: "#ffe9e9",
        "border-top": "4px solid #e5484d", font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace",
        "box-shadow": "0 -4px 24px rgba(0, 0, 0, 0.4)"
      });
      document.body.appendChild(panel);
    }
    panel.textContent = "";
    var title = document.createElement("p");
    style(title, { margin: "0 0 0.5em", "font-weight": "bold" });
    title.textContent = "The build failed. This page shows the last good site; fix the error and save to reload.";
    panel.appendChild(title);
    var list = document.createElement("pre");
    style(list, { margin: "0", "white-space": "pre-wrap", font: "inherit" });
    // textContent, never innerHTML: the messages quote the content as written.
    list.textContent = errors.join("\n");
    panel.appendChild(list);
  }

  function hide() {
    if (panel) {
      panel.remove();
      panel = null;
    }
  }

  function handle(status) {
    version = status.version;
    if (status.errors.length > 0) {
      show(status.errors);
    } else if (status.generation !== loaded) {
      location.reload();
      return false;
    } else {
      hide();
    }
    return true;
  }

  function poll() {
    fetch("/__sitegen/status?since=" + version, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        if (handle(status)) {
          poll();
        }
      })
      .catch(function () {
        // The server stopped or restarted: try again shortly.
        setTimeout(poll, 1000);
      });
  }

  poll();
})();
