import type { FormStringTable } from './en.ts';

/**
 * French strings (vouvoiement). Complete: the type requires every id of the English table. The
 * elements load this table by themselves under `lang="fr"`; import it only to bundle it eagerly.
 *
 * @example
 * ```ts
 * import { fr, registerTranslation } from '@connect-auth/elements';
 * registerTranslation('fr', fr); // bundled up front instead of loaded on demand
 * ```
 */
export const fr: FormStringTable = {
  'common.pending': 'Veuillez patienter…',
  'common.retry': 'Réessayer',
  'field.email': 'Adresse e-mail',
  'field.name': 'Nom (facultatif)',
  'field.password': 'Mot de passe',
  'field.new_password': 'Nouveau mot de passe',
  'field.confirm_password': 'Confirmez le nouveau mot de passe',
  'field.code': 'Code reçu par e-mail',
  'field.code.hint': '8 chiffres, par exemple 12345678.',
  'field.email.required': 'Saisissez votre adresse e-mail.',
  'field.email.invalid': 'Saisissez une adresse e-mail de la forme nom@exemple.fr.',
  'field.password.required': 'Saisissez un mot de passe.',
  'field.confirm.required': 'Saisissez à nouveau le nouveau mot de passe.',
  'field.confirm.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'field.code.required': 'Saisissez le code reçu par e-mail.',
  'field.code.invalid': 'Le code comporte 8 chiffres.',
  'field.name.invalid': 'Saisissez un nom de 200 caractères au maximum.',
  'field.invalid': 'Vérifiez ce champ.',

  'error.summary_title': 'Un problème est survenu',
  'error.invalid_credentials':
    'Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte actif. Si vous aviez un compte sur l’ancien portail, activez-le d’abord.',
  'error.token_expired': 'Ce lien a expiré.',
  'error.token_used': 'Ce lien a déjà été utilisé.',
  'error.token_superseded': 'Un e-mail plus récent a été envoyé : ce lien ne fonctionne plus.',
  'error.token_invalid': 'Ce lien n’est pas valide.',
  'error.code_invalid':
    'Ce code est incorrect ou a expiré. Utilisez le code du dernier e-mail reçu, ou demandez-en un nouveau.',
  'error.weak_password':
    'Le mot de passe ne remplit pas toutes les conditions. Consultez la liste ci-dessous.',
  'error.rate_limited': 'Trop de tentatives. Patientez un instant, puis réessayez.',
  'error.rate_limited_wait': 'Trop de tentatives. Vous pourrez réessayer dans {seconds} s.',
  'error.validation_failed':
    'Certaines informations ne sont pas valides. Vérifiez les champs signalés ci-dessous.',
  'error.session_invalid': 'Votre session a pris fin. Veuillez vous reconnecter.',
  'error.origin_forbidden': 'Cette page n’est pas autorisée à utiliser le service de comptes.',
  'error.unsupported_media_type': 'Le service de comptes n’a pas pu lire cette demande.',
  'error.payload_too_large': 'Votre saisie est trop longue pour être envoyée.',
  'error.not_found': 'Le service de comptes n’est pas disponible à cette adresse.',
  'error.method_not_allowed': 'Le service de comptes n’accepte pas cette demande.',
  'error.server_error':
    'Un problème est survenu de notre côté. Veuillez réessayer dans quelques minutes.',
  'error.network_error':
    'Impossible de joindre le service de comptes. Vérifiez votre connexion, puis réessayez.',
  'error.timeout': 'Le service de comptes a mis trop de temps à répondre. Veuillez réessayer.',
  'error.aborted': 'La demande a été annulée.',
  'error.invalid_response':
    'Le service de comptes a envoyé une réponse illisible. Veuillez réessayer plus tard.',
  'error.missing_client': 'Ce formulaire n’est encore relié à aucun service de comptes.',
  'error.unknown': 'Un problème est survenu. Veuillez réessayer.',

  'password.show': 'Afficher le mot de passe',
  'password.required_rules': 'Conditions',
  'password.recommended_rules': 'Recommandé',
  'password.rule_met': 'rempli',
  'password.rule_unmet': 'pas encore',
  'password.announce_met': 'Rempli : {rule}',
  'password.announce_unmet': 'Non rempli : {rule}',
  'password.strength': 'Robustesse : {level}',
  'password.strength.0': 'très faible',
  'password.strength.1': 'faible',
  'password.strength.2': 'moyenne',
  'password.strength.3': 'bonne',
  'password.strength.4': 'excellente',
  'rule.min_length': 'Au moins {min} caractères',
  'rule.max_length': 'Pas plus de {max} caractères',
  'rule.uppercase': 'Une lettre majuscule (A–Z)',
  'rule.lowercase': 'Une lettre minuscule (a–z)',
  'rule.digit': 'Un chiffre (0–9)',
  'rule.special': 'Un caractère spécial, par exemple {chars}',
  'rule.not_common': 'Pas un mot de passe courant',
  'rule.not_context': 'Ne contient ni votre adresse e-mail ni votre nom',
  'rule.unknown': 'Une autre exigence du serveur ({id})',

  'support.heading': 'Vous n’avez plus accès à votre adresse e-mail ?',
  'support.body':
    'Notre service client s’efforcera de vous aider à retrouver l’accès à votre compte. Il ne peut ouvrir un compte qu’à une personne capable de prouver qu’il lui appartient, et il ne peut pas transférer de serrures d’un compte à un autre.',
  'support.link': 'Contacter le service client',

  'lost.heading': 'Mot de passe oublié',
  'lost.intro':
    'Saisissez l’adresse e-mail avec laquelle vous vous connectez, puis choisissez « Réinitialiser le mot de passe ». Nous vous enverrons un lien pour choisir un nouveau mot de passe. Si vous aviez un compte sur l’ancien portail, c’est aussi ainsi que vous l’activez.',
  'lost.submit': 'Réinitialiser le mot de passe',
  'lost.sent_heading': 'Consultez votre messagerie',
  'lost.sent_body':
    'Si un compte existe pour {email}, un e-mail « Demande de réinitialisation du mot de passe » est en route vers cette adresse. Ouvrez le lien qu’il contient pour choisir un nouveau mot de passe ; ce même lien active les comptes de l’ancien portail.',
  'lost.sent_hint':
    'L’e-mail peut mettre quelques minutes à arriver. Pensez à regarder dans vos courriers indésirables.',
  'lost.resend': 'Renvoyer l’e-mail',
  'lost.resend_wait': 'Vous pourrez demander un autre e-mail dans {seconds} s.',
  'lost.resent': 'Si un compte existe pour {email}, nous avons envoyé un autre e-mail.',
  'lost.use_code': 'Saisir le code reçu par e-mail',
  'lost.other_email': 'Utiliser une autre adresse e-mail',
  'lost.code_heading': 'Saisir le code reçu par e-mail',
  'lost.code_intro':
    'L’e-mail contient aussi un code à 8 chiffres. Saisissez-le ici avec votre nouveau mot de passe si le lien ne fonctionne pas sur cet appareil.',
  'lost.code_submit': 'Enregistrer',
  'lost.back': 'Retour',
  'lost.done_heading': 'Votre nouveau mot de passe est enregistré',
  'lost.done_heading_activation': 'Votre compte est actif',
  'lost.done_body':
    'Connectez-vous avec votre adresse e-mail, {email}, et votre nouveau mot de passe.',

  'reset.verifying': 'Vérification de votre lien…',
  'reset.heading_activation': 'Activer votre compte',
  'reset.heading_reset': 'Choisir un nouveau mot de passe',
  'reset.for_account': 'Pour le compte {email}',
  'reset.intro_activation':
    'Choisissez et confirmez un nouveau mot de passe, puis choisissez « Enregistrer ». L’enregistrement active votre compte.',
  'reset.intro_reset':
    'Choisissez et confirmez un nouveau mot de passe, puis choisissez « Enregistrer ». Il remplace l’ancien et déconnecte vos autres appareils.',
  'reset.submit': 'Enregistrer',
  'reset.expired_heading': 'Ce lien a expiré',
  'reset.expired_body':
    'Pour protéger votre compte, les liens ne fonctionnent que pendant une durée limitée. Demandez-en un nouveau ci-dessous.',
  'reset.used_heading': 'Ce lien a déjà été utilisé',
  'reset.used_body':
    'Chaque lien ne fonctionne qu’une fois. Si vous avez déjà choisi un mot de passe, connectez-vous avec. Sinon, demandez un nouveau lien.',
  'reset.superseded_heading': 'Un e-mail plus récent a été envoyé',
  'reset.superseded_body':
    'Vous avez demandé un autre e-mail après celui-ci : seul le lien du dernier e-mail fonctionne. Utilisez-le, ou demandez un nouveau lien.',
  'reset.invalid_heading': 'Ce lien n’est pas valide',
  'reset.invalid_body':
    'Certaines messageries coupent les liens longs. Ouvrez à nouveau le lien de l’e-mail, ou demandez-en un nouveau.',
  'reset.missing_body':
    'Cette page a besoin du lien de votre e-mail. Ouvrez à nouveau le lien, ou demandez-en un nouveau.',
  'reset.request_new': 'Demander un nouveau lien',
  'reset.done_heading_activation': 'Votre compte est actif',
  'reset.done_body_activation':
    'Bienvenue sur le nouveau portail. Connectez-vous avec votre adresse e-mail, {email}, et votre nouveau mot de passe.',
  'reset.done_heading_reset': 'Votre mot de passe a été modifié',
  'reset.done_body_reset':
    'Connectez-vous avec votre adresse e-mail, {email}, et votre nouveau mot de passe. Vos autres appareils ont été déconnectés.',
  'reset.sign_in': 'Se connecter',

  'signin.heading': 'Connexion',
  'signin.submit': 'Se connecter',
  'signin.forgot': 'Mot de passe oublié ?',
  'signin.activate_prompt': 'Vous aviez un compte sur l’ancien portail ?',
  'signin.activate': 'Activer votre compte',
  'signin.back': 'Retour à la connexion',
  'signin.done_heading': 'Vous êtes connecté',
  'signin.done_body': 'Connecté en tant que {email}.',

  'register.heading': 'Créer un nouveau compte',
  'register.intro':
    'Nouveau sur NetCode, ou vous n’avez jamais eu de compte sur le portail Codelocks ? Créez un nouveau compte ici. Si vous aviez un compte sur l’ancien portail, activez-le plutôt.',
  'register.submit': 'Créer le compte',
  'register.sent_heading': 'Consultez votre messagerie',
  'register.sent_body':
    'Nous avons envoyé un e-mail à {email}. Suivez le lien qu’il contient pour terminer. Si cette adresse a déjà un compte, l’e-mail vous explique plutôt comment vous connecter.',
  'register.have_account': 'Vous avez déjà un compte ?',
  'register.sign_in': 'Se connecter',
};

export default fr;
