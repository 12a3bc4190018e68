// Small real images for the photo routes' tests (issue 22): decoded by any viewer, typed by their first bytes.

/** A 1 × 1 PNG (67 bytes), base64. */
export const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The PNG as bytes. */
export const onePixelPng = (): Uint8Array => new Uint8Array(Buffer.from(ONE_PIXEL_PNG, 'base64'));
