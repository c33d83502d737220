/** Kept for the modules that import it: the people register's policy lives in policy.ts. */
export { isSelf, mayManagePerson, mayReview, maySeeDeclarationDetails, maySeePerson } from './policy.js';
