import type { AccountStringTable } from './en.ts';

/** French strings of the account elements (vouvoiement), loaded on demand under `lang="fr"`. */
const fr: AccountStringTable = {
  'field.current_password': 'Mot de passe actuel',
  'field.current_password.required': 'Saisissez votre mot de passe actuel.',
  'field.new_email': 'Nouvelle adresse e-mail',
  'error.email_taken': 'Cette adresse e-mail appartient déjà à un autre compte.',
  'changepw.heading': 'Modifier votre mot de passe',
  'changepw.intro':
    'Saisissez votre mot de passe actuel, puis choisissez et confirmez un nouveau mot de passe et choisissez « Modifier le mot de passe ». Tous les autres appareils connectés à votre compte seront déconnectés.',
  'changepw.submit': 'Modifier le mot de passe',
  'changepw.wrong_current': 'Le mot de passe actuel est incorrect.',
  'changepw.done_heading': 'Votre mot de passe a été modifié',
  'changepw.done_body':
    'Vos autres appareils ont été déconnectés et un avis a été envoyé à votre adresse e-mail. Vous restez connecté ici.',
  'changeemail.heading': 'Modifier votre adresse e-mail',
  'changeemail.current': 'Vous vous connectez avec votre adresse e-mail, {email}.',
  'changeemail.intro':
    'Nous enverrons un lien de confirmation à la nouvelle adresse. Rien ne change tant que vous n’avez pas ouvert le lien de cet e-mail.',
  'changeemail.submit': 'Envoyer le lien de confirmation',
  'changeemail.unchanged': 'C’est déjà votre adresse e-mail.',
  'changeemail.sent_heading': 'Consultez votre nouvelle adresse e-mail',
  'changeemail.sent_body':
    'Si {email} peut être utilisée, un e-mail de confirmation est en route vers cette adresse. Votre adresse e-mail change lorsque vous ouvrez le lien de cet e-mail.',
};

export default fr;
