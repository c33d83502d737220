import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../platform/auth/policy.js';
import { svPermissions } from './i18n.sv.js';

describe('the roles page names every permission in Swedish', () => {
  it('has a label for each permission of the one policy, and none for a permission that is gone', () => {
    const labelled = Object.keys(svPermissions).map((k) => k.replace(/^permission\./, ''));
    expect(labelled.sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });
});
