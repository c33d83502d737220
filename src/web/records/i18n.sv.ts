/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'records.…'. */
export const svRecords = {
  'records.title': 'Registerutdrag och anonymisering',
  'records.titleFor': 'Registerutdrag och anonymisering: {name}',
  'records.lead':
    'Enligt dataskyddsförordningen (artikel 15) har varje person rätt att få veta vilka uppgifter som finns om dem. En person som har slutat kan anonymiseras när uppgifterna inte längre behövs – men allmänna handlingar bevaras enligt arkivlagen.',
  'records.extract.title': 'Registerutdrag',
  'records.extract.lead':
    'Utdraget innehåller personuppgifterna, uppdragen, jävsdeklarationerna (innehållet bara för personen själv och administratörer), nomineringar, medverkan och ersättningsanspråk, och händelserna i granskningsloggen om personen. Att ta ut ett utdrag loggas.',
  'records.extract.docx': 'Ladda ner registerutdrag (Word)',
  'records.extract.json': 'Ladda ner registerutdrag (JSON)',
  'records.anonymise.title': 'Anonymisera personen',
  'records.anonymise.lead':
    'När personen anonymiseras ersätts namn, e-postadress, HSA-id och yrke med pseudonymen ”{pseudonym}”. Inga poster raderas.',
  'records.anonymise.why':
    'Uppdrag, beslut och jävsdeklarationer är allmänna handlingar och får bara gallras enligt ett gallringsbeslut; ersättningar är räkenskapsinformation som ska sparas i sju år. De finns kvar, men under pseudonymen. Tabellen visar vad som händer med varje slag av uppgift och varför.',
  'records.anonymise.caption': 'Vad som händer med personens uppgifter vid anonymisering',
  'records.anonymise.user':
    'Granskningsloggen kan inte ändras: händelser som redan är loggade står kvar som de är. Ett användarkonto med samma e-postadress stängs av separat under Administration.',
  'records.anonymise.blocked': 'Personen kan inte anonymiseras ännu:',
  'records.anonymise.confirm': 'Jag har läst vad som bevaras och varför, och vill anonymisera personen.',
  'records.anonymise.submit': 'Anonymisera {name}',
  'records.anonymise.done': 'Personen är anonymiserad och heter nu ”{pseudonym}”.',
  'records.anonymise.already': 'Personen är redan anonymiserad.',
  'records.col.record': 'Uppgifter',
  'records.col.count': 'Antal',
  'records.col.happens': 'Vid anonymisering',
  'records.col.retention': 'Bevarande',
  'records.col.basis': 'Rättslig grund',
  'records.col.actions': 'Åtgärder',
  'records.on.keep': 'Bevaras oförändrade',
  'records.on.keep-pseudonymised': 'Bevaras under pseudonymen',
  'records.on.erase': 'Raderas eller ersätts',
  'records.retention.title': 'Bevarande och gallring',
  'records.retention.lead':
    'Hur länge varje slag av uppgift sparas och på vilken rättslig grund. Vad som händer vid anonymisering följer av arkivlagen och kan inte ändras här; bevarandetid och rättslig grund anpassas till myndighetens dokumenthanteringsplan.',
  'records.retention.caption': 'Bevaranderegler per slag av uppgift',
  'records.retention.years': '{years} år',
  'records.retention.yearsLabel': 'Bevarandetid i år',
  'records.retention.yearsHint': 'Lämna tomt om uppgifterna bevaras tills ett gallringsbeslut säger annat.',
  'records.retention.edit': 'Ändra {label}',
  'records.retention.save': 'Spara regeln',
  'records.retention.saved': 'Regeln för {label} är sparad.',
  'records.cancel': 'Avbryt',
} as const;
