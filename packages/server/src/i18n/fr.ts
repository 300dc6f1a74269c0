import type { Words } from './en.ts';

/** The server's French words (vouvoiement). */
export const fr: Words = {
  'date.format': '{weekday} {day} {month} {year} à {time} UTC',
  'date.weekdays': 'dimanche,lundi,mardi,mercredi,jeudi,vendredi,samedi',
  'date.months':
    'janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre',
  'duration.minute': '1 minute',
  'duration.minutes': '{count} minutes',
  'duration.hours': '{count} heures',

  'mail.or_open': 'Ou ouvrez cette adresse :',
  'mail.contact': 'Contactez le service client :',
  'mail.validity':
    'Le lien et le code sont valables {duration}, jusqu’au {until}, et ne servent qu’une fois. Si vous avez fait plusieurs demandes, seul le dernier e-mail fonctionne.',
  'mail.validity_until':
    'Le lien et le code sont valables jusqu’au {until} et ne servent qu’une fois. Si vous avez fait plusieurs demandes, seul le dernier e-mail fonctionne.',

  'reset.subject': 'Demande de réinitialisation du mot de passe pour {product}',
  'reset.title': 'Réinitialiser votre mot de passe',
  'reset.intro':
    'Nous avons reçu une demande de réinitialisation du mot de passe du compte {product} associé à cette adresse e-mail. Cliquez sur le lien pour choisir un nouveau mot de passe.',
  'reset.button': 'Choisir un nouveau mot de passe',
  'reset.code_lead':
    'Si le lien ne s’ouvre pas, saisissez plutôt ce code à usage unique sur la page « Mot de passe oublié » :',
  'reset.unasked':
    'Vous n’êtes pas à l’origine de cette demande ? Ignorez simplement cet e-mail : votre mot de passe reste inchangé, et le lien ne sert à rien sans accès à votre boîte mail.',
  'reset.support': 'Le lien ou le code ne fonctionne pas ?',

  'activation.subject': 'Demande de réinitialisation du mot de passe pour {product}',
  'activation.title': 'Activez votre compte {product}',
  'activation.intro':
    'Votre compte de l’ancien portail est désormais sur {product}. Vous vous connectez toujours avec cette adresse e-mail ; pour activer le compte, cliquez sur le lien et choisissez un nouveau mot de passe.',
  'activation.button': 'Activer mon compte',
  'activation.code_lead':
    'Si le lien ne s’ouvre pas, saisissez plutôt ce code à usage unique sur la page « Mot de passe oublié » :',
  'activation.why':
    'L’activation confirme que cette adresse e-mail est toujours la vôtre, afin que les informations du compte parviennent à la personne qui contrôle à la fois le compte et la boîte mail, et vous permet de choisir un nouveau mot de passe robuste.',
  'activation.unasked':
    'Vous n’êtes pas à l’origine de cette demande ? Ignorez simplement cet e-mail : rien ne change tant qu’aucun nouveau mot de passe n’est choisi avec ce lien ou ce code.',
  'activation.support':
    'Le lien ne fonctionne pas, ou vous n’avez plus accès à cette boîte mail ? Le service client peut vous aider à retrouver l’accès, mais il ne peut ni transférer des serrures d’un compte à un autre, ni ouvrir un compte dont le titulaire ne peut pas être vérifié.',

  'changed.subject': 'Le mot de passe de votre compte {product} a été modifié',
  'changed.subject_activated': 'Votre compte {product} est actif',
  'changed.title': 'Votre mot de passe a été modifié',
  'changed.title_activated': 'Votre compte est actif',
  'changed.lead':
    'Le mot de passe de votre compte {product} a été modifié le {when}. Tous les autres appareils connectés ont été déconnectés : reconnectez-vous sur ces appareils avec votre adresse e-mail et votre nouveau mot de passe.',
  'changed.lead_activated':
    'Votre compte {product} a été activé avec un nouveau mot de passe le {when}. Vous pouvez maintenant vous connecter avec votre adresse e-mail et votre nouveau mot de passe.',
  'changed.ok': 'Si c’était vous, vous n’avez rien d’autre à faire.',
  'changed.support':
    'Si ce n’était pas vous, quelqu’un peut lire vos e-mails : sécurisez votre boîte mail, puis choisissez un nouveau mot de passe sur la page « Mot de passe oublié ».',

  'verify.subject': 'Confirmez votre adresse e-mail pour {product}',
  'verify.title': 'Confirmez votre adresse e-mail',
  'verify.intro':
    'Merci de vous être inscrit sur {product}. Confirmez que cette adresse e-mail est bien la vôtre pour activer votre compte.',
  'verify.button': 'Confirmer mon adresse e-mail',
  'verify.validity': 'Le lien est valable {duration}, jusqu’au {until}, et ne sert qu’une fois.',
  'verify.validity_until': 'Le lien est valable jusqu’au {until} et ne sert qu’une fois.',
  'verify.unasked':
    'Vous ne vous êtes pas inscrit ? Ignorez simplement cet e-mail : le compte reste inactif.',
  'verify.support': 'Le lien ne fonctionne pas ?',

  'already.subject': 'Vous avez déjà un compte {product}',
  'already.title': 'Vous avez déjà un compte',
  'already.intro':
    'Quelqu’un, probablement vous, a essayé de s’inscrire avec cette adresse e-mail, mais elle appartient déjà à un compte {product}.',
  'already.sign_in': 'Se connecter',
  'already.reset_lead':
    'Mot de passe oublié, ou compte de l’ancien portail jamais activé ? Choisissez un nouveau mot de passe sur la page « Mot de passe oublié » :',
  'already.reset_button': 'Réinitialiser le mot de passe',
  'already.unasked': 'Si ce n’était pas vous, ignorez simplement cet e-mail : rien n’a changé.',
  'already.support': 'Besoin d’aide ?',

  'invitation.subject': 'Vous êtes invité sur {product}',
  'invitation.title': 'Votre compte {product} est prêt',
  'invitation.intro':
    'Un compte {product} a été créé pour cette adresse e-mail afin que vous puissiez utiliser les serrures partagées avec vous. Pour commencer, cliquez sur le lien et choisissez un mot de passe.',
  'invitation.button': 'Choisir mon mot de passe',
  'invitation.code_lead':
    'Si le lien ne s’ouvre pas, saisissez plutôt ce code à usage unique sur la page « Mot de passe oublié » :',
  'invitation.unasked':
    'Vous ne vous y attendiez pas ? Ignorez simplement cet e-mail : rien ne se passe tant qu’aucun mot de passe n’est choisi avec ce lien ou ce code.',
  'invitation.support': 'Le lien ou le code ne fonctionne pas ?',
  'emailchange.subject': 'Confirmez votre nouvelle adresse e-mail pour {product}',
  'emailchange.title': 'Confirmez votre nouvelle adresse e-mail',
  'emailchange.intro':
    'Vous avez demandé à vous connecter désormais à {product} avec cette adresse e-mail. Cliquez sur le lien pour confirmer qu’elle vous appartient ; d’ici là, rien ne change.',
  'emailchange.button': 'Confirmer ma nouvelle adresse e-mail',
  'emailchange.unasked':
    'Vous n’avez rien demandé ? Ignorez simplement cet e-mail : rien ne change.',
  'emailchange.support': 'Le lien ne fonctionne pas ?',
  'emailchanged.subject': 'L’adresse e-mail de votre compte {product} a été modifiée',
  'emailchanged.title': 'Votre adresse e-mail a été modifiée',
  'emailchanged.lead':
    'Depuis le {when}, vous vous connectez à votre compte {product} avec votre adresse e-mail {email}. Cette adresse e-mail ne permet plus de se connecter.',
  'emailchanged.lead_support':
    'À votre demande, le service client a transféré votre compte {product} vers l’adresse e-mail {email} le {when}. Un e-mail d’activation a été envoyé à cette adresse ; cette adresse e-mail ne permet plus de se connecter.',
  'emailchanged.support':
    'Si ce n’était pas vous, quelqu’un a peut-être accédé à votre compte : agissez immédiatement.',

  'problem.invalid_credentials.title': 'Adresse e-mail ou mot de passe incorrect',
  'problem.invalid_credentials.detail':
    'L’adresse e-mail et le mot de passe ne correspondent à aucun compte actif. Un compte de l’ancien portail doit d’abord être activé.',
  'problem.token_expired.title': 'Ce lien a expiré',
  'problem.token_expired.detail':
    'Les liens ne fonctionnent que pendant une durée limitée. Demandez un nouvel e-mail.',
  'problem.token_used.title': 'Ce lien a déjà été utilisé',
  'problem.token_used.detail':
    'Chaque lien ne sert qu’une fois. Connectez-vous, ou demandez un nouvel e-mail.',
  'problem.token_superseded.title': 'Un lien plus récent a été envoyé',
  'problem.token_superseded.detail': 'Seul le lien du dernier e-mail fonctionne.',
  'problem.token_invalid.title': 'Ce lien n’est pas valide',
  'problem.token_invalid.detail':
    'Ouvrez à nouveau le lien de l’e-mail, ou demandez un nouvel e-mail.',
  'problem.code_invalid.title': 'Ce code n’est pas valide',
  'problem.code_invalid.detail':
    'Le code est faux, expiré ou épuisé. Utilisez le code du dernier e-mail, ou demandez-en un nouveau.',
  'problem.weak_password.title': 'Le mot de passe ne respecte pas la politique',
  'problem.weak_password.detail':
    'Le membre « rules » liste chaque exigence et indique si elle est remplie.',
  'problem.rate_limited.title': 'Trop de requêtes',
  'problem.rate_limited.detail': 'Attendez le délai indiqué par Retry-After, puis réessayez.',
  'problem.validation_failed.title': 'La requête n’est pas valide',
  'problem.validation_failed.detail': 'Le membre « issues » liste chaque champ non valide.',
  'problem.session_invalid.title': 'La session n’est pas valide',
  'problem.session_invalid.detail':
    'La session a pris fin ou a été révoquée. Connectez-vous à nouveau.',
  'problem.origin_forbidden.title': 'Cette origine n’est pas autorisée',
  'problem.origin_forbidden.detail':
    'L’origine de cette page ne figure pas dans la liste des origines autorisées du serveur.',
  'problem.unsupported_media_type.title': 'Seul application/json est accepté',
  'problem.unsupported_media_type.detail':
    'Envoyez le corps de la requête au format application/json.',
  'problem.payload_too_large.title': 'Le corps de la requête est trop volumineux',
  'problem.payload_too_large.detail': 'Envoyez un corps de requête plus petit.',
  'problem.not_found.title': 'Introuvable',
  'problem.not_found.detail': 'Il n’y a rien à cette adresse.',
  'problem.method_not_allowed.title': 'Méthode non autorisée',
  'problem.method_not_allowed.detail': 'Cette adresse n’accepte pas cette méthode.',
  'problem.email_taken.title': 'Cette adresse e-mail appartient à un autre compte',
  'problem.email_taken.detail':
    'Un autre compte se connecte désormais avec cette adresse e-mail : la modification n’a pas pu être effectuée.',
  'problem.admin_key_invalid.title': 'Une clé d’API d’administration valide est requise',
  'problem.admin_key_invalid.detail':
    'Envoyez une clé d’API d’administration en cours de validité dans l’en-tête Authorization (Bearer).',
  'problem.server_error.title': 'Erreur interne du serveur',
  'problem.server_error.detail':
    'Un problème est survenu sur le serveur. Réessayez dans quelques minutes.',
};
