import type { Words } from './en.ts';

/** The server's German words (Sie-Form). */
export const de: Words = {
  'date.format': '{weekday}, {day}. {month} {year}, {time} Uhr UTC',
  'date.weekdays': 'Sonntag,Montag,Dienstag,Mittwoch,Donnerstag,Freitag,Samstag',
  'date.months':
    'Januar,Februar,März,April,Mai,Juni,Juli,August,September,Oktober,November,Dezember',
  'duration.minute': '1 Minute',
  'duration.minutes': '{count} Minuten',
  'duration.hours': '{count} Stunden',

  'mail.or_open': 'Oder öffnen Sie diese Adresse:',
  'mail.contact': 'Kundenservice kontaktieren:',
  'mail.validity':
    'Link und Code gelten {duration} lang, bis {until}, und funktionieren einmal. Haben Sie mehrmals angefragt, gilt nur die neueste E-Mail.',
  'mail.validity_until':
    'Link und Code gelten bis {until} und funktionieren einmal. Haben Sie mehrmals angefragt, gilt nur die neueste E-Mail.',

  'reset.subject': 'Anfrage zum Zurücksetzen des Passworts für {product}',
  'reset.title': 'Passwort zurücksetzen',
  'reset.intro':
    'Wir haben eine Anfrage erhalten, das Passwort des {product}-Kontos mit dieser E-Mail-Adresse zurückzusetzen. Klicken Sie auf den Link, um ein neues Passwort zu wählen.',
  'reset.button': 'Neues Passwort wählen',
  'reset.code_lead':
    'Falls sich der Link nicht öffnet, geben Sie stattdessen diesen Einmalcode auf der Seite „Passwort vergessen“ ein:',
  'reset.unasked':
    'Sie haben das nicht angefordert? Dann können Sie diese E-Mail ignorieren: Ihr Passwort bleibt, wie es ist, und ohne Zugriff auf Ihr Postfach nützt der Link niemandem.',
  'reset.support': 'Link und Code funktionieren nicht?',

  'activation.subject': 'Anfrage zum Zurücksetzen des Passworts für {product}',
  'activation.title': 'Aktivieren Sie Ihr {product}-Konto',
  'activation.intro':
    'Ihr Konto aus dem alten Portal ist jetzt bei {product}. Sie melden sich weiterhin mit dieser E-Mail-Adresse an; um das Konto zu aktivieren, klicken Sie auf den Link und wählen ein neues Passwort.',
  'activation.button': 'Mein Konto aktivieren',
  'activation.code_lead':
    'Falls sich der Link nicht öffnet, geben Sie stattdessen diesen Einmalcode auf der Seite „Passwort vergessen“ ein:',
  'activation.why':
    'Die Aktivierung bestätigt, dass diese E-Mail-Adresse noch Ihnen gehört – damit Kontoinformationen die Person erreichen, die sowohl das Konto als auch das Postfach kontrolliert – und Sie wählen dabei ein neues, starkes Passwort.',
  'activation.unasked':
    'Sie haben das nicht angefordert? Dann können Sie diese E-Mail ignorieren: Es ändert sich nichts, solange niemand mit diesem Link oder Code ein neues Passwort wählt.',
  'activation.support':
    'Der Link funktioniert nicht, oder Sie haben keinen Zugriff mehr auf dieses Postfach? Der Kundenservice hilft Ihnen, wieder Zugang zu bekommen; er kann jedoch keine Schlösser zwischen Konten verschieben und kein Konto öffnen, dessen Inhaber sich nicht bestätigen lässt.',

  'changed.subject': 'Ihr {product}-Passwort wurde geändert',
  'changed.subject_activated': 'Ihr {product}-Konto ist aktiv',
  'changed.title': 'Ihr Passwort wurde geändert',
  'changed.title_activated': 'Ihr Konto ist aktiv',
  'changed.lead':
    'Das Passwort Ihres {product}-Kontos wurde am {when} geändert. Alle anderen angemeldeten Geräte wurden abgemeldet: Melden Sie sich dort erneut mit Ihrer E-Mail-Adresse und Ihrem neuen Passwort an.',
  'changed.lead_activated':
    'Ihr {product}-Konto wurde am {when} mit einem neuen Passwort aktiviert. Sie können sich jetzt mit Ihrer E-Mail-Adresse und Ihrem neuen Passwort anmelden.',
  'changed.ok': 'Waren Sie das, ist nichts weiter zu tun.',
  'changed.support':
    'Waren Sie das nicht, kann womöglich jemand Ihre E-Mails lesen: Sichern Sie Ihr Postfach und wählen Sie dann auf der Seite „Passwort vergessen“ ein neues Passwort.',

  'verify.subject': 'Bestätigen Sie Ihre E-Mail-Adresse für {product}',
  'verify.title': 'E-Mail-Adresse bestätigen',
  'verify.intro':
    'Danke für Ihre Registrierung bei {product}. Bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört, um Ihr Konto zu aktivieren.',
  'verify.button': 'Meine E-Mail-Adresse bestätigen',
  'verify.validity': 'Der Link gilt {duration} lang, bis {until}, und funktioniert einmal.',
  'verify.validity_until': 'Der Link gilt bis {until} und funktioniert einmal.',
  'verify.unasked':
    'Sie haben sich nicht registriert? Dann können Sie diese E-Mail ignorieren: Das Konto bleibt inaktiv.',
  'verify.support': 'Der Link funktioniert nicht?',

  'already.subject': 'Sie haben bereits ein {product}-Konto',
  'already.title': 'Sie haben bereits ein Konto',
  'already.intro':
    'Jemand, vermutlich Sie, wollte sich mit dieser E-Mail-Adresse registrieren, doch sie gehört bereits zu einem {product}-Konto.',
  'already.sign_in': 'Anmelden',
  'already.reset_lead':
    'Passwort vergessen oder Ihr Konto aus dem alten Portal nie aktiviert? Wählen Sie auf der Seite „Passwort vergessen“ ein neues Passwort:',
  'already.reset_button': 'Passwort zurücksetzen',
  'already.unasked':
    'Waren Sie das nicht, können Sie diese E-Mail ignorieren: Es hat sich nichts geändert.',
  'already.support': 'Brauchen Sie Hilfe?',

  'invitation.subject': 'Sie sind zu {product} eingeladen',
  'invitation.title': 'Ihr {product}-Konto ist bereit',
  'invitation.intro':
    'Für diese E-Mail-Adresse wurde ein Konto bei {product} angelegt, damit Sie die mit Ihnen geteilten Schlösser verwenden können. Klicken Sie zum Start auf den Link und wählen Sie ein Passwort.',
  'invitation.button': 'Mein Passwort wählen',
  'invitation.code_lead':
    'Falls sich der Link nicht öffnet, geben Sie stattdessen diesen Einmalcode auf der Seite „Passwort vergessen“ ein:',
  'invitation.unasked':
    'Sie haben damit nicht gerechnet? Dann können Sie diese E-Mail ignorieren: Es geschieht nichts, bis mit diesem Link oder Code ein Passwort gewählt wird.',
  'invitation.support': 'Link und Code funktionieren nicht?',
  'emailchange.subject': 'Bestätigen Sie Ihre neue E-Mail-Adresse für {product}',
  'emailchange.title': 'Bestätigen Sie Ihre neue E-Mail-Adresse',
  'emailchange.intro':
    'Sie möchten sich ab jetzt mit dieser E-Mail-Adresse bei {product} anmelden. Klicken Sie auf den Link, um zu bestätigen, dass sie Ihnen gehört; bis dahin ändert sich nichts.',
  'emailchange.button': 'Meine neue E-Mail-Adresse bestätigen',
  'emailchange.unasked':
    'Sie haben das nicht angefordert? Dann können Sie diese E-Mail ignorieren: Es ändert sich nichts.',
  'emailchange.support': 'Der Link funktioniert nicht?',
  'emailchanged.subject': 'Die E-Mail-Adresse Ihres {product}-Kontos wurde geändert',
  'emailchanged.title': 'Ihre E-Mail-Adresse wurde geändert',
  'emailchanged.lead':
    'Seit {when} melden Sie sich bei Ihrem {product}-Konto mit Ihrer E-Mail-Adresse {email} an. Mit dieser E-Mail-Adresse ist keine Anmeldung mehr möglich.',
  'emailchanged.lead_support':
    'Auf Ihren Wunsch hat der Kundenservice Ihr {product}-Konto am {when} auf die E-Mail-Adresse {email} umgestellt. An diese Adresse wurde eine Aktivierungs-E-Mail gesendet; mit dieser E-Mail-Adresse ist keine Anmeldung mehr möglich.',
  'emailchanged.support':
    'Waren Sie das nicht, hat womöglich jemand Zugriff auf Ihr Konto: Handeln Sie sofort.',

  'problem.invalid_credentials.title': 'E-Mail-Adresse oder Passwort ist falsch',
  'problem.invalid_credentials.detail':
    'E-Mail-Adresse und Passwort passen zu keinem aktiven Konto. Ein Konto aus dem alten Portal muss zuerst aktiviert werden.',
  'problem.token_expired.title': 'Dieser Link ist abgelaufen',
  'problem.token_expired.detail':
    'Links gelten nur begrenzte Zeit. Fordern Sie eine neue E-Mail an.',
  'problem.token_used.title': 'Dieser Link wurde bereits verwendet',
  'problem.token_used.detail':
    'Jeder Link funktioniert einmal. Melden Sie sich an oder fordern Sie eine neue E-Mail an.',
  'problem.token_superseded.title': 'Es wurde ein neuerer Link gesendet',
  'problem.token_superseded.detail': 'Nur der Link in der neuesten E-Mail funktioniert.',
  'problem.token_invalid.title': 'Dieser Link ist ungültig',
  'problem.token_invalid.detail':
    'Öffnen Sie den Link aus der E-Mail erneut oder fordern Sie eine neue E-Mail an.',
  'problem.code_invalid.title': 'Dieser Code ist ungültig',
  'problem.code_invalid.detail':
    'Der Code ist falsch, abgelaufen oder aufgebraucht. Verwenden Sie den Code aus der neuesten E-Mail oder fordern Sie einen neuen an.',
  'problem.weak_password.title': 'Das Passwort erfüllt die Vorgaben nicht',
  'problem.weak_password.detail': 'Das Element „rules“ nennt jede Vorgabe und ob sie erfüllt ist.',
  'problem.rate_limited.title': 'Zu viele Anfragen',
  'problem.rate_limited.detail':
    'Warten Sie die in Retry-After genannte Zeit ab und versuchen Sie es dann erneut.',
  'problem.validation_failed.title': 'Die Anfrage ist ungültig',
  'problem.validation_failed.detail': 'Das Element „issues“ nennt jedes ungültige Feld.',
  'problem.session_invalid.title': 'Die Sitzung ist ungültig',
  'problem.session_invalid.detail':
    'Die Sitzung ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an.',
  'problem.origin_forbidden.title': 'Dieser Ursprung ist nicht zugelassen',
  'problem.origin_forbidden.detail':
    'Der Ursprung dieser Seite steht nicht auf der Liste der zugelassenen Ursprünge des Servers.',
  'problem.unsupported_media_type.title': 'Nur application/json wird angenommen',
  'problem.unsupported_media_type.detail':
    'Senden Sie den Inhalt der Anfrage als application/json.',
  'problem.payload_too_large.title': 'Der Inhalt der Anfrage ist zu groß',
  'problem.payload_too_large.detail': 'Senden Sie einen kleineren Inhalt.',
  'problem.not_found.title': 'Nicht gefunden',
  'problem.not_found.detail': 'Unter dieser Adresse gibt es nichts.',
  'problem.method_not_allowed.title': 'Methode nicht erlaubt',
  'problem.method_not_allowed.detail': 'Diese Adresse nimmt diese Methode nicht an.',
  'problem.email_taken.title': 'Diese E-Mail-Adresse gehört zu einem anderen Konto',
  'problem.email_taken.detail':
    'Mit dieser E-Mail-Adresse meldet sich inzwischen ein anderes Konto an, daher konnte die Änderung nicht vorgenommen werden.',
  'problem.admin_key_invalid.title': 'Ein gültiger Admin-API-Schlüssel ist erforderlich',
  'problem.admin_key_invalid.detail':
    'Senden Sie einen aktuellen Admin-API-Schlüssel im Authorization-Header (Bearer).',
  'problem.server_error.title': 'Interner Serverfehler',
  'problem.server_error.detail':
    'Auf dem Server ist etwas schiefgegangen. Versuchen Sie es in ein paar Minuten erneut.',
};
