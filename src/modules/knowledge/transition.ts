/** The lifecycle moves of supports and versions (one use case per file); rounds import the version's move from here. */
export { transitionSupport } from './transition-support.js';
export { applyVersionTransition, transitionVersion } from './transition-version.js';
