// The neighbouring countries, drawn as land under Indonesia's own areas: Natural Earth 1:50m through
// the world-atlas package (TopoJSON), emitted by Vite as an asset of the app and fetched from the
// page's own host after the map is up. Indonesia itself is left out: its provinces are drawn from
// the app's tiles, with the official coastline.
import type { Topology } from 'topojson-specification';

type FeatureCollection = GeoJSON.FeatureCollection<GeoJSON.Geometry>;

/** ISO 3166-1 numeric code of Indonesia, the id world-atlas gives its feature. */
const INDONESIA_ID = '360';

export async function loadWorldLand(): Promise<FeatureCollection> {
  const [{ default: url }, { feature }] = await Promise.all([import('world-atlas/countries-50m.json?url'), import('topojson-client')]);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology;
  const countries = topology.objects.countries;
  if (!countries) throw new Error(`${url}: no "countries" object`);
  const collection = feature(topology, countries) as FeatureCollection;
  return { type: 'FeatureCollection', features: collection.features.filter((country) => String(country.id) !== INDONESIA_ID) };
}
