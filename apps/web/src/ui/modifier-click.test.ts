import { describe, expect, test } from 'vitest';
import { followInApp, isPlainClick } from './modifier-click.js';

const click = (over: Partial<{ button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => {
  const event = {
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    prevented: false,
    ...over,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
};

describe('in-app links', () => {
  test('a plain left click is the app’s', () => {
    expect(isPlainClick(click())).toBe(true);
  });

  test.each([
    ['middle button', { button: 1 }],
    ['right button', { button: 2 }],
    ['Cmd', { metaKey: true }],
    ['Ctrl', { ctrlKey: true }],
    ['Shift', { shiftKey: true }],
    ['Alt', { altKey: true }],
  ])('a click with the %s is the browser’s', (_, over) => {
    expect(isPlainClick(click(over))).toBe(false);
  });

  test('a plain click follows in the app, the default prevented', () => {
    const event = click();
    let followed = 0;
    followInApp(event, () => {
      followed += 1;
    });
    expect(followed).toBe(1);
    expect(event.prevented).toBe(true);
  });

  test('a modified click neither follows nor prevents the default', () => {
    const event = click({ ctrlKey: true });
    let followed = 0;
    followInApp(event, () => {
      followed += 1;
    });
    expect(followed).toBe(0);
    expect(event.prevented).toBe(false);
  });
});
