/**
 * The users module's audit kinds ('user.create', 'user.update', 'user.set-password',
 * 'user.disable', 'user.enable') are the platform's: their payloads are declared once in
 * platform/auth/audit.ts, which sign-in and single sign-on write too.
 */
import '../../platform/auth/audit.js';
