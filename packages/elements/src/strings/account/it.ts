import type { AccountStringTable } from './en.ts';

/** Italian strings of the account elements (Lei), loaded on demand under `lang="it"`. */
const it: AccountStringTable = {
  'field.current_password': 'Password attuale',
  'field.current_password.required': 'Inserisca la password attuale.',
  'field.new_email': 'Nuovo indirizzo email',
  'error.email_taken': 'Questo indirizzo email appartiene già a un altro account.',
  'changepw.heading': 'Cambi la password',
  'changepw.intro':
    'Inserisca la password attuale, scelga e confermi una nuova password e selezioni «Cambia password». Tutti gli altri dispositivi connessi al Suo account verranno disconnessi.',
  'changepw.submit': 'Cambia password',
  'changepw.wrong_current': 'La password attuale non è corretta.',
  'changepw.done_heading': 'La password è stata cambiata',
  'changepw.done_body':
    'Gli altri dispositivi sono stati disconnessi ed è stato inviato un avviso al Suo indirizzo email. Qui resta connesso.',
  'changeemail.heading': 'Cambi l’indirizzo email',
  'changeemail.current': 'Accede con il Suo indirizzo email, {email}.',
  'changeemail.intro':
    'Invieremo un link di conferma al nuovo indirizzo. Non cambia nulla finché non seleziona il link in quell’email.',
  'changeemail.submit': 'Invia il link di conferma',
  'changeemail.unchanged': 'Questo è già il Suo indirizzo email.',
  'changeemail.sent_heading': 'Controlli il nuovo indirizzo email',
  'changeemail.sent_body':
    'Se {email} può essere usato, un’email di conferma è in arrivo a quell’indirizzo. Il Suo indirizzo email cambia quando seleziona il link in quell’email.',
};

export default it;
