// What passes for an email address, the same in the web app's user form and the account write path
// (data/src/accounts): something@host.tld, no spaces, exactly one @. Deliverability is not checked.

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the text (trimmed by the caller) looks like an email address. */
export const isEmailAddress = (text: string): boolean => EMAIL_PATTERN.test(text);
