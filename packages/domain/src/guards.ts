// Type guards for JSON read from elsewhere (an API answer, a stored setting): narrow `unknown` before
// reading its fields.

/** Any non-null object, arrays included: its fields can be read (`body.items`). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A non-null object that is not an array: a JSON object, its fields read by name. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isObject(value) && !Array.isArray(value);
}
