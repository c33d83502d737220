export * from './lifecycle.js';
export * from './run-transition.js';
