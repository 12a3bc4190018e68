/** The origin of a record made in the app (a meeting recorded, a risk area drawn, a report taken in), not imported. */
export const APP_ORIGIN = 'app';
