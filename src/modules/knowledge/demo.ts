import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { createSupport, type CreateSupportInput } from './create-support.js';
import { createLocalAddition } from './create-local-addition.js';
import { createRecommendation } from './create-recommendation.js';
import * as repo from './repository.js';
import { addDocument } from '../consultation/index.js';
import { createRound } from '../consultation/index.js';
import { transitionSupport } from './transition.js';
import { createVersion } from './create-version.js';
import { demoDate } from '../demo/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../platform/version.js';
import { importCatalogue } from './import-catalogue.js';

/** The sample national catalogue shipped with Navet: the real product families the fact sheet names, with its sources. */
export const SAMPLE_CATALOGUE = join(projectRoot, 'reference', 'kunskapsstod-katalog.csv');

const REGION = '07';
const SENDER = 'Nationellt system för kunskapsstyrning hälso- och sjukvård';

/** The national program-area group (NPO) of a program area, when the structure has one. */
async function npo(db: Db, area: string): Promise<string | null> {
  const [g] = await db.query<{ id: string }>(
    `SELECT id FROM groups WHERE level = 'national' AND kind = 'program-area' AND status = 'active' AND $1 = ANY(program_area_ids)
     ORDER BY created_at LIMIT 1`,
    [area],
  );
  return g?.id ?? null;
}

async function lpo(db: Db, area: string): Promise<string | null> {
  const [g] = await db.query<{ id: string }>(
    `SELECT id FROM groups WHERE owner = $1 AND kind = 'program-area' AND status = 'active' AND $2 = ANY(program_area_ids) LIMIT 1`,
    [REGION, area],
  );
  return g?.id ?? null;
}

const base = (o: Partial<CreateSupportInput> & Pick<CreateSupportInput, 'type' | 'title'>): CreateSupportInput => ({
  producerKind: 'npo',
  producerGroupId: null,
  producerName: null,
  sender: SENDER,
  url: null,
  summary: null,
  targetGroups: ['Hälso- och sjukvårdspersonal'],
  programAreaIds: [],
  nextRevisionDate: null,
  validFrom: null,
  validUntil: null,
  isDemo: true,
  ...o,
});

/**
 * The catalogue's demo: national knowledge supports of every type (the fact sheet names no
 * single real product, so every title is marked "(demo)"), with versions, consequence
 * descriptions, recommendations of a national guideline, two consultation rounds placed by the
 * calendar, and regional additions by Kronoberg's LPOs. Then the sample national catalogue
 * (reference/kunskapsstod-katalog.csv: the real product families the fact sheet names, each with
 * its sources) through the catalogue import, and a rutin Region Kronoberg authors itself.
 */
export async function loadKnowledgeDemo(db: Db, ctx: Ctx): Promise<void> {
  const heart = await npo(db, 'hjart-och-karlsjukdomar');
  const hf = await createSupport(
    db,
    ctx,
    base({
      type: 'vardforlopp',
      title: 'Personcentrerat och sammanhållet vårdförlopp hjärtsvikt – nydebuterad (demo)',
      producerKind: 'nag',
      producerGroupId: heart,
      producerName: 'NAG hjärtsvikt',
      programAreaIds: ['hjart-och-karlsjukdomar'],
      targetGroups: ['Hälso- och sjukvårdspersonal', 'Kommunal hälso- och sjukvård', 'Beslutsfattare'],
      summary:
        'Vad som ska göras, i vilken ordning och när, från misstanke om hjärtsvikt till uppföljning, med patientkontrakt och indikatorer för uppföljning.',
      url: 'https://vardpersonal.1177.se/',
      status: 'publicerad',
      validFrom: demoDate('2023-03-01'),
      nextRevisionDate: demoDate('2027-03-31'),
      firstVersion: { label: '1.0', changeSummary: 'Första versionen.', publishedOn: demoDate('2023-03-01') },
    }),
  );
  const hf2 = await createVersion(db, ctx, hf.id, {
    label: '2.0',
    changeSummary: 'Nya läkemedel i grundbehandlingen (SGLT2-hämmare) och ekokardiografi inom fyra veckor.',
    url: null,
    decidedOn: null,
    publishedOn: null,
    validFrom: null,
    validUntil: null,
    consequences: [
      { dimension: 'population', significance: 'minor', text: 'Fler patienter utreds tidigare.' },
      {
        dimension: 'resources',
        significance: 'significant',
        text: 'Ökad läkemedelskostnad och fler ekokardiografier; kapaciteten i klinisk fysiologi behöver byggas ut.',
      },
      {
        dimension: 'organisation',
        significance: 'significant',
        text: 'Sjuksköterskeledda hjärtsviktsmottagningar i primärvården.',
      },
      { dimension: 'competence', significance: 'minor', text: 'Utbildning i titrering av läkemedel.' },
      { dimension: 'patient-safety', significance: 'none' },
      { dimension: 'ethics', significance: 'none' },
    ],
  });
  const hfRound = await createRound(db, ctx, {
    supportVersionId: hf2.id,
    isDemo: true,
    documents: [
      {
        kind: 'utkast',
        title: 'Remissversion vårdförlopp hjärtsvikt 2.0 (demo)',
        url: 'https://example.org/demo/hjartsvikt-2-0.pdf',
      },
      {
        kind: 'konsekvensbeskrivning',
        title: 'Nationell konsekvensbeskrivning (demo)',
        url: 'https://example.org/demo/hjartsvikt-konsekvenser.pdf',
      },
    ],
  });
  await addDocument(db, ctx, hfRound.id, {
    kind: 'missiv',
    title: 'Missiv till regionerna (demo)',
    fileName: 'missiv-hjartsvikt.txt',
    mediaType: 'text/plain',
    contentBase64: Buffer.from(
      'Missiv (demo)\n\nVårdförlopp hjärtsvikt – nydebuterad, version 2.0, skickas på öppen nationell remiss. ' +
        'Regionerna ombeds särskilt bedöma de organisatoriska och ekonomiska konsekvenserna och ange om de står bakom förslaget.\n',
    ).toString('base64'),
  });
  const hfLpo = await lpo(db, 'hjart-och-karlsjukdomar');
  if (hfLpo) {
    await createLocalAddition(db, ctx, hf.id, {
      ownerGroupId: hfLpo,
      kind: 'regionalt-tillagg',
      title: 'Regionalt tillägg Kronoberg: remissvägar för ekokardiografi (demo)',
      body: 'Primärvården remitterar till klinisk fysiologi vid Centrallasarettet Växjö eller Ljungby lasarett efter hemort. Prioritet inom fyra veckor.',
      url: null,
      status: 'publicerad',
      reviewDate: demoDate('2027-06-30'),
      isDemo: true,
    });
  }

  const stroke = await createSupport(
    db,
    ctx,
    base({
      type: 'vardforlopp',
      title: 'Vårdförlopp stroke och TIA – tidig rehabilitering (demo)',
      producerKind: 'nag',
      producerGroupId: await npo(db, 'nervsystemets-sjukdomar'),
      producerName: 'NAG stroke',
      programAreaIds: ['nervsystemets-sjukdomar', 'rehabilitering-habilitering-och-forsakringsmedicin'],
      summary: 'Tidig rehabilitering efter stroke och TIA, med teambaserad utskrivning och uppföljning i hemmet.',
      firstVersion: {
        label: '1.0',
        consequences: [
          { dimension: 'competence', significance: 'minor', text: 'Kompetensstöd till kommunal rehabilitering.' },
          { dimension: 'organisation', significance: 'minor', text: 'Mindre justeringar i utskrivningsrutinerna.' },
        ],
      },
    }),
  );
  await createRound(db, ctx, { supportVersionId: stroke.firstVersionId!, isDemo: true });

  const lung = await npo(db, 'lung-och-allergisjukdomar');
  const asthma = await createSupport(
    db,
    ctx,
    base({
      type: 'kliniskt-kunskapsstod',
      title: 'Kliniskt kunskapsstöd astma hos vuxna (demo)',
      producerKind: 'nag',
      producerGroupId: lung,
      producerName: 'NAG kunskapsstöd, NPO lung- och allergisjukdomar',
      programAreaIds: ['lung-och-allergisjukdomar'],
      summary:
        'Kort nationell rekommendation för mötet med patienten i primärvården: diagnostik, behandlingstrappa och uppföljning.',
      url: 'https://vardpersonal.1177.se/',
      status: 'publicerad',
      validFrom: demoDate('2024-06-10'),
      nextRevisionDate: demoDate('2027-02-28'),
      firstVersion: { label: '1.0', publishedOn: demoDate('2024-06-10') },
    }),
  );
  const acute = await lpo(db, 'akut-vard');
  if (acute) {
    await createLocalAddition(db, ctx, asthma.id, {
      ownerGroupId: acute,
      kind: 'lokal-rutin',
      title: 'Lokal rutin: akut astma på akutmottagningen (demo)',
      body: 'Checklista för bedömning och behandling av akut astma, med kontaktvägar till lungmedicin.',
      url: null,
      status: 'utkast',
      reviewDate: null,
      isDemo: true,
    });
  }

  const nr = await createSupport(
    db,
    ctx,
    base({
      type: 'nationella-riktlinjer',
      title: 'Nationella riktlinjer för vård vid astma och KOL (demo)',
      producerKind: 'agency',
      producerName: 'Socialstyrelsen',
      sender: 'Socialstyrelsen',
      programAreaIds: ['lung-och-allergisjukdomar'],
      targetGroups: ['Personal som möter patienter', 'Verksamhetschefer', 'Beslutsfattare'],
      summary: 'Rekommendationer om åtgärder vid astma och KOL, med prioritet 1–10, icke-göra och FoU.',
      status: 'publicerad',
      validFrom: demoDate('2020-12-01'),
      firstVersion: { label: '2020', publishedOn: demoDate('2020-12-01') },
    }),
  );
  const recs: Parameters<typeof createRecommendation>[3][] = [
    {
      code: 'A1',
      condition: 'Astma',
      measure: 'Spirometri med reversibilitetstest vid misstänkt astma',
      grade: 'prioritet',
      priority: 1,
    },
    { code: 'K3', condition: 'KOL med andningssvikt', measure: 'Syrgasbehandling i hemmet', grade: 'prioritet', priority: 3 },
    { code: 'K9', condition: 'KOL, lindrig', measure: 'Lungrehabilitering i grupp', grade: 'prioritet', priority: 6 },
    { code: 'A12', condition: 'Astma', measure: 'Bronkiell termoplastik', grade: 'fou', priority: null },
    {
      code: 'K20',
      condition: 'KOL',
      measure: 'Långtidsbehandling med antibiotika utan exacerbationer',
      grade: 'icke-gora',
      priority: null,
    },
  ];
  for (const r of recs) await createRecommendation(db, ctx, nr.id, { ...r, comment: null });

  await createSupport(
    db,
    ctx,
    base({
      type: 'vardprogram',
      title: 'Nationellt vårdprogram bröstcancer (demo)',
      producerKind: 'rcc',
      producerName: 'Regionala cancercentrum i samverkan',
      sender: 'Regionala cancercentrum i samverkan',
      programAreaIds: ['cancersjukdomar'],
      summary:
        'Utredning, behandling, omvårdnad, rehabilitering och uppföljning vid bröstcancer. Granskas varje år inför eventuell revidering.',
      status: 'publicerad',
      validFrom: demoDate('2025-04-01'),
      nextRevisionDate: demoDate('2027-01-31'),
      firstVersion: { label: '5.1', publishedOn: demoDate('2025-04-01'), changeSummary: 'Mindre revidering utan remiss.' },
    }),
  );
  await createSupport(
    db,
    ctx,
    base({
      type: 'standardiserat-vardforlopp',
      title: 'Standardiserat vårdförlopp tjock- och ändtarmscancer (demo)',
      producerKind: 'rcc',
      producerName: 'Regionala cancercentrum i samverkan',
      sender: 'Regionala cancercentrum i samverkan',
      programAreaIds: ['cancersjukdomar'],
      summary: 'Kriterier för välgrundad misstanke, utredning och första behandling, med maximala ledtider per steg.',
      status: 'publicerad',
      validFrom: demoDate('2024-01-01'),
      nextRevisionDate: demoDate('2027-09-30'),
      firstVersion: { label: '3.0', publishedOn: demoDate('2024-01-01') },
    }),
  );
  await createSupport(
    db,
    ctx,
    base({
      type: 'vard-och-insatsprogram',
      title: 'Nationellt vård- och insatsprogram ADHD (demo)',
      producerKind: 'nag',
      producerGroupId: await npo(db, 'psykisk-halsa'),
      producerName: 'NAG ADHD, NPO psykisk hälsa',
      programAreaIds: ['psykisk-halsa'],
      targetGroups: ['Specialistpsykiatri', 'Primärvård', 'Socialtjänst', 'Skola'],
      summary: 'Samlad kunskap för mötet med individen, för regioner och kommuner.',
      status: 'publicerad',
      validFrom: demoDate('2022-05-01'),
      nextRevisionDate: demoDate('2026-12-15'),
      firstVersion: { label: '1.0', publishedOn: demoDate('2022-05-01') },
    }),
  );
  const legacy = await createSupport(
    db,
    ctx,
    base({
      type: 'vardriktlinje',
      title: 'Vårdriktlinje nedre urinvägsinfektion hos kvinnor (demo)',
      producerKind: 'nag',
      producerGroupId: await npo(db, 'infektionssjukdomar'),
      programAreaIds: ['infektionssjukdomar'],
      status: 'publicerad',
      validFrom: demoDate('2021-09-01'),
      firstVersion: { label: '1.0', publishedOn: demoDate('2021-09-01') },
    }),
  );
  await transitionSupport(db, ctx, legacy.id, (await repo.getSupport(db, legacy.id))!.version, {
    status: 'upphavd',
    reason: 'Vårdriktlinjer tas inte längre fram; innehållet ingår i det kliniska kunskapsstödet.',
  });
  await createSupport(
    db,
    ctx,
    base({
      type: 'kliniskt-kunskapsstod',
      title: 'Kliniskt kunskapsstöd KOL (demo)',
      producerKind: 'nag',
      producerGroupId: lung,
      programAreaIds: ['lung-och-allergisjukdomar'],
      firstVersion: { label: '1.0' },
    }),
  );
  // The real catalogue's entries come in as any catalogue file does: through the import.
  await importCatalogue(db, ctx, {
    fileName: 'kunskapsstod-katalog.csv',
    format: 'csv',
    contentBase64: readFileSync(SAMPLE_CATALOGUE).toString('base64'),
    full: false,
    dryRun: false,
    isDemo: true,
  });
  // Kronoberg's own support, authored by the region (owner '07'), beside the national catalogue.
  await createSupport(db, ctx, {
    ...base({
      type: 'rutin',
      title: 'Rutin för remiss till hjärtsviktsmottagning, Region Kronoberg (demo)',
      producerKind: 'other',
      producerName: 'Region Kronoberg',
    }),
    owner: '07',
  });
}
