// What the sign-in page and the account menu say, rendered to HTML with the real locale files.
import { permissionsOf, type Role } from '@pantau/domain';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-client.js';
import { createI18n } from '../i18n/i18n.js';
import { routeHref } from '../state/navigation.js';
import { RouterProvider } from '../state/router.js';
import { DEFAULT_VIEW } from '../state/view-state.js';
import { SessionContext } from './session-context.js';
import { SignInPage } from './sign-in-page.js';
import { UserMenu } from './user-menu.js';

const noop = () => {};

function render(lang: 'id' | 'en', element: ReactElement): string {
  return renderToStaticMarkup(<I18nextProvider i18n={createI18n(lang)}>{element}</I18nextProvider>);
}

function textOf(html: string, testId: string): string | undefined {
  return new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

function signInPage(lang: 'id' | 'en', notice: Parameters<typeof SignInPage>[0]['notice']): string {
  return render(lang, <SignInPage lang={lang} onLangChange={noop} notice={notice} onSignedIn={noop} />);
}

describe('sign-in page', () => {
  test('a rate limit says how long to wait, in Indonesian and in English, and keeps the button off', () => {
    const limited = { kind: 'error' as const, error: new ApiError('rate_limited', 'Too many failed sign-ins. Try again in 42 s.', 429, 42) };
    const id = signInPage('id', limited);
    expect(textOf(id, 'sign-in-wait')).toBe('Terlalu banyak percobaan masuk. Coba lagi dalam 42 detik.');
    expect(id).toMatch(/<button type="submit"[^>]*disabled=""/);
    expect(textOf(signInPage('en', limited), 'sign-in-wait')).toBe('Too many sign-in attempts. Try again in 42 s.');
  });

  test('an ended session is explained above the form', () => {
    expect(textOf(signInPage('id', { kind: 'expired' }), 'sign-in-notice')).toContain('Sesi Anda telah berakhir');
    expect(textOf(signInPage('en', { kind: 'expired' }), 'sign-in-notice')).toContain('Your session has ended');
  });

  test('the fields are labelled and filled in by password managers', () => {
    const html = signInPage('id', null);
    expect(html).toMatch(/<label for="[^"]+-email">Email<\/label>/);
    expect(html).toMatch(/<label for="[^"]+-password">Kata sandi<\/label>/);
    expect(html).toMatch(/autocomplete="username"/i);
    expect(html).toMatch(/autocomplete="current-password"/i);
    expect(html).not.toContain('sign-in-error');
  });
});

function menuFor(role: Role, lang: 'id' | 'en' = 'id'): string {
  const session = {
    user: {
      id: 3,
      email: 'kepala.kanim@example.go.id',
      role,
      agency: 'imigrasi' as const,
      scope: {
        areaCodes: ['19.04', '19.71'],
        office: 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
        label: 'Kantor Imigrasi Kelas I TPI Pangkalpinang',
      },
      disabled: false,
      createdAt: '2026-11-23T05:00:00.000Z',
      lastSignInAt: null,
    },
    permissions: permissionsOf(role),
  };
  return render(
    lang,
    <SessionContext.Provider value={{ session, signOut: async () => {}, signOutEverywhere: async () => {} }}>
      <RouterProvider value={{ view: DEFAULT_VIEW, update: noop, navigate: noop, href: (target) => routeHref(DEFAULT_VIEW, target, '/') }}>
        <UserMenu />
      </RouterProvider>
    </SessionContext.Provider>,
  );
}

describe('account menu', () => {
  test('names the role as officers say it, and the work area', () => {
    const html = menuFor('office_head');
    expect(textOf(html, 'user-role')).toBe('Kepala Kantor Imigrasi');
    expect(textOf(html, 'user-scope')).toBe('Kantor Imigrasi Kelas I TPI Pangkalpinang');
    expect(textOf(menuFor('agency_member'), 'user-role')).toBe('Anggota Timpora');
    expect(textOf(menuFor('division_head'), 'user-role')).toBe('Kepala Divisi Keimigrasian');
    expect(textOf(menuFor('viewer'), 'user-role')).toBe('Peninjau');
    expect(textOf(menuFor('analyst', 'en'), 'user-role')).toBe('Analyst');
  });

  test('offers the users and audit pages to an admin only', () => {
    expect(menuFor('admin')).toContain('href="/?page=users"');
    expect(menuFor('admin')).toContain('href="/?page=audit"');
    expect(menuFor('office_head')).not.toContain('page=users');
    expect(menuFor('office_head')).not.toContain('page=audit');
  });

  test('is closed until opened, and says whose account it is to screen readers', () => {
    const html = menuFor('office_head');
    expect(html).toMatch(/aria-expanded="false"/);
    expect(html).toMatch(/data-testid="user-menu"[^>]*hidden=""|hidden=""[^>]*data-testid="user-menu"/);
    expect(html).toContain('Akun: kepala.kanim@example.go.id, Kepala Kantor Imigrasi');
  });
});
