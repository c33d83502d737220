import { migrate } from '../../platform/db/migrate.js';
import { prepareDatabase } from '../../server.js';
import { describeDatabase, withDatabase } from '../database.js';
import { print } from '../output.js';
import { printMigrations } from './migrate.js';

/** What a start does to the database — migrations, reference data, demo data — without serving. */
export async function seedCommand(opts: { demo?: boolean }): Promise<void> {
  await withDatabase(async (db, config) => {
    printMigrations(await migrate(db, { appRole: config.dbAppRole }), describeDatabase(config));
    const demo = opts.demo ?? config.demo;
    await prepareDatabase(db, { ...config, demo });
    const [c] = await db.query<{ regions: number; municipalities: number; groups: number; demo_users: number }>(
      `SELECT (SELECT count(*) FROM regions) AS regions, (SELECT count(*) FROM municipalities) AS municipalities,
              (SELECT count(*) FROM groups) AS groups, (SELECT count(*) FROM users WHERE is_demo) AS demo_users`,
    );
    print(`Referensdata: ${c!.regions} regioner, ${c!.municipalities} kommuner, ${c!.groups} grupper.`);
    print(demo ? `Demodata: ${c!.demo_users} demoanvändare.` : 'Demodata: hoppades över (--no-demo).');
  });
}
