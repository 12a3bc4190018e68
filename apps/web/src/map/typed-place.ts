// A place typed or pasted by an officer: "-2.4897, 106.4142" as a WhatsApp location share gives it, the
// same with a decimal comma and a semicolon, the two numbers the other way round, or a map link
// (…?q=-2.48,106.41, …/@-2.48,106.41,15z). Indonesia's extent tells latitude from longitude, so a pair
// typed lng-first is read the right way; anything else is not a place.
import { INDONESIA_BBOX } from '@pantau/domain';

export interface TypedPlace {
  lng: number;
  lat: number;
}

const [WEST, SOUTH, EAST, NORTH] = INDONESIA_BBOX;
const isLat = (x: number) => x >= SOUTH && x <= NORTH;
const isLng = (x: number) => x >= WEST && x <= EAST;

/** The two numbers of the text, as a point inside Indonesia's extent, or null. */
export function parseTypedPlace(text: string): TypedPlace | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  // A map link: the pair after q= / ll= / query= or after @.
  const link = /(?:[?&](?:q|ll|query)=|@)(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)/.exec(trimmed);
  const pair = link ? [link[1]!, link[2]!] : splitPair(trimmed);
  if (!pair) return null;
  const [a, b] = pair.map(Number) as [number, number];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  if (isLat(a) && isLng(b)) return { lat: a, lng: b };
  if (isLng(a) && isLat(b)) return { lat: b, lng: a };
  return null;
}

/** "a, b" / "a; b" / "a b" with dots or decimal commas ("-2,48; 106,41"). */
function splitPair(text: string): [string, string] | null {
  const number = String.raw`-?\d+(?:[.,]\d+)?`;
  const semicolon = new RegExp(`^(${number})\\s*;\\s*(${number})$`).exec(text);
  if (semicolon) return [semicolon[1]!.replace(',', '.'), semicolon[2]!.replace(',', '.')];
  const dotted = /^(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)$/.exec(text);
  return dotted ? [dotted[1]!, dotted[2]!] : null;
}

/** The point as the field shows it: latitude first, five decimals (about a metre). */
export const formatTypedPlace = (place: TypedPlace): string => `${place.lat.toFixed(5)}, ${place.lng.toFixed(5)}`;
