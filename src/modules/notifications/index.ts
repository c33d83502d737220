/**
 * The notifications module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
export { notifyPersons } from './notify.js';
export { insertNotification } from './repository.js';
export { unreadCount } from './repository.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { notificationRoutes } from './routes.js';
export { NOTIFY_QUEUE, notifyHandler } from './notify.js';
