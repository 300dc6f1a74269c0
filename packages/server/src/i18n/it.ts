import type { Words } from './en.ts';

/** The server's Italian words (forma di cortesia, Lei). */
export const it: Words = {
  'date.format': '{weekday} {day} {month} {year} alle {time} UTC',
  'date.weekdays': 'domenica,lunedì,martedì,mercoledì,giovedì,venerdì,sabato',
  'date.months':
    'gennaio,febbraio,marzo,aprile,maggio,giugno,luglio,agosto,settembre,ottobre,novembre,dicembre',
  'duration.minute': '1 minuto',
  'duration.minutes': '{count} minuti',
  'duration.hours': '{count} ore',

  'mail.or_open': 'Oppure apra questo indirizzo:',
  'mail.contact': 'Contatti il Servizio Clienti:',
  'mail.validity':
    'Il link e il codice valgono per {duration}, fino a {until}, e funzionano una sola volta. Se ha fatto più richieste, funziona solo l’email più recente.',
  'mail.validity_until':
    'Il link e il codice valgono fino a {until} e funzionano una sola volta. Se ha fatto più richieste, funziona solo l’email più recente.',

  'reset.subject': 'Richiesta di reimpostazione della password per {product}',
  'reset.title': 'Reimposti la password',
  'reset.intro':
    'Abbiamo ricevuto una richiesta di reimpostare la password dell’account {product} che usa questo indirizzo email. Faccia clic sul link per scegliere una nuova password.',
  'reset.button': 'Scegli una nuova password',
  'reset.code_lead':
    'Se il link non si apre, inserisca invece questo codice monouso nella pagina «Password dimenticata»:',
  'reset.unasked':
    'Non l’ha chiesto Lei? Può ignorare questa email: la password resta invariata, e il link non serve a nessuno senza accesso alla Sua casella di posta.',
  'reset.support': 'Non riesce a usare il link o il codice?',

  'activation.subject': 'Richiesta di reimpostazione della password per {product}',
  'activation.title': 'Attivi il Suo account {product}',
  'activation.intro':
    'Il Suo account del vecchio portale ora è su {product}. Continua ad accedere con questo indirizzo email; per attivare l’account, faccia clic sul link e scelga una nuova password.',
  'activation.button': 'Attiva il mio account',
  'activation.code_lead':
    'Se il link non si apre, inserisca invece questo codice monouso nella pagina «Password dimenticata»:',
  'activation.why':
    'L’attivazione conferma che questo indirizzo email è ancora Suo, così che le informazioni sull’account raggiungano chi controlla sia l’account sia la casella di posta, e Le permette di scegliere una nuova password sicura.',
  'activation.unasked':
    'Non l’ha chiesto Lei? Può ignorare questa email: nulla cambia finché non viene scelta una nuova password con questo link o codice.',
  'activation.support':
    'Non riesce a usare il link, o non ha più accesso a questa casella di posta? Il Servizio Clienti può aiutarLa a recuperare l’accesso, ma non può spostare serrature tra account né aprire un account di cui non si può verificare la titolarità.',

  'changed.subject': 'La password di {product} è stata cambiata',
  'changed.subject_activated': 'Il Suo account {product} è attivo',
  'changed.title': 'La password è stata cambiata',
  'changed.title_activated': 'Il Suo account è attivo',
  'changed.lead':
    'La password del Suo account {product} è stata cambiata {when}. Tutti gli altri dispositivi connessi sono stati disconnessi: acceda di nuovo da quei dispositivi con il Suo indirizzo email e la nuova password.',
  'changed.lead_activated':
    'Il Suo account {product} è stato attivato con una nuova password {when}. Ora può accedere con il Suo indirizzo email e la nuova password.',
  'changed.ok': 'Se è stato Lei, non deve fare altro.',
  'changed.support':
    'Se non è stato Lei, qualcuno potrebbe leggere la Sua email: protegga la casella di posta, poi scelga una nuova password nella pagina «Password dimenticata».',

  'verify.subject': 'Confermi il Suo indirizzo email per {product}',
  'verify.title': 'Confermi il Suo indirizzo email',
  'verify.intro':
    'Grazie per essersi registrato su {product}. Confermi che questo indirizzo email è Suo per attivare l’account.',
  'verify.button': 'Conferma il mio indirizzo email',
  'verify.validity': 'Il link vale per {duration}, fino a {until}, e funziona una sola volta.',
  'verify.validity_until': 'Il link vale fino a {until} e funziona una sola volta.',
  'verify.unasked': 'Non si è registrato? Può ignorare questa email: l’account resta inattivo.',
  'verify.support': 'Non riesce a usare il link?',

  'already.subject': 'Ha già un account {product}',
  'already.title': 'Ha già un account',
  'already.intro':
    'Qualcuno, probabilmente Lei, ha provato a registrarsi con questo indirizzo email, che però appartiene già a un account {product}.',
  'already.sign_in': 'Accedi',
  'already.reset_lead':
    'Ha dimenticato la password o non ha mai attivato il Suo account del vecchio portale? Scelga una nuova password nella pagina «Password dimenticata»:',
  'already.reset_button': 'Reimposta password',
  'already.unasked': 'Se non è stato Lei, può ignorare questa email: non è cambiato nulla.',
  'already.support': 'Serve aiuto?',

  'invitation.subject': 'È stato invitato su {product}',
  'invitation.title': 'Il Suo account {product} è pronto',
  'invitation.intro':
    'Per questo indirizzo email è stato creato un account su {product}, così che possa usare le serrature condivise con Lei. Per iniziare, faccia clic sul link e scelga una password.',
  'invitation.button': 'Scegli la mia password',
  'invitation.code_lead':
    'Se il link non si apre, inserisca invece questo codice monouso nella pagina «Password dimenticata»:',
  'invitation.unasked':
    'Non se lo aspettava? Può ignorare questa email: non succede nulla finché non viene scelta una password con questo link o codice.',
  'invitation.support': 'Non riesce a usare il link o il codice?',
  'emailchange.subject': 'Confermi il nuovo indirizzo email per {product}',
  'emailchange.title': 'Confermi il nuovo indirizzo email',
  'emailchange.intro':
    'Ha chiesto di accedere d’ora in poi a {product} con questo indirizzo email. Faccia clic sul link per confermare che è Suo; fino ad allora non cambia nulla.',
  'emailchange.button': 'Conferma il mio nuovo indirizzo email',
  'emailchange.unasked': 'Non l’ha chiesto Lei? Può ignorare questa email: non cambia nulla.',
  'emailchange.support': 'Non riesce a usare il link?',
  'emailchanged.subject': 'L’indirizzo email del Suo account {product} è stato cambiato',
  'emailchanged.title': 'Il Suo indirizzo email è stato cambiato',
  'emailchanged.lead':
    'Dal {when} accede al Suo account {product} con l’indirizzo email {email}. Con questo indirizzo email non è più possibile accedere.',
  'emailchanged.lead_support':
    'Su Sua richiesta, il Servizio Clienti ha spostato il Suo account {product} all’indirizzo email {email} il {when}. A quell’indirizzo è stata inviata un’email di attivazione; con questo indirizzo email non è più possibile accedere.',
  'emailchanged.support':
    'Se non è stato Lei, qualcuno potrebbe essere entrato nel Suo account: agisca subito.',

  'problem.invalid_credentials.title': 'Email o password non corretta',
  'problem.invalid_credentials.detail':
    'L’indirizzo email e la password non corrispondono a nessun account attivo. Un account del vecchio portale va prima attivato.',
  'problem.token_expired.title': 'Questo link è scaduto',
  'problem.token_expired.detail':
    'I link funzionano solo per un tempo limitato. Chieda una nuova email.',
  'problem.token_used.title': 'Questo link è già stato usato',
  'problem.token_used.detail':
    'Ogni link funziona una sola volta. Acceda o chieda una nuova email.',
  'problem.token_superseded.title': 'È stato inviato un link più recente',
  'problem.token_superseded.detail': 'Funziona solo il link dell’email più recente.',
  'problem.token_invalid.title': 'Questo link non è valido',
  'problem.token_invalid.detail': 'Riapra il link dall’email oppure chieda una nuova email.',
  'problem.code_invalid.title': 'Questo codice non è valido',
  'problem.code_invalid.detail':
    'Il codice è errato, scaduto o esaurito. Usi il codice dell’email più recente oppure ne chieda uno nuovo.',
  'problem.weak_password.title': 'La password non rispetta i criteri',
  'problem.weak_password.detail':
    'Il membro «rules» elenca ogni requisito e indica se è soddisfatto.',
  'problem.rate_limited.title': 'Troppe richieste',
  'problem.rate_limited.detail': 'Attenda il tempo indicato da Retry-After, poi riprovi.',
  'problem.validation_failed.title': 'La richiesta non è valida',
  'problem.validation_failed.detail': 'Il membro «issues» elenca ogni campo non valido.',
  'problem.session_invalid.title': 'La sessione non è valida',
  'problem.session_invalid.detail': 'La sessione è terminata o è stata revocata. Acceda di nuovo.',
  'problem.origin_forbidden.title': 'Questa origine non è consentita',
  'problem.origin_forbidden.detail':
    'L’origine di questa pagina non è nell’elenco delle origini consentite dal server.',
  'problem.unsupported_media_type.title': 'È accettato solo application/json',
  'problem.unsupported_media_type.detail': 'Invii il corpo della richiesta come application/json.',
  'problem.payload_too_large.title': 'Il corpo della richiesta è troppo grande',
  'problem.payload_too_large.detail': 'Invii un corpo della richiesta più piccolo.',
  'problem.not_found.title': 'Non trovato',
  'problem.not_found.detail': 'Non c’è nulla a questo indirizzo.',
  'problem.method_not_allowed.title': 'Metodo non consentito',
  'problem.method_not_allowed.detail': 'Questo indirizzo non accetta questo metodo.',
  'problem.email_taken.title': 'Questo indirizzo email appartiene a un altro account',
  'problem.email_taken.detail':
    'Un altro account accede ora con questo indirizzo email, quindi non è stato possibile fare la modifica.',
  'problem.admin_key_invalid.title': 'Serve una chiave valida dell’API di amministrazione',
  'problem.admin_key_invalid.detail':
    'Invii una chiave valida dell’API di amministrazione nell’intestazione Authorization (Bearer).',
  'problem.server_error.title': 'Errore interno del server',
  'problem.server_error.detail':
    'Qualcosa non ha funzionato sul server. Riprovi tra qualche minuto.',
};
