import type { FormStringTable } from './en.ts';

/**
 * Italian strings (forma di cortesia, Lei). Complete: the type requires every id of the English
 * table. The elements load this table by themselves under `lang="it"`; import it only to bundle
 * it eagerly.
 *
 * @example
 * ```ts
 * import { it, registerTranslation } from '@connect-auth/elements';
 * registerTranslation('it', it); // bundled up front instead of loaded on demand
 * ```
 */
export const it: FormStringTable = {
  'common.pending': 'Attendere…',
  'common.retry': 'Riprova',
  'field.email': 'Indirizzo email',
  'field.name': 'Nome (facoltativo)',
  'field.password': 'Password',
  'field.new_password': 'Nuova password',
  'field.confirm_password': 'Conferma la nuova password',
  'field.code': 'Codice ricevuto via email',
  'field.code.hint': '8 cifre, ad esempio 12345678.',
  'field.email.required': 'Inserisca il Suo indirizzo email.',
  'field.email.invalid': 'Inserisca un indirizzo email nel formato nome@esempio.it.',
  'field.password.required': 'Inserisca una password.',
  'field.confirm.required': 'Inserisca di nuovo la nuova password.',
  'field.confirm.mismatch': 'Le due password non coincidono.',
  'field.code.required': 'Inserisca il codice ricevuto via email.',
  'field.code.invalid': 'Il codice è composto da 8 cifre.',
  'field.name.invalid': 'Inserisca un nome di al massimo 200 caratteri.',
  'field.invalid': 'Controlli questo campo.',

  'error.summary_title': 'Si è verificato un problema',
  'error.invalid_credentials':
    'Questo indirizzo email e questa password non corrispondono a nessun account attivo. Se aveva un account sul vecchio portale, lo attivi prima.',
  'error.token_expired': 'Questo link è scaduto.',
  'error.token_used': 'Questo link è già stato usato.',
  'error.token_superseded':
    'È stata inviata un’email più recente, quindi questo link non vale più.',
  'error.token_invalid': 'Questo link non è valido.',
  'error.code_invalid':
    'Il codice non è corretto o è scaduto. Usi il codice dell’email più recente oppure ne chieda uno nuovo.',
  'error.weak_password': 'La password non soddisfa tutti i requisiti. Veda l’elenco qui sotto.',
  'error.rate_limited': 'Troppi tentativi. Attenda un momento e riprovi.',
  'error.rate_limited_wait': 'Troppi tentativi. Potrà riprovare tra {seconds} s.',
  'error.validation_failed': 'Alcuni dati non sono validi. Controlli i campi segnalati qui sotto.',
  'error.session_invalid': 'La sessione è terminata. Acceda di nuovo.',
  'error.origin_forbidden': 'Questa pagina non è autorizzata a usare il servizio account.',
  'error.unsupported_media_type': 'Il servizio account non è riuscito a leggere questa richiesta.',
  'error.payload_too_large': 'Il testo inserito è troppo lungo per essere inviato.',
  'error.not_found': 'Il servizio account non è disponibile a questo indirizzo.',
  'error.method_not_allowed': 'Il servizio account non accetta questa richiesta.',
  'error.server_error': 'Qualcosa non ha funzionato da parte nostra. Riprovi tra qualche minuto.',
  'error.network_error':
    'Non è stato possibile raggiungere il servizio account. Controlli la connessione e riprovi.',
  'error.timeout': 'Il servizio account ha impiegato troppo tempo a rispondere. Riprovi.',
  'error.aborted': 'La richiesta è stata annullata.',
  'error.invalid_response':
    'Il servizio account ha inviato una risposta illeggibile. Riprovi più tardi.',
  'error.missing_client': 'Questo modulo non è ancora collegato a un servizio account.',
  'error.unknown': 'Qualcosa non ha funzionato. Riprovi.',

  'password.show': 'Mostra la password',
  'password.required_rules': 'Requisiti',
  'password.recommended_rules': 'Consigliato',
  'password.rule_met': 'soddisfatto',
  'password.rule_unmet': 'non ancora',
  'password.announce_met': 'Soddisfatto: {rule}',
  'password.announce_unmet': 'Non soddisfatto: {rule}',
  'password.strength': 'Sicurezza: {level}',
  'password.strength.0': 'molto debole',
  'password.strength.1': 'debole',
  'password.strength.2': 'discreta',
  'password.strength.3': 'buona',
  'password.strength.4': 'ottima',
  'rule.min_length': 'Almeno {min} caratteri',
  'rule.max_length': 'Non più di {max} caratteri',
  'rule.uppercase': 'Una lettera maiuscola (A–Z)',
  'rule.lowercase': 'Una lettera minuscola (a–z)',
  'rule.digit': 'Un numero (0–9)',
  'rule.special': 'Un carattere speciale, ad esempio {chars}',
  'rule.not_common': 'Non una password di uso comune',
  'rule.not_context': 'Non contiene il Suo indirizzo email né il Suo nome',
  'rule.unknown': 'Un altro requisito del server ({id})',

  'support.heading': 'Non ha più accesso al Suo indirizzo email?',
  'support.body':
    'Il nostro Servizio Clienti cercherà di aiutarLa a recuperare l’accesso al Suo account. Può aprire un account solo a chi dimostra che è suo e non può trasferire serrature da un account a un altro.',
  'support.link': 'Contatta il Servizio Clienti',

  'lost.heading': 'Password dimenticata',
  'lost.intro':
    'Inserisca l’indirizzo email con cui accede e selezioni «Reimposta password». Le invieremo un link per scegliere una nuova password. Se aveva un account sul vecchio portale, è anche il modo per attivarlo.',
  'lost.submit': 'Reimposta password',
  'lost.sent_heading': 'Controlli la Sua email',
  'lost.sent_body':
    'Se esiste un account per {email}, un’email «Richiesta di reimpostazione della password» è in arrivo a quell’indirizzo. Apra il link che contiene per scegliere una nuova password; lo stesso link attiva gli account del vecchio portale.',
  'lost.sent_hint':
    'L’email può impiegare qualche minuto ad arrivare. Controlli anche la cartella della posta indesiderata.',
  'lost.resend': 'Invia di nuovo l’email',
  'lost.resend_wait': 'Potrà chiedere un’altra email tra {seconds} s.',
  'lost.resent': 'Se esiste un account per {email}, abbiamo inviato un’altra email.',
  'lost.use_code': 'Inserisci il codice dell’email',
  'lost.other_email': 'Usa un altro indirizzo email',
  'lost.code_heading': 'Inserisca il codice dell’email',
  'lost.code_intro':
    'L’email contiene anche un codice di 8 cifre. Lo inserisca qui con la nuova password se il link non funziona su questo dispositivo.',
  'lost.code_submit': 'Salva',
  'lost.back': 'Indietro',
  'lost.done_heading': 'La nuova password è stata salvata',
  'lost.done_heading_activation': 'Il Suo account è attivo',
  'lost.done_body': 'Acceda con il Suo indirizzo email, {email}, e la nuova password.',

  'reset.verifying': 'Verifica del link in corso…',
  'reset.heading_activation': 'Attivi il Suo account',
  'reset.heading_reset': 'Scelga una nuova password',
  'reset.for_account': 'Per l’account {email}',
  'reset.intro_activation':
    'Scelga e confermi una nuova password, poi selezioni «Salva». Salvandola, il Suo account viene attivato.',
  'reset.intro_reset':
    'Scelga e confermi una nuova password, poi selezioni «Salva». Sostituisce quella vecchia e disconnette gli altri Suoi dispositivi.',
  'reset.submit': 'Salva',
  'reset.expired_heading': 'Questo link è scaduto',
  'reset.expired_body':
    'Per proteggere il Suo account, i link funzionano solo per un tempo limitato. Ne chieda uno nuovo qui sotto.',
  'reset.used_heading': 'Questo link è già stato usato',
  'reset.used_body':
    'Ogni link funziona una sola volta. Se ha già scelto una password, acceda con quella. Altrimenti chieda un nuovo link.',
  'reset.superseded_heading': 'È stata inviata un’email più recente',
  'reset.superseded_body':
    'Dopo questa ha chiesto un’altra email, quindi funziona solo il link dell’email più recente. Usi quello oppure chieda un nuovo link.',
  'reset.invalid_heading': 'Questo link non è valido',
  'reset.invalid_body':
    'Alcuni programmi di posta spezzano i link lunghi. Riapra il link dall’email oppure ne chieda uno nuovo.',
  'reset.missing_body':
    'Questa pagina ha bisogno del link della Sua email. Riapra il link oppure ne chieda uno nuovo.',
  'reset.request_new': 'Chiedi un nuovo link',
  'reset.done_heading_activation': 'Il Suo account è attivo',
  'reset.done_body_activation':
    'Benvenuto nel nuovo portale. Acceda con il Suo indirizzo email, {email}, e la nuova password.',
  'reset.done_heading_reset': 'La password è stata cambiata',
  'reset.done_body_reset':
    'Acceda con il Suo indirizzo email, {email}, e la nuova password. Gli altri Suoi dispositivi sono stati disconnessi.',
  'reset.sign_in': 'Accedi',

  'signin.heading': 'Accedi',
  'signin.submit': 'Accedi',
  'signin.forgot': 'Password dimenticata?',
  'signin.activate_prompt': 'Aveva un account sul vecchio portale?',
  'signin.activate': 'Attivi il Suo account',
  'signin.back': 'Torna all’accesso',
  'signin.done_heading': 'Accesso eseguito',
  'signin.done_body': 'Accesso eseguito come {email}.',

  'register.heading': 'Registri un nuovo account',
  'register.intro':
    'È nuovo su NetCode o non ha mai avuto un account sul portale Codelocks? Registri qui un nuovo account. Se aveva un account sul vecchio portale, lo attivi invece.',
  'register.submit': 'Registrati',
  'register.sent_heading': 'Controlli la Sua email',
  'register.sent_body':
    'Abbiamo inviato un’email a {email}. Segua il link che contiene per completare. Se quell’indirizzo ha già un account, l’email spiega invece come accedere.',
  'register.have_account': 'Ha già un account?',
  'register.sign_in': 'Accedi',
};

export default it;
