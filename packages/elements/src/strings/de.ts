import type { FormStringTable } from './en.ts';

/**
 * German strings (Sie-Form). Complete: the type requires every id of the English table. The
 * elements load this table by themselves under `lang="de"`; import it only to bundle it eagerly.
 *
 * @example
 * ```ts
 * import { de, registerTranslation } from '@connect-auth/elements';
 * registerTranslation('de', de); // bundled up front instead of loaded on demand
 * ```
 */
export const de: FormStringTable = {
  'common.pending': 'Bitte warten …',
  'common.retry': 'Erneut versuchen',
  'field.email': 'E-Mail-Adresse',
  'field.name': 'Name (optional)',
  'field.password': 'Passwort',
  'field.new_password': 'Neues Passwort',
  'field.confirm_password': 'Neues Passwort bestätigen',
  'field.code': 'Code aus der E-Mail',
  'field.code.hint': '8 Ziffern, zum Beispiel 12345678.',
  'field.email.required': 'Geben Sie Ihre E-Mail-Adresse ein.',
  'field.email.invalid': 'Geben Sie eine E-Mail-Adresse im Format name@beispiel.de ein.',
  'field.password.required': 'Geben Sie ein Passwort ein.',
  'field.confirm.required': 'Geben Sie das neue Passwort noch einmal ein.',
  'field.confirm.mismatch': 'Die beiden Passwörter stimmen nicht überein.',
  'field.code.required': 'Geben Sie den Code aus der E-Mail ein.',
  'field.code.invalid': 'Der Code besteht aus 8 Ziffern.',
  'field.name.invalid': 'Geben Sie einen Namen mit höchstens 200 Zeichen ein.',
  'field.invalid': 'Prüfen Sie dieses Feld.',

  'error.summary_title': 'Es ist ein Problem aufgetreten',
  'error.invalid_credentials':
    'E-Mail-Adresse und Passwort passen zu keinem aktiven Konto. Hatten Sie ein Konto im alten Portal? Dann aktivieren Sie es zuerst.',
  'error.token_expired': 'Dieser Link ist abgelaufen.',
  'error.token_used': 'Dieser Link wurde bereits verwendet.',
  'error.token_superseded':
    'Es wurde eine neuere E-Mail gesendet, daher gilt dieser Link nicht mehr.',
  'error.token_invalid': 'Dieser Link ist ungültig.',
  'error.code_invalid':
    'Der Code stimmt nicht oder ist abgelaufen. Verwenden Sie den Code aus der neuesten E-Mail oder fordern Sie einen neuen an.',
  'error.weak_password': 'Das Passwort erfüllt nicht alle Anforderungen. Siehe die Liste unten.',
  'error.rate_limited':
    'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
  'error.rate_limited_wait': 'Zu viele Versuche. Sie können es in {seconds} s erneut versuchen.',
  'error.validation_failed': 'Einige Angaben sind ungültig. Prüfen Sie die markierten Felder.',
  'error.session_invalid': 'Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an.',
  'error.origin_forbidden': 'Diese Seite darf den Kontodienst nicht verwenden.',
  'error.unsupported_media_type': 'Der Kontodienst konnte diese Anfrage nicht lesen.',
  'error.payload_too_large': 'Ihre Eingabe ist zu lang zum Senden.',
  'error.not_found': 'Unter dieser Adresse ist kein Kontodienst erreichbar.',
  'error.method_not_allowed': 'Der Kontodienst nimmt diese Anfrage nicht an.',
  'error.server_error':
    'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es in ein paar Minuten erneut.',
  'error.network_error':
    'Der Kontodienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.timeout': 'Der Kontodienst hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.',
  'error.aborted': 'Die Anfrage wurde abgebrochen.',
  'error.invalid_response':
    'Der Kontodienst hat eine unlesbare Antwort gesendet. Bitte versuchen Sie es später erneut.',
  'error.missing_client': 'Dieses Formular ist noch mit keinem Kontodienst verbunden.',
  'error.unknown': 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',

  'password.show': 'Passwort anzeigen',
  'password.required_rules': 'Anforderungen',
  'password.recommended_rules': 'Empfohlen',
  'password.rule_met': 'erfüllt',
  'password.rule_unmet': 'noch nicht erfüllt',
  'password.announce_met': 'Erfüllt: {rule}',
  'password.announce_unmet': 'Nicht erfüllt: {rule}',
  'password.strength': 'Stärke: {level}',
  'password.strength.0': 'sehr schwach',
  'password.strength.1': 'schwach',
  'password.strength.2': 'mittel',
  'password.strength.3': 'gut',
  'password.strength.4': 'stark',
  'rule.min_length': 'Mindestens {min} Zeichen',
  'rule.max_length': 'Höchstens {max} Zeichen',
  'rule.uppercase': 'Ein Großbuchstabe (A–Z)',
  'rule.lowercase': 'Ein Kleinbuchstabe (a–z)',
  'rule.digit': 'Eine Ziffer (0–9)',
  'rule.special': 'Ein Sonderzeichen, zum Beispiel {chars}',
  'rule.not_common': 'Kein häufig verwendetes Passwort',
  'rule.not_context': 'Enthält weder Ihre E-Mail-Adresse noch Ihren Namen',
  'rule.unknown': 'Eine weitere Vorgabe des Servers ({id})',

  'support.heading': 'Kein Zugriff auf Ihre E-Mail-Adresse?',
  'support.body':
    'Unser Kundenservice versucht, Ihnen wieder Zugang zu Ihrem Konto zu verschaffen. Er öffnet ein Konto nur jemandem, der nachweisen kann, dass es ihm gehört, und er kann keine Schlösser von einem Konto auf ein anderes übertragen.',
  'support.link': 'Kundenservice kontaktieren',

  'lost.heading': 'Passwort vergessen',
  'lost.intro':
    'Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden, und wählen Sie „Passwort zurücksetzen“. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen. Hatten Sie ein Konto im alten Portal? So aktivieren Sie es auch.',
  'lost.submit': 'Passwort zurücksetzen',
  'lost.sent_heading': 'Sehen Sie in Ihr Postfach',
  'lost.sent_body':
    'Falls es ein Konto für {email} gibt, ist eine E-Mail „Anfrage zum Zurücksetzen des Passworts“ dorthin unterwegs. Öffnen Sie den Link darin, um ein neues Passwort zu wählen; derselbe Link aktiviert Konten aus dem alten Portal.',
  'lost.sent_hint': 'Die E-Mail kann einige Minuten brauchen. Sehen Sie auch im Spam-Ordner nach.',
  'lost.resend': 'E-Mail erneut senden',
  'lost.resend_wait': 'Sie können in {seconds} s eine weitere E-Mail anfordern.',
  'lost.resent': 'Falls es ein Konto für {email} gibt, haben wir eine weitere E-Mail gesendet.',
  'lost.use_code': 'Code aus der E-Mail eingeben',
  'lost.other_email': 'Andere E-Mail-Adresse verwenden',
  'lost.code_heading': 'Code aus der E-Mail eingeben',
  'lost.code_intro':
    'Die E-Mail enthält auch einen 8-stelligen Code. Geben Sie ihn hier mit Ihrem neuen Passwort ein, falls der Link auf diesem Gerät nicht funktioniert.',
  'lost.code_submit': 'Speichern',
  'lost.back': 'Zurück',
  'lost.done_heading': 'Ihr neues Passwort ist gespeichert',
  'lost.done_heading_activation': 'Ihr Konto ist aktiv',
  'lost.done_body': 'Melden Sie sich mit Ihrer E-Mail-Adresse {email} und Ihrem neuen Passwort an.',

  'reset.verifying': 'Ihr Link wird geprüft …',
  'reset.heading_activation': 'Konto aktivieren',
  'reset.heading_reset': 'Neues Passwort wählen',
  'reset.for_account': 'Für das Konto {email}',
  'reset.intro_activation':
    'Wählen und bestätigen Sie ein neues Passwort und wählen Sie dann „Speichern“. Mit dem Speichern wird Ihr Konto aktiviert.',
  'reset.intro_reset':
    'Wählen und bestätigen Sie ein neues Passwort und wählen Sie dann „Speichern“. Es ersetzt Ihr altes und meldet Ihre anderen Geräte ab.',
  'reset.submit': 'Speichern',
  'reset.expired_heading': 'Dieser Link ist abgelaufen',
  'reset.expired_body':
    'Zum Schutz Ihres Kontos gelten Links nur für begrenzte Zeit. Fordern Sie unten einen neuen an.',
  'reset.used_heading': 'Dieser Link wurde bereits verwendet',
  'reset.used_body':
    'Jeder Link funktioniert nur einmal. Haben Sie schon ein Passwort gewählt, melden Sie sich damit an. Sonst fordern Sie einen neuen Link an.',
  'reset.superseded_heading': 'Es wurde eine neuere E-Mail gesendet',
  'reset.superseded_body':
    'Sie haben danach eine weitere E-Mail angefordert, daher funktioniert nur der Link in der neuesten E-Mail. Verwenden Sie diesen oder fordern Sie einen neuen an.',
  'reset.invalid_heading': 'Dieser Link ist ungültig',
  'reset.invalid_body':
    'Manche E-Mail-Programme zerlegen lange Links. Öffnen Sie den Link aus der E-Mail erneut oder fordern Sie einen neuen an.',
  'reset.missing_body':
    'Diese Seite braucht den Link aus Ihrer E-Mail. Öffnen Sie den Link erneut oder fordern Sie einen neuen an.',
  'reset.request_new': 'Neuen Link anfordern',
  'reset.done_heading_activation': 'Ihr Konto ist aktiv',
  'reset.done_body_activation':
    'Willkommen im neuen Portal. Melden Sie sich mit Ihrer E-Mail-Adresse {email} und Ihrem neuen Passwort an.',
  'reset.done_heading_reset': 'Ihr Passwort wurde geändert',
  'reset.done_body_reset':
    'Melden Sie sich mit Ihrer E-Mail-Adresse {email} und Ihrem neuen Passwort an. Ihre anderen Geräte wurden abgemeldet.',
  'reset.sign_in': 'Anmelden',

  'signin.heading': 'Anmelden',
  'signin.submit': 'Anmelden',
  'signin.forgot': 'Passwort vergessen?',
  'signin.activate_prompt': 'Hatten Sie ein Konto im alten Portal?',
  'signin.activate': 'Konto aktivieren',
  'signin.back': 'Zurück zur Anmeldung',
  'signin.done_heading': 'Sie sind angemeldet',
  'signin.done_body': 'Angemeldet als {email}.',

  'register.heading': 'Neues Konto registrieren',
  'register.intro':
    'Neu bei NetCode oder noch nie ein Konto im Codelocks-Portal gehabt? Registrieren Sie hier ein neues Konto. Hatten Sie ein Konto im alten Portal, aktivieren Sie es stattdessen.',
  'register.submit': 'Registrieren',
  'register.sent_heading': 'Sehen Sie in Ihr Postfach',
  'register.sent_body':
    'Wir haben eine E-Mail an {email} gesendet. Folgen Sie dem Link darin, um fertig zu werden. Gibt es für diese Adresse schon ein Konto, erklärt die E-Mail stattdessen, wie Sie sich anmelden.',
  'register.have_account': 'Sie haben schon ein Konto?',
  'register.sign_in': 'Anmelden',
};

export default de;
