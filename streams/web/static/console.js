// Refreshes the console in place every few seconds (same page, same origin; nothing is sent but GETs).
(function () {
  var every = 5000;
  var status = document.getElementById("status");
  function refresh() {
    fetch(window.location.href, { headers: { Accept: "text/html" }, cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.text(); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, "text/html");
        var fresh = next.getElementById("console");
        if (fresh) { document.getElementById("console").replaceWith(fresh); }
        var head = next.getElementById("header-state");
        if (head) { document.getElementById("header-state").replaceWith(head); }
        status.textContent = "updated " + new Date().toLocaleTimeString();
        status.className = "";
      })
      .catch(function (e) { status.textContent = "worker not answering (" + e.message + "), retrying"; status.className = "stale"; })
      .finally(function () { setTimeout(refresh, every); });
  }
  setTimeout(refresh, every);
})();
