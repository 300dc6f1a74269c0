import type { AccountStringTable } from './en.ts';

/** German strings of the account elements (Sie), loaded on demand under `lang="de"`. */
const de: AccountStringTable = {
  'field.current_password': 'Aktuelles Passwort',
  'field.current_password.required': 'Geben Sie Ihr aktuelles Passwort ein.',
  'field.new_email': 'Neue E-Mail-Adresse',
  'error.email_taken': 'Diese E-Mail-Adresse gehört bereits zu einem anderen Konto.',
  'changepw.heading': 'Passwort ändern',
  'changepw.intro':
    'Geben Sie Ihr aktuelles Passwort ein, wählen und bestätigen Sie dann ein neues und wählen Sie „Passwort ändern“. Alle anderen Geräte, die mit Ihrem Konto angemeldet sind, werden abgemeldet.',
  'changepw.submit': 'Passwort ändern',
  'changepw.wrong_current': 'Das aktuelle Passwort ist nicht korrekt.',
  'changepw.done_heading': 'Ihr Passwort wurde geändert',
  'changepw.done_body':
    'Ihre anderen Geräte wurden abgemeldet, und an Ihre E-Mail-Adresse wurde ein Hinweis gesendet. Hier bleiben Sie angemeldet.',
  'changeemail.heading': 'E-Mail-Adresse ändern',
  'changeemail.current': 'Sie melden sich mit Ihrer E-Mail-Adresse {email} an.',
  'changeemail.intro':
    'Wir senden einen Bestätigungslink an die neue Adresse. Es ändert sich nichts, bis Sie den Link in dieser E-Mail auswählen.',
  'changeemail.submit': 'Bestätigungslink senden',
  'changeemail.unchanged': 'Das ist bereits Ihre E-Mail-Adresse.',
  'changeemail.sent_heading': 'Sehen Sie unter Ihrer neuen E-Mail-Adresse nach',
  'changeemail.sent_body':
    'Wenn {email} verwendet werden kann, ist eine Bestätigungs-E-Mail dorthin unterwegs. Ihre E-Mail-Adresse ändert sich, wenn Sie den Link in dieser E-Mail auswählen.',
};

export default de;
