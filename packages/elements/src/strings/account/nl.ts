import type { AccountStringTable } from './en.ts';

/** Dutch strings of the account elements (u), loaded on demand under `lang="nl"`. */
const nl: AccountStringTable = {
  'field.current_password': 'Huidig wachtwoord',
  'field.current_password.required': 'Voer uw huidige wachtwoord in.',
  'field.new_email': 'Nieuw e-mailadres',
  'error.email_taken': 'Dit e-mailadres hoort al bij een ander account.',
  'changepw.heading': 'Uw wachtwoord wijzigen',
  'changepw.intro':
    'Voer uw huidige wachtwoord in, kies en bevestig een nieuw wachtwoord en selecteer ‘Wachtwoord wijzigen’. Alle andere apparaten die bij uw account zijn aangemeld, worden afgemeld.',
  'changepw.submit': 'Wachtwoord wijzigen',
  'changepw.wrong_current': 'Het huidige wachtwoord is niet juist.',
  'changepw.done_heading': 'Uw wachtwoord is gewijzigd',
  'changepw.done_body':
    'Uw andere apparaten zijn afgemeld en er is een melding naar uw e-mailadres gestuurd. Hier blijft u aangemeld.',
  'changeemail.heading': 'Uw e-mailadres wijzigen',
  'changeemail.current': 'U meldt zich aan met uw e-mailadres, {email}.',
  'changeemail.intro':
    'We sturen een bevestigingslink naar het nieuwe adres. Er verandert niets totdat u de link in die e-mail selecteert.',
  'changeemail.submit': 'Bevestigingslink versturen',
  'changeemail.unchanged': 'Dit is al uw e-mailadres.',
  'changeemail.sent_heading': 'Kijk in de inbox van uw nieuwe e-mailadres',
  'changeemail.sent_body':
    'Als {email} kan worden gebruikt, is er een bevestigingsmail naar dat adres onderweg. Uw e-mailadres verandert wanneer u de link in die e-mail selecteert.',
};

export default nl;
