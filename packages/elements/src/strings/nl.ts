import type { FormStringTable } from './en.ts';

/**
 * Dutch strings (u-vorm). Complete: the type requires every id of the English table. The
 * elements load this table by themselves under `lang="nl"`; import it only to bundle it eagerly.
 *
 * @example
 * ```ts
 * import { nl, registerTranslation } from '@connect-auth/elements';
 * registerTranslation('nl', nl); // bundled up front instead of loaded on demand
 * ```
 */
export const nl: FormStringTable = {
  'common.pending': 'Even geduld…',
  'common.retry': 'Opnieuw proberen',
  'field.email': 'E-mailadres',
  'field.name': 'Naam (optioneel)',
  'field.password': 'Wachtwoord',
  'field.new_password': 'Nieuw wachtwoord',
  'field.confirm_password': 'Bevestig het nieuwe wachtwoord',
  'field.code': 'Code uit de e-mail',
  'field.code.hint': '8 cijfers, bijvoorbeeld 12345678.',
  'field.email.required': 'Vul uw e-mailadres in.',
  'field.email.invalid': 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
  'field.password.required': 'Vul een wachtwoord in.',
  'field.confirm.required': 'Vul het nieuwe wachtwoord nog een keer in.',
  'field.confirm.mismatch': 'De twee wachtwoorden zijn niet hetzelfde.',
  'field.code.required': 'Vul de code uit de e-mail in.',
  'field.code.invalid': 'De code bestaat uit 8 cijfers.',
  'field.name.invalid': 'Vul een naam in van maximaal 200 tekens.',
  'field.invalid': 'Controleer dit veld.',

  'error.summary_title': 'Er is een probleem',
  'error.invalid_credentials':
    'Dit e-mailadres en wachtwoord horen bij geen enkel actief account. Had u een account op het oude portaal? Activeer het dan eerst.',
  'error.token_expired': 'Deze link is verlopen.',
  'error.token_used': 'Deze link is al gebruikt.',
  'error.token_superseded': 'Er is een nieuwere e-mail verstuurd, dus deze link werkt niet meer.',
  'error.token_invalid': 'Deze link is niet geldig.',
  'error.code_invalid':
    'Deze code klopt niet of is verlopen. Gebruik de code uit de nieuwste e-mail of vraag een nieuwe aan.',
  'error.weak_password': 'Het wachtwoord voldoet niet aan alle eisen. Zie de lijst hieronder.',
  'error.rate_limited': 'Te veel pogingen. Wacht even en probeer het opnieuw.',
  'error.rate_limited_wait': 'Te veel pogingen. U kunt het over {seconds} s opnieuw proberen.',
  'error.validation_failed':
    'Sommige gegevens zijn niet geldig. Controleer de gemarkeerde velden hieronder.',
  'error.session_invalid': 'Uw sessie is beëindigd. Log opnieuw in.',
  'error.origin_forbidden': 'Deze pagina mag de accountdienst niet gebruiken.',
  'error.unsupported_media_type': 'De accountdienst kon dit verzoek niet lezen.',
  'error.payload_too_large': 'Wat u hebt ingevuld, is te lang om te versturen.',
  'error.not_found': 'De accountdienst is niet bereikbaar op dit adres.',
  'error.method_not_allowed': 'De accountdienst accepteert dit verzoek niet.',
  'error.server_error': 'Er ging bij ons iets mis. Probeer het over een paar minuten opnieuw.',
  'error.network_error':
    'We konden de accountdienst niet bereiken. Controleer uw verbinding en probeer het opnieuw.',
  'error.timeout': 'De accountdienst deed er te lang over om te antwoorden. Probeer het opnieuw.',
  'error.aborted': 'Het verzoek is geannuleerd.',
  'error.invalid_response':
    'De accountdienst stuurde een antwoord dat we niet konden lezen. Probeer het later opnieuw.',
  'error.missing_client': 'Dit formulier is nog niet met een accountdienst verbonden.',
  'error.unknown': 'Er ging iets mis. Probeer het opnieuw.',

  'password.show': 'Wachtwoord tonen',
  'password.required_rules': 'Eisen',
  'password.recommended_rules': 'Aanbevolen',
  'password.rule_met': 'voldaan',
  'password.rule_unmet': 'nog niet',
  'password.announce_met': 'Voldaan: {rule}',
  'password.announce_unmet': 'Niet voldaan: {rule}',
  'password.strength': 'Sterkte: {level}',
  'password.strength.0': 'zeer zwak',
  'password.strength.1': 'zwak',
  'password.strength.2': 'redelijk',
  'password.strength.3': 'goed',
  'password.strength.4': 'sterk',
  'rule.min_length': 'Minstens {min} tekens',
  'rule.max_length': 'Niet meer dan {max} tekens',
  'rule.uppercase': 'Een hoofdletter (A–Z)',
  'rule.lowercase': 'Een kleine letter (a–z)',
  'rule.digit': 'Een cijfer (0–9)',
  'rule.special': 'Een speciaal teken, zoals {chars}',
  'rule.not_common': 'Geen veelgebruikt wachtwoord',
  'rule.not_context': 'Bevat uw e-mailadres of naam niet',
  'rule.unknown': 'Nog een eis van de server ({id})',

  'support.heading': 'Geen toegang meer tot uw e-mailadres?',
  'support.body':
    'Onze klantenservice probeert u te helpen weer toegang tot uw account te krijgen. Zij geven alleen toegang tot een account aan iemand die kan aantonen dat het van hem of haar is, en kunnen geen sloten van het ene account naar het andere overzetten.',
  'support.link': 'Neem contact op met de klantenservice',

  'lost.heading': 'Wachtwoord vergeten',
  'lost.intro':
    'Vul het e-mailadres in waarmee u inlogt en kies ‘Wachtwoord resetten’. We sturen u een link om een nieuw wachtwoord te kiezen. Had u een account op het oude portaal? Zo activeert u het ook.',
  'lost.submit': 'Wachtwoord resetten',
  'lost.sent_heading': 'Kijk in uw mailbox',
  'lost.sent_body':
    'Als er een account bestaat voor {email}, is er een e-mail ‘Verzoek om uw wachtwoord te resetten’ onderweg naar dat adres. Open de link erin om een nieuw wachtwoord te kiezen; dezelfde link activeert accounts van het oude portaal.',
  'lost.sent_hint':
    'Het kan een paar minuten duren voordat de e-mail binnen is. Kijk ook in uw map met spam of ongewenste e-mail.',
  'lost.resend': 'E-mail opnieuw sturen',
  'lost.resend_wait': 'U kunt over {seconds} s een nieuwe e-mail aanvragen.',
  'lost.resent': 'Als er een account bestaat voor {email}, hebben we nog een e-mail gestuurd.',
  'lost.use_code': 'Code uit de e-mail invullen',
  'lost.other_email': 'Een ander e-mailadres gebruiken',
  'lost.code_heading': 'Vul de code uit de e-mail in',
  'lost.code_intro':
    'De e-mail bevat ook een code van 8 cijfers. Vul die hier in met uw nieuwe wachtwoord als de link op dit apparaat niet werkt.',
  'lost.code_submit': 'Opslaan',
  'lost.back': 'Terug',
  'lost.done_heading': 'Uw nieuwe wachtwoord is opgeslagen',
  'lost.done_heading_activation': 'Uw account is actief',
  'lost.done_body': 'Log in met uw e-mailadres, {email}, en uw nieuwe wachtwoord.',

  'reset.verifying': 'Uw link wordt gecontroleerd…',
  'reset.heading_activation': 'Activeer uw account',
  'reset.heading_reset': 'Kies een nieuw wachtwoord',
  'reset.for_account': 'Voor het account {email}',
  'reset.intro_activation':
    'Kies en bevestig een nieuw wachtwoord en kies daarna ‘Opslaan’. Door op te slaan activeert u uw account.',
  'reset.intro_reset':
    'Kies en bevestig een nieuw wachtwoord en kies daarna ‘Opslaan’. Het vervangt uw oude wachtwoord en logt uw andere apparaten uit.',
  'reset.submit': 'Opslaan',
  'reset.expired_heading': 'Deze link is verlopen',
  'reset.expired_body':
    'Om uw account te beschermen werken links maar een beperkte tijd. Vraag hieronder een nieuwe aan.',
  'reset.used_heading': 'Deze link is al gebruikt',
  'reset.used_body':
    'Elke link werkt maar één keer. Hebt u al een wachtwoord gekozen, log daar dan mee in. Zo niet, vraag dan een nieuwe link aan.',
  'reset.superseded_heading': 'Er is een nieuwere e-mail verstuurd',
  'reset.superseded_body':
    'U hebt hierna nog een e-mail aangevraagd, dus alleen de link in de nieuwste e-mail werkt. Gebruik die of vraag een nieuwe link aan.',
  'reset.invalid_heading': 'Deze link is niet geldig',
  'reset.invalid_body':
    'Sommige e-mailprogramma’s breken lange links af. Open de link uit de e-mail opnieuw of vraag een nieuwe aan.',
  'reset.missing_body':
    'Deze pagina heeft de link uit uw e-mail nodig. Open de link opnieuw of vraag een nieuwe aan.',
  'reset.request_new': 'Nieuwe link aanvragen',
  'reset.done_heading_activation': 'Uw account is actief',
  'reset.done_body_activation':
    'Welkom op het nieuwe portaal. Log in met uw e-mailadres, {email}, en uw nieuwe wachtwoord.',
  'reset.done_heading_reset': 'Uw wachtwoord is gewijzigd',
  'reset.done_body_reset':
    'Log in met uw e-mailadres, {email}, en uw nieuwe wachtwoord. Uw andere apparaten zijn uitgelogd.',
  'reset.sign_in': 'Inloggen',

  'signin.heading': 'Inloggen',
  'signin.submit': 'Inloggen',
  'signin.forgot': 'Wachtwoord vergeten?',
  'signin.activate_prompt': 'Had u een account op het oude portaal?',
  'signin.activate': 'Activeer uw account',
  'signin.back': 'Terug naar inloggen',
  'signin.done_heading': 'U bent ingelogd',
  'signin.done_body': 'Ingelogd als {email}.',

  'register.heading': 'Nieuw account registreren',
  'register.intro':
    'Nieuw bij NetCode, of nooit een account op het Codelocks-portaal gehad? Registreer hier een nieuw account. Had u een account op het oude portaal? Activeer het dan in plaats daarvan.',
  'register.submit': 'Registreren',
  'register.sent_heading': 'Kijk in uw mailbox',
  'register.sent_body':
    'We hebben een e-mail gestuurd naar {email}. Volg de link erin om af te ronden. Heeft dat adres al een account, dan legt de e-mail uit hoe u inlogt.',
  'register.have_account': 'Hebt u al een account?',
  'register.sign_in': 'Inloggen',
};

export default nl;
