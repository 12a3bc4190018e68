import { describe, expect, test } from 'vitest';
import { formatTypedPlace, parseTypedPlace } from './typed-place.js';

describe('a typed or pasted place', () => {
  test.each([
    ['-2.4897, 106.4142', { lat: -2.4897, lng: 106.4142 }],
    ['-2.4897,106.4142', { lat: -2.4897, lng: 106.4142 }],
    ['  -2.4897 106.4142 ', { lat: -2.4897, lng: 106.4142 }],
    ['-2,4897; 106,4142', { lat: -2.4897, lng: 106.4142 }],
    ['106.4142, -2.4897', { lat: -2.4897, lng: 106.4142 }],
    ['https://maps.google.com/?q=-2.4897,106.4142', { lat: -2.4897, lng: 106.4142 }],
    ['https://www.google.com/maps/place/Koba/@-2.4897,106.4142,15z', { lat: -2.4897, lng: 106.4142 }],
    ['https://www.openstreetmap.org/?mlat=1&query=3.59,98.67', { lat: 3.59, lng: 98.67 }],
  ])('%s', (text, place) => {
    expect(parseTypedPlace(text)).toEqual(place);
  });

  test.each([[''], ['Koba'], ['0, 0'], ['-2.48'], ['48.85, 2.35'], ['-2.48, 106.41, 3'], ['-2,48, 106,41']])('%s is not a place in Indonesia', (text) => {
    expect(parseTypedPlace(text)).toBeNull();
  });

  test('shown latitude first with five decimals, and read back the same', () => {
    const place = { lat: -2.489712345, lng: 106.41421 };
    expect(formatTypedPlace(place)).toBe('-2.48971, 106.41421');
    expect(parseTypedPlace(formatTypedPlace(place))).toEqual({ lat: -2.48971, lng: 106.41421 });
  });
});
