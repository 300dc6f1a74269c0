import type { Words } from './en.ts';

/** The server's Dutch words (u-vorm). */
export const nl: Words = {
  'date.format': '{weekday} {day} {month} {year} om {time} UTC',
  'date.weekdays': 'zondag,maandag,dinsdag,woensdag,donderdag,vrijdag,zaterdag',
  'date.months':
    'januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december',
  'duration.minute': '1 minuut',
  'duration.minutes': '{count} minuten',
  'duration.hours': '{count} uur',

  'mail.or_open': 'Of open dit adres:',
  'mail.contact': 'Neem contact op met de klantenservice:',
  'mail.validity':
    'De link en de code zijn {duration} geldig, tot {until}, en werken één keer. Hebt u het vaker aangevraagd, dan werkt alleen de nieuwste e-mail.',
  'mail.validity_until':
    'De link en de code zijn geldig tot {until} en werken één keer. Hebt u het vaker aangevraagd, dan werkt alleen de nieuwste e-mail.',

  'reset.subject': 'Verzoek om uw wachtwoord te resetten voor {product}',
  'reset.title': 'Reset uw wachtwoord',
  'reset.intro':
    'We hebben een verzoek gekregen om het wachtwoord te resetten van het {product}-account dat dit e-mailadres gebruikt. Klik op de link om een nieuw wachtwoord te kiezen.',
  'reset.button': 'Kies een nieuw wachtwoord',
  'reset.code_lead':
    'Opent de link niet? Vul dan deze eenmalige code in op de pagina ‘Wachtwoord vergeten’:',
  'reset.unasked':
    'Niet zelf aangevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft zoals het is, en zonder toegang tot uw mailbox heeft niemand iets aan de link.',
  'reset.support': 'Werken de link en de code niet?',

  'activation.subject': 'Verzoek om uw wachtwoord te resetten voor {product}',
  'activation.title': 'Activeer uw {product}-account',
  'activation.intro':
    'Uw account van het oude portaal staat nu op {product}. U logt nog steeds in met dit e-mailadres; klik op de link en kies een nieuw wachtwoord om het account te activeren.',
  'activation.button': 'Mijn account activeren',
  'activation.code_lead':
    'Opent de link niet? Vul dan deze eenmalige code in op de pagina ‘Wachtwoord vergeten’:',
  'activation.why':
    'Met activeren bevestigt u dat dit e-mailadres nog van u is, zodat accountinformatie terechtkomt bij wie zowel het account als de mailbox beheert, en kiest u een nieuw, sterk wachtwoord.',
  'activation.unasked':
    'Niet zelf aangevraagd? Dan kunt u deze e-mail negeren: er verandert niets zolang niemand met deze link of code een nieuw wachtwoord kiest.',
  'activation.support':
    'Werkt de link niet, of hebt u geen toegang meer tot deze mailbox? De klantenservice helpt u weer toegang te krijgen, maar kan geen sloten tussen accounts verplaatsen en geen account openen waarvan niet vast te stellen is van wie het is.',

  'changed.subject': 'Uw {product}-wachtwoord is gewijzigd',
  'changed.subject_activated': 'Uw {product}-account is actief',
  'changed.title': 'Uw wachtwoord is gewijzigd',
  'changed.title_activated': 'Uw account is actief',
  'changed.lead':
    'Het wachtwoord van uw {product}-account is gewijzigd op {when}. Alle andere apparaten die ingelogd waren, zijn uitgelogd: log daar opnieuw in met uw e-mailadres en uw nieuwe wachtwoord.',
  'changed.lead_activated':
    'Uw {product}-account is op {when} geactiveerd met een nieuw wachtwoord. U kunt nu inloggen met uw e-mailadres en uw nieuwe wachtwoord.',
  'changed.ok': 'Was u dit zelf, dan hoeft u verder niets te doen.',
  'changed.support':
    'Was u dit niet, dan kan iemand misschien uw e-mail lezen: beveilig uw mailbox en kies daarna een nieuw wachtwoord op de pagina ‘Wachtwoord vergeten’.',

  'verify.subject': 'Bevestig uw e-mailadres voor {product}',
  'verify.title': 'Bevestig uw e-mailadres',
  'verify.intro':
    'Bedankt voor uw registratie bij {product}. Bevestig dat dit e-mailadres van u is om uw account te activeren.',
  'verify.button': 'Mijn e-mailadres bevestigen',
  'verify.validity': 'De link is {duration} geldig, tot {until}, en werkt één keer.',
  'verify.validity_until': 'De link is geldig tot {until} en werkt één keer.',
  'verify.unasked':
    'Niet geregistreerd? Dan kunt u deze e-mail negeren: het account blijft inactief.',
  'verify.support': 'Werkt de link niet?',

  'already.subject': 'U hebt al een {product}-account',
  'already.title': 'U hebt al een account',
  'already.intro':
    'Iemand, waarschijnlijk u, probeerde zich te registreren met dit e-mailadres, maar het hoort al bij een {product}-account.',
  'already.sign_in': 'Inloggen',
  'already.reset_lead':
    'Wachtwoord vergeten, of uw account van het oude portaal nooit geactiveerd? Kies een nieuw wachtwoord op de pagina ‘Wachtwoord vergeten’:',
  'already.reset_button': 'Wachtwoord resetten',
  'already.unasked': 'Was u dit niet, dan kunt u deze e-mail negeren: er is niets veranderd.',
  'already.support': 'Hulp nodig?',

  'invitation.subject': 'U bent uitgenodigd voor {product}',
  'invitation.title': 'Uw {product}-account is klaar',
  'invitation.intro':
    'Er is een account bij {product} aangemaakt voor dit e-mailadres, zodat u de sloten kunt gebruiken die met u zijn gedeeld. Klik om te beginnen op de link en kies een wachtwoord.',
  'invitation.button': 'Mijn wachtwoord kiezen',
  'invitation.code_lead':
    'Opent de link niet? Vul dan deze eenmalige code in op de pagina ‘Wachtwoord vergeten’:',
  'invitation.unasked':
    'Had u dit niet verwacht? Dan kunt u deze e-mail negeren: er gebeurt niets totdat met deze link of code een wachtwoord wordt gekozen.',
  'invitation.support': 'Werken de link en de code niet?',
  'emailchange.subject': 'Bevestig uw nieuwe e-mailadres voor {product}',
  'emailchange.title': 'Bevestig uw nieuwe e-mailadres',
  'emailchange.intro':
    'U hebt gevraagd om u voortaan met dit e-mailadres aan te melden bij {product}. Klik op de link om te bevestigen dat het van u is; tot die tijd verandert er niets.',
  'emailchange.button': 'Mijn nieuwe e-mailadres bevestigen',
  'emailchange.unasked':
    'Niet door u aangevraagd? Dan kunt u deze e-mail negeren: er verandert niets.',
  'emailchange.support': 'Werkt de link niet?',
  'emailchanged.subject': 'Het e-mailadres van uw {product}-account is gewijzigd',
  'emailchanged.title': 'Uw e-mailadres is gewijzigd',
  'emailchanged.lead':
    'Sinds {when} meldt u zich bij uw {product}-account aan met uw e-mailadres {email}. Met dit e-mailadres kunt u zich niet meer aanmelden.',
  'emailchanged.lead_support':
    'Op uw verzoek heeft de klantenservice uw {product}-account op {when} overgezet naar het e-mailadres {email}. Naar dat adres is een activeringsmail gestuurd; met dit e-mailadres kunt u zich niet meer aanmelden.',
  'emailchanged.support':
    'Was u dit niet, dan heeft iemand misschien toegang tot uw account gekregen: onderneem direct actie.',

  'problem.invalid_credentials.title': 'E-mailadres of wachtwoord is onjuist',
  'problem.invalid_credentials.detail':
    'Het e-mailadres en wachtwoord horen bij geen enkel actief account. Een account van het oude portaal moet eerst worden geactiveerd.',
  'problem.token_expired.title': 'Deze link is verlopen',
  'problem.token_expired.detail':
    'Links werken maar een beperkte tijd. Vraag een nieuwe e-mail aan.',
  'problem.token_used.title': 'Deze link is al gebruikt',
  'problem.token_used.detail': 'Elke link werkt één keer. Log in, of vraag een nieuwe e-mail aan.',
  'problem.token_superseded.title': 'Er is een nieuwere link verstuurd',
  'problem.token_superseded.detail': 'Alleen de link in de nieuwste e-mail werkt.',
  'problem.token_invalid.title': 'Deze link is niet geldig',
  'problem.token_invalid.detail':
    'Open de link uit de e-mail opnieuw, of vraag een nieuwe e-mail aan.',
  'problem.code_invalid.title': 'Deze code is niet geldig',
  'problem.code_invalid.detail':
    'De code is onjuist, verlopen of opgebruikt. Gebruik de code uit de nieuwste e-mail of vraag een nieuwe aan.',
  'problem.weak_password.title': 'Het wachtwoord voldoet niet aan het beleid',
  'problem.weak_password.detail': 'Het onderdeel ‘rules’ noemt elke eis en of eraan is voldaan.',
  'problem.rate_limited.title': 'Te veel verzoeken',
  'problem.rate_limited.detail':
    'Wacht de tijd af die Retry-After noemt en probeer het dan opnieuw.',
  'problem.validation_failed.title': 'Het verzoek is niet geldig',
  'problem.validation_failed.detail': 'Het onderdeel ‘issues’ noemt elk ongeldig veld.',
  'problem.session_invalid.title': 'De sessie is niet geldig',
  'problem.session_invalid.detail': 'De sessie is beëindigd of ingetrokken. Log opnieuw in.',
  'problem.origin_forbidden.title': 'Deze herkomst is niet toegestaan',
  'problem.origin_forbidden.detail':
    'De herkomst van deze pagina staat niet op de lijst van toegestane herkomsten van de server.',
  'problem.unsupported_media_type.title': 'Alleen application/json wordt geaccepteerd',
  'problem.unsupported_media_type.detail':
    'Verstuur de inhoud van het verzoek als application/json.',
  'problem.payload_too_large.title': 'De inhoud van het verzoek is te groot',
  'problem.payload_too_large.detail': 'Verstuur een kleinere inhoud.',
  'problem.not_found.title': 'Niet gevonden',
  'problem.not_found.detail': 'Op dit adres is niets te vinden.',
  'problem.method_not_allowed.title': 'Methode niet toegestaan',
  'problem.method_not_allowed.detail': 'Dit adres accepteert deze methode niet.',
  'problem.email_taken.title': 'Dit e-mailadres hoort bij een ander account',
  'problem.email_taken.detail':
    'Een ander account meldt zich nu aan met dit e-mailadres, dus de wijziging kon niet worden doorgevoerd.',
  'problem.admin_key_invalid.title': 'Een geldige beheer-API-sleutel is vereist',
  'problem.admin_key_invalid.detail':
    'Stuur een geldige beheer-API-sleutel mee in de Authorization-header (Bearer).',
  'problem.server_error.title': 'Interne serverfout',
  'problem.server_error.detail':
    'Er ging iets mis op de server. Probeer het over een paar minuten opnieuw.',
};
