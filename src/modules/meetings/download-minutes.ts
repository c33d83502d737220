import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { minutesDoc } from './minutes-document.js';
import { toDocx, toPdf } from './minutes-render.js';
import { loadMeeting, loadParagraph } from './policy.js';

type Format = 'pdf' | 'docx';

async function render(doc: Awaited<ReturnType<typeof minutesDoc>>, format: Format) {
  return { fileName: `${doc.fileBase}.${format}`, body: format === 'pdf' ? await toPdf(doc) : await toDocx(doc) };
}

/** The whole minutes as PDF or DOCX, for someone who may read the meeting. */
export async function downloadMinutes(db: Queryable, ctx: Ctx, meetingId: string, format: Format) {
  const { meeting } = await loadMeeting(db, ctx, meetingId);
  return render(await minutesDoc(db, meeting), format);
}

/** An extract (protokollsutdrag): one paragraph as PDF or DOCX. */
export async function downloadExtract(db: Queryable, ctx: Ctx, paragraphId: string, format: Format) {
  const { paragraph, meeting } = await loadParagraph(db, ctx, paragraphId, 'read');
  return render(await minutesDoc(db, meeting, paragraph.id), format);
}
