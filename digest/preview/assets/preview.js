"use strict";
// The preview page: shows /state.json and reloads the email frame whenever the
// /events stream announces a new build. Everything from the build is set as
// text (never as markup), so seed text cannot run here.

const $ = (id) => document.getElementById(id);
const prefs = { width: "desktop", scheme: "light", view: "html" };
let shown = null; // the build version on screen
let latest = null; // the last state fetched

function loadPrefs() {
  try {
    const saved = JSON.parse(localStorage.getItem("digest-preview") || "{}");
    for (const key of Object.keys(prefs)) if (typeof saved[key] === "string") prefs[key] = saved[key];
  } catch (error) { /* private mode: defaults */ }
}

function savePrefs() {
  try { localStorage.setItem("digest-preview", JSON.stringify(prefs)); } catch (error) { /* ignore */ }
}

function applyPrefs() {
  for (const [key, value] of Object.entries(prefs)) document.body.dataset[key] = value;
  for (const button of document.querySelectorAll("button[data-set]")) {
    const on = prefs[button.dataset.set] === button.dataset.value;
    button.setAttribute("aria-pressed", String(on));
  }
  $("text").hidden = prefs.view !== "text" || !(latest && latest.ok);
}

// Reload the frame at the same scroll position, so an edit far down stays in view.
function loadFrame(version) {
  const frame = $("email");
  let y = 0;
  try { y = frame.contentWindow.scrollY; } catch (error) { /* not loaded yet */ }
  frame.addEventListener("load", () => {
    try { frame.contentWindow.scrollTo(0, y); } catch (error) { /* ignore */ }
    document.body.dataset.loaded = String(version);
  }, { once: true });
  frame.src = `/email.html?scheme=${prefs.scheme}&v=${version}`;
}

function fillList(list, items, none) {
  const rows = items.length ? items : [none];
  list.replaceChildren(...rows.map((text) => {
    const item = document.createElement("li");
    item.textContent = text;
    if (!items.length) item.className = "none";
    return item;
  }));
}

function setStatus(text, bad) {
  $("status").textContent = text;
  $("status").classList.toggle("bad", bad);
}

function render(state) {
  latest = state;
  const building = state.version === 0;
  document.body.classList.toggle("has-error", !state.ok);
  $("error").hidden = state.ok || building;
  // When no seed was usable, the reasons are the warnings: show them in the error too.
  const reasons = state.warnings.length ? `\n\n${state.warnings.join("\n")}` : "";
  $("error-text").textContent = state.error ? state.error + reasons : "";
  $("subject").textContent = state.ok ? state.subject : building ? "Building the email…" : "Not built: see the error below";
  $("preheader").textContent = state.ok ? state.preheader : "";
  $("text").textContent = state.text || "";
  const kb = state.size / 1024;
  $("meter").value = kb;
  $("size-text").textContent = state.ok ? `${kb.toFixed(1)} KB of Gmail's ${Math.round(state.clip / 1024)} KB clip` : "";
  fillList($("warnings"), state.warnings, "none");
  $("warn").hidden = !state.ok || !state.warnings.length;
  fillList($("findings"), state.findings, state.ok ? "all passed" : "not checked");
  $("warnings-count").textContent = `(${state.warnings.length})`;
  $("findings-count").textContent = state.findings.length ? `(${state.findings.length})` : "";
  const stories = state.stories === 1 ? "1 story" : `${state.stories} stories`;
  const took = `${Math.round(state.seconds * 1000)} ms`;
  $("meta").textContent = building ? "" : state.ok
    ? `${stories} · built at ${state.built_at} in ${took}`
    : `failed at ${state.built_at}`;
  setStatus(state.ok ? `live · updated ${state.built_at}` : building ? "building…" : "error · waiting for a fix", !state.ok && !building);
  applyPrefs();
  if (state.ok) loadFrame(state.version);
  else document.body.dataset.loaded = String(state.version);
  shown = state.version;
}

// One fetch at a time; a build announced meanwhile is fetched right after.
let fetching = false;
let again = false;

async function refresh() {
  if (fetching) { again = true; return; }
  fetching = true;
  try {
    const response = await fetch("/state.json", { cache: "no-store" });
    const state = await response.json();
    if (state.version !== shown || !state.ok) render(state);
  } catch (error) {
    setStatus("cannot reach digest preview: is it still running?", true);
  } finally {
    fetching = false;
    if (again) { again = false; refresh(); }
  }
}

function connect() {
  let dropped = false;
  const events = new EventSource("/events");
  events.addEventListener("build", (event) => {
    if (Number(event.data) !== shown) refresh();
  });
  events.addEventListener("open", () => {
    if (dropped) { dropped = false; shown = null; refresh(); } // maybe a new server: versions restart
  });
  events.addEventListener("error", () => {
    dropped = true;
    setStatus("disconnected: is digest preview still running? Retrying…", true);
  });
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-set]");
  if (!button) return;
  const changedScheme = button.dataset.set === "scheme" && prefs.scheme !== button.dataset.value;
  prefs[button.dataset.set] = button.dataset.value;
  savePrefs();
  applyPrefs();
  if (changedScheme && latest && latest.ok) loadFrame(latest.version);
});

loadPrefs();
applyPrefs();
refresh();
connect();
