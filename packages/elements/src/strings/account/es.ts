import type { AccountStringTable } from './en.ts';

/** Spanish strings of the account elements (usted), loaded on demand under `lang="es"`. */
const es: AccountStringTable = {
  'field.current_password': 'Contraseña actual',
  'field.current_password.required': 'Introduzca su contraseña actual.',
  'field.new_email': 'Nueva dirección de correo electrónico',
  'error.email_taken': 'Esta dirección de correo electrónico ya pertenece a otra cuenta.',
  'changepw.heading': 'Cambiar su contraseña',
  'changepw.intro':
    'Introduzca su contraseña actual, elija y confirme una nueva y seleccione «Cambiar contraseña». Se cerrará la sesión en todos los demás dispositivos conectados a su cuenta.',
  'changepw.submit': 'Cambiar contraseña',
  'changepw.wrong_current': 'La contraseña actual no es correcta.',
  'changepw.done_heading': 'Su contraseña se ha cambiado',
  'changepw.done_body':
    'Se ha cerrado la sesión en sus otros dispositivos y se ha enviado un aviso a su dirección de correo electrónico. Aquí sigue con la sesión iniciada.',
  'changeemail.heading': 'Cambiar su dirección de correo electrónico',
  'changeemail.current': 'Inicia sesión con su dirección de correo electrónico, {email}.',
  'changeemail.intro':
    'Enviaremos un enlace de confirmación a la nueva dirección. No cambiará nada hasta que seleccione el enlace de ese correo.',
  'changeemail.submit': 'Enviar enlace de confirmación',
  'changeemail.unchanged': 'Esta ya es su dirección de correo electrónico.',
  'changeemail.sent_heading': 'Revise su nueva dirección de correo electrónico',
  'changeemail.sent_body':
    'Si se puede usar {email}, le hemos enviado un correo de confirmación. Su dirección de correo electrónico cambiará cuando seleccione el enlace de ese correo.',
};

export default es;
