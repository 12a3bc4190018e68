// The HTML encoding of the OGC pages (the standard's HTML conformance class): plain server-rendered
// pages, no script, every value escaped by hono's `html` template. Indonesian first, English second.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Feature } from './features.js';

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

type Page = HtmlEscapedString | Promise<HtmlEscapedString>;

function page(title: string, links: readonly Link[], body: Page | string): Page {
  return html`<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Pantau OGC API</title>
  </head>
  <body>
    <h1>${title}</h1>
    <nav>
      <h2>Tautan / Links</h2>
      <ul>
        ${links.map((l) => html`<li><a href="${l.href}" rel="${l.rel}">${l.title ?? l.rel}</a> <small>(${l.rel}${l.type ? `, ${l.type}` : ''})</small></li>`)}
      </ul>
    </nav>
    <main>${body}</main>
  </body>
</html>`;
}

/** A page of a JSON document's links and, when given, a description. */
export function linksPage(title: string, links: readonly Link[], description?: string): Page {
  return page(title, links, description ? html`<p>${description}</p>` : '');
}

export function conformancePage(classes: readonly string[], links: readonly Link[]): Page {
  return page('Kesesuaian / Conformance', links, html`<ul>${classes.map((c) => html`<li>${c}</li>`)}</ul>`);
}

export interface CollectionSummary {
  id: string;
  title: string;
  description: string;
  href: string;
  itemsHref: string;
}

export function collectionsPage(collections: readonly CollectionSummary[], links: readonly Link[]): Page {
  return page(
    'Koleksi / Collections',
    links,
    html`<table>
      <thead>
        <tr><th>id</th><th>Judul / Title</th><th>Keterangan / Description</th><th>Fitur / Items</th></tr>
      </thead>
      <tbody>
        ${collections.map(
          (c) => html`<tr><td><a href="${c.href}">${c.id}</a></td><td>${c.title}</td><td>${c.description}</td><td><a href="${c.itemsHref}">items</a></td></tr>`,
        )}
      </tbody>
    </table>`,
  );
}

const cell = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Features as a table: id, the properties (union of every feature's names), the geometry's type. */
export function featuresPage(title: string, features: readonly Feature[], links: readonly Link[], summary: string): Page {
  const names = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const geometryType = (f: Feature) => (f.geometry && typeof f.geometry === 'object' ? cell((f.geometry as { type?: unknown }).type) : '');
  return page(
    title,
    links,
    html`<p>${summary}</p>
      <table>
        <thead>
          <tr><th>id</th>${names.map((n) => html`<th>${n}</th>`)}<th>geometri / geometry</th></tr>
        </thead>
        <tbody>
          ${features.map((f) => html`<tr><td>${cell(f.id)}</td>${names.map((n) => html`<td>${cell(f.properties[n])}</td>`)}<td>${geometryType(f)}</td></tr>`)}
        </tbody>
      </table>`,
  );
}
