// The page of `vanban serve`: the folder's files, the editor, the pages.
// Every request carries the token the server printed; the server does the
// work (check, layout, saving) with the command line's rules, and this
// script only shows what it answers.
"use strict";

const TOKEN = document.querySelector('meta[name="vanban-token"]').content;
const $ = (id) => document.getElementById(id);

/** A request to the server, with the token. */
function call(path, options = {}) {
  const headers = { "x-vanban-token": TOKEN, ...(options.headers || {}) };
  return fetch(path, { ...options, headers });
}

function postJson(path, body) {
  return call(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The server's message of a refused request, and its findings. */
async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { message: `${response.status} ${response.statusText}`, findings: [] };
  }
}

// ---- State of the open file ------------------------------------------------

const open = {
  path: null, // inside the folder, with `/`
  version: null, // of the file on disk, as last read or saved
  kind: null, // "van-ban", "don-vi" or "danh-muc"
  saved: null, // the text last read or saved
  schema: null, // the JSON Schema of its kind, for completion
  suggestions: { placeholders: [], values: {} }, // from its profile and registry, as saved
};

/** Pages shown, by id: the blob URL of their SVG, and their text. */
let shown = new Map();

function say(text, isError = false) {
  const box = $("message");
  box.textContent = text;
  box.classList.toggle("error", isError);
  box.hidden = !text;
}

// ---- Files -----------------------------------------------------------------

const GROUPS = [
  ["van-ban", "Văn bản"],
  ["don-vi", "Hồ sơ đơn vị"],
  ["danh-muc", "Danh mục văn bản"],
];

async function listFiles() {
  const response = await call("/api/files");
  if (!response.ok) return say((await problemOf(response)).message, true);
  const { files } = await response.json();
  const aside = $("files");
  aside.replaceChildren();
  for (const [kind, title] of GROUPS) {
    const mine = files.filter((f) => f.kind === kind);
    if (!mine.length) continue;
    const h = document.createElement("h2");
    h.textContent = title;
    aside.append(h);
    for (const f of mine) {
      const a = document.createElement("a");
      a.href = "#" + new URLSearchParams({ path: f.path });
      a.textContent = f.path;
      a.dataset.path = f.path;
      a.classList.toggle("open", f.path === open.path);
      aside.append(a);
    }
  }
}

async function openFile(path) {
  if (isDirty() && !confirm(`${open.path} chưa lưu. Bỏ các thay đổi?`)) return;
  const response = await call("/api/file?" + new URLSearchParams({ path }));
  if (!response.ok) return say((await problemOf(response)).message, true);
  const file = await response.json();
  Object.assign(open, { path: file.path, version: file.version, kind: file.kind, saved: file.text });
  open.schema = null;
  call(`/api/schema/${file.kind}`).then(async (r) => {
    if (r.ok) open.schema = await r.json();
  });
  loadSuggestions();
  clearPages();
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: file.text } });
  // The editor keeps lines as `\n`: a file saved with `\r\n` is unchanged
  // until edited, and is saved with `\n`.
  open.saved = view.state.doc.toString();
  view.dispatch(CM.setDiagnostics(view.state, []));
  $("file-name").textContent = file.path;
  for (const a of document.querySelectorAll("#files a")) a.classList.toggle("open", a.dataset.path === path);
  for (const id of ["save", "docx", "pdf", "next-year", "report"]) $(id).disabled = false;
  const isDoc = file.kind === "van-ban";
  for (const id of ["docx", "pdf", "next-year", "report"]) $(id).disabled = !isDoc;
  say("");
  showDirty();
  schedulePreview(0);
}

/** What the open document's profile and registry let the clerk write:
 * `{…}` placeholders, department codes, signers. From the saved file, so a
 * change of profile or registry shows after saving. */
async function loadSuggestions() {
  open.suggestions = { placeholders: [], values: {} };
  if (open.kind !== "van-ban") return;
  const path = open.path;
  const response = await call("/api/suggestions?" + new URLSearchParams({ path }));
  if (response.ok && path === open.path) open.suggestions = await response.json();
}

function isDirty() {
  return open.path !== null && view.state.doc.toString() !== open.saved;
}

function showDirty() {
  $("dirty").hidden = !isDirty();
}

// ---- Preview ---------------------------------------------------------------

const DEBOUNCE_MS = 120;
let timer = null;
let inFlight = false;
let again = false;

function schedulePreview(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(preview, delay);
}

/** Send the text; one request at a time, the latest text after it. */
async function preview() {
  if (!open.path) return;
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = true;
  const path = open.path;
  const started = performance.now();
  try {
    const response = await postJson("/api/preview", {
      path,
      text: view.state.doc.toString(),
      have: [...shown.keys()],
    });
    if (path !== open.path) return;
    if (!response.ok) {
      const problem = await problemOf(response);
      showFindings(problem.findings || []);
      return say(problem.message, true);
    }
    const answer = await response.json();
    showFindings(answer.findings);
    showPages(answer.pages, answer.findings);
    const ms = Math.round(performance.now() - started);
    if (answer.pages) {
      $("preview-status").textContent = `${answer.pages.length} trang · cập nhật sau ${ms} ms`;
    }
  } catch (e) {
    say(`Không gửi được tới vanban serve (đã dừng?): ${e}`, true);
  } finally {
    inFlight = false;
    if (again) {
      again = false;
      preview();
    }
  }
}

function clearPages() {
  for (const page of shown.values()) URL.revokeObjectURL(page.url);
  shown = new Map();
  $("pages").replaceChildren();
  $("preview-status").textContent = "";
}

/** Show the new pages, re-using the pictures of those that did not change,
 * so that the scroll position stays and nothing flickers. */
function showPages(pages, findings) {
  const pane = document.querySelector(".preview-pane");
  if (!pages) {
    // The last good pages stay, dimmed, until the document composes again.
    pane.classList.toggle("stale", shown.size > 0);
    const errors = findings.filter((f) => f.severity === "error").length;
    $("preview-status").textContent =
      open.kind === "van-ban"
        ? `Chưa dựng được trang: ${errors} lỗi. Đang hiện bản dựng được gần nhất.`
        : "Tệp này không có trang in riêng: văn bản dùng nó sẽ in ra.";
    return;
  }
  pane.classList.remove("stale");
  const next = new Map();
  const container = $("pages");
  const figures = [];
  for (const page of pages) {
    let entry = shown.get(page.id) || next.get(page.id);
    if (!entry) {
      const blob = new Blob([page.svg], { type: "image/svg+xml" });
      entry = { url: URL.createObjectURL(blob), text: page.text };
    }
    next.set(page.id, entry);
    const figure = document.createElement("figure");
    figure.className = "page";
    figure.dataset.id = page.id;
    const img = document.createElement("img");
    img.src = entry.url;
    img.alt = entry.text; // the page's words: screen readers and tests read them
    figure.append(img);
    figures.push(figure);
  }
  for (const [id, page] of shown) if (!next.has(id)) URL.revokeObjectURL(page.url);
  shown = next;
  // Replace figures in place where a page is unchanged, keeping the scroll.
  const old = [...container.children];
  figures.forEach((figure, i) => {
    if (old[i] && old[i].dataset.id === figure.dataset.id) return;
    if (old[i]) container.replaceChild(figure, old[i]);
    else container.append(figure);
  });
  for (const extra of old.slice(figures.length)) extra.remove();
  keepEditedPageInView();
}

/** Scroll the preview to the page holding the text under the cursor, when
 * that page is out of sight. */
function keepEditedPageInView() {
  const line = view.state.doc.lineAt(view.state.selection.main.head).text;
  const words = (text) => text.replace(/\s+/g, " ");
  const value = line.replace(/^\s*(-\s+)*([\w]+:\s*)?/, "").replace(/^["']|["']$/g, "").trim();
  if (value.length < 6) return;
  const probe = words(value).slice(0, 30);
  const figures = [...$("pages").children];
  const target = figures.find((f) => words(shown.get(f.dataset.id)?.text || "").includes(probe));
  if (!target) return;
  const pane = $("pages").getBoundingClientRect();
  const box = target.getBoundingClientRect();
  if (box.bottom < pane.top || box.top > pane.bottom) target.scrollIntoView({ block: "nearest" });
}

// ---- Findings --------------------------------------------------------------

function showFindings(findings) {
  const doc = view.state.doc;
  const marks = [];
  for (const f of findings) {
    if (f.file || !f.line || f.line > doc.lines) continue;
    const line = doc.line(f.line);
    const from = Math.min(line.from + Math.max((f.column || 1) - 1, 0), line.to);
    marks.push({
      from,
      to: Math.max(line.to, from),
      severity: f.severity,
      message: f.message + (f.rule ? ` [${f.rule}]` : ""),
      source: "vanban check",
    });
  }
  view.dispatch(CM.setDiagnostics(view.state, marks));
  const list = $("findings");
  list.replaceChildren();
  for (const f of findings) {
    const li = document.createElement("li");
    li.className = f.severity;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = f.file ? f.file : f.line ? `${f.line}:${f.column || 1}` : "";
    li.append(where, f.message + (f.rule ? ` [${f.rule}]` : ""));
    if (f.line && !f.file) {
      li.dataset.line = f.line;
      li.addEventListener("click", () => {
        const at = view.state.doc.line(Math.min(f.line, view.state.doc.lines));
        view.dispatch({ selection: { anchor: at.from }, scrollIntoView: true });
        view.focus();
      });
    }
    list.append(li);
  }
}

// ---- Completion of keys and values from the JSON Schema --------------------

/** The keys above the cursor's line, outermost first, from indentation. */
function keyPath(state, pos) {
  const keyCol = (text) => text.match(/^(\s*(?:-\s+)*)/)[1].length;
  const line = state.doc.lineAt(pos);
  let col = keyCol(line.text.slice(0, pos - line.from));
  const path = [];
  for (let n = line.number - 1; n >= 1 && col > 0; n--) {
    const text = state.doc.line(n).text;
    if (!text.trim() || text.trim().startsWith("#")) continue;
    const at = keyCol(text);
    const key = text.slice(at).match(/^([A-Za-z_][\w]*)\s*:/);
    if (at < col && key) {
      path.unshift(key[1]);
      col = text.match(/^\s*/)[0].length;
    } else if (text.match(/^\s*/)[0].length < col && !key) {
      col = text.match(/^\s*/)[0].length;
    }
  }
  return path;
}

function resolve(schema, node) {
  while (node && node.$ref) node = schema.$defs[node.$ref.split("/").pop()];
  return node || {};
}

/** Every mapping a value at `node` may be, with alternatives and list items
 * opened up. */
function mappings(schema, node, depth = 0) {
  node = resolve(schema, node);
  if (depth > 8) return [];
  const found = node.properties ? [node] : [];
  for (const alt of [...(node.anyOf || []), ...(node.oneOf || []), ...(node.allOf || [])]) {
    found.push(...mappings(schema, alt, depth + 1));
  }
  if (node.items) found.push(...mappings(schema, node.items, depth + 1));
  if (node.additionalProperties && typeof node.additionalProperties === "object") {
    found.push(...mappings(schema, node.additionalProperties, depth + 1));
  }
  return found;
}

/** The schema nodes a value at `path` may be. */
function nodesAt(schema, path) {
  let nodes = [schema];
  for (const key of path) {
    nodes = nodes
      .flatMap((n) => mappings(schema, n))
      .map((m) => m.properties[key])
      .filter(Boolean);
  }
  return nodes;
}

/** The values a key takes from a list (`loai: ke_hoach`, `quyet_dinh` …). */
function valuesAt(schema, path) {
  const values = new Set();
  const collect = (node, depth) => {
    node = resolve(schema, node);
    if (depth > 8) return;
    for (const v of node.enum || []) if (typeof v === "string") values.add(v);
    for (const alt of [...(node.anyOf || []), ...(node.oneOf || [])]) collect(alt, depth + 1);
  };
  for (const node of nodesAt(schema, path)) collect(node, 0);
  return [...values];
}

function keysAt(schema, path) {
  const nodes = nodesAt(schema, path);
  const keys = new Map();
  for (const m of nodes.flatMap((n) => mappings(schema, n))) {
    for (const [key, value] of Object.entries(m.properties)) {
      if (!keys.has(key)) keys.set(key, resolve(schema, value).description || value.description || "");
    }
  }
  return keys;
}

function completeKeys(context) {
  if (!open.schema) return null;
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const short = (text) => (text.length > 60 ? text.slice(0, 60) + "…" : text);
  const placeholder = before.match(/\{([\w:-]*)$/);
  if (placeholder) {
    return {
      from: context.pos - placeholder[1].length,
      options: open.suggestions.placeholders.map((p) => ({
        label: p.value,
        apply: p.value + "}",
        detail: short(p.means),
        type: "variable",
      })),
      validFor: /^[\w:-]*$/,
    };
  }
  // A key's value: `key: va`, or an item of a list `key: [A, va`.
  const value = before.match(/^\s*(?:-\s+)*([A-Za-z_]\w*):\s+(?:\[(?:[^,\]]*,\s*)*)?([^\s,\[\]]*)$/);
  if (value) {
    const [, key, typed] = value;
    const listed = valuesAt(open.schema, [...keyPath(context.state, context.pos), key]);
    const options = [
      ...listed.map((v) => ({ label: v, type: "enum" })),
      ...(open.suggestions.values[key] || []).map((s) => ({ label: s.value, detail: short(s.means), type: "constant" })),
    ];
    if (!options.length) return null;
    return { from: context.pos - typed.length, options, validFor: /^[^\s,\[\]]*$/ };
  }
  const typed = before.match(/^\s*(?:-\s+)*([A-Za-z_]\w*)?$/);
  if (!typed) return null;
  const word = typed[1] || "";
  if (!word && !context.explicit) return null;
  const keys = keysAt(open.schema, keyPath(context.state, context.pos));
  return {
    from: context.pos - word.length,
    options: [...keys].map(([key, doc]) => ({
      label: key,
      apply: key + ": ",
      type: "property",
      info: doc ? doc.split("\n")[0] : undefined,
    })),
    validFor: /^\w*$/,
  };
}

// ---- Actions ---------------------------------------------------------------

async function save() {
  if (!open.path) return;
  const text = view.state.doc.toString();
  const response = await postJson("/api/save", { path: open.path, text, version: open.version });
  if (!response.ok) {
    say((await problemOf(response)).message, true);
    const reload = "Tệp trên đĩa đã khác bản đang soạn. Mở lại bản trên đĩa? " +
      "Những thay đổi chưa lưu ở đây sẽ bỏ (Cancel: giữ bản đang soạn để chép lại).";
    if (response.status === 409 && confirm(reload)) {
      open.saved = text; // already asked: openFile need not ask again
      await openFile(open.path);
      say(`Đã mở lại ${open.path} như trên đĩa.`);
    }
    return false;
  }
  open.version = (await response.json()).version;
  open.saved = text;
  loadSuggestions();
  showDirty();
  say(`Đã lưu ${open.path}.`);
  return true;
}

async function download(format) {
  const response = await postJson(`/api/download/${format}`, {
    path: open.path,
    text: view.state.doc.toString(),
  });
  if (!response.ok) {
    const problem = await problemOf(response);
    showFindings(problem.findings || []);
    return say(problem.message, true);
  }
  const blob = await response.blob();
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = open.path.split("/").pop().replace(/\.ya?ml$/, "") + "." + format;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  say(`Đã tải ${a.download}.`);
}

/** Next year's plan or the report: drafted from the saved file, as the
 * command line does, so unsaved changes are saved first. */
async function draft(action) {
  if (isDirty() && !(await save())) return;
  const response = await postJson(`/api/${action}`, { path: open.path });
  await afterCreating(response);
}

async function importWord(file) {
  const response = await call("/api/import?" + new URLSearchParams({ name: file.name }), {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: file,
  });
  await afterCreating(response);
}

async function afterCreating(response) {
  if (!response.ok) {
    const problem = await problemOf(response);
    const details = (problem.findings || []).map((f) => `• ${f.message}`).join("\n");
    return say(problem.message + (details ? "\n" + details : ""), true);
  }
  const created = await response.json();
  await listFiles();
  await openFile(created.files[0]);
  const notes = [...created.said, ...created.findings.map((f) => `• ${f.message}`)];
  say(`Đã tạo ${created.files.join(", ")}.` + (notes.length ? "\n" + notes.join("\n") : ""));
}

// ---- Start -----------------------------------------------------------------

const view = new CM.EditorView({
  parent: $("editor"),
  state: CM.EditorState.create({
    doc: "",
    extensions: [
      CM.lineNumbers(),
      CM.highlightActiveLineGutter(),
      CM.history(),
      CM.drawSelection(),
      CM.indentOnInput(),
      CM.indentUnit.of("  "),
      CM.bracketMatching(),
      CM.highlightActiveLine(),
      CM.highlightSelectionMatches(),
      CM.syntaxHighlighting(CM.defaultHighlightStyle, { fallback: true }),
      CM.yaml(),
      CM.lintGutter(),
      CM.autocompletion({ override: [completeKeys] }),
      CM.keymap.of([
        { key: "Mod-s", preventDefault: true, run: () => (save(), true) },
        ...CM.completionKeymap,
        ...CM.defaultKeymap,
        ...CM.historyKeymap,
        ...CM.searchKeymap,
        CM.indentWithTab,
      ]),
      CM.EditorView.lineWrapping,
      CM.EditorView.updateListener.of((update) => {
        if (update.docChanged && open.path) {
          showDirty();
          schedulePreview();
        }
      }),
    ],
  }),
});

$("files").addEventListener("click", (e) => {
  const a = e.target.closest("a[data-path]");
  if (!a) return;
  e.preventDefault();
  history.replaceState(null, "", location.search + a.getAttribute("href"));
  openFile(a.dataset.path);
});
$("save").addEventListener("click", save);
$("docx").addEventListener("click", () => download("docx"));
$("pdf").addEventListener("click", () => download("pdf"));
$("next-year").addEventListener("click", () => draft("next-year"));
$("report").addEventListener("click", () => draft("report"));
$("import").addEventListener("change", (e) => {
  if (e.target.files[0]) importWord(e.target.files[0]);
  e.target.value = "";
});
window.addEventListener("beforeunload", (e) => {
  if (isDirty()) e.preventDefault();
});

listFiles().then(() => {
  const wanted = new URLSearchParams(location.hash.slice(1)).get("path");
  if (wanted) openFile(wanted);
});
