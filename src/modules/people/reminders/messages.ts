/** The reminder e-mails, in plain Swedish. Plain text: they are read in every mail client. */

const ROLE_LABELS: Record<string, string> = {
  ordforande: 'ordförande',
  'vice-ordforande': 'vice ordförande',
  processtod: 'processtöd',
  processledare: 'processledare',
  processagare: 'processägare',
  controller: 'controller',
  'administrativt-stod': 'administrativt stöd',
  sekreterare: 'sekreterare',
  samordnare: 'samordnare',
  ledamot: 'ledamot',
  ersattare: 'ersättare',
  adjungerad: 'adjungerad',
  deltagare: 'deltagare',
  patientforetradare: 'patientföreträdare',
  kommunrepresentant: 'kommunrepresentant',
  webbredaktor: 'webbredaktör',
  superkodare: 'superkodare',
  superanvandare: 'superanvändare (uppföljning/analys)',
  kvalitetssamordnare: 'kvalitetssamordnare',
  'lokal-patientprocessledare': 'lokal patientprocessledare',
  kontaktsjukskoterska: 'kontaktsjuksköterska',
  'svf-koordinator': 'SVF-koordinator',
};

export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role;

const days = (n: number) => (n === 0 ? 'i dag' : n === 1 ? 'i morgon' : `om ${n} dagar`);
const SIGNATURE = '\n\nMed vänlig hälsning\nNavet – kunskapsstyrningens register';

export type MembershipAudience = 'person' | 'chair' | 'coordinator';

export interface MembershipEnding {
  personName: string;
  groupName: string;
  role: string;
  endDate: string;
  daysLeft: number;
}

export function membershipEndingMail(m: MembershipEnding, audience: MembershipAudience, recipientName: string) {
  const seat = `${roleLabel(m.role)} i ${m.groupName}`;
  const subject = `Uppdraget som ${seat} slutar ${m.endDate}`;
  const greeting = `Hej ${recipientName}!\n\n`;
  if (audience === 'person') {
    return {
      subject,
      text:
        greeting +
        `Ditt uppdrag som ${seat} slutar ${m.endDate} (${days(m.daysLeft)}).\n\n` +
        'Vill du fortsätta? Tala med gruppens ordförande eller samordnaren i god tid, så att uppdraget kan förlängas. ' +
        'Annars nominerar de en efterträdare.' +
        SIGNATURE,
    };
  }
  const why =
    audience === 'chair'
      ? `Du får det här som ordförande i ${m.groupName}.`
      : 'Du får det här som samordnare för gruppens region.';
  return {
    subject,
    text:
      greeting +
      `${m.personName}s uppdrag som ${seat} slutar ${m.endDate} (${days(m.daysLeft)}).\n\n` +
      'Förläng uppdraget eller nominera en efterträdare i Navet innan dess, så att platsen inte står tom.\n\n' +
      why +
      SIGNATURE,
  };
}

export type DeclarationAudience = 'person' | 'reviewer';

export interface DeclarationLapsing {
  personName: string;
  validUntil: string;
  daysLeft: number;
}

export function declarationLapsingMail(d: DeclarationLapsing, audience: DeclarationAudience, recipientName: string) {
  const subject = `Jävsdeklarationen för ${d.personName} gäller till ${d.validUntil}`;
  const greeting = `Hej ${recipientName}!\n\n`;
  if (audience === 'person') {
    return {
      subject,
      text:
        greeting +
        `Din jävsdeklaration gäller till ${d.validUntil} (${days(d.daysLeft)}).\n\n` +
        'Lämna in en ny jävsdeklaration i Navet före dess. Utan en aktuell, godkänd deklaration flaggas alla dina uppdrag, ' +
        'och du kan inte utses till nya.' +
        SIGNATURE,
    };
  }
  return {
    subject,
    text:
      greeting +
      `${d.personName}s jävsdeklaration gäller till ${d.validUntil} (${days(d.daysLeft)}).\n\n` +
      'En ny deklaration behöver lämnas in och granskas före dess; annars flaggas personens uppdrag.\n\n' +
      'Du får det här som granskare av jävsdeklarationer.' +
      SIGNATURE,
  };
}
