/**
 * The dashboard's only script, served as a file (`/assets/dashboard.js`) so the CSP can forbid inline
 * code. Progressive: every page works without it; it adds the relation picker's live search, delete
 * confirmations and upload progress.
 */
export const DASHBOARD_SCRIPT = `"use strict";
(function () {
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  document.querySelectorAll("input[data-picker]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = 0;
    var load = function () {
      var url = input.getAttribute("data-picker") + "?q=" + encodeURIComponent(input.value);
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : []; }).then(function (items) {
        list.textContent = "";
        items.forEach(function (item) {
          var option = document.createElement("option");
          option.value = item.value;
          option.textContent = item.label;
          list.appendChild(option);
        });
      });
    };
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(load, 150); });
    input.addEventListener("focus", load, { once: true });
  });
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var file = form.querySelector("input[type=file]").files[0];
      if (!file) return;
      event.preventDefault();
      var progress = form.querySelector("progress");
      var prefix = form.querySelector("input[name=prefix]").value;
      var xhr = new XMLHttpRequest();
      xhr.open("PUT", form.getAttribute("data-upload") + "?path=" + encodeURIComponent(prefix + file.name));
      xhr.setRequestHeader("x-csrf-token", csrf);
      xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) { progress.max = e.total; progress.value = e.loaded; } };
      xhr.onload = function () { window.location.reload(); };
      xhr.send(file);
    });
  });
})();
`;
