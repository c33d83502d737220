/** The last due date that gets a notice today: items due within the lead time (or overdue). */
export function noticeHorizon(today: string, leadDays: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + leadDays);
  return d.toISOString().slice(0, 10);
}

/**
 * The e-mail for an action item that is due. A secret-marked case's subject and the item's
 * title stay out of the e-mail (it leaves the system); the link leads to them.
 */
export function dueNoticeMail(
  a: {
    title: string;
    subject: string;
    secret: boolean;
    caseNumber: string;
    dueDate: string;
    today: string;
    caseId: string;
    baseUrl: string;
  },
  name: string,
): { subject: string; text: string } {
  const overdue = a.dueDate < a.today;
  const when = overdue
    ? `skulle ha varit klar ${a.dueDate}`
    : a.dueDate === a.today
      ? 'ska vara klar i dag'
      : `ska vara klar ${a.dueDate}`;
  const what = a.secret ? 'En åtgärdspunkt' : `Åtgärdspunkten "${a.title}"`;
  const about = a.secret ? `ärende ${a.caseNumber} (sekretessmarkerat)` : `ärende ${a.caseNumber} – ${a.subject}`;
  return {
    subject: `${overdue ? 'Försenad åtgärdspunkt' : 'Åtgärdspunkt att göra'}: ${a.caseNumber}`,
    text: [
      name ? `Hej ${name},` : 'Hej,',
      '',
      `${what} i ${about} ${when}.`,
      '',
      `Öppna ärendet i Navet: ${a.baseUrl.replace(/\/$/, '')}/arenden-och-beslut/arenden/${a.caseId}`,
      '',
      'Markera punkten som klar i ärendet när den är gjord. Ett ärende kan inte avslutas med öppna åtgärdspunkter.',
    ].join('\n'),
  };
}
