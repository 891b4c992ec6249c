/**
 * A small viewer for the OpenAPI description at `/api/docs`, written here rather than served from
 * swagger-ui-dist (whose install pulls a telemetry package) or a CDN (the CSP allows only the
 * portal's own origin). It lists every operation by tag with parameters, body and responses;
 * values are set as text, never as HTML.
 */

/** The HTML page. */
export const viewerHtml = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API – Förderportal Ladeinfrastruktur</title>
<link rel="stylesheet" href="/api/docs/viewer.css">
<script type="module" src="/api/docs/viewer.js"></script>
</head>
<body>
<header><h1 id="titel">API-Beschreibung</h1><p><a href="/api/openapi.json">OpenAPI 3.1 (JSON)</a></p></header>
<main id="operationen" aria-live="polite"><p>Lädt …</p></main>
</body>
</html>`;

/** The stylesheet. */
export const viewerCss = `
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b}
h2{border-bottom:2px solid #004b87;padding-bottom:.2rem}details{border:1px solid #ccc;border-radius:4px;margin:.4rem 0;padding:.4rem .6rem}
summary{cursor:pointer}.methode{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
.get{color:#00603a}.post{color:#004b87}.put,.patch{color:#7a4d00}.delete{color:#b00020}
code,pre{font-family:ui-monospace,monospace;font-size:.85rem}pre{background:#f5f5f5;padding:.5rem;overflow:auto}
`;

/** The script: fetches the description and renders it with DOM text nodes only. */
export const viewerJs = `
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};
const json = (value) => el('pre', {}, el('code', {}, JSON.stringify(value, null, 2)));
const doc = await (await fetch('/api/openapi.json')).json();
document.getElementById('titel').textContent = doc.info.title + ' ' + doc.info.version;
const byTag = new Map();
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    const tag = (op.tags && op.tags[0]) || 'Allgemein';
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push({ path, method, op });
  }
}
const main = document.getElementById('operationen');
main.replaceChildren();
for (const [tag, ops] of byTag) {
  main.append(el('h2', {}, tag));
  for (const { path, method, op } of ops) {
    const body = el('div');
    if (op.description) body.append(el('p', {}, op.description));
    if (op.parameters && op.parameters.length) {
      body.append(el('h3', {}, 'Parameter'));
      const list = el('ul');
      for (const p of op.parameters) list.append(el('li', {}, el('code', {}, p.name), ' (' + p.in + (p.required ? ', Pflicht' : '') + ')'));
      body.append(list);
    }
    if (op.requestBody) body.append(el('h3', {}, 'Anfrage'), json(op.requestBody.content['application/json'].schema));
    body.append(el('h3', {}, 'Antworten'));
    for (const [status, r] of Object.entries(op.responses)) {
      body.append(el('p', {}, el('strong', {}, status), ' ' + r.description));
      const schema = r.content && r.content['application/json'] && r.content['application/json'].schema;
      if (schema) body.append(json(schema));
    }
    main.append(el('details', {}, el('summary', {}, el('span', { class: 'methode ' + method }, method), ' ', el('code', {}, path), ' – ' + op.summary), body));
  }
}
`;
