import { describe, expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/load-demo.js';
import { systemCtx } from '../src/platform/context.js';
import { useTestApp } from './helpers/app.js';
import { clock } from '../src/platform/clock.js';

const t = useTestApp();

describe('the demo data has real gaps that the composition check finds', () => {
  it('Kronoberg: no LPO flagged by Jönköping’s grundbemanning (seed 000 is Jönköping’s rule); one seat of two in Södra regionvårdsnämnden', async () => {
    // The mandates demo runs inside loadDemo before other areas' demo loaders; each step commits on its own,
    // so a failure in a later area's loader (tested in that area's own tests) does not hide ours.
    await loadDemo(t.db, systemCtx('demo')).catch((err: unknown) => console.warn('a later demo loader failed:', err));
    expect((await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM nominations`))[0]!.n).toBe(3);
    const admin = await t.newAdmin();
    const today = clock.today();
    const kronoberg = (
      await t.request({ method: 'GET', url: `/api/v1/composition/gaps?owner=07&staffedOnly=true&date=${today}`, as: admin })
    ).json();
    // Seed 000's staffing (controller, administrativt stöd, patient experience) is Region Jönköpings län's rule:
    // Kronoberg has set no staffing rule for its LPOs, so none of its demo LPOs has a gap.
    expect(kronoberg.items.filter((i: { kind: string }) => i.kind === 'program-area')).toEqual([]);
    const jonkoping = (
      await t.request({ method: 'GET', url: `/api/v1/composition/gaps?owner=06&date=${today}`, as: admin })
    ).json();
    const akut = jonkoping.items.find((i: { groupName: string }) => i.groupName === 'LPO Akut vård');
    expect(akut.gaps.map((g: { message: string }) => g.message)).toContain('Controller saknas (regeln kräver minst 1).');

    const sodra = (
      await t.request({ method: 'GET', url: `/api/v1/composition/gaps?owner=sodra&date=${today}`, as: admin })
    ).json();
    const namnd = sodra.items.find((i: { groupName: string }) => i.groupName === 'Södra regionvårdsnämnden');
    expect(namnd.gaps.map((g: { message: string }) => g.message)).toContain('Region Kronoberg har 1 av 2 ledamöter.');
    // SKS (seed 002): Södra's seat is filled in the demo; the networks' and SKR's are gaps.
    const national = (
      await t.request({ method: 'GET', url: `/api/v1/composition/gaps?owner=national&date=${today}`, as: admin })
    ).json();
    const sks = national.items.find((i: { groupName: string }) => i.groupName === 'Styrgrupp för kunskapsstyrning i samverkan');
    const sksGaps = sks.gaps.map((g: { message: string; region: string | null }) => g.region);
    expect(sksGaps).toContain('skr');
    expect(sksGaps).not.toContain('sodra');

    const nominations = (
      await t.request({ method: 'GET', url: '/api/v1/nominations?organisation=Region%20Kronoberg', as: admin })
    ).json();
    expect(nominations.items.map((n: { status: string }) => n.status).sort()).toEqual(['approved', 'open']);
    const expiring = (await t.request({ method: 'GET', url: '/api/v1/expiring?days=90', as: admin })).json();
    expect(
      expiring.memberships.some(
        (m: { personName: string; declarationLapsed: boolean }) =>
          m.personName === 'Petra Passerad (demo)' && m.declarationLapsed,
      ),
    ).toBe(true);
  });
});
